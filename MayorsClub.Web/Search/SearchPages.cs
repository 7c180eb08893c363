using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using MayorsClub.Core.Search;
using MayorsClub.Web.Site;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MayorsClub.Web.Search;

/// <summary>
/// The public site search: the results page <c>/{culture}/search?q=&amp;kind=&amp;page=</c> (<see cref="SearchController"/>),
/// the search box in every page's header and its suggestions <c>/{culture}/search/suggest?q=</c>.
/// </summary>
public static class SearchPages
{
    public const string Views = "/Search/Views/";

    /// <summary>The header's search box (model: the page's culture).</summary>
    public const string SearchBox = Views + "_SearchBox.cshtml";

    public const string WordsParameter = "q";
    public const string KindParameter = "kind";

    /// <summary>How long browsers and shared caches may keep an anonymous results page or suggestion list.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    public static string Path(string culture) => $"/{culture}/search";

    public static string SuggestPath(string culture) => $"/{culture}/search/suggest";

    /// <summary>The pages' services (the search itself is Core's <c>AddMayorsClubSearch</c>).</summary>
    public static IServiceCollection AddMayorsClubSearchPages(this IServiceCollection services)
    {
        services.TryAddSingleton<IdentityCookies>();
        return services;
    }

    private static readonly NodaTime.DateTimeZone ClubZone = NodaTime.DateTimeZoneProviders.Tzdb["Europe/Kyiv"];

    /// <summary>The day a result is dated, in the club's zone.</summary>
    public static NodaTime.LocalDate DayOf(SearchHit hit) => NodaTime.Instant.FromDateTimeOffset(hit.Date).InZone(ClubZone).Date;

    /// <summary>The suggestions endpoint (the results page is an attribute-routed controller).</summary>
    public static void MapMayorsClubSearch(this WebApplication app)
    {
        app.MapGet("/{culture:regex(^(uk|en)$)}/search/suggest", (HttpContext context, string culture, SiteSearch search) =>
            {
                var words = context.Request.Query[WordsParameter].FirstOrDefault();
                var suggestions = search.Suggest(culture, words);
                if (search.CanSearch)
                {
                    MarkCacheable(context);
                }
                else
                {
                    context.Response.Headers.CacheControl = "no-store";
                }

                return Results.Content(SuggestionsHtml(culture, suggestions), "text/html; charset=utf-8");
            })
            .ExcludeFromDescription();
    }

    /// <summary>
    /// The same for every visitor, so shared caches may keep it briefly; a request with a signed-in identity gets
    /// "private, no-store" (the page's header carries the member's name).
    /// </summary>
    public static void MarkCacheable(HttpContext context)
    {
        var personal = context.RequestServices.GetRequiredService<IdentityCookies>().AnyIn(context.Request)
            || context.Request.Headers.Authorization.Count > 0;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.CacheControl = personal
                ? "private, no-store"
                : $"public, max-age={((int)MaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture)}";
            return Task.CompletedTask;
        });
    }

    /// <summary>A short list of links (titles, each with its kind), or nothing: htmx puts it below the header's box.</summary>
    public static string SuggestionsHtml(string culture, IReadOnlyList<SearchSuggestion> suggestions)
    {
        if (suggestions.Count == 0)
        {
            return "";
        }

        var html = HtmlEncoder.Default;
        var text = new StringBuilder();
        text.Append("<ul class=\"site-search__list\" aria-label=\"").Append(html.Encode(SearchText.Get(SearchText.SuggestionsLabel, culture))).Append("\">");
        foreach (var suggestion in suggestions)
        {
            text.Append("<li><a class=\"site-search__suggestion\" href=\"").Append(html.Encode(suggestion.Url)).Append("\">")
                .Append(html.Encode(suggestion.Title))
                .Append("<span class=\"site-search__kind\">").Append(html.Encode(SearchText.Kind(suggestion.Kind, culture))).Append("</span></a></li>");
        }

        return text.Append("</ul>").ToString();
    }
}
