using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using MayorsClub.Core.Imaging;
using MayorsClub.Core.Media;
using Microsoft.Extensions.Options;
using NetVips;

namespace MayorsClub.Tests.Unit;

/// <summary>
/// The processor on images drawn here with NetVips: a 600×400 blue-to-green gradient with a red square near its right
/// edge. Every rmode against the output size ImageSharp.Web gives, the focal point moving the crop onto the square,
/// a phone photo (EXIF orientation 6, GPS) coming out upright with no metadata but the colour profile, each format by
/// its magic bytes, and the files libvips must refuse (truncated, a decompression bomb, text) refused, not thrown.
/// </summary>
public sealed class ImageProcessorTests
{
    private static readonly double[] Red = [220, 20, 30];
    private string _folder = null!;
    private string _photo = null!;
    private ImageProcessor _processor = null!;

    [OneTimeSetUp]
    public void DrawImages()
    {
        _folder = Path.Combine(Path.GetTempPath(), "image-processor-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _processor = new ImageProcessor(Options.Create(new ImagingOptions()), Options.Create(new MediaOptions()));

        using var x = Image.Xyz(600, 400)[0];
        using var green = (x * 255.0 / 600).Cast(Enums.BandFormat.Uchar);
        using var blue = (255 - x * 255.0 / 600).Cast(Enums.BandFormat.Uchar);
        using var zero = Image.Black(600, 400).Cast(Enums.BandFormat.Uchar);
        using var background = zero.Bandjoin(green, blue).Copy(interpretation: Enums.Interpretation.Srgb);
        using var square = Image.Black(60, 60).NewFromImage(Red).Cast(Enums.BandFormat.Uchar);
        using var drawn = background.Insert(square, 520, 170);
        _photo = Save("photo.png", drawn.PngsaveBuffer());
    }

    [OneTimeTearDown]
    public void RemoveImages() => Directory.Delete(_folder, recursive: true);

    [TestCase("width=300&height=300", 300, 300, TestName = "crop (default) fills the box")]
    [TestCase("width=1200&height=1200", 1200, 1200, TestName = "crop enlarges to the box")]
    [TestCase("width=300&height=300&rmode=max", 300, 200, TestName = "max fits inside")]
    [TestCase("width=1200&height=1200&rmode=max", 1200, 800, TestName = "max enlarges")]
    [TestCase("width=300&height=300&rmode=min", 450, 300, TestName = "min covers the box")]
    [TestCase("width=900&height=300&rmode=min", 600, 400, TestName = "min never enlarges")]
    [TestCase("width=300&height=300&rmode=pad", 300, 300, TestName = "pad fits and pads")]
    [TestCase("width=800&height=800&rmode=boxpad", 800, 800, TestName = "boxpad pads a smaller source")]
    [TestCase("width=300&height=300&rmode=boxpad", 300, 300, TestName = "boxpad shrinks a larger source")]
    [TestCase("width=300&height=100&rmode=stretch", 300, 100, TestName = "stretch distorts")]
    [TestCase("width=300", 300, 200, TestName = "width alone keeps the ratio")]
    [TestCase("height=100&rmode=max", 150, 100, TestName = "height alone keeps the ratio")]
    [TestCase("crop=card", 600, 400, TestName = "named crop card")]
    [TestCase("crop=portrait", 240, 240, TestName = "named crop portrait")]
    [TestCase("crop=og&width=600", 600, 315, TestName = "named crop scaled to a width")]
    [TestCase("crop=hero&height=350", 800, 350, TestName = "named crop scaled to a height")]
    [TestCase("format=webp", 600, 400, TestName = "format alone keeps the size")]
    public void EveryMode_GivesTheSizeImageSharpWebGives(string query, int width, int height)
    {
        using var output = Output(_photo, query, ImageOutputFormat.Png);

        Assert.That((output.Width, output.Height), Is.EqualTo((width, height)));
    }

    [Test]
    public void Padding_IsTransparentWhereTheFormatAllows_AndTheBackgroundColourOtherwise()
    {
        using var png = Output(_photo, "width=300&height=300&rmode=pad", ImageOutputFormat.Png);
        Assert.That(png.Getpoint(150, 5), Is.EqualTo(new double[] { 0, 0, 0, 0 }), "transparent above the fitted image");

        using var jpeg = Output(_photo, "width=300&height=300&rmode=pad", ImageOutputFormat.Jpeg);
        Assert.That(jpeg.Getpoint(150, 5), Is.EqualTo(new double[] { 255, 255, 255 }).Within(3), "white behind a JPEG");

        using var coloured = Output(_photo, "width=300&height=300&rmode=pad&bgcolor=000080", ImageOutputFormat.Jpeg);
        Assert.That(coloured.Getpoint(150, 5), Is.EqualTo(new double[] { 0, 0, 128 }).Within(4));

        using var anchored = Output(_photo, "width=300&height=300&rmode=pad&ranchor=top", ImageOutputFormat.Png);
        Assert.That(anchored.Getpoint(150, 5)[3], Is.EqualTo(255), "anchored at the top: the picture starts at the top edge");
    }

    [Test]
    public void TheFocalPoint_MovesTheCrop_OntoTheSquare()
    {
        // A 200×400 strip of the 600×400 image: centred, it misses the square at x 520-580; around a focal point at the
        // square, the strip is cut from x 400, so the square lies at x 120-180 of the output.
        using var centred = Output(_photo, "width=200&height=400", ImageOutputFormat.Png);
        using var fromLibrary = Output(_photo, "width=200&height=400", ImageOutputFormat.Png, new FocalPoint(0.9, 0.5));
        using var fromUrl = Output(_photo, "width=200&height=400&rxy=0.92,0.5", ImageOutputFormat.Png, new FocalPoint(0.1, 0.5));
        using var anchored = Output(_photo, "width=200&height=400&ranchor=right", ImageOutputFormat.Png);

        Assert.That(IsRed(centred.Getpoint(150, 200)), Is.False, "centred");
        Assert.That(IsRed(fromLibrary.Getpoint(150, 200)), Is.True, "the library's focal point");
        Assert.That(IsRed(fromUrl.Getpoint(150, 200)), Is.True, "the URL's rxy wins over the library's point");
        Assert.That(IsRed(anchored.Getpoint(150, 200)), Is.True, "ranchor=right without a focal point");
    }

    [Test]
    public void APhonePhoto_ComesOutUpright_WithNoExifNorGps_ButItsColourProfile()
    {
        // Stored sideways (300×200) with orientation 6: shown turned 90° clockwise, the red corner at the top left goes to the top right.
        using var stored = Image.Black(300, 200).NewFromImage(40, 80, 120).Copy(interpretation: Enums.Interpretation.Srgb).Cast(Enums.BandFormat.Uchar);
        using var corner = Image.Black(40, 40).NewFromImage(Red).Cast(Enums.BandFormat.Uchar);
        using var marked = stored.Insert(corner, 0, 0);
        using var phone = marked.Mutate(m =>
        {
            m.Set(GValue.GIntType, "orientation", 6);
            m.Set(GValue.GStrType, "exif-ifd0-Make", "TestPhone");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "50/1 27/1 0/1");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "30/1 31/1 0/1");
        });
        var path = Save("phone.jpg", phone.JpegsaveBuffer(q: 95, keep: Enums.ForeignKeep.All, profile: "srgb"));
        using (var source = Image.NewFromFile(path))
        {
            Assert.That(source.GetFields(), Does.Contain("exif-ifd3-GPSLatitude").And.Contain("icc-profile-data"), "the test photo carries GPS and a profile");
        }

