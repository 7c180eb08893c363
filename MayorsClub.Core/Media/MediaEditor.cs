using MayorsClub.Core.Changes;
using MayorsClub.Core.Content;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Media;

/// <summary>
/// Folders (create, rename, move), and an item's name, alternative text per culture, focal point and audience.
/// A change to a public file refreshes the published snapshot, so pages show the new alternative text at once.
/// Changing who may see a file, or anything of a file published pages show, changes the live site: that needs the
/// rights publishing needs. Writers may edit what nothing published uses.
/// </summary>
public sealed class MediaEditor(MediaStore store, MediaUsages usages, ChangeLog feed)
{
    public const int MaxNameLength = 200;
    public const int MaxAltTextLength = 500;

    public sealed record CreateFolderCommand(Guid? ParentKey, string? Name, string User);

    /// <param name="ExpectedVersion">The version the editor started from (null: no check).</param>
    /// <param name="AltText">The alternative text per culture (uk, en); an empty text removes that culture's. Ignored for folders.</param>
    /// <param name="FocalPoint">Null for none (crops keep the centre). Ignored for folders.</param>
    /// <param name="MembersOnly">Null keeps it; only images may be public.</param>
    /// <param name="Rights">What the caller may do: changing the audience, or a file published pages show, needs <see cref="EditorRights.Publish"/>.</param>
    public sealed record UpdateCommand(
        Guid Key, int? ExpectedVersion, string? Name, IReadOnlyDictionary<string, string?> AltText, FocalPoint? FocalPoint, bool? MembersOnly, string User, EditorRights Rights);

    /// <param name="FolderKey">Null for the root.</param>
    public sealed record MoveCommand(Guid Key, Guid? FolderKey, string User);

