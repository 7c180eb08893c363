using MayorsClub.Core.Content.DocumentTypes;
using NodaTime;

namespace MayorsClub.Core.Publishing;

/// <summary>
/// The lists several readers show (pages, feeds, the home page, later the calendar and the Delivery API), for a viewer.
/// Each is sorted once per snapshot and kept with it; a viewer gets the documents of it they may see.
/// </summary>
public static class PublishedQueries
{
    /// <summary>News articles visible in the culture, newest first (by the article's date, then by publish time).</summary>
    public static IReadOnlyList<PublishedDocument> NewsNewestFirst(this PublishedView view, string culture) =>
        view.Visible(NewsNewestFirst(view.Snapshot, culture));

    /// <summary>Expert sessions visible in the culture, most recent first.</summary>
    public static IReadOnlyList<PublishedDocument> ExpertSessionsNewestFirst(this PublishedView view, string culture) =>
        view.Visible(ExpertSessionsNewestFirst(view.Snapshot, culture));

    /// <summary>The articles of one news list visible in the culture, newest first (the site-wide order, kept per list).</summary>
    public static IReadOnlyList<PublishedDocument> NewsNewestFirst(this PublishedView view, PublishedDocument newsIndex, string culture) =>
        view.Visible(view.Snapshot.Memo($"news-newest-first:{culture}:{newsIndex.Id}", s => NewsNewestFirst(s, culture)
            .Where(d => d.ParentId == newsIndex.Id)
            .ToList()));

    /// <summary>The sessions of one expert session list visible in the culture, most recent first (kept per list).</summary>
    public static IReadOnlyList<PublishedDocument> ExpertSessionsNewestFirst(this PublishedView view, PublishedDocument sessionIndex, string culture) =>
        view.Visible(view.Snapshot.Memo($"sessions-newest-first:{culture}:{sessionIndex.Id}", s => ExpertSessionsNewestFirst(s, culture)
            .Where(d => d.ParentId == sessionIndex.Id)
            .ToList()));

    /// <summary>Events visible in the culture that have not ended yet, soonest first.</summary>
    public static IReadOnlyList<PublishedDocument> UpcomingEvents(this PublishedView view, string culture, Instant now) =>
        view.Visible(EventsByStart(view.Snapshot, culture).Where(e => e.Ends >= now).Select(e => e.Document).ToList());

    /// <summary>Events visible in the culture that have ended, most recent first.</summary>
    public static IReadOnlyList<PublishedDocument> PastEvents(this PublishedView view, string culture, Instant now) =>
        view.Visible(EventsByStart(view.Snapshot, culture).Where(e => e.Ends < now).Select(e => e.Document).Reverse().ToList());

    /// <summary>
    /// The news to read next: the articles the editor picked (visible ones), completed with the newest others of the same
    /// list, so a row of <paramref name="count"/> has no empty place unless the list has too few articles.
    /// </summary>
    public static IReadOnlyList<PublishedDocument> RelatedNews(this PublishedView view, PublishedDocument article, string culture, int count)
    {
        var related = view.Of(article, culture).Links(NewsArticle.RelatedNews)
            .Where(d => d.ContentType == NewsArticle.Alias && d.Id != article.Id)
            .DistinctBy(d => d.Id)
            .Take(count)
            .ToList();
        if (related.Count >= count)
        {
            return related;
        }

        foreach (var other in view.NewsNewestFirst(culture))
        {
            if (other.Id != article.Id && other.ParentId == article.ParentId && !related.Exists(d => d.Id == other.Id))
            {
                related.Add(other);
                if (related.Count == count)
                {
                    break;
                }
            }
        }

        return related;
    }

