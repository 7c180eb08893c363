using System.Collections.Immutable;
using MayorsClub.Core.Content;
using MayorsClub.Core.Media;
using DocumentTypes = MayorsClub.Core.Content.DocumentTypes;

namespace MayorsClub.Core.Publishing;

/// <summary>
/// Everything visitors can see, in memory, never changed once built: a new snapshot replaces it
/// after each publish. Page views, lists, feeds and the sitemap read only this. The snapshot itself gives the tree
/// (documents, names, URLs, parents and children) and the public media; values are read for a viewer through <see cref="For"/>.
/// </summary>
/// <remarks>
/// Its indexes are persistent (System.Collections.Immutable): the next snapshot is made from this one and the rows a
/// change names (<see cref="PublishedSnapshotBuilder.Apply"/>) and shares everything else with it, so applying a change
/// costs what the change touches, not what the site holds. Lists over the whole site (<see cref="All"/>, the lists by
/// type) are computed once per snapshot, when first read.
/// </remarks>
public sealed class PublishedSnapshot
{
    /// <summary>The key the roots are kept under in <see cref="ChildIndex"/>.</summary>
    internal const int RootKey = int.MinValue;

    /// <summary>The order of a parent's children: sort order, then id.</summary>
    internal static readonly IComparer<PublishedDocument> TreeOrder = Comparer<PublishedDocument>.Create(static (a, b) =>
        a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : a.Id.CompareTo(b.Id));

    internal static readonly ImmutableSortedSet<PublishedDocument> NoChildren = ImmutableSortedSet.Create(TreeOrder);

    internal static readonly ImmutableDictionary<string, PublishedDocument> NoUrls =
        ImmutableDictionary.Create<string, PublishedDocument>(StringComparer.OrdinalIgnoreCase);

    public static PublishedSnapshot Empty { get; } = new(
        ImmutableDictionary<int, PublishedDocument>.Empty,
        ImmutableDictionary<int, ImmutableSortedSet<PublishedDocument>>.Empty,
        ImmutableDictionary<Guid, PublishedDocument>.Empty,
        Cultures.All.ToImmutableDictionary(c => c, _ => NoUrls, StringComparer.Ordinal),
        ImmutableDictionary<Guid, MediaItem>.Empty,
        ImmutableDictionary<Guid, MediaItem>.Empty,
        0, DateTime.MinValue);

    internal PublishedSnapshot(
        ImmutableDictionary<int, PublishedDocument> documents,
        ImmutableDictionary<int, ImmutableSortedSet<PublishedDocument>> childIndex,
        ImmutableDictionary<Guid, PublishedDocument> byKey,
        ImmutableDictionary<string, ImmutableDictionary<string, PublishedDocument>> byUrl,
        ImmutableDictionary<Guid, MediaItem> media,
        ImmutableDictionary<Guid, MediaItem> mediaFolders,
        long generation, DateTime builtUtc)
    {
        Documents = documents;
        ChildIndex = childIndex;
        ByKey = byKey;
        ByUrl = byUrl;
        MediaIndex = media;
        MediaFolderIndex = mediaFolders;
        Generation = generation;
        BuiltUtc = builtUtc;
    }

    /// <summary>Every published row's document by id, including those not reachable (an ancestor is not published).</summary>
    internal ImmutableDictionary<int, PublishedDocument> Documents { get; }

    /// <summary>Each parent's children (of <see cref="Documents"/>) in tree order; the roots under <see cref="RootKey"/>.</summary>
    internal ImmutableDictionary<int, ImmutableSortedSet<PublishedDocument>> ChildIndex { get; }

    /// <summary><see cref="Documents"/> by key.</summary>
    internal ImmutableDictionary<Guid, PublishedDocument> ByKey { get; }

    /// <summary>For each culture of the site, the visible pages by URL (case-insensitive).</summary>
    internal ImmutableDictionary<string, ImmutableDictionary<string, PublishedDocument>> ByUrl { get; }

    /// <summary>The public media by key.</summary>
    internal ImmutableDictionary<Guid, MediaItem> MediaIndex { get; }