    public async Task<MediaResult> CreateFolderAsync(CreateFolderCommand command, CancellationToken ct = default)
    {
        var name = NameText.Clean(command.Name);
        if (NameError(name) is { } error)
        {
            return MediaResult.Invalid(error);
        }

        var (parent, refusal) = await store.FindFolderAsync(command.ParentKey, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var now = store.UtcNow;
        var folder = new MediaItemEntity
        {
            Key = Guid.NewGuid(), ParentId = parent?.Id, IsFolder = true, Name = name, CreatedUtc = now, CreatedBy = command.User, UpdatedUtc = now, Version = 1,
        };
        store.Db.MediaItems.Add(folder);
        store.Audit(command.User, "media.folder.create", folder);
        feed.Append(PublishedChangeKind.Media, media: [folder.Key]);
        await store.Db.SaveChangesAsync(ct);
        await feed.WaitUntilVisibleAsync(ct);
        return MediaResult.Ok(MediaStore.ToItem(folder, command.ParentKey));
    }

    public async Task<MediaResult> UpdateAsync(UpdateCommand command, CancellationToken ct = default)
    {
        var item = await store.FindAsync(command.Key, ct);
        if (item is null)
        {
            return MediaResult.NotFound();
        }

        if (command.ExpectedVersion is { } expected && expected != item.Version)
        {
            return MediaResult.Conflict(item.Version);
        }

        var errors = new List<MediaError>();
        var name = NameText.Clean(command.Name);
        if (NameError(name) is { } nameError)
        {
            errors.Add(nameError);
        }

        var altText = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!item.IsFolder)
        {
            foreach (var (culture, text) in command.AltText)
            {
                var clean = text?.Trim() ?? "";
                if (!Cultures.IsSupported(culture))
                {
                    errors.Add(new MediaError(MediaMessages.UnknownCulture, "altText", [culture]));
                }
                else if (clean.Length > MaxAltTextLength)
                {
                    errors.Add(new MediaError(MediaMessages.AltTextTooLong, $"altText.{culture}", [culture, MaxAltTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
                }
                else if (clean.Length > 0)
                {
                    altText[culture] = clean;
                }
            }

            if (command.FocalPoint is { IsValid: false })
            {
                errors.Add(new MediaError(MediaMessages.FocalPointOutOfRange, "focalPoint"));
            }

            if (command.MembersOnly == false && MediaFormat.FromContentType(item.ContentType) is { IsImage: false })
            {
                errors.Add(new MediaError(MediaMessages.AlwaysMembersOnly, "membersOnly"));
            }
        }

        if (errors.Count > 0)
        {
            return MediaResult.Invalid([.. errors]);
        }

        if (!command.Rights.MayPublish() && await RefusalForWriterAsync(item, name, altText, command, ct) is { } refusal)
        {
            return refusal;
        }

        var wasPublic = !item.IsFolder && !item.MembersOnly;
        var changes = new List<string>();
        if (item.Name != name)
        {
            changes.Add($"name \"{item.Name}\" → \"{name}\"");
            item.Name = name;
        }

        if (!item.IsFolder)
        {
            var altJson = MediaStore.WriteAltText(altText);
            if (altJson != item.AltTextJson)
            {
                changes.Add("alt text " + string.Join(",", altText.Keys));
                item.AltTextJson = altJson;
            }

            if (item.FocalX != command.FocalPoint?.X || item.FocalY != command.FocalPoint?.Y)
            {
                changes.Add(command.FocalPoint is { } f ? $"focal point {f.X:0.###},{f.Y:0.###}" : "focal point removed");
                item.FocalX = command.FocalPoint?.X;
                item.FocalY = command.FocalPoint?.Y;
            }

            if (command.MembersOnly is { } membersOnly && membersOnly != item.MembersOnly)
            {
                changes.Add(membersOnly ? "members only" : "public");
                item.MembersOnly = membersOnly;
            }
        }

        if (changes.Count == 0)
        {
            return MediaResult.Ok(await store.ToItemAsync(item, ct));
        }

        store.RecordChange(item, command.User, item.IsFolder ? "media.folder.rename" : "media.update", string.Join("; ", changes));
        // Folders too: the Delivery API's media paths are made of their names.
        if (wasPublic || !item.MembersOnly)
        {
            feed.Append(PublishedChangeKind.Media, media: [item.Key]);
        }

        if (!await store.CommitAsync(ct))
        {
            return MediaResult.Conflict(await store.CurrentVersionAsync(command.Key, ct));
        }

        await feed.WaitUntilVisibleAsync(ct);

        return MediaResult.Ok(await store.ToItemAsync(item, ct));
    }

    /// <summary>Moves a file or a folder (with everything in it) into another folder or to the root.</summary>
    public async Task<MediaResult> MoveAsync(MoveCommand command, CancellationToken ct = default)
    {
        var item = await store.FindAsync(command.Key, ct);
        if (item is null)
        {
            return MediaResult.NotFound();
        }

        var (target, refusal) = await store.FindFolderAsync(command.FolderKey, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (item.IsFolder && target is not null && await IsSelfOrDescendantAsync(target.Id, item.Id, ct))
        {
            return MediaResult.Invalid(new MediaError(MediaMessages.MoveIntoItself, "folder"));
        }

        if (item.ParentId == target?.Id)
        {
            return MediaResult.Ok(await store.ToItemAsync(item, ct));
        }

        item.ParentId = target?.Id;
        store.RecordChange(item, command.User, "media.move", target is null ? "to the root" : $"to folder {target.Key:D} \"{target.Name}\"");
        if (!item.MembersOnly)
        {
            feed.Append(PublishedChangeKind.Media, media: [item.Key]);
        }

        if (!await store.CommitAsync(ct))
        {
            return MediaResult.Conflict(await store.CurrentVersionAsync(command.Key, ct));
        }

        await feed.WaitUntilVisibleAsync(ct);

        return MediaResult.Ok(MediaStore.ToItem(item, target?.Key));
    }

    /// <summary>Why a caller without publishing rights may not make this change (null: they may).</summary>
    private async Task<MediaResult?> RefusalForWriterAsync(MediaItemEntity item, string name, SortedDictionary<string, string> altText, UpdateCommand command, CancellationToken ct)
    {
        if (item.IsFolder)
        {
            return null;
        }

        if (command.MembersOnly is { } membersOnly && membersOnly != item.MembersOnly)
        {
            return MediaResult.Forbidden(MediaMessages.AudienceNeedsPublishRights);
        }

        var changes = item.Name != name
            || MediaStore.WriteAltText(altText) != item.AltTextJson
            || item.FocalX != command.FocalPoint?.X || item.FocalY != command.FocalPoint?.Y;
        return changes && await usages.ShownByPublishedContentAsync(item.Key, ct)
            ? MediaResult.Forbidden(MediaMessages.LiveMediaNeedsPublishRights)
            : null;
    }

    /// <summary>Whether the folder <paramref name="folderId"/> is <paramref name="ancestorId"/> or lies inside it.</summary>
    private async Task<bool> IsSelfOrDescendantAsync(int folderId, int ancestorId, CancellationToken ct)
    {
        var parents = await store.Db.MediaItems.AsNoTracking().Where(m => m.IsFolder).ToDictionaryAsync(m => m.Id, m => m.ParentId, ct);
        int? id = folderId;
        for (var steps = 0; id is { } current && steps <= parents.Count; steps++)
        {
            if (current == ancestorId)
            {
                return true;
            }

            id = parents.GetValueOrDefault(current);
        }

        return false;
    }

    private static MediaError? NameError(string name) =>
        name.Length == 0 ? new MediaError(MediaMessages.NameRequired, "name")
        : name.Length > MaxNameLength ? new MediaError(MediaMessages.NameTooLong, "name", [MaxNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        : null;
}
