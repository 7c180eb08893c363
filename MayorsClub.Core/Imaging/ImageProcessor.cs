using MayorsClub.Core.Media;
using Microsoft.Extensions.Options;
using NetVips;

namespace MayorsClub.Core.Imaging;

/// <summary>
/// Makes one variant of an image with libvips: reads the header first (refusing a source over
/// <see cref="MediaOptions.MaxImagePixels"/> before a pixel is decoded), then <c>thumbnail</c> from the file (JPEG
/// shrink-on-load, EXIF auto-rotation, the embedded colour profile converted to sRGB), cuts or pads to the box as
/// ImageSharp.Web's <c>rmode</c> does, and encodes without any metadata but the colour profile (no EXIF, GPS, XMP).
/// Animated GIFs give their first frame. Any libvips failure (truncated file, not an image) is a refusal, never an
/// exception to the caller.
/// </summary>
public sealed class ImageProcessor
{
    /// <summary>
    /// AVIF (AV1) encoder effort, 0 (fastest) to 9. Measured on this 2-core machine for an 800 px variant of a
    /// 3000×2000 JPEG (decode with shrink-on-load, resize, encode), in CPU time: effort 0 about 60 ms, 1 about 70 ms,
    /// 2 about 110-150 ms, 3 about 155 ms, 4 about 690 ms; the files differ by a few per cent up to effort 3
    /// (21-22 kB) and shrink only at 4 (13 kB). Effort 1 keeps a first hit well under 150 ms.
    /// </summary>
    public const int AvifEffort = 1;

    private readonly ImagingOptions _options;
    private readonly long _maxPixels;

    static ImageProcessor()
    {
        // We keep our own cache of results on disk: libvips' operation cache would only hold memory and open files.
        Cache.Max = 0;
        Cache.MaxFiles = 0;
        Cache.MaxMem = 0;
        // One thread per image: the endpoint's own limit decides how many images are processed at once, so a huge
        // image cannot take every core from page views.
        NetVips.NetVips.Concurrency = 1;
        // Loaders that are not fuzzed for hostile input (ImageMagick, matio, FITS…) are never used.
        NetVips.NetVips.BlockUntrusted = true;
    }

    public ImageProcessor(IOptions<ImagingOptions> options, IOptions<MediaOptions> media)
    {
        _options = options.Value;
        _maxPixels = media.Value.MaxImagePixels;
    }

