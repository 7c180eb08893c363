using System.Text.Json;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MayorsClub.Core.Media;

/// <summary>What every media use case needs: loading items and folders, the item as callers see it, an audit entry per change, and committing with the version check.</summary>
public sealed class MediaStore(MayorsClubDbContext db, IClock clock)
{
    internal MayorsClubDbContext Db => db;

    public DateTime UtcNow => clock.GetCurrentInstant().ToDateTimeUtc();

    internal Task<MediaItemEntity?> FindAsync(Guid key, CancellationToken ct) =>
        db.MediaItems.SingleOrDefaultAsync(m => m.Key == key, ct);

    /// <summary>The folder to put something in: null for the root; refused when it does not exist or is a file.</summary>
    internal async Task<(MediaItemEntity? Folder, MediaResult? Refusal)> FindFolderAsync(Guid? key, CancellationToken ct)
    {
        if (key is not { } folderKey)
        {
            return (null, null);
        }

        var folder = await FindAsync(folderKey, ct);
        if (folder is null)
        {
            return (null, MediaResult.NotFound(MediaMessages.FolderNotFound));
        }

        return folder.IsFolder ? (folder, null) : (null, MediaResult.Invalid(new MediaError(MediaMessages.NotAFolder, "folder")));
    }

    internal async Task<MediaItem> ToItemAsync(MediaItemEntity entity, CancellationToken ct)
    {
        Guid? parentKey = entity.ParentId is { } parentId
            ? await db.MediaItems.Where(m => m.Id == parentId).Select(m => m.Key).SingleAsync(ct)
            : null;
        return ToItem(entity, parentKey);
    }

    internal static MediaItem ToItem(MediaItemEntity entity, Guid? parentKey) => new(
        entity.Key,
        parentKey,
        entity.IsFolder,
        entity.Name,
        entity.FileName,
        MediaFormat.FromContentType(entity.ContentType),
        entity.Size,
        entity.Width,
        entity.Height,
        entity.FocalX is { } x && entity.FocalY is { } y ? new FocalPoint(x, y) : null,
        ReadAltText(entity.AltTextJson),
        entity.MembersOnly,
        entity.Version,
        entity.CreatedUtc,
        entity.CreatedBy,
        entity.UpdatedUtc,
        entity.StoragePath is null ? null : MediaUrls.FileToken(entity.StoragePath))
    {
        StoragePath = entity.StoragePath,
    };

    public static IReadOnlyDictionary<string, string> ReadAltText(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>();
        }
    }

    public static string WriteAltText(IReadOnlyDictionary<string, string> altText) => JsonSerializer.Serialize(altText);

    /// <summary>Marks the item changed (a new version) and records who did what to it.</summary>
    internal void RecordChange(MediaItemEntity item, string user, string action, string? details = null)
    {
        item.Version++;
        item.UpdatedUtc = UtcNow;
        Audit(user, action, item, details);
    }

    /// <summary>An audit entry naming the media item (the document key stays empty).</summary>
    internal void Audit(string user, string action, MediaItemEntity item, string? details = null)
    {
        var text = $"media {item.Key:D} \"{item.Name}\"{(details is null ? "" : "; " + details)}";
        db.AuditEntries.Add(new AuditEntryEntity { Utc = UtcNow, User = user, Action = action, DocumentKey = null, Details = text.Length > 2000 ? text[..2000] : text });
    }

    /// <summary>Saves all changes at once; false when someone else changed the same item first.</summary>
    public async Task<bool> CommitAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public async Task<int> CurrentVersionAsync(Guid key, CancellationToken ct) =>
        await db.MediaItems.AsNoTracking().Where(m => m.Key == key).Select(m => m.Version).SingleOrDefaultAsync(ct);
}
