using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Content;

/// <summary>A document's versions, and rolling back to one of them.</summary>
public sealed class DocumentHistory(ContentStore store)
{
    /// <summary>Makes an earlier version the current draft again; rolling back and publishing at once is a command of Publishing.</summary>
    public sealed record RollbackCommand(Guid Key, int VersionNumber, int ExpectedVersion, string User);

    public async Task<IReadOnlyList<DocumentVersionInfo>?> VersionsAsync(Guid key, CancellationToken ct = default)
    {
        var id = await store.Db.Documents.Where(d => d.Key == key).Select(d => (int?)d.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            return null;
        }

        return await store.Db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == id)
            .OrderByDescending(v => v.Number)
            .Select(v => new DocumentVersionInfo(v.Number, v.CreatedUtc, v.CreatedBy, v.Action))
            .ToListAsync(ct);
    }

    public async Task<ContentValues?> VersionAsync(Guid key, int number, CancellationToken ct = default)
    {
        var json = await store.Db.DocumentVersions.AsNoTracking()
            .Where(v => v.Number == number)
            .Join(store.Db.Documents.Where(d => d.Key == key), v => v.DocumentId, d => d.Id, (v, _) => v.DataJson)
            .SingleOrDefaultAsync(ct);
        return json is null ? null : ContentValues.FromJson(json);
    }

    /// <summary>Makes an earlier version the current draft again (a new version; history is never rewritten).</summary>
    public async Task<ContentResult> RollbackAsync(RollbackCommand command, CancellationToken ct = default)
    {
        var (document, refusal) = await store.FindForChangeAsync(command.Key, command.ExpectedVersion, ct);
        if (document is null)
        {
            return refusal!;
        }

        var errors = await ApplyVersionAsync(document, command.VersionNumber, ct);
        if (errors.Count > 0)
        {
            return ContentResult.Invalid(errors);
        }

        store.RecordChange(document, command.User, $"rollback to {command.VersionNumber}", null);
        if (!await store.CommitAsync(ct))
        {
            return ContentResult.Conflict(await store.CurrentVersionAsync(command.Key, ct));
        }

        return ContentResult.Ok(await store.ToStateAsync(document, ct));
    }

    /// <summary>Puts an earlier version in the document's draft, without recording or committing (shared with rollback-and-publish).</summary>
    internal async Task<IReadOnlyList<ContentError>> ApplyVersionAsync(DocumentEntity document, int versionNumber, CancellationToken ct)
    {
        var restored = await VersionAsync(document.Key, versionNumber, ct);
        if (restored is null)
        {
            return [new ContentError(ContentMessages.VersionNotFound, "version", Args: [versionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)])];
        }

        var segmentErrors = await store.AssignSegmentsAsync(document, restored, ct);
        if (segmentErrors.Count > 0)
        {
            return segmentErrors;
        }

        document.DraftJson = restored.ToJson();
        DocumentEditor.MarkEditedSincePublish(document, restored);
        return [];
    }
}
