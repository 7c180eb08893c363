using MayorsClub.Core.Changes;
using MayorsClub.Core.Content;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Media;

/// <summary>
/// Deletes media: a folder only when it is empty; a file only when no document uses it, or when the editor
/// confirms after seeing the list of documents that do. The file's bytes go once the database row is gone, and
/// a public file leaves the published snapshot with them.
/// </summary>
public sealed class MediaRemover(MediaStore store, MediaStorage storage, MediaUsages usages, ChangeLog feed)
{
    /// <param name="ConfirmedInUse">The editor has seen the usages and deletes anyway.</param>
    /// <param name="Rights">Deleting a file published pages show needs <see cref="EditorRights.Publish"/>.</param>
    public sealed record DeleteCommand(Guid Key, bool ConfirmedInUse, string User, EditorRights Rights);

    public async Task<MediaResult> DeleteAsync(DeleteCommand command, CancellationToken ct = default)
    {
        var item = await store.FindAsync(command.Key, ct);
        if (item is null)
        {
            return MediaResult.NotFound();
        }

        var before = await store.ToItemAsync(item, ct);
        string? details = null;
        if (item.IsFolder)
        {
            if (await store.Db.MediaItems.AnyAsync(m => m.ParentId == item.Id, ct))
            {
                return MediaResult.Invalid(new MediaError(MediaMessages.FolderNotEmpty, "folder", [item.Name]));
            }
        }
        else
        {
            var used = await usages.FindAsync(item.Key, ct);
            if (!command.Rights.MayPublish() && used.Any(u => u.Live))
            {
                return MediaResult.Forbidden(MediaMessages.LiveMediaNeedsPublishRights);
            }

            if (used.Count > 0 && !command.ConfirmedInUse)
            {
                return new MediaResult(MediaStatus.InUse,
                    [new MediaError(MediaMessages.InUse, Args: [item.Name, used.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)])], before, used);
            }

            if (used.Count > 0)
            {
                details = $"confirmed although used by {used.Count} document(s): {string.Join(", ", used.Select(u => u.DocumentKey.ToString("D")))}";
            }
        }

        store.Db.MediaItems.Remove(item);
        store.Audit(command.User, item.IsFolder ? "media.folder.delete" : "media.delete", item, details);
        if (!item.MembersOnly)
        {
            feed.Append(PublishedChangeKind.Media, media: [item.Key]);
        }

        if (!await store.CommitAsync(ct))
        {
            return MediaResult.Conflict(await store.CurrentVersionAsync(command.Key, ct));
        }

        storage.Delete(item.StoragePath);
        await feed.WaitUntilVisibleAsync(ct);

        return MediaResult.Ok(before);
    }
}
