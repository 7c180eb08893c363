using System.Globalization;
using MayorsClub.Core.Publishing;
using MayorsClub.Core.Search;
using MayorsClub.Web.Site;
using MayorsClub.Web.Site.Rendering;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace MayorsClub.Web.Search;

/// <summary>
/// The results page: the visitor's words, the kind filter, a page of ranked results with highlighted snippets, the count
/// and the pager. Anonymous and the same for everyone, so shared caches may keep it briefly; never indexed by robots.
/// </summary>
[AllowAnonymous]
public sealed class SearchController(SiteSearch search, PublishedSnapshotService snapshots, IClock clock) : Controller
{
    public const int PageSize = 10;

    public sealed record KindOption(string? Value, string Label, bool Selected);

    public sealed record ResultsPage(string Culture, string Words, string? Kind, SearchResults Results, Pager Pager,
        IReadOnlyList<KindOption> Kinds);

    [HttpGet("{culture:regex(^(uk|en)$)}/search")]
    public IActionResult Results(string culture)
    {
        var words = Request.Query[SearchPages.WordsParameter].FirstOrDefault() ?? "";
        var kind = Request.Query[SearchPages.KindParameter].FirstOrDefault() is { } k && SearchKinds.IsKnown(k) ? k : null;
        var page = RequestedPage();
        if (page is null)
        {
            var bad = View("BadRequest", new NotFoundViewModel(culture));
            bad.StatusCode = StatusCodes.Status400BadRequest;
            return bad;
        }

        var results = search.Search(new SearchQuery(culture, words) { Kind = kind, Page = page.Value, PageSize = PageSize });
        var filter = Filter(results.Words, kind);
        var pager = new Pager(results.Page, Math.Max(results.PageCount, 1), SearchPages.Path(culture), filter);
        if (results.Outcome == SearchOutcome.Searched && (page < 1 || (results.Total > 0 && page > results.PageCount)))
        {
            var nearest = Math.Clamp(page.Value, 1, Math.Max(results.PageCount, 1));
            return Redirect(pager.UrlOf(nearest));
        }

        var title = results.Words.Length > 0
            ? SearchText.Format(SearchText.TitleWithWords, culture, results.Words)
            : SearchText.Get(SearchText.Title, culture);
        ViewData[nameof(SiteLayout)] = Layout(culture, title);
        ViewData["Culture"] = culture;
        var model = new ResultsPage(culture, results.Words, kind, results, pager, KindOptions(culture, kind));
        var view = View(SearchPages.Views + "Results.cshtml", model);
        if (results.Outcome == SearchOutcome.Rebuilding)
        {
            // Nothing to search yet: a page that says so (200, like every other answer of this page), never kept by a cache.
            Response.Headers.CacheControl = "no-store";
            return view;
        }

        SearchPages.MarkCacheable(HttpContext);
        return view;
    }

    /// <summary>The page number from ?page=, 1 when absent, null when it is not a whole number.</summary>
    private int? RequestedPage()
    {
        if (!Request.Query.TryGetValue(PageController.PageParameter, out var values))
        {
            return 1;
        }

        return values.Count == 1 && int.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    private static string? Filter(string words, string? kind)
    {
        var parts = new List<string>();
        if (words.Length > 0)
        {
            parts.Add($"{SearchPages.WordsParameter}={Uri.EscapeDataString(words)}");
        }

        if (kind is not null)
        {
            parts.Add($"{SearchPages.KindParameter}={kind}");
        }

        return parts.Count == 0 ? null : string.Join('&', parts);
    }

    private static IReadOnlyList<KindOption> KindOptions(string culture, string? kind) =>
    [
        new(null, SearchText.Get(SearchText.KindAll, culture), kind is null),
        .. SearchKinds.All.Select(k => new KindOption(k, SearchText.Kind(k, culture), k == kind)),
    ];

    private SiteLayout Layout(string culture, string title)
    {
        var now = clock.GetCurrentInstant();
        var description = SearchText.Get(SearchText.Description, culture);
        SiteLayout layout;
        try
        {
            layout = SiteLayoutBuilder.ForStatusPage(snapshots.Current, culture, now, title, description);
        }
        catch (InvalidOperationException)
        {
            layout = SiteLayoutBuilder.Minimal(culture, now.InUtc().Year, title, description);
        }

        // The results page's own address in each language (noindex: robots are told not to keep it).
        var other = culture == "uk" ? "en" : "uk";
        return layout with
        {
            NoIndex = true,
            LanguageSwitch = layout.LanguageSwitch with { Url = SearchPages.Path(other), Hint = SiteText.Get(SiteText.OtherLanguageHint, culture), IsTwin = true },
        };
    }
}
