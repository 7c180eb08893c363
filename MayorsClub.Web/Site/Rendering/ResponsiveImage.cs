using System.Globalization;
using MayorsClub.Core.Imaging;
using MayorsClub.Core.Publishing;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>How a place on the page fits an image into its frame.</summary>
public enum ImageFit
{
    /// <summary>Cut to a named crop around the focal point (cards, the home hero, portraits).</summary>
    Crop,

    /// <summary>The whole image at its own shape, only narrower (an article's figure).</summary>
    Width,

    /// <summary>The whole image inside a box (rmode=max), at one and two times the box (partner logos).</summary>
    Box,
}

/// <summary>
/// A place on the site that shows a picked image, and how: which named crop (or none), the widths offered to the browser
/// (one and two times the width the CSS gives it, and a phone's full width), the <c>sizes</c> that say how wide it is
/// drawn, and whether it is the first image seen on arrival (eager, high priority) or waits until scrolled near.
/// The named crops each document type uses follow from its places: newsArticle and expertSession images are cut to
/// "card" on lists and shown whole on their page; event images the same; home.heroImage is "hero"; a speaker's photo
/// is "portrait"; a partner's logo is never cut; every page's own image (and siteSettings.shareImage) is shared as "og".
/// <c>ColumnWidth</c> (CSS pixels) is for a place that draws a whole picture at its own width up to its column's; 0 where
/// the place stretches it.
/// </summary>
public sealed record ImageSlot(ImageFit Fit, ImageCrop? Crop, IReadOnlyList<int> Widths, string Sizes, bool Eager = false, int BoxWidth = 0, int BoxHeight = 0, int ColumnWidth = 0)
{
    /// <summary>News and session cards: 22rem in a three-column grid, 45vw in two, the screen's width on a phone (site.css .card).</summary>
    public static ImageSlot Card { get; } = new(ImageFit.Crop, ImageCrops.Card, [300, 600, 900], "(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 100vw");

    /// <summary>An event card's picture: 14rem at the right on wide screens, heading the card below 56rem (.event-card__image).</summary>
    public static ImageSlot EventCard { get; } = new(ImageFit.Crop, ImageCrops.Card, [300, 600, 900], "(min-width: 56rem) 14rem, 100vw");

    /// <summary>The home page's hero: the whole band behind the title, the screen's width (.hero__media).</summary>
    public static ImageSlot Hero { get; } = new(ImageFit.Crop, ImageCrops.Hero, [640, 1024, 1600], "100vw", Eager: true);

    /// <summary>The main image of an article, a session, an event or a page: the whole picture across the 46rem column (.article__figure).</summary>
    public static ImageSlot Figure { get; } = new(ImageFit.Width, null, [480, 800, 1200, 1600], "(min-width: 48rem) 46rem, 100vw", Eager: true);

    /// <summary>
    /// A picture an editor put into the text of an article, a session, an event or a page: the whole picture, lazy, as wide
    /// as the 46rem column (.rich-text), or at its own width when it is narrower (never stretched: <see cref="ColumnWidth"/>).
    /// </summary>
    public static ImageSlot InText { get; } = new(ImageFit.Width, null, [480, 800, 1200, 1600], "(min-width: 48rem) 46rem, 100vw", ColumnWidth: 736);

    /// <summary>A speaker's round photo, 3rem across (.speaker__photo): one, two and three times.</summary>
    public static ImageSlot Portrait { get; } = new(ImageFit.Crop, ImageCrops.Portrait, [48, 96, 144], "3rem");

    /// <summary>A partner's logo, whole, at most 5rem high in a card at least 16rem wide (.partner-card__logo).</summary>
    public static ImageSlot Logo { get; } = new(ImageFit.Box, null, [], "", BoxWidth: 256, BoxHeight: 80);
}

/// <summary>
/// A picked image as a place shows it. Rendered by <c>_Picture.cshtml</c> as &lt;picture&gt; with an AVIF and a WebP
/// &lt;source&gt; and an &lt;img&gt; in JPEG (PNG for a source that may be transparent), every URL signed by
/// <see cref="ImageUrls"/>. Explicit formats rather than negotiation: a page is the same HTML for every browser (the page
/// cache keeps one copy), and each image URL names one file that any cache may keep without <c>Vary: Accept</c>.
/// </summary>
public sealed record ResponsiveImage(PublishedMedia Media, string Alt, ImageSlot Slot)
{
    public bool Eager => Slot.Eager;

    /// <summary>The img's width attribute: the crop's, the file's own, or the logo's size in its box.</summary>
    public int? Width => Size.Width;

    /// <summary>The img's height attribute, giving the rendered aspect so nothing moves as it loads.</summary>
    public int? Height => Size.Height;

