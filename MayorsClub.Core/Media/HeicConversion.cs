using NetVips;

namespace MayorsClub.Core.Media;

/// <summary>
/// Turns an uploaded HEIC/HEIF photo into the JPEG the library keeps: upright (the HEIF transforms and any EXIF
/// orientation applied), sRGB (a Display P3 or other embedded profile converted, the sRGB profile attached),
/// alpha flattened on white, every other piece of metadata (EXIF with GPS, XMP) left behind, quality 90.
/// libvips reads HEIF through libheif, which needs an HEVC decoder (libde265) for iPhone photos: whether this
/// process's native build has one is found once, by decoding a tiny HEVC picture shipped in this assembly.
/// </summary>
public static class HeicConversion
{
    public const int Quality = 90;

    private static readonly Lazy<bool> Decodes = new(Probe);

    /// <summary>Whether the native libvips in use can decode HEVC-coded HEIF images.</summary>
    public static bool CanDecodeHevc => Decodes.Value;

    /// <summary>Writes the JPEG for the HEIF file at <paramref name="source"/> to <paramref name="target"/>; its upright size, or null when the file cannot be decoded.</summary>
    public static (int Width, int Height)? ToJpeg(string source, string target)
    {
        try
        {
            using var loaded = Image.NewFromFile(source, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            using var upright = loaded.Autorot();
            using var srgb = ToSrgb(upright);
            using var flat = srgb.HasAlpha() ? srgb.Flatten(background: [255, 255, 255]) : srgb.Copy();
            flat.Jpegsave(target, q: Quality, keep: Enums.ForeignKeep.Icc, optimizeCoding: true);
            return (flat.Width, flat.Height);
        }
        catch (VipsException)
        {
            MediaStorage.DeleteFile(target);
            return null;
        }
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
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        try
        {
            using var image = Image.NewFromBuffer(copy.ToArray(), access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            _ = image.Avg();
            return true;
        }
        catch (VipsException)
        {
            return false;
        }
    }
}
