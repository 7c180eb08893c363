using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using NodaTime;

namespace MayorsClub.Core.Publishing;

/// <summary>The lists the site shows in several places (pages, feeds, the home page), read from a snapshot.</summary>
public static class PublishedQueries
{
    /// <summary>News articles visible in the culture, newest first (by the article's date, then by publish time).</summary>
    public static IReadOnlyList<PublishedDocument> NewsNewestFirst(this PublishedSnapshot snapshot, string culture) =>
        snapshot.Memo($"news-newest-first:{culture}", s => s.OfType(NewsArticle.Alias, culture)
            .OrderByDescending(d => d.Date(NewsArticle.Date, culture))
            .ThenByDescending(d => d.Cultures[culture].PublishedUtc)
            .ToList());

    /// <summary>Expert sessions visible in the culture, most recent first.</summary>
    public static IReadOnlyList<PublishedDocument> ExpertSessionsNewestFirst(this PublishedSnapshot snapshot, string culture) =>
        snapshot.Memo($"sessions-newest-first:{culture}", s => s.OfType(ExpertSession.Alias, culture)
            .OrderByDescending(d => d.Zoned(ExpertSession.Date, culture)?.ToInstant())
            .ToList());

    /// <summary>The articles of one news list visible in the culture, newest first (the site-wide order, kept per list).</summary>
    public static IReadOnlyList<PublishedDocument> NewsNewestFirst(this PublishedSnapshot snapshot, PublishedDocument newsIndex, string culture) =>
        snapshot.Memo($"news-newest-first:{culture}:{newsIndex.Id}", s => s.NewsNewestFirst(culture)
            .Where(d => d.Parent?.Id == newsIndex.Id)
            .ToList());

    /// <summary>The sessions of one expert session list visible in the culture, most recent first (kept per list).</summary>
    public static IReadOnlyList<PublishedDocument> ExpertSessionsNewestFirst(this PublishedSnapshot snapshot, PublishedDocument sessionIndex, string culture) =>
        snapshot.Memo($"sessions-newest-first:{culture}:{sessionIndex.Id}", s => s.ExpertSessionsNewestFirst(culture)
            .Where(d => d.Parent?.Id == sessionIndex.Id)
            .ToList());

    /// <summary>Events visible in the culture that have not ended yet, soonest first.</summary>
    public static IReadOnlyList<PublishedDocument> UpcomingEvents(this PublishedSnapshot snapshot, string culture, Instant now) =>
        EventsByStart(snapshot, culture).Where(e => e.Ends >= now).Select(e => e.Document).ToList();

    /// <summary>Events visible in the culture that have ended, most recent first.</summary>
    public static IReadOnlyList<PublishedDocument> PastEvents(this PublishedSnapshot snapshot, string culture, Instant now) =>
        EventsByStart(snapshot, culture).Where(e => e.Ends < now).Select(e => e.Document).Reverse().ToList();

    private sealed record TimedEvent(PublishedDocument Document, Instant Starts, Instant Ends);

    private static List<TimedEvent> EventsByStart(PublishedSnapshot snapshot, string culture) =>
        snapshot.Memo($"events-by-start:{culture}", s => s.OfType(Event.Alias, culture)
            .Select(d => (Document: d, Starts: d.Zoned(Event.Start, culture)?.ToInstant(), Ends: d.Zoned(Event.End, culture)?.ToInstant()))
            .Where(e => e.Starts is not null)
            .Select(e => new TimedEvent(e.Document, e.Starts!.Value, e.Ends ?? e.Starts!.Value))
            .OrderBy(e => e.Starts)
            .ToList());

    /// <summary>A date property ("yyyy-MM-dd"), or null.</summary>
    public static LocalDate? Date(this PublishedDocument document, string alias, string culture) =>
        ZonedValue.TryReadDate(ToNode(document, alias, culture));

    /// <summary>A date-time-with-zone property, or null.</summary>
    public static ZonedDateTime? Zoned(this PublishedDocument document, string alias, string culture) =>
        ZonedValue.TryRead(ToNode(document, alias, culture));

    private static JsonNode? ToNode(PublishedDocument document, string alias, string culture)
    {
        var value = document.Value(alias, culture);
        return value.ValueKind == System.Text.Json.JsonValueKind.Undefined ? null : JsonNode.Parse(value.GetRawText());
    }
}
