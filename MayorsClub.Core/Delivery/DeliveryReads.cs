namespace MayorsClub.Core.Delivery;

/// <summary>
/// What one Delivery API answer was made from, so that its cached copy is dropped exactly when a change can alter it.
/// The code that builds the answer notes every document and media item whose data it wrote (the item, linked or expanded
/// items, the start item, the ancestors a route or an ancestors query went through) and the scope of every query it ran;
/// the cache keeps the notes with the answer, and the change feed's subscriber drops the answers whose notes a change
/// touches (see <see cref="DeliveryScope"/> for what each scope is dropped by).
/// </summary>
public sealed class DeliveryReads
{
    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);

    /// <summary>The tags noted so far: a document's, a media item's or a scope's (see <see cref="DeliveryScope"/>).</summary>
    public IReadOnlyCollection<string> Tags => _tags;

    /// <summary>The answer holds this document's data (its name, route, properties or place).</summary>
    public void Document(Guid key) => _tags.Add(DeliveryScope.Document(key));

    /// <summary>The answer holds this media item's data.</summary>
    public void Media(Guid key) => _tags.Add(DeliveryScope.Media(key));

    /// <summary>The answer is the result of a query over this scope (a tag made by <see cref="DeliveryScope"/>).</summary>
    public void Scope(string tag) => _tags.Add(tag);
}

/// <summary>
/// The tags a cached Delivery API answer depends on, and so the tags a change drops:
/// <list type="bullet">
/// <item><see cref="Document"/>: the document changed (any kind of change naming it, or below a moved, trashed, restored
/// or deleted document, or whose URL changed).</item>
/// <item><see cref="ChildrenOf"/>: a document that is (or was, before the change) a child of it changed.</item>
/// <item><see cref="DescendantsOf"/>: a document that is (or was) below it changed.</item>
/// <item><see cref="ContentType"/>: a document of that type changed anywhere (a query over the whole site that admits only
/// some content types notes each of them).</item>
/// <item><see cref="AllContent"/>: any document changed (a query over the whole site without a positive content type
/// filter, and every full-text search).</item>
/// <item><see cref="Media"/>, <see cref="MediaChildrenOf"/>, <see cref="AllMedia"/>: the same for the media library.</item>
/// </list>
/// </summary>
public static class DeliveryScope
{
    public const string AllContent = "content:*";

    public const string AllMedia = "media:*";

    public static string Document(Guid key) => "doc:" + key.ToString("N");

    public static string ChildrenOf(Guid parentKey) => "children:" + parentKey.ToString("N");

    /// <summary>Children of the root (top-level documents).</summary>
    public const string RootChildren = "children:root";

    public static string DescendantsOf(Guid ancestorKey) => "descendants:" + ancestorKey.ToString("N");

    public static string ContentType(string alias) => "type:" + alias;

    public static string Media(Guid key) => "media:" + key.ToString("N");

    public static string MediaChildrenOf(Guid? folderKey) => "media-children:" + (folderKey?.ToString("N") ?? "root");
}
