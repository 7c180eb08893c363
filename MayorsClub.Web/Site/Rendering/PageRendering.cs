using MayorsClub.Core.Publishing;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>A request for one published page in one culture, read from one snapshot.</summary>
/// <param name="PageNumber">For paged lists: the 1-based page asked for (already checked to be ≥ 1).</param>
/// <param name="Tag">For the news list: only the articles with this tag (<c>?tag=</c>), when given.</param>
/// <param name="Viewer">Who reads the page; anonymous when null (every page the page cache keeps is).</param>
/// <param name="Files">For a member: the names and types of the library files the page links (members-only files are not in the snapshot).</param>
/// <param name="Query">The request's query string, for pages whose state is in it (the events calendar's filters, <c>tz</c>).</param>
public sealed record PageRequest(PublishedDocument Document, string Culture, PublishedSnapshot Snapshot, int PageNumber = 1, string? Tag = null,
    Viewer? Viewer = null, IReadOnlyDictionary<Guid, Media.LibraryFile>? Files = null, IQueryCollection? Query = null)
{
    /// <summary>The published content as this page's viewer may read it.</summary>
    public PublishedView View => Snapshot.For(Viewer ?? Core.Publishing.Viewer.Anonymous);

    /// <summary>The page's own values in its culture.</summary>
    public PublishedValues Values => View.Of(Document, Culture);
}

/// <summary>
/// What to render for a page: the Razor view, its model, and for paged lists how many pages there are (and, for a list
/// whose filters are in the query, its pager, so a page number past the end redirects with the filters kept).
/// </summary>
public sealed record PageRendering(string ViewName, object Model, int PageCount = 1, Pager? Pager = null);

/// <summary>Turns a published page into the view and model that render it (one view per document type).</summary>
public interface IPageRenderer
{
    PageRendering Render(PageRequest request);
}
