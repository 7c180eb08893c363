using MayorsClub.Core.Content.Validation;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Content;

/// <summary>Creates documents and saves their drafts, one culture or several at a time.</summary>
public sealed class DocumentEditor(ContentStore store, ContentValidator validator)
{
    /// <param name="ParentKey">Null to create at the root.</param>
    /// <param name="Values">The shared values and the cultures written so far (at least one).</param>
    /// <param name="Key">A fixed key (demo content, imports); null for a new one.</param>
    public sealed record CreateCommand(Guid? ParentKey, string ContentType, ContentValues Values, string User, Guid? Key = null);

    /// <param name="ExpectedVersion">The version the editor started from; another version means someone else saved meanwhile.</param>
    /// <param name="Cultures">The cultures being saved; cultures not named keep their draft.</param>
    /// <param name="Invariant">The shared values; null keeps them as they are.</param>
    public sealed record SaveCommand(Guid Key, int ExpectedVersion, IReadOnlyDictionary<string, CultureVariant> Cultures, IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?>? Invariant, string User);

    public async Task<ContentResult> CreateAsync(CreateCommand command, CancellationToken ct = default)
    {
        var type = store.Types.Find(command.ContentType);
        if (type is null)
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.UnknownDocumentType, "contentType", Args: [command.ContentType]));
        }

        DocumentEntity? parent = null;
        if (command.ParentKey is { } parentKey)
        {
            parent = await store.FindAsync(parentKey, ct);
            if (parent is null)
            {
                return ContentResult.Invalid(new ContentError(ContentMessages.ParentNotFound, "parent"));
            }

            if (parent.Trashed)
            {
                return ContentResult.Invalid(new ContentError(ContentMessages.InTrash, "parent"));
            }

            var parentType = store.Types.Get(parent.ContentType);
            if (!parentType.AllowsChild(type.Alias))
            {
                return ContentResult.Invalid(new ContentError(ContentMessages.ChildNotAllowed, "contentType", Args: [type.Name, parentType.Name]));
            }
        }
        else if (!type.AllowedAtRoot)
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.NotAllowedAtRoot, "contentType", Args: [type.Name]));
        }

        if (command.Key == Guid.Empty)
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.EmptyKey, "id"));
        }

        if (command.Values.Cultures.Count == 0)
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.NameRequired, "name", Cultures.Default));
        }

        var (clean, errors) = validator.Validate(type, command.Values);
        if (errors.Count > 0)
        {
            return ContentResult.Invalid(errors);
        }

        var now = store.UtcNow;
        int? parentId = parent?.Id;
        var lastSortOrder = await store.Db.Documents.Where(d => d.ParentId == parentId).MaxAsync(d => (int?)d.SortOrder, ct);
        var document = new DocumentEntity
        {
            Key = command.Key ?? Guid.NewGuid(),
            ParentId = parent?.Id,
            ContentType = type.Alias,
            Level = (parent?.Level ?? 0) + 1,
            SortOrder = (lastSortOrder ?? -1) + 1,
            CreatedUtc = now,
            CreatedBy = command.User,
            DraftJson = clean.ToJson(),
        };

        var segmentErrors = await store.AssignSegmentsAsync(document, clean, ct);
        if (segmentErrors.Count > 0)
        {
            return ContentResult.Invalid(segmentErrors);
        }

        // The path holds the document's own id, known only after the insert: two writes, one transaction
        // (the caller's, when it has one: an import or the demo content commits all its documents at once).
        var ownTransaction = store.Db.Database.CurrentTransaction is null ? await store.Db.Database.BeginTransactionAsync(ct) : null;
        await using (ownTransaction)
        {
            store.Db.Documents.Add(document);
            store.RecordChange(document, command.User, "create", string.Join(",", clean.Cultures.Keys));
            await store.Db.SaveChangesAsync(ct);
            document.Path = $"{parent?.Path ?? ","}{document.Id},";
            await store.Db.SaveChangesAsync(ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }
        }
        return ContentResult.Ok(await store.ToStateAsync(document, ct));
    }

    public async Task<ContentResult> SaveAsync(SaveCommand command, CancellationToken ct = default)
    {
        var (document, refusal) = await store.FindForChangeAsync(command.Key, command.ExpectedVersion, ct);
        if (document is null)
        {
            return refusal!;
        }

        var errors = await ApplyDraftAsync(document, command, ct);
        if (errors.Count > 0)
        {
            return ContentResult.Invalid(errors);
        }

        store.RecordChange(document, command.User, "save", string.Join(",", command.Cultures.Keys));
        if (!await store.CommitAsync(ct))
        {
            return ContentResult.Conflict(await store.CurrentVersionAsync(command.Key, ct));
        }

        return ContentResult.Ok(await store.ToStateAsync(document, ct));
    }

    /// <summary>
    /// Validates the saved cultures and shared values into the document's draft, without recording a version or
    /// committing: a save, or the first half of a whole "save and publish" command. Nothing is changed when refused.
    /// </summary>
    internal async Task<IReadOnlyList<ContentError>> ApplyDraftAsync(DocumentEntity document, SaveCommand command, CancellationToken ct)
    {
        var type = store.Types.Get(document.ContentType);
        var draft = ContentValues.FromJson(document.DraftJson);
        foreach (var (culture, variant) in command.Cultures)
        {
            draft.Cultures[culture] = variant;
        }

        if (command.Invariant is not null)
        {
            draft.Invariant = new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(command.Invariant, StringComparer.Ordinal);
        }

        var (clean, errors) = validator.Validate(type, draft);
        if (errors.Count > 0)
        {
            return errors;
        }

        var segmentErrors = await store.AssignSegmentsAsync(document, clean, ct);
        if (segmentErrors.Count > 0)
        {
            return segmentErrors;
        }

        document.DraftJson = clean.ToJson();
        MarkEditedSincePublish(document, clean);
        return [];
    }

    /// <summary>A published culture is "changed" when its draft (with the shared values) differs from what is live.</summary>
    internal static void MarkEditedSincePublish(DocumentEntity document, ContentValues draft)
    {
        var published = document.PublishedJson is null ? null : ContentValues.FromJson(document.PublishedJson);
        foreach (var row in document.Cultures)
        {
            row.EditedSincePublish = row.IsPublished && published is not null && !SameContent(draft, published, row.Culture);
        }
    }

    private static bool SameContent(ContentValues draft, ContentValues published, string culture)
    {
        static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);
        return Json(draft.Invariant) == Json(published.Invariant)
            && Json(draft.Culture(culture)) == Json(published.Culture(culture));
    }
}
