namespace MayorsClub.Web.Site.Rendering;

/// <summary>Renders every document type with the generic page view.</summary>
public sealed class PageRenderer : IPageRenderer
{
    public PageRendering Render(PageRequest request) =>
        new("Page", new PageViewModel(request.Document, request.Culture, request.Snapshot));
}
