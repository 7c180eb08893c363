using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>A plain page (about, membership, privacy…) and the pages below it.</summary>
public sealed record ContentPageModel(
    SiteLayout Layout,
    string Title,
    string? Summary,
    ResponsiveImage? Image,
    string? BodyHtml,
    IReadOnlyList<ChildPageLink> Children) : ISitePage;

/// <summary>A page below the current one, with its summary.</summary>
public sealed record ChildPageLink(string Title, string Url, string? Summary);

public static class ContentPageBuilder
{
    public static PageRendering Build(PageRequest request, Instant now)
    {
        var (page, culture, snapshot) = (request.Document, request.Culture, request.Snapshot);
        var title = page.Name(culture) ?? "";
        var image = MediaImages.First(page, ContentPage.Image, culture, alt: "", snapshot);
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { Image = image });
        var children = page.ChildrenIn(culture)
            .Where(c => c.Url(culture) is not null)
            .Select(c => new ChildPageLink(c.Name(culture) ?? "", c.Url(culture)!, c.TextOrNull(ContentPage.Summary, culture)))
            .ToList();
        // Other document types without a view of their own read the same way (their summary and text, if any).
        var body = page.TextOrNull(ContentPage.Body, culture) ?? page.TextOrNull(Event.Description, culture);
        var summary = page.TextOrNull(ContentPage.Summary, culture) ?? page.TextOrNull(NewsIndex.Intro, culture);
        return new PageRendering("ContentPage", new ContentPageModel(layout, title, summary, image, body, children));
    }
}
