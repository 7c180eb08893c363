using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Content;

/// <summary>
/// Reads the content tree for the back office a page of children at a time, with how many children each has,
/// in a fixed number of queries however many documents there are.
/// </summary>
public sealed class ContentTreeQuery(ContentStore store)
{
    /// <summary>One document of the tree and how many children it has outside the recycle bin.</summary>
    public sealed record Item(DocumentState State, int ChildCount);

    /// <summary>A page of a document's children (or of the roots, for null), in sort order, outside the recycle bin.</summary>
    /// <returns>Null when the parent does not exist.</returns>
    public async Task<(IReadOnlyList<Item> Items, int Total)?> ChildrenAsync(Guid? parentKey, int skip, int take, CancellationToken ct = default)
    {
        int? parentId = null;
        if (parentKey is not null)
        {
            parentId = await store.Db.Documents.Where(d => d.Key == parentKey).Select(d => (int?)d.Id).SingleOrDefaultAsync(ct);
            if (parentId is null)
            {
                return null;
            }
        }

        var siblings = store.Db.Documents.AsNoTracking().Where(d => d.ParentId == parentId && !d.Trashed);
        var total = await siblings.CountAsync(ct);
        var page = await siblings.Include(d => d.Cultures).OrderBy(d => d.SortOrder).ThenBy(d => d.Id).Skip(skip).Take(take).ToListAsync(ct);
        return (await ItemsAsync(page, parentKey, ct), total);
    }

    /// <summary>Which of the given documents have at least one child outside the recycle bin (one query).</summary>
    public async Task<IReadOnlySet<int>> WithChildrenAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        var parents = ids.Select(id => (int?)id).ToList();
        return (await store.Db.Documents.AsNoTracking()
                .Where(d => parents.Contains(d.ParentId) && !d.Trashed)
                .Select(d => d.ParentId!.Value)
                .Distinct()
                .ToListAsync(ct))
            .ToHashSet();
    }

    /// <summary>The documents from the root down to the given one (itself last); empty when it does not exist.</summary>
    public async Task<IReadOnlyList<Item>> PathAsync(Guid key, CancellationToken ct = default)
    {
        var path = await store.Db.Documents.Where(d => d.Key == key).Select(d => d.Path).SingleOrDefaultAsync(ct);
        if (path is null)
        {
            return [];
        }

        var ids = PathIds(path);
        var documents = await store.Db.Documents.AsNoTracking().Include(d => d.Cultures).Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        var ordered = ids.Select(id => documents.SingleOrDefault(d => d.Id == id)).OfType<DocumentEntity>().ToList();
        var result = new List<Item>();
        Guid? parentKey = null;
        foreach (var document in ordered)
        {
            result.AddRange(await ItemsAsync([document], parentKey, ct));
            parentKey = document.Key;
        }

        return result;
    }

    /// <summary>A document that may become a parent, with the ids from the root down to it and its name in each culture.</summary>
    public sealed record Place(Guid Key, int Id, string ContentType, IReadOnlyList<int> PathIds, IReadOnlyDictionary<string, string> Names);

    /// <summary>
    /// The documents of the given types outside the recycle bin (the places a document may move to), and the names of
    /// every document on their paths, by id, for showing where each place is.
    /// </summary>
    public async Task<(IReadOnlyList<Place> Places, IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> NamesById)> PlacesAsync(
        IReadOnlyCollection<string> contentTypes, CancellationToken ct = default)
    {
        var documents = await store.Db.Documents.AsNoTracking().Include(d => d.Cultures)
            .Where(d => !d.Trashed && contentTypes.Contains(d.ContentType))
            .OrderBy(d => d.Level).ThenBy(d => d.SortOrder)
            .ToListAsync(ct);
        var places = documents.Select(d => new Place(d.Key, d.Id, d.ContentType, PathIds(d.Path),
            d.Cultures.ToDictionary(c => c.Culture, c => c.Name, StringComparer.Ordinal))).ToList();
        var ids = places.SelectMany(p => p.PathIds).Distinct().ToList();
        var names = await store.Db.DocumentCultures.AsNoTracking().Where(c => ids.Contains(c.DocumentId))
            .Select(c => new { c.DocumentId, c.Culture, c.Name })
            .ToListAsync(ct);
        return (places, names.GroupBy(n => n.DocumentId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, string>)g.ToDictionary(n => n.Culture, n => n.Name, StringComparer.Ordinal)));
    }

    private static List<int> PathIds(string path) =>
        path.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>The names of the given documents in each culture (for showing what a content picker points to).</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, string>>> NamesAsync(IEnumerable<Guid> keys, CancellationToken ct = default)
    {
        var wanted = keys.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyDictionary<string, string>>();
        }

        var rows = await store.Db.Documents.AsNoTracking().Where(d => wanted.Contains(d.Key))
            .Join(store.Db.DocumentCultures, d => d.Id, c => c.DocumentId, (d, c) => new { d.Key, c.Culture, c.Name })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Key).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, string>)g.ToDictionary(r => r.Culture, r => r.Name, StringComparer.Ordinal));
    }

    private async Task<IReadOnlyList<Item>> ItemsAsync(IReadOnlyList<DocumentEntity> documents, Guid? parentKey, CancellationToken ct)
    {
        var ids = documents.Select(d => (int?)d.Id).ToList();
        var counts = await store.Db.Documents.AsNoTracking()
            .Where(d => ids.Contains(d.ParentId) && !d.Trashed)
            .GroupBy(d => d.ParentId)
            .Select(g => new { ParentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ParentId!.Value, g => g.Count, ct);
        return documents.Select(d => new Item(ToState(d, parentKey), counts.GetValueOrDefault(d.Id))).ToList();
    }

    private static DocumentState ToState(DocumentEntity document, Guid? parentKey) =>
        new(document.Id, document.Key, parentKey, document.ContentType, document.SortOrder, document.Version, document.Trashed,
            ContentValues.FromJson(document.DraftJson),
            document.Cultures.ToDictionary(
                c => c.Culture,
                c => new CultureState(c.Culture, c.Name, c.UrlSegment, c.IsPublished, c.EditedSincePublish, c.PublishedUtc, c.PublishAtUtc, c.UnpublishAtUtc,
                    c.ApprovalRequestedUtc, c.ApprovalRequestedBy),
                StringComparer.Ordinal),
            document.UpdatedUtc, document.UpdatedBy);
}