    private (int? Width, int? Height) Size => Slot.Fit switch
    {
        ImageFit.Crop => (Slot.Crop!.Width, Slot.Crop.Height),
        ImageFit.Box => BoxSize(1),
        _ => (Media.Width, Media.Height),
    };

    /// <summary>The &lt;img&gt;'s format: PNG for PNG and GIF sources (they may be transparent), JPEG otherwise.</summary>
    public ImageOutputFormat FallbackFormat => Media.ContentType is "image/png" or "image/gif" ? ImageOutputFormat.Png : ImageOutputFormat.Jpeg;

    /// <summary>The srcset in a format: width descriptors, or 1x/2x for a box.</summary>
    public string Srcset(ImageUrls urls, ImageOutputFormat format) =>
        Slot.Fit == ImageFit.Box
            ? $"{urls.For(Media, BoxCommands(1, format))} 1x, {urls.For(Media, BoxCommands(2, format))} 2x"
            : string.Join(", ", OfferedWidths().Select(width => $"{urls.For(Media, Commands(width, format))} {width.ToString(CultureInfo.InvariantCulture)}w"));

    /// <summary>The &lt;img&gt;'s src for browsers without srcset: a middle width in the fallback format.</summary>
    public string Src(ImageUrls urls)
    {
        if (Slot.Fit == ImageFit.Box)
        {
            return urls.For(Media, BoxCommands(1, FallbackFormat));
        }

        var widths = OfferedWidths();
        return urls.For(Media, Commands(widths[(widths.Count - 1) / 2], FallbackFormat));
    }

    /// <summary>One URL at a width in the fallback format (a video's poster: no srcset there).</summary>
    public string At(ImageUrls urls, int width) => urls.For(Media, Commands(width, FallbackFormat));

    /// <summary>
    /// The sizes attribute (none for a box: its srcset says 1x and 2x). A picture a place draws at its own width when
    /// it is narrower than the column says so, or the browser would take it for a wider one (and fetch too much).
    /// </summary>
    public string? Sizes => Slot.Fit switch
    {
        ImageFit.Box => null,
        ImageFit.Width when Media.Width is { } own && own < Slot.ColumnWidth =>
            string.Create(CultureInfo.InvariantCulture, $"(min-width: {own}px) {own}px, 100vw"),
        _ => Slot.Sizes,
    };

    /// <summary>The widths offered: all of a crop's (it is drawn at any width); a whole image's up to its own width, never enlarged.</summary>
    public IReadOnlyList<int> OfferedWidths()
    {
        if (Slot.Fit != ImageFit.Width || Media.Width is not { } own || own >= Slot.Widths[^1])
        {
            return Slot.Widths;
        }

        var widths = Slot.Widths.Where(w => w < own).ToList();
        widths.Add(own);
        return widths;
    }

    private ImageCommands Commands(int width, ImageOutputFormat format) =>
        new() { Crop = Slot.Crop?.Alias, Width = width, Format = format };

    private ImageCommands BoxCommands(int scale, ImageOutputFormat format) =>
        new() { Width = Slot.BoxWidth * scale, Height = Slot.BoxHeight * scale, Mode = ResizeMode.Max, Format = format };

    /// <summary>The logo's size inside the box at a scale, keeping its shape and never enlarging it.</summary>
    private (int? Width, int? Height) BoxSize(int scale)
    {
        if (Media.Width is not { } width || Media.Height is not { } height || width <= 0 || height <= 0)
        {
            return (null, null);
        }

        var ratio = Math.Min(1, Math.Min((double)Slot.BoxWidth * scale / width, (double)Slot.BoxHeight * scale / height));
        return (Math.Max(1, (int)Math.Round(width * ratio)), Math.Max(1, (int)Math.Round(height * ratio)));
    }
}

/// <summary>Turns picked media of the read model into images for a place on the page.</summary>
public static class MediaImages
{
    /// <summary>A rich-text value with its library pictures shown as responsive images (see <see cref="RichTextHtml"/>), or null.</summary>
    public static RichTextHtml? InText(PublishedValues values, string alias) => RichTextHtml.From(values.RichText(alias), values.View.Media);

    /// <summary>
    /// The first picked image that is a public image of the library (the snapshot holds only those), or null. Its alt
    /// text is the library's in the culture (or the other culture's), else <paramref name="alt"/>.
    /// </summary>
    public static ResponsiveImage? First(PublishedValues values, string alias, string alt, ImageSlot slot) =>
        From(values.FirstImage(alias), values.Culture, alt, slot);

    /// <summary>A public image as a responsive image, as <see cref="First"/> (null for none).</summary>
    public static ResponsiveImage? From(PublishedMedia? image, string culture, string alt, ImageSlot slot)
    {
        if (image is null)
        {
            return null;
        }

        var text = image.Alt(culture);
        return new ResponsiveImage(image, text.Length > 0 ? text : alt, slot);
    }
}
