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
    RichTextHtml? BodyHtml,
    IReadOnlyList<ChildPageLink> Children) : ISitePage;

/// <summary>A page below the current one, with its summary.</summary>
public sealed record ChildPageLink(string Title, string Url, string? Summary);

public static class ContentPageBuilder
{
    public static PageRendering Build(PageRequest request, Instant now)
    {
        var (page, culture, view, values) = (request.Document, request.Culture, request.View, request.Values);
        var title = page.Name(culture) ?? "";
        var image = MediaImages.First(values, ContentPage.Image, alt: "", ImageSlot.Figure);
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { Image = image });
        var children = view.ChildrenIn(page, culture)
            .Where(c => c.Url(culture) is not null)
            .Select(c => new ChildPageLink(c.Name(culture) ?? "", c.Url(culture)!, view.Of(c, culture).Text(ContentPage.Summary)))
            .ToList();
        // Other document types without a view of their own read the same way (their summary and text, if any).
        var body = RichTextHtml.From(values.RichText(ContentPage.Body) ?? values.RichText(Event.Description), view.Media);
        var summary = values.Text(ContentPage.Summary) ?? values.Text(NewsIndex.Intro);
        return new PageRendering("ContentPage", new ContentPageModel(layout, title, summary, image, body, children));
    }
}
