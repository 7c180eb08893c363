using System.Diagnostics;
using System.Globalization;
using ImageMagick;
using SixLabors.ImageSharp.Processing;
using SkiaSharp;
using VipsImage = NetVips.Image;

// The same 3000×2000 photo-like JPEG (q90) resized to 800 px wide WebP (quality 80) by each library, each in its own
// child process so that its peak memory (VmHWM) is its own: ms per image p50 and p95 over RUNS after WARMUP runs.
// Usage: dotnet ImagingBench.dll [runs] [warmup]          (the parent: makes the photo, runs the children, prints the table)
//        dotnet ImagingBench.dll --child LIBRARY PHOTO RUNS WARMUP
const int Width = 800;
const int Quality = 80;
string[] libraries = ["netvips", "skiasharp", "magick", "imagesharp"];

if (args is ["--child", var childLibrary, var photo, var runsText, var warmupText])
{
    Child(childLibrary, photo, int.Parse(runsText, CultureInfo.InvariantCulture), int.Parse(warmupText, CultureInfo.InvariantCulture));
    return 0;
}

var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var warmup = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var photoPath = Path.Combine(Path.GetTempPath(), $"imagingbench-{Environment.ProcessId}.jpg");
try
{
    MakePhoto(photoPath);
    Console.WriteLine($"photo: 3000×2000 JPEG q90, {new FileInfo(photoPath).Length / 1024} KB; → {Width} px wide WebP q{Quality}; {runs} runs after {warmup} warm-up; load average {File.ReadAllText("/proc/loadavg").Split(' ')[..3].Aggregate((a, b) => a + " " + b)}");
    Console.WriteLine($"| {"library",-34} | {"p50 ms",7} | {"p95 ms",7} | {"peak RSS MB",11} | {"WebP bytes",10} |");
    Console.WriteLine($"|{new string('-', 36)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 13)}|{new string('-', 12)}|");
    foreach (var library in libraries)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (!Environment.ProcessPath!.EndsWith("ImagingBench", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(Program).Assembly.Location); // run as "dotnet ImagingBench.dll"
        }

        foreach (var argument in new[] { "--child", library, photoPath, runs.ToString(CultureInfo.InvariantCulture), warmup.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        var errors = child.StandardError.ReadToEnd();
        child.WaitForExit();
        Console.WriteLine(child.ExitCode == 0 ? output.TrimEnd() : $"| {library,-34} | failed: {errors.Split('\n')[0]}");
    }
}
finally
{
    File.Delete(photoPath);
}

return 0;

static void Child(string library, string photoPath, int runs, int warmup)
{
    var photo = File.ReadAllBytes(photoPath);
    Func<byte[], byte[]> resize = library switch
    {
        "netvips" => NetVipsResize,
        "skiasharp" => SkiaResize,
        "magick" => MagickResize,
        "imagesharp" => ImageSharpResize,
        _ => throw new ArgumentException($"unknown library {library}"),
    };
    var name = library switch
    {
        "netvips" => $"NetVips {VersionOf(typeof(VipsImage))} (libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)})",
        "skiasharp" => $"SkiaSharp {VersionOf(typeof(SKBitmap))}",
        "magick" => $"Magick.NET-Q8 {VersionOf(typeof(MagickImage))}",
        _ => $"ImageSharp {VersionOf(typeof(SixLabors.ImageSharp.Image))}",
    };

    var size = 0;
    for (var i = 0; i < warmup; i++)
    {
        size = resize(photo).Length;
    }

    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        size = resize(photo).Length;
        times[i] = watch.Elapsed.TotalMilliseconds;
    }

    Array.Sort(times);
    var peak = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name,-34} | {Percentile(times, 50),7:0.0} | {Percentile(times, 95),7:0.0} | {long.Parse(peak, CultureInfo.InvariantCulture) / 1024.0,11:0} | {size,10} |"));
}

// The package's version (assembly versions stay at x.0.0 in some of them).
static string VersionOf(Type type) =>
    (type.Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false).FirstOrDefault()
        as System.Reflection.AssemblyInformationalVersionAttribute)?.InformationalVersion.Split('+')[0] ?? "?";

static double Percentile(double[] sorted, int percent) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];

// Shrink-on-load as the site's endpoint does it: the JPEG is decoded at a fraction of its size when that is enough.
static byte[] NetVipsResize(byte[] photo)
{
    using var thumbnail = VipsImage.ThumbnailBuffer(photo, Width);
    return thumbnail.WebpsaveBuffer(q: Quality);
}

static byte[] SkiaResize(byte[] photo)
{
    using var decoded = SKBitmap.Decode(photo);
    var height = (int)Math.Round(decoded.Height * (double)Width / decoded.Width);
    using var resized = decoded.Resize(new SKImageInfo(Width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
    using var image = SKImage.FromBitmap(resized);
    using var data = image.Encode(SKEncodedImageFormat.Webp, Quality);
    return data.ToArray();
}

static byte[] MagickResize(byte[] photo)
{
    // jpeg:size lets libjpeg decode at a reduced scale, ImageMagick's own shrink-on-load.
    var settings = new MagickReadSettings();
    settings.SetDefine(MagickFormat.Jpeg, "size", $"{Width}x{Width}");
    using var image = new MagickImage(photo, settings);
    image.Resize((uint)Width, 0);
    image.Quality = Quality;
    return image.ToByteArray(MagickFormat.WebP);
}

static byte[] ImageSharpResize(byte[] photo)
{
    using var image = SixLabors.ImageSharp.Image.Load(photo);
    image.Mutate(x => x.Resize(Width, 0));
    using var output = new MemoryStream();
    image.Save(output, new SixLabors.ImageSharp.Formats.Webp.WebpEncoder { Quality = Quality });
    return output.ToArray();
}

// Gradients, noise and shapes: a picture that compresses like a photo, made the same way every time.
static void MakePhoto(string path)
{
    using var x = VipsImage.Xyz(3000, 2000);
    using var gx = x[0] / 3000.0;
    using var gy = x[1] / 2000.0;
    using var red = gx * 180 + 40;
    using var green = gy * 140 + 60;
    using var blue = (gx + gy) * 60 + 80;
    using var ground = red.Bandjoin(green, blue);
    using var noise = VipsImage.Gaussnoise(3000, 2000, sigma: 18, mean: 0, seed: 42);
    using var noisy = ground + noise.Bandjoin(noise, noise);
    using var waves = (((x[0] * 0.01).Sin() + (x[1] * 0.013).Cos()) * 20);
    using var textured = noisy + waves.Bandjoin(waves, waves);
    using var clipped = textured.Cast(NetVips.Enums.BandFormat.Uchar);
    var random = new Random(42);
    using var drawn = clipped.Mutate(m =>
    {
        for (var i = 0; i < 40; i++)
        {
            double[] colour = [random.Next(256), random.Next(256), random.Next(256)];
            m.DrawCircle(colour, random.Next(3000), random.Next(2000), random.Next(20, 300), fill: true);
            m.DrawRect(colour, random.Next(3000), random.Next(2000), random.Next(20, 400), random.Next(20, 400), fill: random.Next(2) == 0);
        }
    });
    using var blurred = drawn.Gaussblur(1.2);
    using var photoNoise = VipsImage.Gaussnoise(3000, 2000, sigma: 6, mean: 0, seed: 7);
    using var final = (blurred + photoNoise.Bandjoin(photoNoise, photoNoise)).Cast(NetVips.Enums.BandFormat.Uchar);
    final.Jpegsave(path, q: 90);
}
