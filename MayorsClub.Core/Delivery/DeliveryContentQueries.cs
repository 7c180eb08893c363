using System.Globalization;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Events;
using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Core.Delivery;

public enum DeliveryQueryOutcome
{
    Found,

    /// <summary>The <c>fetch</c> selector's document does not exist (in the request's culture): 404.</summary>
    SelectorItemNotFound,
}

/// <summary>A page of a query's answer and how many documents match in all.</summary>
public sealed record DeliveryQueryPage(int Total, IReadOnlyList<PublishedDocument> Items);

/// <summary>
/// Runs <c>GET /content</c> queries over the read model. Documents the caller may not read whole (under a public access
/// rule that does not admit them) are left out silently, as are documents not visible in the request's culture. For the
/// anonymous viewer what a query needs sorted (the selector's documents in each sort order) is computed once per snapshot
/// (<see cref="PublishedSnapshot.Memo{T}"/>); the calendar's filters start from <see cref="EventCalendar"/>'s events sorted
/// by start. Every query notes its scope in the context's <see cref="DeliveryReads"/>.
/// </summary>
public static class DeliveryContentQueries
{
    /// <param name="startItem">The <c>Start-Item</c> root: paths are read below it and a query without a selector covers its subtree.</param>
    /// <param name="search">Full-text search in a culture: the matching keys, most relevant first (for <c>q</c>).</param>
    public static (DeliveryQueryOutcome Outcome, DeliveryQueryPage? Page) Run(DeliveryContentContext context, DeliveryContentQuery query,
        PublishedDocument? startItem, int skip, int take, Func<string, string, IReadOnlyList<Guid>>? search = null)
    {
        var snapshot = context.Snapshot;
        var culture = context.Culture;
        var anonymous = ReferenceEquals(context.View.Viewer, Viewer.Anonymous);
        PublishedDocument? target = null;
        if (query.Selector is { } selector)
        {
            var root = startItem ?? snapshot.Home ?? (snapshot.Roots.Count > 0 ? snapshot.Roots[0] : null);
            target = Guid.TryParse(selector.Target, out var key) ? snapshot.Get(key)
                : root is null ? null
                : DeliveryRoutes.Find(snapshot, culture, selector.Target, root);
            if (target is null || !target.IsVisibleIn(culture))
            {
                return (DeliveryQueryOutcome.SelectorItemNotFound, null);
            }

            context.Reads.Document(target.Key);
        }

        NoteScope(context.Reads, query, target, startItem);
        var filters = Filters(query.Filters, context);
        IReadOnlyList<PublishedDocument> ordered;
        var prefiltered = false;
        if (query.Words is { } words && search is not null)
        {
            var scope = query.Selector is null && startItem is null ? null : Base(snapshot, culture, query.Selector?.Kind, target, startItem, anonymous).Select(d => d.Id).ToHashSet();
            var found = new List<PublishedDocument>();
            foreach (var key in search(culture, words))
            {
                if (snapshot.Get(key) is { } document && document.IsVisibleIn(culture) && (scope is null || scope.Contains(document.Id)))
                {
                    found.Add(document);
                }
            }

            ordered = query.Sorts.Count == 0 ? found : Sorted(found, query.Sorts, snapshot, culture);
        }
        else if (query.Selector is null && startItem is null && query.Filters.Any(f => f is DeliveryFilter.Date { Field: DeliveryDateField.EventStart }))
        {
            var byStart = EventsFrom(snapshot, culture, query.Filters);
            ordered = query.Sorts.Count == 0 ? byStart : Sorted(byStart, query.Sorts, snapshot, culture);
        }
        else if (anonymous && query.Sorts.Count <= MemoizedSorts)
        {
            prefiltered = true;
            var baseKey = $"delivery:{query.Selector?.Kind.ToString() ?? "all"}:{target?.Id.ToString(CultureInfo.InvariantCulture) ?? "-"}:{startItem?.Id.ToString(CultureInfo.InvariantCulture) ?? "-"}:{culture}";
            ordered = query.Sorts.Count == 0
                ? snapshot.Memo(baseKey, s => Base(s, culture, query.Selector?.Kind, target, startItem, anonymous: true))
                : snapshot.Memo(baseKey + ":" + string.Join(',', query.Sorts.Select(s => s.Key)),
                    s => Sorted(s.Memo(baseKey, s2 => Base(s2, culture, query.Selector?.Kind, target, startItem, anonymous: true)), query.Sorts, s, culture));
        }
        else
        {
            var all = Base(snapshot, culture, query.Selector?.Kind, target, startItem, anonymous: false);
            ordered = query.Sorts.Count == 0 ? all : Sorted(all, query.Sorts, snapshot, culture);
        }

        return (DeliveryQueryOutcome.Found, Page(ordered, filters, context.View, prefiltered, skip, take));
    }

