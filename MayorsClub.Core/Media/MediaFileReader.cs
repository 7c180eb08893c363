using MayorsClub.Core.Persistence;
using MayorsClub.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Media;

/// <summary>
/// Finds a media file's bytes for whoever serves them. The public endpoint asks for public files only, so a
/// members-only file is "not found" there; the back office's preview and, later, the members' download ask with
/// <c>includeMembersOnly</c> after checking who is asking. This is the one place that decides. Public files are
/// found in the published snapshot (which holds only public files), without a database query.
/// </summary>
public sealed class MediaFileReader(MayorsClubDbContext db, MediaStorage storage, PublishedSnapshotService snapshots)
{
    /// <summary>A file anyone may see, from the published snapshot; null for unknown keys, folders and members-only files.</summary>
    public MediaFile? FindPublic(Guid key) => FindPublic(snapshots.Current, storage, key);

    /// <summary>As <see cref="FindPublic(Guid)"/>, for a reader that has the snapshot and the storage at hand (no scope, no database).</summary>
    public static MediaFile? FindPublic(PublishedSnapshot snapshot, MediaStorage storage, Guid key)
    {
        var item = snapshot.GetMedia(key);
        if (item is not { IsFolder: false, MembersOnly: false, StoragePath: { } storagePath, ContentType: { } contentType, FileToken: { } token })
        {
            return null;
        }

        var path = storage.FullPath(storagePath);
        return File.Exists(path)
            ? new MediaFile(key, path, contentType, item.FileName ?? "file", item.Size, item.UpdatedUtc, token, MembersOnly: false) { FocalPoint = item.FocalPoint }
            : null;
    }

    /// <summary>The file, members-only ones included when the caller has checked the reader may see them.</summary>
    public async Task<MediaFile?> FindAsync(Guid key, bool includeMembersOnly, CancellationToken ct = default)
    {
        var row = await db.MediaItems.AsNoTracking()
            .Where(m => m.Key == key && !m.IsFolder)
            .Select(m => new { m.StoragePath, m.ContentType, m.FileName, m.Size, m.UpdatedUtc, m.MembersOnly })
            .SingleOrDefaultAsync(ct);
        if (row?.StoragePath is null || row.ContentType is null || (row.MembersOnly && !includeMembersOnly))
        {
            return null;
        }

        var path = storage.FullPath(row.StoragePath);
        return File.Exists(path)
            ? new MediaFile(key, path, row.ContentType, row.FileName ?? "file", row.Size, row.UpdatedUtc, MediaUrls.FileToken(row.StoragePath), row.MembersOnly)
            : null;
    }
}

/// <summary>A stored file ready to be sent: where it is, its checked media type, the name to offer, and the token that changes with its bytes.</summary>
public sealed record MediaFile(Guid Key, string PhysicalPath, string ContentType, string FileName, long Size, DateTime UpdatedUtc, string Token, bool MembersOnly)
{
    /// <summary>The library's focal point (public files, from the snapshot): what an image variant's crop keeps.</summary>
    public FocalPoint? FocalPoint { get; init; }
}
