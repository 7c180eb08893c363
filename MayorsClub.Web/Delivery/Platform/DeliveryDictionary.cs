using MayorsClub.Core.Publishing;
using MayorsClub.Web.Calendar;
using MayorsClub.Web.Delivery.Media;
using MayorsClub.Web.Search;
using MayorsClub.Web.Site;
using Microsoft.Extensions.Options;

using MayorsClub.Web.Delivery.Content;

namespace MayorsClub.Web.Delivery.Platform;

/// <summary>
/// <c>GET /umbraco/delivery/api/v2/dictionary</c> (this site's addition; Umbraco has none): the public site's interface
/// strings in the request's culture, so a headless front end needs no copy of them: the site's own catalogue
/// (<see cref="SiteText"/>: navigation, lists, news, events, status pages…), the calendar's (<see cref="CalendarText"/>)
/// and site search's (<see cref="SearchText"/>). <c>{"items": [{"key": "news.latest", "value": "…"}]}</c>, by key;
/// <c>?key=news.</c> keeps the keys that start with it. Values with "{0}" are format strings; values with "|" are plural
/// forms (Ukrainian "one|few|many", English "one|other").
/// </summary>
public static class DeliveryDictionary
{
    public const string Tag = "Dictionary";

    /// <summary>Every key with its text in each culture (the catalogues are fixed while the site runs).</summary>
    private static readonly Lazy<IReadOnlyList<(string Key, Func<string, string> Text)>> Entries = new(() =>
        SiteText.Keys.Select(k => (k, (Func<string, string>)(c => SiteText.Get(k, c))))
            .Concat(CalendarText.Keys.Select(k => (k, (Func<string, string>)(c => CalendarText.Get(k, c)))))
            .Concat(SearchText.Keys.Select(k => (k, (Func<string, string>)(c => SearchText.Get(k, c)))))
            .DistinctBy(e => e.Item1, StringComparer.Ordinal)
            .OrderBy(e => e.Item1, StringComparer.Ordinal)
            .ToList());

    /// <summary>How many keys the dictionary has.</summary>
    public static int Count => Entries.Value.Count;

    public static RouteGroupBuilder MapDeliveryDictionaryEndpoint(this RouteGroupBuilder v2)
    {
        v2.MapGet("dictionary", Get).WithTags(Tag).WithName("GetDictionary20")
            .WithSummary("Gets the site's interface strings in the requested culture.");
        return v2;
    }

    private static async Task<IResult> Get(HttpContext http, string? key)
    {
        var (request, refusal) = await DeliveryRequests.StartAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }

        // Nothing here changes with the content: no tags, kept until the site restarts (or the cache starts over).
        var prefix = key ?? "";
        return DeliveryMediaEndpoints.Json(http, request!, (json, culture) =>
        {
            json.WriteStartObject();
            json.WriteString("culture", culture);
            json.WriteStartArray("items");
            foreach (var (entryKey, text) in Entries.Value)
            {
                if (entryKey.StartsWith(prefix, StringComparison.Ordinal))
                {
                    json.WriteStartObject();
                    json.WriteString("key", entryKey);
                    json.WriteString("value", text(culture));
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>For tests: a text as the dictionary gives it.</summary>
    internal static string? Text(string key, string culture) =>
        Entries.Value.FirstOrDefault(e => e.Key == key) is { Key: not null } entry ? entry.Text(culture) : null;

}
