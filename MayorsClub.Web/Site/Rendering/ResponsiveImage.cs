using MayorsClub.Core.Publishing;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>
/// An image to render as &lt;picture&gt; with WebP and original-format sources at several widths, using the
/// ImageSharp-style query strings the imaging endpoint answers (<c>?width=800&amp;format=webp</c>).
/// </summary>
public sealed record ResponsiveImage(string Url, string Alt, int? Width = null, int? Height = null)
{
    /// <summary>The widths offered to the browser.</summary>
    public static IReadOnlyList<int> Widths { get; } = [480, 800, 1200, 1600];

    public string Src(int width, string? format = null) =>
        $"{Url}{(Url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}width={width}{(format is null ? "" : $"&format={format}")}";

    public string Srcset(string? format = null) => string.Join(", ", Widths.Select(w => $"{Src(w, format)} {w}w"));
}

/// <summary>Turns media picker values into images.</summary>
public static class MediaImages
{
    /// <summary>
    /// The first picked image, or null. The media library is a later issue: until it exists no media key can be
    /// resolved to a URL, so pages render without images (cards show a drawn placeholder instead).
    /// </summary>
#pragma warning disable IDE0060 // the parameters are the contract the media library will fill in
    public static ResponsiveImage? First(PublishedDocument document, string alias, string culture, string alt) => null;
#pragma warning restore IDE0060
}
