using ImageMagick;
using NetVips;

namespace MayorsClub.Core.Media;

/// <summary>
/// Turns an uploaded HEIC/HEIF photo into the JPEG the library keeps: upright (the HEIF transforms and any EXIF
/// orientation applied), sRGB (a Display P3 or other embedded profile converted, the sRGB profile attached),
/// alpha flattened on white, every other piece of metadata (EXIF with GPS, XMP) left behind, quality 90.
/// libvips reads HEIF through libheif, but the bundled native build has no HEVC decoder (libde265) for iPhone photos;
/// Magick.NET's does, so a file libvips cannot decode is decoded by ImageMagick's HEIC reader alone (the format is
/// named, so no other ImageMagick coder ever sees an upload) and handed back to libvips as an uncompressed TIFF.
/// Whether HEVC decodes in this process is found once, by converting a tiny HEVC picture shipped in this assembly.
/// </summary>
public static class HeicConversion
{
    public const int Quality = 90;

    private static readonly Lazy<bool> Decodes = new(Probe);

    /// <summary>Whether HEVC-coded HEIF images (iPhone photos) decode in this process, through libvips or ImageMagick.</summary>
    public static bool CanDecodeHevc => Decodes.Value;

    /// <summary>Writes the JPEG for the HEIF file at <paramref name="source"/> to <paramref name="target"/>; its upright size, or null when the file cannot be decoded.</summary>
    public static (int Width, int Height)? ToJpeg(string source, string target)
    {
        try
        {
            using var loaded = Image.NewFromFile(source, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            return Save(loaded, target);
        }
        catch (VipsException)
        {
            MediaStorage.DeleteFile(target);
        }

        try
        {
            using var decoded = Image.NewFromBuffer(DecodeWithImageMagick(source), access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            return Save(decoded, target);
        }
        catch (Exception e) when (e is VipsException or MagickException)
        {
            MediaStorage.DeleteFile(target);
            return null;
        }
    }

    private static (int Width, int Height) Save(Image loaded, string target)
    {
        using var upright = loaded.Autorot();
        using var srgb = ToSrgb(upright);
        using var flat = srgb.HasAlpha() ? srgb.Flatten(background: [255, 255, 255]) : srgb.Copy();
        flat.Jpegsave(target, q: Quality, keep: Enums.ForeignKeep.Icc, optimizeCoding: true);
        return (flat.Width, flat.Height);
    }

    /// <summary>
    /// The HEIC's pixels (libheif has applied its rotation and mirror boxes) and colour profile as an uncompressed
    /// TIFF; its EXIF is dropped, so libvips does not turn the picture a second time by a stale orientation tag.
    /// </summary>
    private static byte[] DecodeWithImageMagick(string source)
    {
        ResourceLimits.Width = 30_000; // the upload has already refused more than the pixel limit by the header
        ResourceLimits.Height = 30_000;
        using var image = new MagickImage(source, new MagickReadSettings { Format = MagickFormat.Heic });
        image.RemoveProfile("exif");
        image.RemoveProfile("xmp");
        image.Orientation = Orientation.TopLeft;
        image.Settings.Compression = CompressionMethod.NoCompression;
        return image.ToByteArray(MagickFormat.Tiff);
    }

    private static Image ToSrgb(Image image)
    {
        if (image.Contains("icc-profile-data"))
        {
            return image.IccTransform("srgb", embedded: true, intent: Enums.Intent.Perceptual, depth: 8);
        }

        var srgb = image.Colourspace(Enums.Interpretation.Srgb);
        return srgb.Format == Enums.BandFormat.Uchar ? srgb : srgb.Cast(Enums.BandFormat.Uchar);
    }

    private static bool Probe()
    {
        using var resource = typeof(HeicConversion).Assembly.GetManifestResourceStream("MayorsClub.Core.Media.hevc-probe.heic")
            ?? throw new InvalidOperationException("The HEVC probe picture is missing from the assembly.");
        var folder = Path.Combine(Path.GetTempPath(), "mc-hevc-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var source = Path.Combine(folder, "probe.heic");
            using (var file = File.Create(source))
            {
                resource.CopyTo(file);
            }

            return ToJpeg(source, Path.Combine(folder, "probe.jpg")) is not null;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