    // The sorted lists are computed from values every viewer may read (dates), kept with the snapshot (and carried over to
    // the next one when a change touches only leaves), and filtered per viewer. Ties keep the tree order.
    private static List<PublishedDocument> NewsNewestFirst(PublishedSnapshot snapshot, string culture) =>
        snapshot.Ordered($"news-newest-first:{culture}",
            d => d.ContentType == NewsArticle.Alias && d.IsVisibleIn(culture),
            s => new KeyOrder<(LocalDate?, DateTime)>(s, d => (d.Date(NewsArticle.Date, culture), d.Cultures[culture].PublishedUtc), descending: true),
            s => s.OfType(NewsArticle.Alias, culture)
                .OrderByDescending(d => d.Date(NewsArticle.Date, culture))
                .ThenByDescending(d => d.Cultures[culture].PublishedUtc)
                .ToList());

    private static List<PublishedDocument> ExpertSessionsNewestFirst(PublishedSnapshot snapshot, string culture) =>
        snapshot.Ordered($"sessions-newest-first:{culture}",
            d => d.ContentType == ExpertSession.Alias && d.IsVisibleIn(culture),
            s => new KeyOrder<Instant?>(s, d => d.Zoned(ExpertSession.Date, culture)?.ToInstant(), descending: true),
            s => s.OfType(ExpertSession.Alias, culture)
                .OrderByDescending(d => d.Zoned(ExpertSession.Date, culture)?.ToInstant())
                .ToList());

    private sealed record TimedEvent(PublishedDocument Document, Instant Starts, Instant Ends);

    private static List<TimedEvent> EventsByStart(PublishedSnapshot snapshot, string culture) =>
        snapshot.Memo($"events-by-start:{culture}", s => EventsWithStart(s, culture)
            .Select(d => new TimedEvent(d, d.Zoned(Event.Start, culture)!.Value.ToInstant(), (d.Zoned(Event.End, culture) ?? d.Zoned(Event.Start, culture)!.Value).ToInstant()))
            .ToList());

    private static List<PublishedDocument> EventsWithStart(PublishedSnapshot snapshot, string culture) =>
        snapshot.Ordered($"events-by-start:{culture}",
            d => d.ContentType == Event.Alias && d.IsVisibleIn(culture) && d.Zoned(Event.Start, culture) is not null,
            s => new KeyOrder<Instant?>(s, d => d.Zoned(Event.Start, culture)?.ToInstant(), descending: false),
            s => s.OfType(Event.Alias, culture)
                .Where(d => d.Zoned(Event.Start, culture) is not null)
                .OrderBy(d => d.Zoned(Event.Start, culture)!.Value.ToInstant())
                .ToList());

    /// <summary>The document's place in the sorted list of its type in the culture (news, sessions, events), or -1.</summary>
    internal static int PlaceInSortedList(PublishedSnapshot snapshot, PublishedDocument document, string culture)
    {
        var list = document.ContentType switch
        {
            NewsArticle.Alias => NewsNewestFirst(snapshot, culture),
            ExpertSession.Alias => ExpertSessionsNewestFirst(snapshot, culture),
            Event.Alias => EventsWithStart(snapshot, culture),
            _ => null,
        };
        return list?.FindIndex(d => d.Id == document.Id) ?? -1;
    }

    /// <summary>Documents by a key (as LINQ's OrderBy orders it), ties in the snapshot's tree order.</summary>
    private sealed class KeyOrder<TKey>(PublishedSnapshot snapshot, Func<PublishedDocument, TKey> key, bool descending) : IComparer<PublishedDocument>
    {
        public int Compare(PublishedDocument? x, PublishedDocument? y)
        {
            var compared = descending ? Comparer<TKey>.Default.Compare(key(y!), key(x!)) : Comparer<TKey>.Default.Compare(key(x!), key(y!));
            return compared != 0 ? compared : snapshot.CompareTreeOrder(x!, y!);
        }
    }

    /// <summary>A date property ("yyyy-MM-dd"), or null. Raw: for the read model's own sorting, not checked against the access rule.</summary>
    internal static LocalDate? Date(this PublishedDocument document, string alias, string culture) =>
        PublishedJson.Date(document.Value(alias, culture));

    /// <summary>A date-time-with-zone property, or null. Raw: for the read model's own sorting, not checked against the access rule.</summary>
    internal static ZonedDateTime? Zoned(this PublishedDocument document, string alias, string culture) =>
        PublishedJson.Zoned(document.Value(alias, culture));
}