    /// <summary>Queries with more sort keys than this are sorted per request: the snapshot keeps no list for every combination.</summary>
    private const int MemoizedSorts = 2;

    private static DeliveryQueryPage Page(IReadOnlyList<PublishedDocument> ordered, List<Func<PublishedDocument, bool>> filters,
        PublishedView view, bool prefiltered, int skip, int take)
    {
        if (filters.Count == 0 && prefiltered)
        {
            var items = new List<PublishedDocument>(Math.Max(0, Math.Min(take, ordered.Count - skip)));
            for (var i = skip; i < ordered.Count && i - skip < take; i++)
            {
                items.Add(ordered[i]);
            }

            return new DeliveryQueryPage(ordered.Count, items);
        }

        var total = 0;
        var page = new List<PublishedDocument>(Math.Min(take, 100));
        foreach (var document in ordered)
        {
            if (!view.MayReadWhole(document) || !Admits(filters, document))
            {
                continue;
            }

            if (total >= skip && page.Count < take)
            {
                page.Add(document);
            }

            total++;
        }

        return new DeliveryQueryPage(total, page);
    }

    private static bool Admits(List<Func<PublishedDocument, bool>> filters, PublishedDocument document)
    {
        foreach (var filter in filters)
        {
            if (!filter(document))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The selector's documents visible in the culture, in tree order (the whole site, or the start item's subtree, without one).</summary>
    private static List<PublishedDocument> Base(PublishedSnapshot snapshot, string culture, DeliverySelectorKind? kind,
        PublishedDocument? target, PublishedDocument? startItem, bool anonymous)
    {
        var documents = new List<PublishedDocument>();
        switch (kind)
        {
            case DeliverySelectorKind.Children:
                documents.AddRange(snapshot.Children(target!).Where(c => c.IsVisibleIn(culture)));
                break;
            case DeliverySelectorKind.Descendants:
                AddDescendants(snapshot, target!, culture, documents);
                break;
            case DeliverySelectorKind.Ancestors:
                for (var parent = snapshot.Parent(target!); parent is not null; parent = snapshot.Parent(parent))
                {
                    if (parent.IsVisibleIn(culture))
                    {
                        documents.Add(parent);
                    }
                }

                documents.Reverse();
                break;
            default:
                if (startItem is null)
                {
                    documents.AddRange(snapshot.All.Where(d => d.IsVisibleIn(culture)));
                }
                else if (startItem.IsVisibleIn(culture))
                {
                    documents.Add(startItem);
                    AddDescendants(snapshot, startItem, culture, documents);
                }

                break;
        }

        if (anonymous)
        {
            documents.RemoveAll(d => !PublishedAccess.MayReadWhole(Viewer.Anonymous, d));
        }

        return documents;
    }

    private static void AddDescendants(PublishedSnapshot snapshot, PublishedDocument root, string culture, List<PublishedDocument> into)
    {
        var stack = new Stack<PublishedDocument>(snapshot.Children(root).Reverse());
        while (stack.Count > 0)
        {
            var document = stack.Pop();
            if (!document.IsVisibleIn(culture))
            {
                continue; // nor anything below it
            }

            into.Add(document);
            foreach (var child in snapshot.Children(document).Reverse())
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>The events whose start an <c>eventStart</c> filter admits, by start (a binary search on the calendar's list).</summary>
    private static List<PublishedDocument> EventsFrom(PublishedSnapshot snapshot, string culture, IReadOnlyList<DeliveryFilter> filters)
    {
        var byStart = EventCalendar.Of(snapshot, culture).ByStart;
        var from = 0;
        var to = byStart.Count;
        foreach (var filter in filters.OfType<DeliveryFilter.Date>().Where(f => f.Field == DeliveryDateField.EventStart))
        {
            var instant = Instant.FromDateTimeOffset(filter.Value);
            switch (filter.Comparison)
            {
                case DeliveryDateComparison.After:
                    from = Math.Max(from, FirstAfter(byStart, instant, orAt: false));
                    break;
                case DeliveryDateComparison.AfterOrAt:
                    from = Math.Max(from, FirstAfter(byStart, instant, orAt: true));
                    break;
                case DeliveryDateComparison.Before:
                    to = Math.Min(to, FirstAfter(byStart, instant, orAt: true));
                    break;
                default:
                    to = Math.Min(to, FirstAfter(byStart, instant, orAt: false));
                    break;
            }
        }

        var documents = new List<PublishedDocument>(Math.Max(0, to - from));
        for (var i = from; i < to; i++)
        {
            documents.Add(byStart[i].Document);
        }

        return documents;
    }

    /// <summary>The index of the first event starting after (or at) the instant.</summary>
    private static int FirstAfter(IReadOnlyList<CalendarEntry> byStart, Instant instant, bool orAt)
    {
        var (low, high) = (0, byStart.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var starts = byStart[middle].Starts;
            if (orAt ? starts < instant : starts <= instant)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static List<PublishedDocument> Sorted(IReadOnlyList<PublishedDocument> documents, IReadOnlyList<DeliverySort> sorts,
        PublishedSnapshot snapshot, string culture)
    {
        var events = sorts.Any(s => s.Field == DeliverySortField.EventStart) ? EventEntries(snapshot, culture) : null;
        var names = StringComparer.Create(CultureInfo.GetCultureInfo(culture == "uk" ? "uk-UA" : "en-GB"), ignoreCase: true);
        IOrderedEnumerable<PublishedDocument>? ordered = null;
        foreach (var sort in sorts)
        {
            ordered = sort.Field switch
            {
                DeliverySortField.CreateDate => By(documents, ordered, d => d.CreatedUtc, sort.Descending, Comparer<DateTime>.Default),
                DeliverySortField.UpdateDate => By(documents, ordered, d => d.UpdatedUtc, sort.Descending, Comparer<DateTime>.Default),
                DeliverySortField.Name => By(documents, ordered, d => d.Name(culture) ?? "", sort.Descending, names),
                DeliverySortField.SortOrder => By(documents, ordered, d => d.SortOrder, sort.Descending, Comparer<int>.Default),
                DeliverySortField.Level => By(documents, ordered, d => d.Level, sort.Descending, Comparer<int>.Default),
                // Documents that are not events come after the events, whichever the direction.
                _ => By(documents, ordered, d => events!.TryGetValue(d.Id, out var e) ? e.Starts : (Instant?)null, sort.Descending,
                    Comparer<Instant?>.Create((a, b) => a is null ? (b is null ? 0 : 1) : b is null ? -1 : a.Value.CompareTo(b.Value) * (sort.Descending ? -1 : 1)), directionInComparer: true),
            };
        }

        return ordered?.ToList() ?? documents.ToList();
    }

    private static IOrderedEnumerable<PublishedDocument> By<T>(IReadOnlyList<PublishedDocument> documents, IOrderedEnumerable<PublishedDocument>? ordered,
        Func<PublishedDocument, T> key, bool descending, IComparer<T> comparer, bool directionInComparer = false)
    {
        if (directionInComparer)
        {
            return ordered is null ? documents.OrderBy(key, comparer) : ordered.ThenBy(key, comparer);
        }

        return (ordered, descending) switch
        {
            (null, false) => documents.OrderBy(key, comparer),
            (null, true) => documents.OrderByDescending(key, comparer),
            (_, false) => ordered.ThenBy(key, comparer),
            _ => ordered.ThenByDescending(key, comparer),
        };
    }

    /// <summary>The calendar's entries by document id, once per snapshot and culture.</summary>
    private static Dictionary<int, CalendarEntry> EventEntries(PublishedSnapshot snapshot, string culture) =>
        snapshot.Memo($"delivery:events:{culture}", s => EventCalendar.Of(s, culture).ByStart.ToDictionary(e => e.Document.Id));

    private static List<Func<PublishedDocument, bool>> Filters(IReadOnlyList<DeliveryFilter> filters, DeliveryContentContext context)
    {
        var culture = context.Culture;
        var predicates = new List<Func<PublishedDocument, bool>>(filters.Count);
        Dictionary<int, CalendarEntry>? events = null;
        foreach (var filter in filters)
        {
            switch (filter)
            {
                case DeliveryFilter.ContentType type:
                    var aliases = type.Aliases.ToHashSet(StringComparer.Ordinal);
                    predicates.Add(type.Negated ? d => !aliases.Contains(d.ContentType) : d => aliases.Contains(d.ContentType));
                    break;
                case DeliveryFilter.Name name:
                    var compare = CultureInfo.InvariantCulture.CompareInfo;
                    predicates.Add(d => (compare.IndexOf(d.Name(culture) ?? "", name.Text, CompareOptions.IgnoreCase) >= 0) != name.Negated);
                    break;
                case DeliveryFilter.Date { Field: DeliveryDateField.CreateDate } date:
                    predicates.Add(d => date.Admits(new DateTimeOffset(DateTime.SpecifyKind(d.CreatedUtc, DateTimeKind.Utc))));
                    break;
                case DeliveryFilter.Date { Field: DeliveryDateField.UpdateDate } date:
                    predicates.Add(d => date.Admits(new DateTimeOffset(DateTime.SpecifyKind(d.UpdatedUtc, DateTimeKind.Utc))));
                    break;
                case DeliveryFilter.Date date:
                    events ??= EventEntries(context.Snapshot, culture);
                    var entries = events;
                    predicates.Add(d => entries.TryGetValue(d.Id, out var e) && date.Admits(e.Starts.ToDateTimeOffset()));
                    break;
                case DeliveryFilter.EventType eventType:
                    events ??= EventEntries(context.Snapshot, culture);
                    var byType = events;
                    predicates.Add(d => byType.TryGetValue(d.Id, out var e) && e.Type is not null && eventType.Types.Contains(e.Type, StringComparer.Ordinal));
                    break;
                case DeliveryFilter.City city:
                    events ??= EventEntries(context.Snapshot, culture);
                    var byCity = events;
                    predicates.Add(d => byCity.TryGetValue(d.Id, out var e) && e.CityKey == city.Key);
                    break;
                case DeliveryFilter.Online online:
                    events ??= EventEntries(context.Snapshot, culture);
                    var byFormat = events;
                    predicates.Add(d => byFormat.TryGetValue(d.Id, out var e) && e.IsOnline == online.Value);
                    break;
            }
        }

        return predicates;
    }

    /// <summary>What the answer is a query over, for the cache (see <see cref="DeliveryScope"/>).</summary>
    private static void NoteScope(DeliveryReads reads, DeliveryContentQuery query, PublishedDocument? target, PublishedDocument? startItem)
    {
        if (startItem is not null)
        {
            reads.Document(startItem.Key);
        }

        if (query.Words is not null)
        {
            reads.Scope(DeliveryScope.AllContent);
        }

        switch (query.Selector?.Kind)
        {
            case DeliverySelectorKind.Children:
                reads.Scope(DeliveryScope.ChildrenOf(target!.Key));
                return;
            case DeliverySelectorKind.Descendants:
                reads.Scope(DeliveryScope.DescendantsOf(target!.Key));
                return;
            case DeliverySelectorKind.Ancestors:
                return; // the target and each ancestor are noted as documents
        }

        var positive = query.Filters.OfType<DeliveryFilter.ContentType>().Where(f => !f.Negated).ToList();
        if (positive.Count > 0)
        {
            foreach (var alias in positive.SelectMany(f => f.Aliases))
            {
                reads.Scope(DeliveryScope.ContentType(alias));
            }
        }
        else if (query.Filters.Any(f => f is DeliveryFilter.EventType or DeliveryFilter.City or DeliveryFilter.Online
                     or DeliveryFilter.Date { Field: DeliveryDateField.EventStart }))
        {
            reads.Scope(DeliveryScope.ContentType(Event.Alias));
        }
        else if (startItem is not null)
        {
            reads.Scope(DeliveryScope.DescendantsOf(startItem.Key));
        }
        else
        {
            reads.Scope(DeliveryScope.AllContent);
        }
    }
}
