using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;

namespace MayorsClub.Core.Delivery.Media;

/// <summary>
/// The media library as the Delivery API reads it, from one snapshot: its folders and public files (never a members-only
/// file: the snapshot holds none), each folder's children in the library's order (folders first, then by name), and
/// paths as Umbraco makes them: the lower-cased names of the folders and the item, "/photos/2026/hall.jpg/".
/// Computed once per snapshot.
/// </summary>
public sealed class DeliveryMediaTree
{
    private static readonly IReadOnlyList<MediaItem> None = [];

    private readonly Dictionary<Guid, MediaItem> _items = [];
    private readonly Dictionary<Guid, List<MediaItem>> _children = [];
    private readonly List<MediaItem> _roots = [];

    private DeliveryMediaTree(PublishedSnapshot snapshot)
    {
        foreach (var item in snapshot.MediaFolders.Concat(snapshot.Media))
        {
            _items[item.Key] = item;
        }

        foreach (var item in _items.Values)
        {
            if (item.ParentKey is { } parent && _items.ContainsKey(parent))
            {
                (_children.TryGetValue(parent, out var list) ? list : _children[parent] = []).Add(item);
            }
            else if (item.ParentKey is null)
            {
                _roots.Add(item);
            }
        }

        _roots.Sort(LibraryOrder);
        foreach (var list in _children.Values)
        {
            list.Sort(LibraryOrder);
        }
    }

    public static DeliveryMediaTree Of(PublishedSnapshot snapshot) => snapshot.Memo("delivery:media-tree", s => new DeliveryMediaTree(s));

    /// <summary>Folders first, then by name, then by key (a total order, so paging is stable).</summary>
    public static readonly IComparer<MediaItem> LibraryOrder = Comparer<MediaItem>.Create(static (a, b) =>
        a.IsFolder != b.IsFolder ? b.IsFolder.CompareTo(a.IsFolder)
        : string.Compare(a.Name, b.Name, StringComparison.CurrentCultureIgnoreCase) is var byName and not 0 ? byName
        : a.Key.CompareTo(b.Key));

    /// <summary>A folder or a public file, or null (also for a file below a folder that is gone).</summary>
    public MediaItem? Get(Guid key) => _items.TryGetValue(key, out var item) && Ancestors(item) is not null ? item : null;

    /// <summary>The children of a folder (null: the library's root), in <see cref="LibraryOrder"/>.</summary>
    public IReadOnlyList<MediaItem> Children(Guid? folderKey) =>
        folderKey is { } key ? _children.GetValueOrDefault(key) ?? None : _roots;

    /// <summary>The item at a path of names ("/photos/hall.jpg/", any case); the root for "/"; null when none is there.</summary>
    /// <param name="path">The path as a client sends it.</param>
    /// <param name="passed">Gets every item the lookup went through (so a rename of any of them drops the answer).</param>
    public MediaItem? ByPath(string path, ICollection<MediaItem>? passed = null)
    {
        MediaItem? found = null;
        var level = (IReadOnlyList<MediaItem>)_roots;
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            found = level.FirstOrDefault(c => string.Equals(c.Name, segment, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                return null;
            }

            passed?.Add(found);
            level = Children(found.Key);
        }

        return found;
    }

    /// <summary>Whether a path names the root ("/", "" or only slashes).</summary>
    public static bool IsRoot(string path) => path.Trim('/').Length == 0;

    /// <summary>The item's folders from the top down, or null when one of them is missing.</summary>
    public IReadOnlyList<MediaItem>? Ancestors(MediaItem item)
    {
        var ancestors = new List<MediaItem>();
        for (var parent = item.ParentKey; parent is { } key; parent = ancestors[^1].ParentKey)
        {
            if (!_items.TryGetValue(key, out var folder) || ancestors.Count > 64)
            {
                return null;
            }

            ancestors.Add(folder);
        }

        ancestors.Reverse();
        return ancestors;
    }

    /// <summary>Umbraco's media path: "/" + the lower-cased names of the folders and the item + "/".</summary>
    public string PathOf(MediaItem item) =>
        "/" + string.Concat((Ancestors(item) ?? []).Append(item).Select(i => i.Name.ToLowerInvariant() + "/"));
}
