using System.Globalization;
using System.Text;

namespace MayorsClub.Core.Imaging;

/// <summary>How an image is fitted to the asked width and height (ImageSharp.Web's <c>rmode</c>).</summary>
public enum ResizeMode
{
    /// <summary>Fill the box, cutting what overflows around the focal point or anchor (the default).</summary>
    Crop,

    /// <summary>Fit inside the box, keeping the aspect ratio.</summary>
    Max,

    /// <summary>At least the box, keeping the aspect ratio (never larger than the source).</summary>
    Min,

    /// <summary>Fit inside the box and pad the rest with the background colour.</summary>
    Pad,

    /// <summary>As <see cref="Pad"/>, but a smaller source is padded without being enlarged.</summary>
    BoxPad,

    /// <summary>Exactly the box, distorting the aspect ratio.</summary>
    Stretch,
}

/// <summary>Where a crop or pad keeps the image when no focal point is given (ImageSharp.Web's <c>ranchor</c>).</summary>
public enum ResizeAnchor
{
    Center,
    Top,
    Bottom,
    Left,
    Right,
    TopLeft,
    TopRight,
    BottomLeft,
    BottomRight,
}

/// <summary>The formats the endpoint writes.</summary>
public enum ImageOutputFormat
{
    Jpeg,
    Png,
    WebP,
    Avif,
}

/// <summary>
/// What a request asks of an image, in ImageSharp.Web's query-string vocabulary:
/// <c>width, height, rmode, ranchor, rxy, format, quality, bgcolor</c>, plus <c>crop=alias</c> for a named crop.
/// <see cref="Format"/> null means "negotiate from the Accept header". The canonical query (<see cref="ToQuery"/>)
/// is the one form the site writes, signs and caches under: fixed order, lower-case, defaults left out.
/// </summary>
public sealed record ImageCommands
{
    /// <summary>The query keys that are image commands (anything else in the query is ignored, as ImageSharp.Web does).</summary>
    public static IReadOnlyList<string> Keys { get; } = ["crop", "width", "height", "rmode", "ranchor", "rxy", "bgcolor", "format", "quality"];

    public string? Crop { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public ResizeMode Mode { get; init; } = ResizeMode.Crop;

    public ResizeAnchor Anchor { get; init; } = ResizeAnchor.Center;

    /// <summary>A focal point given in the URL (rxy=x,y, fractions 0..1); overrides the library's.</summary>
    public (double X, double Y)? FocalPoint { get; init; }

    /// <summary>Background for padding and for transparency in JPEG, as lower-case hex RRGGBB.</summary>
    public string? Background { get; init; }

    public ImageOutputFormat? Format { get; init; }

    public int? Quality { get; init; }

    /// <summary>Whether the request asks for anything at all (else the original file is served).</summary>
    public bool IsEmpty => this == Empty;

    public static ImageCommands Empty { get; } = new();

    /// <summary>The canonical query string of the commands, without a leading '?': what is signed and cached under.</summary>
    public string ToQuery()
    {
        var query = new StringBuilder();
        void Add(string key, string? value)
        {
            if (value is null)
            {
                return;
            }

            query.Append(query.Length == 0 ? "" : "&").Append(key).Append('=').Append(value);
        }

        Add("crop", Crop?.ToLowerInvariant());
        Add("width", Width?.ToString(CultureInfo.InvariantCulture));
        Add("height", Height?.ToString(CultureInfo.InvariantCulture));
        Add("rmode", Mode == ResizeMode.Crop ? null : Mode.ToString().ToLowerInvariant());
        Add("ranchor", Anchor == ResizeAnchor.Center ? null : Anchor.ToString().ToLowerInvariant());
        Add("rxy", FocalPoint is { } point ? $"{Fraction(point.X)},{Fraction(point.Y)}" : null);
        Add("bgcolor", Background);
        Add("format", Format is { } format ? FormatName(format) : null);
        Add("quality", Quality?.ToString(CultureInfo.InvariantCulture));
        return query.ToString();
    }

    public static string FormatName(ImageOutputFormat format) => format switch
    {
        ImageOutputFormat.Jpeg => "jpg",
        ImageOutputFormat.Png => "png",
        ImageOutputFormat.WebP => "webp",
        _ => "avif",
    };

    public static string ContentType(ImageOutputFormat format) => format switch
    {
        ImageOutputFormat.Jpeg => "image/jpeg",
        ImageOutputFormat.Png => "image/png",
        ImageOutputFormat.WebP => "image/webp",
        _ => "image/avif",
    };

    private static string Fraction(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
