using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Media;

/// <summary>
/// Reading the media library: a folder's contents, one item or several (the media picker resolves the keys a
/// document holds), the folder tree, the path to a folder, and where an item is used.
/// </summary>
public sealed class MediaLibrary(MayorsClubDbContext db, MediaUsages usages)
{
    /// <summary>The folders, then the files, of a folder (null: the root), by name; null when the folder does not exist.</summary>
    public async Task<IReadOnlyList<MediaItem>?> ListAsync(Guid? folderKey, CancellationToken ct = default)
    {
        int? parentId = null;
        if (folderKey is { } key)
        {
            var folder = await db.MediaItems.AsNoTracking().Where(m => m.Key == key && m.IsFolder).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
            if (folder is null)
            {
                return null;
            }

            parentId = folder;
        }

        var children = await db.MediaItems.AsNoTracking().Where(m => m.ParentId == parentId).ToListAsync(ct);
        return children
            .OrderByDescending(m => m.IsFolder)
            .ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => MediaStore.ToItem(m, folderKey))
            .ToList();
    }

    public async Task<MediaItem?> GetAsync(Guid key, CancellationToken ct = default) =>
        (await GetManyAsync([key], ct)).SingleOrDefault();

    /// <summary>The items with these keys that exist, in the order asked.</summary>
    public async Task<IReadOnlyList<MediaItem>> GetManyAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct = default)
    {
        var items = await db.MediaItems.AsNoTracking().Where(m => keys.Contains(m.Key)).ToListAsync(ct);
        var parentIds = items.Where(m => m.ParentId is not null).Select(m => m.ParentId!.Value).Distinct().ToList();
        var parents = await db.MediaItems.AsNoTracking().Where(m => parentIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Key, ct);
        var byKey = items.ToDictionary(m => m.Key, m => MediaStore.ToItem(m, m.ParentId is { } id ? parents[id] : null));
        return keys.Where(byKey.ContainsKey).Select(k => byKey[k]).ToList();
    }

    /// <summary>Every folder (a library has few), for the folder tree and "move to" lists.</summary>
    public async Task<IReadOnlyList<MediaItem>> FoldersAsync(CancellationToken ct = default)
    {
        var folders = await db.MediaItems.AsNoTracking().Where(m => m.IsFolder).ToListAsync(ct);
        var keys = folders.ToDictionary(f => f.Id, f => f.Key);
        return folders
            .OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(f => MediaStore.ToItem(f, f.ParentId is { } id ? keys[id] : null))
            .ToList();
    }

    /// <summary>The folders from the root down to (and including) this one; empty for the root.</summary>
    public async Task<IReadOnlyList<MediaItem>> PathAsync(Guid? folderKey, CancellationToken ct = default)
    {
        if (folderKey is null)
        {
            return [];
        }

        var folders = (await FoldersAsync(ct)).ToDictionary(f => f.Key);
        var path = new List<MediaItem>();
        for (var key = folderKey; key is { } k && folders.TryGetValue(k, out var folder) && path.Count <= folders.Count; key = folder.ParentKey)
        {
            path.Insert(0, folder);
        }

        return path;
    }

    /// <summary>The documents whose draft or published values refer to the item.</summary>
    public Task<IReadOnlyList<MediaUsage>> UsagesAsync(Guid key, CancellationToken ct = default) => usages.FindAsync(key, ct);
}
