using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>
/// An image to render as &lt;picture&gt; with WebP and original-format sources at several widths, using the
/// ImageSharp-style query strings the imaging endpoint answers (<c>?width=800&amp;format=webp</c>).
/// </summary>
public sealed record ResponsiveImage(string Url, string Alt, int? Width = null, int? Height = null, FocalPoint? Focus = null)
{
    /// <summary>
    /// Classes that place the editor's focal point (in steps of 5 %, see "Focal points" in site.css), so an image
    /// cropped to its frame (cards, the hero) keeps what matters in view; null when none was set (the browser centres).
    /// A class, not a style attribute: the site's Content-Security-Policy allows no inline style.
    /// </summary>
    public string? FocusClass => Focus is { } focus ? $"focus-x{Step(focus.X)} focus-y{Step(focus.Y)}" : null;

    private static int Step(double fraction) => (int)Math.Round(Math.Clamp(fraction, 0, 1) * 20, MidpointRounding.AwayFromZero) * 5;

    /// <summary>The widths offered to the browser.</summary>
    public static IReadOnlyList<int> Widths { get; } = [480, 800, 1200, 1600];

    public string Src(int width, string? format = null) =>
        $"{Url}{(Url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}width={width}{(format is null ? "" : $"&format={format}")}";

    public string Srcset(string? format = null) => string.Join(", ", Widths.Select(w => $"{Src(w, format)} {w}w"));
}

/// <summary>Turns picked media of the read model into images.</summary>
public static class MediaImages
{
    /// <summary>
    /// The first picked image that is a public image of the library (the snapshot holds only those), or null. Its alt
    /// text is the library's in the culture (or the other culture's), else <paramref name="alt"/>.
    /// </summary>
    public static ResponsiveImage? First(PublishedValues values, string alias, string alt) => From(values.FirstImage(alias), values.Culture, alt);

    /// <summary>A public image as a responsive image, as <see cref="First"/> (null for none).</summary>
    public static ResponsiveImage? From(PublishedMedia? image, string culture, string alt)
    {
        if (image is null)
        {
            return null;
        }

        var text = image.Alt(culture);
        return new ResponsiveImage(image.Url, text.Length > 0 ? text : alt, image.Width, image.Height, image.FocalPoint);
    }
}
