using MayorsClub.Core.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace MayorsClub.Web.Site;

/// <summary>Renders published pages from the in-memory snapshot; never touches the database.</summary>
public sealed class PageController(PublishedSnapshotService snapshots) : Controller
{
    [HttpGet("{culture:regex(^(uk|en)$)}/{**path}")]
    public IActionResult Show(string culture, string? path)
    {
        var snapshot = snapshots.Current;
        var document = snapshot.GetByUrl(culture, $"/{culture}/{path}");
        if (document is null)
        {
            return NotFoundView(culture);
        }

        return View("Page", new PageViewModel(document, culture, snapshot));
    }

    [HttpGet]
    public IActionResult NotFoundPage() => NotFoundView(CultureSelector.FromPathOrPreferred(Request));

    private ViewResult NotFoundView(string culture)
    {
        var view = View("NotFound", new NotFoundViewModel(culture));
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }
}
