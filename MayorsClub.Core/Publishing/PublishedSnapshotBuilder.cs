using System.Collections.Immutable;
using System.Text.Json;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;

namespace MayorsClub.Core.Publishing;

/// <summary>Turns the published rows of the database into a snapshot: the tree, each culture's visibility and URLs.</summary>
public static class PublishedSnapshotBuilder
{
    private static readonly IReadOnlyDictionary<string, JsonElement> Empty = new Dictionary<string, JsonElement>();

    /// <summary>The non-null values under a property of a document's published JSON ("invariant", or a culture's "values").</summary>
    private static IReadOnlyDictionary<string, JsonElement> Values(JsonElement parent, string property)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(property, out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return Empty;
        }

        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var value in values.EnumerateObject())
        {
            if (value.Value.ValueKind != JsonValueKind.Null)
            {
                result[value.Name] = value.Value;
            }
        }

        return result;
    }

    /// <summary>Parses a document's published JSON into one element that owns exactly the memory it needs (not a pooled buffer).</summary>
    public static JsonElement Parse(string publishedJson) => JsonElement.Parse(publishedJson);

    public static PublishedSnapshot Build(IReadOnlyList<DocumentRow> rows, DocumentTypeRegistry types, long generation, DateTime builtUtc,
        IEnumerable<MediaItem>? media = null)
    {
        var childRows = new Dictionary<int, List<DocumentRow>>();
        foreach (var row in rows)
        {
            var parentKey = row.ParentId ?? PublishedSnapshot.RootKey;
            (childRows.TryGetValue(parentKey, out var list) ? list : childRows[parentKey] = []).Add(row);
        }

        var documents = ImmutableDictionary.CreateBuilder<int, PublishedDocument>();
        var byKey = ImmutableDictionary.CreateBuilder<Guid, PublishedDocument>();
        var urls = Cultures.All.ToDictionary(c => c, _ => PublishedSnapshot.NoUrls.ToBuilder(), StringComparer.Ordinal);
        var children = new Dictionary<int, List<PublishedDocument>>();

        void Add(PublishedDocument document)
        {
            documents[document.Id] = document;
            byKey[document.Key] = document;
            var parentKey = document.ParentId ?? PublishedSnapshot.RootKey;
            (children.TryGetValue(parentKey, out var list) ? list : children[parentKey] = []).Add(document);
            Index(urls, document);
        }

        // Depth first from the roots: each document's cultures follow from its parent's.
        var stack = new Stack<(DocumentRow Row, PublishedDocument? Parent)>();
        foreach (var root in childRows.GetValueOrDefault(PublishedSnapshot.RootKey) ?? [])
        {
            stack.Push((root, null));
        }

        while (stack.Count > 0)
        {
            var (row, parent) = stack.Pop();
            if (documents.ContainsKey(row.Id))
            {
                continue;
            }

            var document = Make(row, parent, reachable: true, types);
            Add(document);
            foreach (var child in childRows.GetValueOrDefault(row.Id) ?? [])
            {
                stack.Push((child, document));
            }
        }

        // The rest hang below a document that is not published: kept (for when it is), but not reachable.
        foreach (var row in rows)
        {
            if (!documents.ContainsKey(row.Id))
            {
                Add(Make(row, parent: null, reachable: false, types));
            }
        }

        var childIndex = ImmutableDictionary.CreateBuilder<int, ImmutableSortedSet<PublishedDocument>>();
        foreach (var (parentKey, list) in children)
        {
            childIndex[parentKey] = PublishedSnapshot.NoChildren.Union(list);
        }

        var mediaIndex = ImmutableDictionary.CreateBuilder<Guid, MediaItem>();
        var folderIndex = ImmutableDictionary.CreateBuilder<Guid, MediaItem>();
        foreach (var item in media ?? [])
        {
            if (item.PublicUrl is not null)
            {
                mediaIndex[item.Key] = item;
            }
            else if (item.IsFolder)
            {
                folderIndex[item.Key] = item;
            }
        }

        return new PublishedSnapshot(documents.ToImmutable(), childIndex.ToImmutable(), byKey.ToImmutable(),
            urls.ToImmutableDictionary(u => u.Key, u => u.Value.ToImmutable(), StringComparer.Ordinal), mediaIndex.ToImmutable(),
            folderIndex.ToImmutable(), generation, builtUtc);
    }

    /// <summary>
    /// The next snapshot: <paramref name="previous"/> with the rows of <paramref name="changed"/> put in (new or changed
    /// documents) and the documents of <paramref name="removed"/> taken out, sharing everything else with it. A changed
    /// document's cultures and URLs are worked out again; its descendants only where its visible cultures or URLs
    /// (or whether it is reachable at all) differ from before. Same result as <see cref="Build"/> over the same rows.
    /// </summary>
    /// <param name="media">Media changed: the public file or folder now, or null for one gone (or no longer public).</param>
    internal static PublishedSnapshot Apply(PublishedSnapshot previous, IEnumerable<DocumentRow> changed, IEnumerable<int> removed,
        IReadOnlyDictionary<Guid, MediaItem?>? media, DocumentTypeRegistry types, long generation, DateTime builtUtc)
    {
        var next = new NextSnapshot(previous, types);
        var gone = removed.ToHashSet();
        var dirty = new Dictionary<int, DocumentRow>();
        foreach (var row in changed)
        {
            if (!gone.Contains(row.Id))
            {
                dirty[row.Id] = row;
            }
        }

        foreach (var id in gone)
        {
            next.Remove(id);
        }

        // What hung below a removed document is no longer reachable (unless it moved away in the same change).
        foreach (var id in gone)
        {
            foreach (var child in next.ChildrenOf(id))
            {
                dirty.TryAdd(child.Id, child.Row);
            }
        }

        // Parents before children: a changed document's ancestors are in their final place when it is placed.
        foreach (var row in dirty.Values.OrderBy(r => Depth(r, dirty, next)).ThenBy(r => r.Id).ToList())
        {
            next.Place(row, dirty);
        }

        var (mediaIndex, folderIndex) = (previous.MediaIndex, previous.MediaFolderIndex);
        if (media is { Count: > 0 })
        {
            var (files, folders) = (mediaIndex.ToBuilder(), folderIndex.ToBuilder());
            foreach (var (key, item) in media)
            {
                files.Remove(key);
                folders.Remove(key);
                if (item is { PublicUrl: not null })
                {
                    files[key] = item;
                }
                else if (item is { IsFolder: true })
                {
                    folders[key] = item;
                }
            }

            (mediaIndex, folderIndex) = (files.ToImmutable(), folders.ToImmutable());
        }

        var snapshot = next.ToSnapshot(mediaIndex, folderIndex, generation, builtUtc);

        // Lists in an order are carried over when the change touched only leaves (the usual publish of an article):
        // no other document moved in the tree order that breaks their ties.
        var touched = next.Placed.Union(gone).ToHashSet();
        if (touched.Count <= MostTouchedToCarry && touched.All(id => !previous.ChildIndex.ContainsKey(id) && !snapshot.ChildIndex.ContainsKey(id)))
        {
            snapshot.CarryOrderedLists(previous, touched);
        }

        return snapshot;
    }

    /// <summary>Beyond this many documents touched, the ordered lists are computed again when first read.</summary>
    private const int MostTouchedToCarry = 256;

    /// <summary>How many ancestors a row has in the next tree (counting stops at a missing parent, or at a loop's limit).</summary>
    private static int Depth(DocumentRow row, Dictionary<int, DocumentRow> dirty, NextSnapshot next)
    {
        var depth = 0;
        for (var parentId = row.ParentId; parentId is { } id && depth < 1024; depth++)
        {
            if ((dirty.GetValueOrDefault(id) ?? next.RowOf(id)) is not { } parent)
            {
                break;
            }

            parentId = parent.ParentId;
        }

        return depth;
    }

    /// <summary>The indexes of the next snapshot while a change is applied: builders over the previous snapshot's.</summary>
    private sealed class NextSnapshot(PublishedSnapshot previous, DocumentTypeRegistry types)
    {
        private readonly ImmutableDictionary<int, PublishedDocument>.Builder _documents = previous.Documents.ToBuilder();
        private readonly ImmutableDictionary<int, ImmutableSortedSet<PublishedDocument>>.Builder _children = previous.ChildIndex.ToBuilder();
        private readonly ImmutableDictionary<Guid, PublishedDocument>.Builder _byKey = previous.ByKey.ToBuilder();
        private readonly Dictionary<string, ImmutableDictionary<string, PublishedDocument>.Builder> _urls =
            Cultures.All.ToDictionary(c => c, c => previous.ByUrl.GetValueOrDefault(c, PublishedSnapshot.NoUrls).ToBuilder(), StringComparer.Ordinal);
        private readonly HashSet<int> _placed = [];

        public DocumentRow? RowOf(int id) => _documents.GetValueOrDefault(id)?.Row;

        /// <summary>The ids of the documents put in (changed, or below one whose URLs or cultures changed).</summary>
        public IReadOnlySet<int> Placed => _placed;

        public ImmutableSortedSet<PublishedDocument> ChildrenOf(int id) => _children.GetValueOrDefault(id, PublishedSnapshot.NoChildren);

        public void Remove(int id)
        {
            if (!_documents.Remove(id, out var old))
            {
                return;
            }

            Unlink(old);
        }

        /// <summary>Puts the row's document in, then its descendants again where what they inherit from it changed.</summary>
        public void Place(DocumentRow row, Dictionary<int, DocumentRow> dirty)
        {
            if (!_placed.Add(row.Id))
            {
                return;
            }

            var parent = row.ParentId is { } parentId ? _documents.GetValueOrDefault(parentId) : null;
            var reachable = row.ParentId is null || parent is { Reachable: true };
            var document = Make(row, parent, reachable, types);
            var old = _documents.GetValueOrDefault(row.Id);
            if (old is not null)
            {
                Unlink(old);
            }

            _documents[row.Id] = document;
            _byKey[row.Key] = document;
            var parentKey = row.ParentId ?? PublishedSnapshot.RootKey;
            _children[parentKey] = ChildrenOf(parentKey).Add(document);
            Index(_urls, document);

            if (old is not null && SameForChildren(old, document))
            {
                return;
            }

            foreach (var child in ChildrenOf(row.Id))
            {
                // A changed child is placed on its own turn, after this one.
                if (!dirty.ContainsKey(child.Id))
                {
                    Place(child.Row, dirty);
                }
            }
        }

        private void Unlink(PublishedDocument old)
        {
            if (_byKey.TryGetValue(old.Key, out var byKey) && ReferenceEquals(byKey, old))
            {
                _byKey.Remove(old.Key);
            }

            var parentKey = old.ParentId ?? PublishedSnapshot.RootKey;
            if (_children.TryGetValue(parentKey, out var siblings))
            {
                siblings = siblings.Remove(old);
                if (siblings.IsEmpty)
                {
                    _children.Remove(parentKey);
                }
                else
                {
                    _children[parentKey] = siblings;
                }
            }

            foreach (var (culture, urls) in _urls)
            {
                if (old.Url(culture) is { } url && urls.TryGetValue(url, out var atUrl) && ReferenceEquals(atUrl, old))
                {
                    urls.Remove(url);
                }
            }
        }

        public PublishedSnapshot ToSnapshot(ImmutableDictionary<Guid, MediaItem> media, ImmutableDictionary<Guid, MediaItem> folders,
            long generation, DateTime builtUtc) =>
            new(_documents.ToImmutable(), _children.ToImmutable(), _byKey.ToImmutable(),
                _urls.ToImmutableDictionary(u => u.Key, u => u.Value.ToImmutable(), StringComparer.Ordinal), media, folders, generation, builtUtc);
    }

    /// <summary>Whether the children of the document would inherit the same from both: reachability, visible cultures, URLs and the access rule.</summary>
    private static bool SameForChildren(PublishedDocument before, PublishedDocument after)
    {
        if (before.Reachable != after.Reachable || before.Cultures.Count != after.Cultures.Count || !AccessRule.Same(before.AccessRule, after.AccessRule))
        {
            return false;
        }

        foreach (var (culture, now) in after.Cultures)
        {
            if (!before.Cultures.TryGetValue(culture, out var then) || !string.Equals(then.Url, now.Url, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void Index(Dictionary<string, ImmutableDictionary<string, PublishedDocument>.Builder> urls, PublishedDocument document)
    {
        if (!document.Reachable)
        {
            return;
        }

        foreach (var (culture, index) in urls)
        {
            if (document.Url(culture) is { } url)
            {
                index[url] = document;
            }
        }
    }

    private static readonly IReadOnlyDictionary<string, PublishedCulture> NoCultures = new Dictionary<string, PublishedCulture>();

    /// <summary>
    /// A document is visible in a culture when it is published there and so are all its ancestors.
    /// The home page is "/{culture}/"; pages below it add their segments; other roots (settings) have no URL.
    /// </summary>
    private static PublishedDocument Make(DocumentRow row, PublishedDocument? parent, bool reachable, DocumentTypeRegistry types)
    {
        var type = types.Find(row.ContentType);
        var rule = AccessRule.Parse(row.PublicAccessGroups) ?? parent?.AccessRule;
        if (!reachable)
        {
            return new PublishedDocument(row, type, reachable: false, NoCultures, rule);
        }

        var isPage = type?.IsPage ?? false;
        var cultures = new Dictionary<string, PublishedCulture>(row.Cultures.Count, StringComparer.Ordinal);
        foreach (var culture in row.Cultures)
        {
            PublishedCulture? parentCulture = null;
            if (parent is not null && !parent.Cultures.TryGetValue(culture.Culture, out parentCulture))
            {
                continue;
            }

            string? url = null;
            if (isPage)
            {
                url = parentCulture is null
                    ? row.ContentType == Home.Alias ? $"/{culture.Culture}/" : null
                    : parentCulture.Url is { } parentUrl ? $"{parentUrl}{culture.UrlSegment}/" : null;
            }

            cultures[culture.Culture] = new PublishedCulture(culture.Culture, culture.Name, culture.UrlSegment, url, culture.PublishedUtc,
                row.CultureValues(culture.Culture));
        }

        return new PublishedDocument(row, type, reachable: true, cultures, rule);
    }

    /// <param name="Version">The document's version its published values were read at.</param>
    /// <param name="Source">Its published values, parsed (<see cref="Parse"/>).</param>
    /// <param name="PublicAccessGroups">The public access rule set on this document (comma-separated member groups), or null.</param>
    /// <remarks>
    /// The values by alias are taken from <paramref name="Source"/> once per row and kept: the snapshot service keeps the
    /// rows of unchanged documents from one snapshot to the next, so applying a change does not walk their JSON again.
    /// </remarks>
    public sealed record DocumentRow(int Id, Guid Key, int? ParentId, string ContentType, int SortOrder, int Level, DateTime CreatedUtc, DateTime UpdatedUtc,
        int Version, JsonElement Source, List<CultureRow> Cultures, string? PublicAccessGroups = null)
    {
        private IReadOnlyDictionary<string, JsonElement>? _invariant;
        private Dictionary<string, IReadOnlyDictionary<string, JsonElement>>? _cultures;

        internal IReadOnlyDictionary<string, JsonElement> InvariantValues => _invariant ??= Values(Source, "invariant");

        internal IReadOnlyDictionary<string, JsonElement> CultureValues(string culture)
        {
            var known = _cultures;
            if (known is not null && known.TryGetValue(culture, out var values))
            {
                return values;
            }

            var all = Source.ValueKind == JsonValueKind.Object && Source.TryGetProperty("cultures", out var cultures) ? cultures : default;
            values = all.ValueKind == JsonValueKind.Object && all.TryGetProperty(culture, out var variant) ? Values(variant, "values") : Empty;
            _cultures = new Dictionary<string, IReadOnlyDictionary<string, JsonElement>>(known ?? [], StringComparer.Ordinal) { [culture] = values };
            return values;
        }
    }

    public sealed record CultureRow(string Culture, string Name, string UrlSegment, DateTime PublishedUtc);
}