    /// <summary>The media library's folders by key (for paths and children in the Delivery API).</summary>
    internal ImmutableDictionary<Guid, MediaItem> MediaFolderIndex { get; }

    public long Generation { get; }
    public DateTime BuiltUtc { get; }

    /// <summary>The documents at the top of the tree (the home page, the site settings), in sort order.</summary>
    public IReadOnlyList<PublishedDocument> Roots => ChildIndex.GetValueOrDefault(RootKey, NoChildren);

    private IReadOnlyList<PublishedDocument>? _all;

    /// <summary>Every published document, depth first in tree order (computed when first read, then kept).</summary>
    public IReadOnlyList<PublishedDocument> All => LazyInitializer.EnsureInitialized(ref _all, DepthFirst);

    private List<PublishedDocument> DepthFirst()
    {
        var all = new List<PublishedDocument>(Documents.Count);
        var stack = new Stack<PublishedDocument>(Roots.Reverse());
        while (stack.Count > 0)
        {
            var document = stack.Pop();
            all.Add(document);
            if (ChildIndex.TryGetValue(document.Id, out var children))
            {
                foreach (var child in children.Reverse())
                {
                    stack.Push(child);
                }
            }
        }

        return all;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _memo = new(StringComparer.Ordinal);

    /// <summary>
    /// Computes a value from this snapshot once and keeps it for the snapshot's life (sorted lists and the like):
    /// the snapshot never changes, so neither does the value.
    /// </summary>
    public T Memo<T>(string key, Func<PublishedSnapshot, T> compute)
        where T : class =>
        (T)_memo.GetOrAdd(key, static (_, state) => state.compute(state.snapshot), (compute, snapshot: this));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, OrderedList> _ordered = new(StringComparer.Ordinal);

    /// <summary>A list of documents kept in an order, with what it takes to carry it over to the next snapshot.</summary>
    internal sealed record OrderedList(List<PublishedDocument> Documents, Func<PublishedDocument, bool> Includes,
        Func<PublishedSnapshot, IComparer<PublishedDocument>> Order);

    /// <summary>
    /// Like <see cref="Memo{T}"/> for a list of documents in an order (the newest news and the like), which the next
    /// snapshot carries over when a change touches only leaves: it takes the touched documents out and puts the new ones
    /// in their place, instead of sorting the site again on the first read after each publish.
    /// </summary>
    /// <param name="includes">Whether a document belongs in the list.</param>
    /// <param name="order">The list's order in a snapshot: a total order (ties broken by <see cref="CompareTreeOrder"/>).</param>
    /// <param name="compute">The list computed from the whole snapshot (in that order).</param>
    internal List<PublishedDocument> Ordered(string key, Func<PublishedDocument, bool> includes,
        Func<PublishedSnapshot, IComparer<PublishedDocument>> order, Func<PublishedSnapshot, List<PublishedDocument>> compute) =>
        _ordered.GetOrAdd(key, static (_, state) => new OrderedList(state.compute(state.snapshot), state.includes, state.order),
            (snapshot: this, includes, order, compute)).Documents;

    /// <summary>How many ordered lists this snapshot has (computed, or carried over from the previous one).</summary>
    internal int OrderedLists => _ordered.Count;

    /// <summary>Carries the previous snapshot's ordered lists over, given the ids of every document the change put in or took out.</summary>
    internal void CarryOrderedLists(PublishedSnapshot previous, IReadOnlySet<int> touched)
    {
        foreach (var (key, list) in previous._ordered)
        {
            var order = list.Order(this);
            var documents = new List<PublishedDocument>(list.Documents.Count + touched.Count);
            foreach (var document in list.Documents)
            {
                if (!touched.Contains(document.Id))
                {
                    documents.Add(document);
                }
            }

            foreach (var id in touched)
            {
                if (Get(id) is { } document && list.Includes(document))
                {
                    var at = documents.BinarySearch(document, order);
                    documents.Insert(at < 0 ? ~at : at, document);
                }
            }

            _ordered[key] = list with { Documents = documents };
        }
    }

    /// <summary>Depth-first tree order (the order of <see cref="All"/>) of two documents of this snapshot.</summary>
    internal int CompareTreeOrder(PublishedDocument a, PublishedDocument b)
    {
        if (a.Id == b.Id)
        {
            return 0;
        }

        var (pathA, pathB) = (PathTo(a), PathTo(b));
        for (var i = 0; i < Math.Min(pathA.Count, pathB.Count); i++)
        {
            var compared = TreeOrder.Compare(pathA[i], pathB[i]);
            if (compared != 0)
            {
                return compared;
            }
        }

        return pathA.Count.CompareTo(pathB.Count);
    }

    private List<PublishedDocument> PathTo(PublishedDocument document)
    {
        var path = new List<PublishedDocument>(6);
        for (PublishedDocument? current = document; current is not null && path.Count < 1024; current = Parent(current))
        {
            path.Add(current);
        }

        path.Reverse();
        return path;
    }

    private PublishedView? _anonymous;

    /// <summary>
    /// The content as a viewer may read it: the read model. Every value is read through it, and the access rule
    /// (<see cref="PublishedAccess"/>) decides what this viewer gets.
    /// </summary>
    public PublishedView For(Viewer viewer) =>
        ReferenceEquals(viewer, Viewer.Anonymous) ? _anonymous ??= new PublishedView(this, viewer) : new PublishedView(this, viewer);

    public PublishedDocument? Get(Guid key) => ByKey.TryGetValue(key, out var document) && document.Reachable ? document : null;

    public PublishedDocument? Get(int id) => Documents.TryGetValue(id, out var document) && document.Reachable ? document : null;

    /// <summary>The document's parent in this snapshot, or null for a root.</summary>
    public PublishedDocument? Parent(PublishedDocument document) => document.ParentId is { } parentId ? Get(parentId) : null;

    /// <summary>The document's children in sort order (all cultures: ask each child whether it is visible in yours).</summary>
    public IReadOnlyList<PublishedDocument> Children(PublishedDocument document) =>
        Get(document.Id) is not null && ChildIndex.TryGetValue(document.Id, out var children) ? children : NoChildren;

    /// <summary>The media library's public files.</summary>
    public IEnumerable<MediaItem> Media => MediaIndex.Values;

    /// <summary>A public file of the media library (never a folder or a members-only file), or null.</summary>
    public MediaItem? GetMedia(Guid key) => MediaIndex.GetValueOrDefault(key);

    /// <summary>
    /// The media library's folders (each public file's <see cref="MediaItem.ParentKey"/> names its folder). A folder holds
    /// no data of its own that members only may read: its name is shown to everyone who may open the library's paths.
    /// </summary>
    public IEnumerable<MediaItem> MediaFolders => MediaFolderIndex.Values;

    /// <summary>A folder of the media library, or null.</summary>
    public MediaItem? GetMediaFolder(Guid key) => MediaFolderIndex.GetValueOrDefault(key);

    /// <summary>The home page of the site.</summary>
    public PublishedDocument? Home => Roots.FirstOrDefault(r => r.ContentType == DocumentTypes.Home.Alias);

    public PublishedDocument? Settings => Roots.FirstOrDefault(r => r.ContentType == DocumentTypes.SiteSettings.Alias);

    /// <summary>The page at a URL like "/uk/novyny/" in the culture, or null.</summary>
    public PublishedDocument? GetByUrl(string culture, string url)
    {
        if (!ByUrl.TryGetValue(culture, out var urls))
        {
            return null;
        }

        var normalized = url.EndsWith('/') ? url : url + "/";
        return urls.GetValueOrDefault(normalized);
    }

    /// <summary>The documents of a type visible in the culture, in tree order (computed once per snapshot).</summary>
    public IEnumerable<PublishedDocument> OfType(string contentType, string culture) =>
        Memo<IReadOnlyList<PublishedDocument>>($"of-type:{contentType}:{culture}", s => s.All.Where(d => d.ContentType == contentType && d.IsVisibleIn(culture)).ToList());
}
