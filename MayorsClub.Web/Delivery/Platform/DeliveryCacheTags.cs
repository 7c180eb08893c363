using MayorsClub.Core.Changes;
using MayorsClub.Core.Delivery;
using MayorsClub.Core.Publishing;

namespace MayorsClub.Web.Delivery.Platform;

/// <summary>
/// The tags a batch of changes touches (see <see cref="DeliveryScope"/>), worked out from the snapshot before the batch
/// and the snapshot after it: each named document, and its subtree when the change moves, trashes, restores, deletes or
/// protects it or when its URLs changed; for each of them, old and new, its parent's children, every ancestor's
/// descendants, its content type and the whole site. For media: the item, its old and new folder's children and the
/// whole library.
/// </summary>
public static class DeliveryCacheTags
{
    public static HashSet<string> Touched(PublishedSnapshot previous, PublishedSnapshot current, IEnumerable<PublishedChange> changes)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        var documents = new HashSet<Guid>();
        foreach (var change in changes)
        {
            foreach (var key in change.Documents)
            {
                tags.Add(DeliveryScope.AllContent);
                documents.Add(key);
                var (before, after) = (previous.Get(key), current.Get(key));
                if (change.TouchesSubtree || change.Kind == PublishedChangeKind.PublicAccess || !SameUrls(before, after))
                {
                    AddSubtree(previous, before, documents);
                    AddSubtree(current, after, documents);
                }
            }

            foreach (var key in change.Media)
            {
                tags.Add(DeliveryScope.AllMedia);
                tags.Add(DeliveryScope.Media(key));
                foreach (var snapshot in (PublishedSnapshot[])[previous, current])
                {
                    if ((snapshot.GetMedia(key) ?? snapshot.GetMediaFolder(key)) is { } item)
                    {
                        tags.Add(DeliveryScope.MediaChildrenOf(item.ParentKey));
                    }
                }
            }
        }

        foreach (var key in documents)
        {
            tags.Add(DeliveryScope.Document(key));
            foreach (var snapshot in (PublishedSnapshot[])[previous, current])
            {
                if (snapshot.Get(key) is not { } document)
                {
                    continue;
                }

                tags.Add(DeliveryScope.ContentType(document.ContentType));
                var parent = snapshot.Parent(document);
                tags.Add(parent is null ? DeliveryScope.RootChildren : DeliveryScope.ChildrenOf(parent.Key));
                for (var ancestor = parent; ancestor is not null; ancestor = snapshot.Parent(ancestor))
                {
                    tags.Add(DeliveryScope.DescendantsOf(ancestor.Key));
                }
            }
        }

        return tags;
    }

    /// <summary>Visible in the same cultures at the same URLs (both missing counts as the same).</summary>
    private static bool SameUrls(PublishedDocument? before, PublishedDocument? after)
    {
        if (before is null || after is null)
        {
            return before is null && after is null;
        }

        var (was, now) = (before.Cultures, after.Cultures);
        return was.Count == now.Count && was.All(c => now.TryGetValue(c.Key, out var culture) && culture.Url == c.Value.Url);
    }

    private static void AddSubtree(PublishedSnapshot snapshot, PublishedDocument? top, HashSet<Guid> documents)
    {
        if (top is null)
        {
            return;
        }

        var stack = new Stack<PublishedDocument>([top]);
        while (stack.Count > 0)
        {
            var document = stack.Pop();
            documents.Add(document.Key);
            foreach (var child in snapshot.Children(document))
            {
                stack.Push(child);
            }
        }
    }
}
