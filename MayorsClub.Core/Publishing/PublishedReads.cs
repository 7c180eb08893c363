namespace MayorsClub.Core.Publishing;

/// <summary>
/// Notes which published documents a piece of work read while it ran (a page being rendered): their values, names, URLs
/// or visibility. A cache of the work's output keeps it, and after a change drops only what read a changed document.
/// </summary>
public sealed class PublishedReads : IDisposable
{
    private static readonly AsyncLocal<PublishedReads?> Recording = new();

    private readonly HashSet<int> _documents = [];
    private readonly PublishedReads? _outer;

    private PublishedReads(PublishedReads? outer) => _outer = outer;

    /// <summary>Starts noting what the work that follows in this async flow reads; dispose to stop.</summary>
    public static PublishedReads Start()
    {
        var reads = new PublishedReads(Recording.Value);
        Recording.Value = reads;
        return reads;
    }

    /// <summary>The ids of the documents read so far.</summary>
    public IReadOnlyCollection<int> Documents
    {
        get
        {
            lock (_documents)
            {
                return _documents.ToArray();
            }
        }
    }

    public void Dispose() => Recording.Value = _outer;

    internal static void Note(int documentId)
    {
        if (Recording.Value is { } reads)
        {
            lock (reads._documents)
            {
                reads._documents.Add(documentId);
            }
        }
    }
}

/// <summary>
/// What a change to the snapshot can have changed on a page. <see cref="Everything"/> when it changed the tree, lists or
/// media (a document added, removed or moved, a culture or URL changed, a place in a sorted list changed, a media file
/// changed); otherwise only pages that read one of <see cref="Documents"/> can differ.
/// </summary>
/// <param name="Generation">The snapshot the change produced.</param>
/// <param name="UpToSequence">The last change-feed row the change took in.</param>
public sealed record PublishedChangeEffect(long Generation, long UpToSequence, bool Everything, IReadOnlyCollection<int> Documents)
{
    internal static PublishedChangeEffect Between(PublishedSnapshot previous, PublishedSnapshot next, long upToSequence,
        IReadOnlyCollection<int> changed, IReadOnlyCollection<int> removed, bool mediaChanged)
    {
        var everything = mediaChanged || removed.Count > 0 || changed.Any(id => !InPlace(previous, next, id));
        return new PublishedChangeEffect(next.Generation, upToSequence, everything, changed);
    }

    /// <summary>The document is where it was, in the same cultures at the same URLs, at the same place in every sorted list.</summary>
    private static bool InPlace(PublishedSnapshot previous, PublishedSnapshot next, int id)
    {
        if (previous.Get(id) is not { } before || next.Get(id) is not { } after
            || before.ParentId != after.ParentId || before.SortOrder != after.SortOrder || before.Level != after.Level
            // A rule set or lifted changes what every page that lists the document (or anything below it) may show.
            || !AccessRule.Same(before.AccessRule, after.AccessRule))
        {
            return false;
        }

        var (was, now) = (before.CulturesUnnoted, after.CulturesUnnoted);
        if (was.Count != now.Count)
        {
            return false;
        }

        foreach (var (culture, visible) in now)
        {
            if (!was.TryGetValue(culture, out var old) || old.Url != visible.Url
                || PublishedQueries.PlaceInSortedList(previous, before, culture) != PublishedQueries.PlaceInSortedList(next, after, culture)
                // An event's values decide whether it is upcoming or past, and which filtered calendar pages and iCal feeds
                // list it (dates, type, city, format, words): pages that never read it may have to show it now.
                || after.ContentType == Content.DocumentTypes.Event.Alias)
            {
                return false;
            }
        }

        return true;
    }
}