        foreach (var format in Enum.GetValues<ImageOutputFormat>())
        {
            using var output = Output(path, "width=100", format);
            var fields = output.GetFields();

            Assert.That((output.Width, output.Height), Is.EqualTo((100, 150)), $"{format}: upright, portrait");
            Assert.That(IsRed(output.Getpoint(95, 5)), Is.True, $"{format}: the stored top-left corner is now top right");
            Assert.That(fields.Where(f => f.StartsWith("exif", StringComparison.Ordinal) || f.StartsWith("xmp", StringComparison.Ordinal)
                || f.Contains("gps", StringComparison.OrdinalIgnoreCase) || f == "orientation"), Is.Empty, $"{format}: {string.Join(", ", fields)}");
            Assert.That(fields, Does.Contain("icc-profile-data"), $"{format}: the colour profile stays");
        }
    }

    [TestCase(ImageOutputFormat.Jpeg, new byte[] { 0xFF, 0xD8, 0xFF }, 0)]
    [TestCase(ImageOutputFormat.Png, new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, 0)]
    [TestCase(ImageOutputFormat.WebP, new byte[] { (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, 8)]
    [TestCase(ImageOutputFormat.Avif, new byte[] { (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'a', (byte)'v', (byte)'i', (byte)'f' }, 4)]
    public void EachFormat_IsWrittenAsItsMagicBytesSay(ImageOutputFormat format, byte[] magic, int offset)
    {
        var processed = _processor.Process(_photo, Commands("width=160"), format, null);

        Assert.That(processed.Refusal, Is.Null);
        Assert.That(processed.Bytes.AsSpan(offset, magic.Length).ToArray(), Is.EqualTo(magic));
    }

    [Test]
    public void ATruncatedJpeg_ADecompressionBomb_AndTextNamedJpg_AreRefused_NotThrown()
    {
        using var whole = Image.NewFromFile(_photo);
        var jpeg = whole.JpegsaveBuffer(q: 90);
        var truncated = Save("truncated.jpg", jpeg[..(jpeg.Length / 2)]);
        var bomb = Save("bomb.png", PngBomb(20_000, 20_000));
        var text = Save("text.jpg", Encoding.UTF8.GetBytes("This is not a picture, only words with a .jpg name.\n"));

        Assert.That(new FileInfo(bomb).Length, Is.LessThan(200_000), "a bomb: a few kilobytes for 400 megapixels");
        Assert.That(_processor.Process(truncated, Commands("width=300"), ImageOutputFormat.WebP, null).Refusal?.Code, Is.EqualTo(ImageMessages.CannotProcess));
        Assert.That(_processor.Process(bomb, Commands("width=300"), ImageOutputFormat.WebP, null).Refusal?.Code, Is.EqualTo(ImageMessages.TooManyPixels));
        Assert.That(_processor.Process(text, Commands("width=300"), ImageOutputFormat.WebP, null).Refusal?.Code, Is.EqualTo(ImageMessages.CannotProcess));
        Assert.That(_processor.ReadHeader(text).Refusal?.Code, Is.EqualTo(ImageMessages.CannotProcess));
    }

    private Image Output(string path, string query, ImageOutputFormat format, FocalPoint? focalPoint = null)
    {
        var processed = _processor.Process(path, Commands(query), format, focalPoint);
        Assert.That(processed.Refusal, Is.Null, query);
        var image = Image.NewFromBuffer(processed.Bytes!);
        Assert.That((image.Width, image.Height), Is.EqualTo((processed.Width, processed.Height)));
        return image;
    }

    private static ImageCommands Commands(string query) =>
        ImageCommandParser.Parse(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)
            .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.FirstOrDefault())), 4000).Commands!;

    private static bool IsRed(double[] pixel) => pixel[0] > 180 && pixel[1] < 70 && pixel[2] < 80;

    private string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A valid 1-bit grey PNG of the given size, all black: it compresses to almost nothing and would decode to width × height pixels.</summary>
    public static byte[] PngBomb(int width, int height)
    {
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[1 + (width + 7) / 8];
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
