using System.Text;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Events;
using NodaTime;
using NodaTime.Text;

namespace MayorsClub.Web.Calendar;

/// <summary>
/// The calendar's state as the URL carries it (the shared URL contract):
/// <c>?q=words&amp;from=2026-06-01&amp;to=2026-06-30&amp;type=conference&amp;format=online|inperson&amp;city=Львів&amp;past=1&amp;view=month|list&amp;month=2026-06&amp;tz=Europe/Warsaw</c>
/// (<c>page</c> is the site's pager's). Every parameter is optional; a value that does not parse, or a parameter given
/// twice, is ignored, so no address makes the page fail.
/// </summary>
public sealed record CalendarQuery
{
    public const int MaxWordsLength = 200;
    private const int MaxCityLength = 100;

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly YearMonthPattern MonthPattern = YearMonthPattern.Iso;

    public string? Words { get; init; }
    public LocalDate? From { get; init; }
    public LocalDate? To { get; init; }
    public string? Type { get; init; }
    public EventFormat? Format { get; init; }
    public string? City { get; init; }
    public bool Past { get; init; }
    public bool MonthView { get; init; }
    public YearMonth? Month { get; init; }

    /// <summary>The visitor's zone to show times in (<c>tz</c>), or null for each event's own zone.</summary>
    public DateTimeZone? Zone { get; init; }

    public static CalendarQuery Empty { get; } = new();

    /// <summary>Whether any filter narrows the events (what "Clear filters" undoes; the view, month and zone are not filters).</summary>
    public bool HasFilters => Words is not null || From is not null || To is not null || Type is not null || Format is not null || City is not null || Past;

    public static CalendarQuery Parse(IQueryCollection? query)
    {
        if (query is null)
        {
            return Empty;
        }

        var from = Date(One(query, "from"));
        var to = Date(One(query, "to"));
        if (from > to)
        {
            (from, to) = (to, from);
        }

        return new CalendarQuery
        {
            Words = One(query, "q")?.Trim() is { Length: > 0 and <= MaxWordsLength } words ? words : null,
            From = from,
            To = to,
            Type = One(query, "type") is { } type && Event.EventTypes.Contains(type, StringComparer.Ordinal) ? type : null,
            Format = One(query, "format") switch
            {
                "online" => EventFormat.Online,
                "inperson" => EventFormat.InPerson,
                _ => null,
            },
            City = One(query, "city")?.Trim() is { Length: > 0 and <= MaxCityLength } city ? city : null,
            Past = One(query, "past") is "1" or "true" or "on",
            MonthView = One(query, "view") == "month",
            Month = One(query, "month") is { } month && MonthPattern.Parse(month) is { Success: true } m && m.Value.Year is >= 1900 and <= 2200 ? m.Value : null,
            Zone = TimeZoneNames.Find(One(query, "tz")),
        };
    }

    /// <summary>The filter for the read model's calendar, with the keys the words filter admits (null: every event).</summary>
    public EventFilter ToFilter(IReadOnlySet<Guid>? words) =>
        new(From, To, Type, Format, EventCalendar.CityKeyOf(City), Past, words);

    /// <summary>
    /// The query string of this state, escaped, without "?" and without the page (null when empty): the filters, then
    /// the view, month and zone unless <paramref name="filtersOnly"/> (feeds take the filters alone).
    /// </summary>
    public string? ToQueryString(bool filtersOnly = false)
    {
        var query = new StringBuilder();
        Add(query, "q", Words);
        Add(query, "from", From is { } from ? DatePattern.Format(from) : null);
        Add(query, "to", To is { } to ? DatePattern.Format(to) : null);
        Add(query, "type", Type);
        Add(query, "format", Format switch { EventFormat.Online => "online", EventFormat.InPerson => "inperson", _ => null });
        Add(query, "city", City);
        Add(query, "past", Past ? "1" : null);
        if (!filtersOnly)
        {
            Add(query, "view", MonthView ? "month" : null);
            Add(query, "month", MonthView && Month is { } month ? MonthPattern.Format(month) : null);
            Add(query, "tz", Zone?.Id);
        }

        return query.Length == 0 ? null : query.ToString();
    }

    /// <summary>The URL of this state on a page: "/uk/kalendar-podii/?type=forum".</summary>
    public string UrlOn(string baseUrl) => ToQueryString() is { } query ? $"{baseUrl}?{query}" : baseUrl;

    public static string FormatDate(LocalDate? date) => date is { } d ? DatePattern.Format(d) : "";

    public static string FormatMonth(YearMonth month) => MonthPattern.Format(month);

    private static void Add(StringBuilder query, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    private static string? One(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private static LocalDate? Date(string? text) =>
        text is not null && DatePattern.Parse(text.Trim()) is { Success: true } parsed && parsed.Value.Year is >= 1900 and <= 2200 ? parsed.Value : null;
}
