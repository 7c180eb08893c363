using System.Globalization;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Media;
using MayorsClub.Web.Members;
using MayorsClub.Web.Site.Rendering;
using Microsoft.AspNetCore.Mvc;

namespace MayorsClub.Web.Site;

/// <summary>
/// Renders published pages from the in-memory snapshot for the viewer (anonymous, or the signed-in member); never
/// touches the database, except to name the files a member's session page links (kept in memory after the first time).
/// </summary>
public sealed class PageController(PublishedSnapshotService snapshots, IPageRenderer renderer, ProtectedMediaCatalog files) : Controller
{
    public const string PageParameter = "page";
    public const string TagParameter = "tag";

    [HttpGet("{culture:regex(^(uk|en)$)}/{**path}")]
    [PublishedPage]
    [ConditionalGet]
    public async Task<IActionResult> Show(string culture, string? path)
    {
        var snapshot = snapshots.Current;
        // A member's page is theirs alone: the request carries the member cookie, so neither the page cache nor
        // ConditionalGet lets anyone else have it (see IdentityCookies).
        var viewer = await MemberSecurity.ViewerAsync(HttpContext);

        var document = snapshot.For(viewer).GetByUrl(culture, $"/{culture}/{path}");
        if (document is null)
        {
            return NotFoundView(culture);
        }

        var pageNumber = RequestedPage();
        if (pageNumber is null)
        {
            return BadPageNumber(culture);
        }

        var tag = RequestedTag();
        IReadOnlyDictionary<Guid, LibraryFile>? linked = null;
        if (viewer.IsMember && document.ContentType == ExpertSession.Alias)
        {
            linked = await files.GetAsync(ExpertSessionPageBuilder.FilesOf(snapshot.For(viewer).Of(document, culture)), HttpContext.RequestAborted);
        }

        var rendering = renderer.Render(new PageRequest(document, culture, snapshot, Math.Max(pageNumber.Value, 1), tag, viewer, linked, Request.Query));
        if (pageNumber < 1 || pageNumber > rendering.PageCount)
        {
            // The nearest page that exists: the first for zero or less, the last past the end.
            var nearest = Math.Clamp(pageNumber.Value, 1, Math.Max(rendering.PageCount, 1));
            return Redirect((rendering.Pager ?? new Pager(nearest, rendering.PageCount, document.Url(culture)!, tag is null ? null : Pager.TagFilter(tag))).UrlOf(nearest));
        }

        return View(rendering.ViewName, rendering.Model);
    }

    [HttpGet]
    public IActionResult NotFoundPage() => NotFoundView(CultureSelector.FromPathOrPreferred(Request));

    /// <summary>The page number from ?page=, 1 when absent, null when it is not a whole number.</summary>
    private int? RequestedPage()
    {
        if (!Request.Query.TryGetValue(PageParameter, out var values))
        {
            return 1;
        }

        return values.Count == 1 && int.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    /// <summary>The tag from ?tag=, trimmed; null when absent, empty or not a plausible tag.</summary>
    private string? RequestedTag() =>
        Request.Query.TryGetValue(TagParameter, out var values) && values.Count == 1 && values[0]?.Trim() is { Length: > 0 and <= 100 } tag
            ? tag
            : null;

    private ViewResult NotFoundView(string culture)
    {
        var view = View("NotFound", new NotFoundViewModel(culture));
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }

    private ViewResult BadPageNumber(string culture)
    {
        var view = View("BadRequest", new NotFoundViewModel(culture));
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