    /// <summary>The upright size and transparency of a source, from its header; a refusal when libvips cannot read it or it is too large.</summary>
    public ImageSourceHeader ReadHeader(string path)
    {
        try
        {
            using var header = Image.NewFromFile(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            var turned = header.Contains("orientation") && header.Get("orientation") is int orientation && orientation is >= 5 and <= 8;
            var (width, height) = turned ? (header.Height, header.Width) : (header.Width, header.Height);
            var refusal = (long)width * height > _maxPixels ? new ImageRefusal(ImageMessages.TooManyPixels) : null;
            return new ImageSourceHeader(width, height, header.HasAlpha(), refusal) { HasProfile = header.Contains("icc-profile-data") };
        }
        catch (VipsException)
        {
            return new ImageSourceHeader(0, 0, false, new ImageRefusal(ImageMessages.CannotProcess));
        }
    }

    /// <summary>The variant's encoded bytes, or why the source cannot be processed.</summary>
    /// <param name="libraryFocalPoint">The focal point set in the media library (the URL's rxy wins over it).</param>
    public ProcessedImage Process(string path, ImageCommands commands, ImageOutputFormat format, FocalPoint? libraryFocalPoint)
    {
        var header = ReadHeader(path);
        if (header.Refusal is not null)
        {
            return new ProcessedImage(null, 0, 0, header.Refusal);
        }

        try
        {
            var plan = ImageGeometry.Plan(header.Width, header.Height, commands, libraryFocalPoint is { } f ? (f.X, f.Y) : null);
            // An embedded profile is converted to sRGB; without one the pixels already are sRGB (asking for the
            // conversion anyway would run every pixel through the colour engine for nothing).
            var image = Image.Thumbnail(path, plan.ResizeWidth, plan.ResizeHeight, size: Enums.Size.Force,
                failOn: Enums.FailOn.Error, outputProfile: header.HasProfile ? "srgb" : null);
            try
            {
                image = Replace(image, Prepare(image));
                if (plan.Crop is { } crop)
                {
                    image = Replace(image, image.ExtractArea(crop.Left, crop.Top, crop.Width, crop.Height));
                }

                var transparentBackground = format != ImageOutputFormat.Jpeg && commands.Background is null;
                if (plan.Pad is { } pad)
                {
                    if (transparentBackground && !image.HasAlpha())
                    {
                        image = Replace(image, image.Bandjoin(255));
                    }

                    var background = transparentBackground ? new double[] { 0, 0, 0, 0 } : WithAlpha(Rgb(commands.Background), image.HasAlpha());
                    image = Replace(image, image.Gravity(Direction(pad.Anchor), pad.Width, pad.Height, Enums.Extend.Background, background));
                }

                if (format == ImageOutputFormat.Jpeg && image.HasAlpha())
                {
                    image = Replace(image, image.Flatten(Rgb(commands.Background)));
                }

                var bytes = Encode(image, format, commands.Quality ?? _options.DefaultQuality);
                return new ProcessedImage(bytes, image.Width, image.Height, null);
            }
            finally
            {
                image.Dispose();
            }
        }
        catch (VipsException)
        {
            return new ProcessedImage(null, 0, 0, new ImageRefusal(ImageMessages.CannotProcess));
        }
    }

    /// <summary>8-bit sRGB (with its alpha if any): grey, 16-bit and CMYK sources come out as browsers expect.</summary>
    private static Image Prepare(Image image) =>
        image.Interpretation == Enums.Interpretation.Srgb && image.Format == Enums.BandFormat.Uchar
            ? image
            : image.Colourspace(Enums.Interpretation.Srgb).Cast(Enums.BandFormat.Uchar);

    private static byte[] Encode(Image image, ImageOutputFormat format, int quality) => format switch
    {
        ImageOutputFormat.Jpeg => image.JpegsaveBuffer(q: quality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.Icc),
        ImageOutputFormat.Png => image.PngsaveBuffer(compression: 6, keep: Enums.ForeignKeep.Icc),
        ImageOutputFormat.WebP => image.WebpsaveBuffer(q: quality, effort: 4, keep: Enums.ForeignKeep.Icc),
        // AV1's quality scale runs lower than JPEG's for the same look: 80 → 60.
        _ => image.HeifsaveBuffer(q: Math.Max(1, quality * 3 / 4), bitdepth: 8, compression: Enums.ForeignHeifCompression.Av1,
            effort: AvifEffort, keep: Enums.ForeignKeep.Icc),
    };

    private static Image Replace(Image old, Image next)
    {
        if (!ReferenceEquals(old, next))
        {
            old.Dispose();
        }

        return next;
    }

    private static double[] Rgb(string? hex)
    {
        hex ??= "ffffff";
        return [Convert.ToInt32(hex[..2], 16), Convert.ToInt32(hex[2..4], 16), Convert.ToInt32(hex[4..6], 16)];
    }

    private static double[] WithAlpha(double[] rgb, bool alpha) => alpha ? [.. rgb, 255] : rgb;

    private static Enums.CompassDirection Direction(ResizeAnchor anchor) => anchor switch
    {
        ResizeAnchor.Top => Enums.CompassDirection.North,
        ResizeAnchor.Bottom => Enums.CompassDirection.South,
        ResizeAnchor.Left => Enums.CompassDirection.West,
        ResizeAnchor.Right => Enums.CompassDirection.East,
        ResizeAnchor.TopLeft => Enums.CompassDirection.NorthWest,
        ResizeAnchor.TopRight => Enums.CompassDirection.NorthEast,
        ResizeAnchor.BottomLeft => Enums.CompassDirection.SouthWest,
        ResizeAnchor.BottomRight => Enums.CompassDirection.SouthEast,
        _ => Enums.CompassDirection.Centre,
    };
}

/// <summary>What a source's header says: its upright size, whether it has transparency, or why it is refused.</summary>
public sealed record ImageSourceHeader(int Width, int Height, bool HasAlpha, ImageRefusal? Refusal)
{
    /// <summary>Whether the source embeds a colour profile.</summary>
    public bool HasProfile { get; init; }
}

/// <summary>A processed variant: its bytes and size, or the refusal.</summary>
public sealed record ProcessedImage(byte[]? Bytes, int Width, int Height, ImageRefusal? Refusal);
