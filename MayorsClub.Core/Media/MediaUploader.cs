using MayorsClub.Core.Changes;
using MayorsClub.Core.Content;

namespace MayorsClub.Core.Media;

/// <summary>
/// Puts files into the library: a new upload, or a replacement that keeps the item's key (so every link to it
/// keeps working) and gets a new storage name (so the public URL's version token changes).
/// Documents and videos are always members-only; an image is members-only when the uploader says so. A new or
/// replaced public file refreshes the published snapshot (pages link to files through it). Replacing a file that
/// published pages show changes the live site, so it needs the rights publishing needs.
/// </summary>
public sealed class MediaUploader(MediaStore store, MediaIntake intake, MediaStorage storage, MediaUsages usages, ChangeLog feed)
{
    /// <param name="FileName">The name the client gave; only its stem is kept (the extension comes from the checked format).</param>
    /// <param name="FolderKey">Null for the root of the library.</param>
    /// <param name="MembersOnly">Keep an image for members only (documents and videos always are).</param>
    public sealed record UploadCommand(Stream Content, string? FileName, Guid? FolderKey, bool MembersOnly, string User);

    /// <summary>A public image put in with a known key, its alt texts and focal point (the demo content's pictures).</summary>
    public sealed record ImportedImage(Guid Key, byte[] Content, string FileName, IReadOnlyDictionary<string, string>? AltText, FocalPoint? FocalPoint);

    public sealed record ReplaceCommand(Guid Key, Stream Content, string? FileName, string User, EditorRights Rights);

