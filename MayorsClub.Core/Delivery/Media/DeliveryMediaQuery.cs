using MayorsClub.Core.Media;

namespace MayorsClub.Core.Delivery.Media;

/// <summary>Why a media query was refused (Umbraco's <c>ApiMediaQueryOperationStatus</c>).</summary>
public enum DeliveryMediaQueryStatus
{
    Success,
    SelectorOptionNotFound,
    FilterOptionNotFound,
    SortOptionNotFound,
}

/// <summary>A page of a media query: how many items match in all, and the page's items.</summary>
public sealed record DeliveryMediaPage(DeliveryMediaQueryStatus Status, int Total, IReadOnlyList<MediaItem> Items)
{
    public static DeliveryMediaPage Refused(DeliveryMediaQueryStatus status) => new(status, 0, []);
}

/// <summary>
/// <c>GET /media</c>: as Umbraco's media query, <c>fetch=children:{id|path}</c> is required (the root is "children:/");
/// <c>filter=mediaType:{alias[,alias]}</c> (a leading "!" excludes) and <c>filter=name:{text}</c>; <c>sort=createDate</c>,
/// <c>updateDate</c>, <c>name</c> or <c>sortOrder</c> (the library's order), each <c>:asc</c> or <c>:desc</c>. Several
/// filters all apply; several sorts apply in turn. A folder that is not there has no children (as in Umbraco).
/// </summary>
public static class DeliveryMediaQuery
{
    private const string Children = "children:";

    public static DeliveryMediaPage Run(DeliveryMediaTree tree, string? fetch, IReadOnlyList<string> filters, IReadOnlyList<string> sorts,
        int skip, int take, DeliveryReads reads)
    {
        if (fetch is null || !fetch.StartsWith(Children, StringComparison.OrdinalIgnoreCase) || fetch.Length == Children.Length)
        {
            return DeliveryMediaPage.Refused(DeliveryMediaQueryStatus.SelectorOptionNotFound);
        }

        var predicates = new List<Func<MediaItem, bool>>();
        foreach (var filter in filters.Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            if (Filter(filter) is not { } predicate)
            {
                return DeliveryMediaPage.Refused(DeliveryMediaQueryStatus.FilterOptionNotFound);
            }

            predicates.Add(predicate);
        }

        var order = (IComparer<MediaItem>?)null;
        foreach (var sort in sorts.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            if (Sort(sort) is not { } comparer)
            {
                return DeliveryMediaPage.Refused(DeliveryMediaQueryStatus.SortOptionNotFound);
            }

            order = order is null ? comparer : Then(order, comparer);
        }

        var selector = fetch[Children.Length..];
        IReadOnlyList<MediaItem> children;
        if (DeliveryMediaTree.IsRoot(selector))
        {
            reads.Scope(DeliveryScope.MediaChildrenOf(null));
            children = tree.Children(null);
        }
        else
        {
            var passed = new List<MediaItem>();
            var folder = Guid.TryParse(selector, out var key) ? tree.Get(key) : tree.ByPath(selector, passed);
            if (folder is null)
            {
                // Nothing there yet: any media change may put something there.
                reads.Scope(DeliveryScope.AllMedia);
                return new DeliveryMediaPage(DeliveryMediaQueryStatus.Success, 0, []);
            }

            foreach (var item in passed.Append(folder))
            {
                reads.Media(item.Key);
            }

            reads.Scope(DeliveryScope.MediaChildrenOf(folder.Key));
            children = tree.Children(folder.Key);
        }

        var matching = children.Where(c => predicates.TrueForAll(p => p(c)));
        if (order is not null)
        {
            matching = matching.Order(Then(order, DeliveryMediaTree.LibraryOrder));
        }

        var all = matching.ToList();
        return new DeliveryMediaPage(DeliveryMediaQueryStatus.Success, all.Count, all.Skip(skip).Take(take).ToList());
    }

    private static Func<MediaItem, bool>? Filter(string filter)
    {
        var colon = filter.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var (option, value) = (filter[..colon].Trim(), filter[(colon + 1)..].Trim());
        if (option.Equals("mediaType", StringComparison.OrdinalIgnoreCase))
        {
            var exclude = value.StartsWith('!');
            var types = value.TrimStart('!').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            return types.Count == 0 ? null : item => types.Contains(DeliveryMediaJson.MediaType(item)) != exclude;
        }

        if (option.Equals("name", StringComparison.OrdinalIgnoreCase))
        {
            return value.Length == 0 ? null : item => item.Name.Contains(value, StringComparison.CurrentCultureIgnoreCase);
        }

        return null;
    }

    private static IComparer<MediaItem>? Sort(string sort)
    {
        var parts = sort.Split(':', 2, StringSplitOptions.TrimEntries);
        var descending = parts.Length == 2 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
        if (parts.Length == 2 && !descending && !parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        IComparer<MediaItem>? ascending = parts[0].ToLowerInvariant() switch
        {
            "createdate" => Comparer<MediaItem>.Create(static (a, b) => a.CreatedUtc.CompareTo(b.CreatedUtc)),
            "updatedate" => Comparer<MediaItem>.Create(static (a, b) => a.UpdatedUtc.CompareTo(b.UpdatedUtc)),
            "name" => Comparer<MediaItem>.Create(static (a, b) => string.Compare(a.Name, b.Name, StringComparison.CurrentCultureIgnoreCase)),
            "sortorder" => DeliveryMediaTree.LibraryOrder,
            _ => null,
        };
        return ascending is null ? null : descending ? Comparer<MediaItem>.Create((a, b) => ascending.Compare(b, a)) : ascending;
    }

    private static Comparer<MediaItem> Then(IComparer<MediaItem> first, IComparer<MediaItem> second) =>
        Comparer<MediaItem>.Create((a, b) => first.Compare(a, b) is var c and not 0 ? c : second.Compare(a, b));
}