    public async Task<MediaResult> UploadAsync(UploadCommand command, CancellationToken ct = default)
    {
        var (folder, refusal) = await store.FindFolderAsync(command.FolderKey, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var clientName = MediaNames.CleanFileName(command.FileName);
        var (file, refused) = await intake.ReceiveAsync(command.Content, clientName, ct);
        if (file is null)
        {
            return refused!;
        }

        var storagePath = storage.Keep(file.IncomingPath, file.Format);
        MediaItemEntity item;
        try
        {
            var now = store.UtcNow;
            item = new MediaItemEntity
            {
                Key = Guid.NewGuid(),
                ParentId = folder?.Id,
                IsFolder = false,
                Name = MediaNames.Stem(clientName),
                FileName = MediaNames.StoredFileName(clientName, file.Format),
                ContentType = file.Format.ContentType,
                Size = file.Size,
                Width = file.Width,
                Height = file.Height,
                MembersOnly = command.MembersOnly || !file.Format.IsImage,
                StoragePath = storagePath,
                CreatedUtc = now,
                CreatedBy = command.User,
                UpdatedUtc = now,
                Version = 1,
            };
            store.Db.MediaItems.Add(item);
            store.Audit(command.User, "media.upload", item, $"{file.Format.ContentType}, {file.Size} bytes{(item.MembersOnly ? ", members only" : "")}");
            if (!item.MembersOnly)
            {
                feed.Append(PublishedChangeKind.Media, media: [item.Key]);
            }

            await store.Db.SaveChangesAsync(ct);
        }
        catch
        {
            storage.Delete(storagePath);
            throw;
        }

        var uploaded = MediaStore.ToItem(item, command.FolderKey);
        await feed.WaitUntilVisibleAsync(ct);

        return MediaResult.Ok(uploaded);
    }

    /// <summary>
    /// Puts several public images into the root of the library in one save, each through the same checks as an upload
    /// (format from the bytes, size limits, pixel limit). Nothing is kept when one is refused: its refusal is returned.
    /// </summary>
    public async Task<MediaResult> ImportAsync(IReadOnlyList<ImportedImage> images, string user, CancellationToken ct = default)
    {
        var stored = new List<string>();
        var committed = false;
        try
        {
            var now = store.UtcNow;
            foreach (var image in images)
            {
                var clientName = MediaNames.CleanFileName(image.FileName);
                var (file, refused) = await intake.ReceiveAsync(new MemoryStream(image.Content, writable: false), clientName, ct);
                if (file is null || !file.Format.IsImage)
                {
                    if (file is not null)
                    {
                        MediaStorage.DeleteFile(file.IncomingPath);
                    }

                    return refused ?? MediaResult.Refused(MediaStatus.UnsupportedType, new MediaError(MediaMessages.UnsupportedType, "file", [clientName]));
                }

                var storagePath = storage.Keep(file.IncomingPath, file.Format);
                stored.Add(storagePath);
                var item = new MediaItemEntity
                {
                    Key = image.Key,
                    Name = MediaNames.Stem(clientName),
                    FileName = MediaNames.StoredFileName(clientName, file.Format),
                    ContentType = file.Format.ContentType,
                    Size = file.Size,
                    Width = file.Width,
                    Height = file.Height,
                    FocalX = image.FocalPoint?.X,
                    FocalY = image.FocalPoint?.Y,
                    AltTextJson = MediaStore.WriteAltText(new SortedDictionary<string, string>(
                        (image.AltText ?? new Dictionary<string, string>()).Where(a => Cultures.IsSupported(a.Key)).ToDictionary(), StringComparer.Ordinal)),
                    StoragePath = storagePath,
                    CreatedUtc = now,
                    CreatedBy = user,
                    UpdatedUtc = now,
                    Version = 1,
                };
                store.Db.MediaItems.Add(item);
                store.Audit(user, "media.upload", item, $"{file.Format.ContentType}, {file.Size} bytes");
            }

            feed.Append(PublishedChangeKind.Media, media: [.. images.Select(i => i.Key)]);
            await store.Db.SaveChangesAsync(ct);
            committed = true;
        }
        finally
        {
            if (!committed)
            {
                stored.ForEach(storage.Delete);
            }
        }

        await feed.WaitUntilVisibleAsync(ct);
        return MediaResult.Ok(null);
    }

    public async Task<MediaResult> ReplaceAsync(ReplaceCommand command, CancellationToken ct = default)
    {
        var item = await store.FindAsync(command.Key, ct);
        if (item is null)
        {
            return MediaResult.NotFound();
        }

        if (item.IsFolder)
        {
            return MediaResult.Invalid(new MediaError(MediaMessages.NotAFile, "file"));
        }

        if (!command.Rights.MayPublish() && await usages.ShownByPublishedContentAsync(item.Key, ct))
        {
            return MediaResult.Forbidden(MediaMessages.LiveMediaNeedsPublishRights);
        }

        var clientName = MediaNames.CleanFileName(command.FileName);
        var (file, refused) = await intake.ReceiveAsync(command.Content, clientName, ct);
        if (file is null)
        {
            return refused!;
        }

        if (MediaFormat.FromContentType(item.ContentType)?.Kind != file.Format.Kind)
        {
            MediaStorage.DeleteFile(file.IncomingPath);
            return MediaResult.Refused(MediaStatus.UnsupportedType, new MediaError(MediaMessages.ReplaceDifferentKind, "file", [clientName]));
        }

        var oldStoragePath = item.StoragePath;
        var storagePath = storage.Keep(file.IncomingPath, file.Format);
        var committed = false;
        try
        {
            item.FileName = MediaNames.StoredFileName(clientName, file.Format);
            item.ContentType = file.Format.ContentType;
            item.Size = file.Size;
            item.Width = file.Width;
            item.Height = file.Height;
            item.StoragePath = storagePath;
            store.RecordChange(item, command.User, "media.replace", $"{file.Format.ContentType}, {file.Size} bytes");
            if (!item.MembersOnly)
            {
                feed.Append(PublishedChangeKind.Media, media: [item.Key]);
            }

            committed = await store.CommitAsync(ct);
            if (!committed)
            {
                return MediaResult.Conflict(await store.CurrentVersionAsync(command.Key, ct));
            }
        }
        finally
        {
            storage.Delete(committed ? oldStoragePath : storagePath);
        }

        var replaced = await store.ToItemAsync(item, ct);
        await feed.WaitUntilVisibleAsync(ct);

        return MediaResult.Ok(replaced);
    }
}
