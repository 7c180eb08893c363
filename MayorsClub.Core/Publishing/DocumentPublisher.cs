using MayorsClub.Core.Changes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Publishing;

/// <summary>
/// Publishes and unpublishes each culture of a document on its own, now or on a schedule; and the whole commands that
/// save the draft and publish, schedule or send it for approval in one transaction, with one new version.
/// Every change visitors can see appends to the change feed in the same save, and returns once it is visible here.
/// </summary>
public sealed class DocumentPublisher(ContentStore store, DocumentEditor editor, DocumentHistory history, ChangeLog changes)
{
    public const string SchedulerUser = "scheduler";

    public sealed record PublishCommand(Guid Key, IReadOnlyList<string> Cultures, string User, int? ExpectedVersion = null);

    /// <summary>A writer asks an editor to publish these cultures of the current draft.</summary>
    public sealed record SubmitForApprovalCommand(Guid Key, IReadOnlyList<string> Cultures, string User);

    public sealed record UnpublishCommand(Guid Key, string Culture, string User, int? ExpectedVersion = null);

    /// <param name="PublishAtUtc">When to publish the culture; null for no scheduled publish.</param>
    /// <param name="UnpublishAtUtc">When to take it down; null for no scheduled unpublish.</param>
    public sealed record ScheduleCommand(Guid Key, string Culture, DateTime? PublishAtUtc, DateTime? UnpublishAtUtc, string User);

    /// <summary>Saves the draft (<paramref name="Save"/>) and publishes these cultures of it: one command, one version.</summary>
    public sealed record SaveAndPublishCommand(DocumentEditor.SaveCommand Save, IReadOnlyList<string> Cultures);

    /// <summary>Saves the draft and asks an editor to publish these cultures: one command, one version.</summary>
    public sealed record SaveAndSubmitCommand(DocumentEditor.SaveCommand Save, IReadOnlyList<string> Cultures);

    /// <summary>Saves the draft and sets when a culture is published and taken down: one command, one version.</summary>
    public sealed record SaveAndScheduleCommand(DocumentEditor.SaveCommand Save, string Culture, DateTime? PublishAtUtc, DateTime? UnpublishAtUtc);

    /// <summary>Makes an earlier version the draft again and publishes it in the cultures that are live now: one command, one version.</summary>
    public sealed record RollbackAndPublishCommand(Guid Key, int VersionNumber, int ExpectedVersion, string User);

    public async Task<ContentResult> SaveAndPublishAsync(SaveAndPublishCommand command, CancellationToken ct = default)
    {
        var (document, refusal) = await SaveDraftAsync(command.Save, ct);
        refusal ??= await CheckCulturesAsync(document!, command.Cultures, ct);
        if (refusal is not null)
        {
            store.Discard();
            return refusal;
        }

        Publish(document!, command.Cultures);
        store.RecordChange(document!, command.Save.User, "save and publish", string.Join(",", command.Cultures));
        changes.Append(PublishedChangeKind.Publish, [document!.Key], command.Cultures);
        return await CommitAsync(document, ct);
    }

    public async Task<ContentResult> SaveAndSubmitForApprovalAsync(SaveAndSubmitCommand command, CancellationToken ct = default)
    {
        var (document, refusal) = await SaveDraftAsync(command.Save, ct);
        refusal ??= await CheckCulturesAsync(document!, command.Cultures, ct);
        if (refusal is not null)
        {
            store.Discard();
            return refusal;
        }

        RequestApproval(document!, command.Cultures, command.Save.User);
        store.RecordChange(document!, command.Save.User, "save and send for approval", string.Join(",", command.Cultures));
        return await CommitAsync(document!, ct);
    }

    public async Task<ContentResult> SaveAndScheduleAsync(SaveAndScheduleCommand command, CancellationToken ct = default)
    {
        var (document, refusal) = await SaveDraftAsync(command.Save, ct);
        refusal ??= CheckSchedule(document!, command.Culture, command.PublishAtUtc, command.UnpublishAtUtc);
        if (refusal is not null)
        {
            store.Discard();
            return refusal;
        }

        SetSchedule(document!, command.Culture, command.PublishAtUtc, command.UnpublishAtUtc);
        store.RecordChange(document!, command.Save.User, "save and schedule", command.Culture);
        return await CommitAsync(document!, ct);
    }

    public async Task<ContentResult> RollbackAndPublishAsync(RollbackAndPublishCommand command, CancellationToken ct = default)
    {
        var (document, refusal) = await store.FindForChangeAsync(command.Key, command.ExpectedVersion, ct);
        if (document is null)
        {
            return refusal!;
        }

        var errors = await history.ApplyVersionAsync(document, command.VersionNumber, ct);
        if (errors.Count > 0)
        {
            store.Discard();
            return ContentResult.Invalid(errors);
        }

        var restored = ContentValues.FromJson(document.DraftJson);
        var live = document.Cultures.Where(c => c.IsPublished && restored.Cultures.ContainsKey(c.Culture)).Select(c => c.Culture).ToList();
        if (await CheckCulturesAsync(document, live, ct) is { } notPublishable)
        {
            store.Discard();
            return notPublishable;
        }

        var action = $"rollback to {command.VersionNumber}";
        if (live.Count > 0)
        {
            Publish(document, live);
            action += " and publish";
            changes.Append(PublishedChangeKind.Publish, [document.Key], live);
        }

        store.RecordChange(document, command.User, action, live.Count > 0 ? string.Join(",", live) : null);
        return await CommitAsync(document, ct);
    }

    /// <summary>Loads the document for a change and puts the saved cultures in its draft (not yet recorded nor committed).</summary>
    private async Task<(DocumentEntity? Document, ContentResult? Refusal)> SaveDraftAsync(DocumentEditor.SaveCommand save, CancellationToken ct)
    {
        var (document, refusal) = await store.FindForChangeAsync(save.Key, save.ExpectedVersion, ct);
        if (document is null)
        {
            return (null, refusal);
        }

        var errors = await editor.ApplyDraftAsync(document, save, ct);
        return errors.Count > 0 ? (document, ContentResult.Invalid(errors)) : (document, null);
    }

    public async Task<ContentResult> PublishAsync(PublishCommand command, CancellationToken ct = default)
    {
        var (document, refusal) = await store.FindForChangeAsync(command.Key, command.ExpectedVersion, ct);
        refusal ??= await CheckCulturesAsync(document!, command.Cultures, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        Publish(document!, command.Cultures);
        store.RecordChange(document!, command.User, "publish", string.Join(",", command.Cultures));
        changes.Append(PublishedChangeKind.Publish, [document!.Key], command.Cultures);
        return await CommitAsync(document, ct);
    }

    public async Task<ContentResult> SubmitForApprovalAsync(SubmitForApprovalCommand command, CancellationToken ct = default)
    {
        var (document, refusal) = await store.FindForChangeAsync(command.Key, null, ct);
        refusal ??= await CheckCulturesAsync(document!, command.Cultures, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        RequestApproval(document!, command.Cultures, command.User);
        store.Audit(command.User, "send for approval", document!.Key, string.Join(",", command.Cultures));
        if (!await store.CommitAsync(ct))
        {
            return ContentResult.Conflict(await store.CurrentVersionAsync(command.Key, ct));
        }

        return ContentResult.Ok(await store.ToStateAsync(document, ct));
    }

    public async Task<ContentResult> UnpublishAsync(UnpublishCommand command, CancellationToken ct = default)
    {
        var (document, refusal) = await store.FindForChangeAsync(command.Key, command.ExpectedVersion, ct);
        if (document is null)
        {
            return refusal!;
        }

        var row = document.Cultures.SingleOrDefault(c => c.Culture == command.Culture);
        if (row is not { IsPublished: true })
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.CultureNotPublished, Culture: command.Culture, Args: [command.Culture]));
        }

        Unpublish(document, row);
        store.RecordChange(document, command.User, "unpublish", command.Culture);
        changes.Append(PublishedChangeKind.Unpublish, [document.Key], [command.Culture]);
        return await CommitAsync(document, ct);
    }

    public async Task<ContentResult> ScheduleAsync(ScheduleCommand command, CancellationToken ct = default)
    {
        var document = await store.FindAsync(command.Key, ct);
        if (document is null)
        {
            return ContentResult.NotFound();
        }

        if (CheckSchedule(document, command.Culture, command.PublishAtUtc, command.UnpublishAtUtc) is { } refusal)
        {
            return refusal;
        }

        var row = SetSchedule(document, command.Culture, command.PublishAtUtc, command.UnpublishAtUtc);
        store.Audit(command.User, "schedule", document.Key, command.Culture,
            $"publish: {row.PublishAtUtc:O}; unpublish: {row.UnpublishAtUtc:O}");
        if (!await store.CommitAsync(ct))
        {
            return ContentResult.Conflict(await store.CurrentVersionAsync(command.Key, ct));
        }

        return ContentResult.Ok(await store.ToStateAsync(document, ct));
    }

    /// <summary>Carries out every scheduled publish and unpublish that is due. Returns how many were done.</summary>
    public async Task<int> RunDueSchedulesAsync(CancellationToken ct = default)
    {
        var now = store.UtcNow;
        var due = await store.Db.DocumentCultures.AsNoTracking()
            .Where(c => c.PublishAtUtc <= now || c.UnpublishAtUtc <= now)
            .Join(store.Db.Documents.Where(d => !d.Trashed), c => c.DocumentId, d => d.Id, (c, d) => new { d.Key, d.Level, c.Culture })
            .OrderBy(x => x.Level)
            .ToListAsync(ct);

        var done = 0;
        foreach (var item in due)
        {
            var document = await store.FindAsync(item.Key, ct);
            var row = document?.Cultures.Single(c => c.Culture == item.Culture);
            if (document is null || row is null)
            {
                continue;
            }

            if (row.PublishAtUtc <= now)
            {
                row.PublishAtUtc = null;
                if (!document.Trashed && await CheckCulturesAsync(document, [item.Culture], ct) is null)
                {
                    Publish(document, [item.Culture]);
                    store.RecordChange(document, SchedulerUser, "scheduled publish", item.Culture);
                    changes.Append(PublishedChangeKind.ScheduledPublish, [document.Key], [item.Culture]);
                    done++;
                }
                else
                {
                    store.Audit(SchedulerUser, "scheduled publish failed", document.Key, item.Culture);
                }
            }

            if (row.UnpublishAtUtc <= now)
            {
                row.UnpublishAtUtc = null;
                if (row.IsPublished)
                {
                    Unpublish(document, row);
                    store.RecordChange(document, SchedulerUser, "scheduled unpublish", item.Culture);
                    changes.Append(PublishedChangeKind.ScheduledUnpublish, [document.Key], [item.Culture]);
                    done++;
                }
            }

            await store.CommitAsync(ct);
        }

        await changes.WaitUntilVisibleAsync(ct);
        return done;
    }

    private ContentResult? CheckSchedule(DocumentEntity document, string culture, DateTime? publishAtUtc, DateTime? unpublishAtUtc)
    {
        if (!Cultures.IsSupported(culture))
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.UnknownCulture, Culture: culture, Args: [culture]));
        }

        if (document.Cultures.All(c => c.Culture != culture))
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.CultureNotCreated, Culture: culture, Args: [culture]));
        }

        var now = store.UtcNow;
        if (publishAtUtc <= now || unpublishAtUtc <= now)
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.ScheduleInPast, "schedule", culture));
        }

        if (publishAtUtc is { } at && unpublishAtUtc is { } until && until <= at)
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.ScheduleOrder, "schedule", culture));
        }

        return null;
    }

    private static DocumentCultureEntity SetSchedule(DocumentEntity document, string culture, DateTime? publishAtUtc, DateTime? unpublishAtUtc)
    {
        var row = document.Cultures.Single(c => c.Culture == culture);
        row.PublishAtUtc = publishAtUtc?.ToUniversalTime();
        row.UnpublishAtUtc = unpublishAtUtc?.ToUniversalTime();
        return row;
    }

    private void RequestApproval(DocumentEntity document, IReadOnlyList<string> cultures, string user)
    {
        foreach (var culture in cultures.Distinct())
        {
            var row = document.Cultures.Single(c => c.Culture == culture);
            row.ApprovalRequestedUtc = store.UtcNow;
            row.ApprovalRequestedBy = user;
        }
    }

    /// <summary>Each culture must be supported, written, and (below a page) published on the parent first.</summary>
    private async Task<ContentResult?> CheckCulturesAsync(DocumentEntity document, IReadOnlyList<string> cultures, CancellationToken ct)
    {
        var errors = new List<ContentError>();
        foreach (var culture in cultures.Distinct())
        {
            if (!Cultures.IsSupported(culture))
            {
                errors.Add(new ContentError(ContentMessages.UnknownCulture, Culture: culture, Args: [culture]));
            }
            else if (document.Cultures.All(c => c.Culture != culture))
            {
                errors.Add(new ContentError(ContentMessages.CultureNotCreated, Culture: culture, Args: [culture]));
            }
            else if (document.ParentId is { } parentId
                && !await store.Db.DocumentCultures.AnyAsync(c => c.DocumentId == parentId && c.Culture == culture && c.IsPublished, ct)
                && store.Types.Get(await store.Db.Documents.Where(d => d.Id == parentId).Select(d => d.ContentType).SingleAsync(ct)).IsPage)
            {
                errors.Add(new ContentError(ContentMessages.ParentNotPublished, Culture: culture, Args: [culture]));
            }
        }

        return errors.Count > 0 ? ContentResult.Invalid(errors) : null;
    }

    /// <summary>Copies the culture's draft and the shared values to what visitors see.</summary>
    private void Publish(DocumentEntity document, IReadOnlyList<string> cultures)
    {
        var draft = ContentValues.FromJson(document.DraftJson);
        var live = document.PublishedJson is null ? new ContentValues() : ContentValues.FromJson(document.PublishedJson);
        live.Invariant = draft.Invariant;
        var now = store.UtcNow;
        foreach (var culture in cultures.Distinct())
        {
            live.Cultures[culture] = draft.Cultures[culture];
            var row = document.Cultures.Single(c => c.Culture == culture);
            row.IsPublished = true;
            row.PublishedName = row.Name;
            row.PublishedUrlSegment = row.UrlSegment;
            row.PublishedUtc = now;
            row.FirstPublishedUtc ??= now;
            row.PublishAtUtc = null;
            row.ApprovalRequestedUtc = null;
            row.ApprovalRequestedBy = null;
        }

        document.PublishedJson = live.ToJson();
        DocumentEditor.MarkEditedSincePublish(document, draft);
    }

    private static void Unpublish(DocumentEntity document, DocumentCultureEntity row)
    {
        row.IsPublished = false;
        row.EditedSincePublish = false;
        row.UnpublishAtUtc = null;
        var live = ContentValues.FromJson(document.PublishedJson ?? "{}");
        live.Cultures.Remove(row.Culture);
        document.PublishedJson = live.Cultures.Count == 0 ? null : live.ToJson();
    }

    private async Task<ContentResult> CommitAsync(DocumentEntity document, CancellationToken ct)
    {
        if (!await store.CommitAsync(ct))
        {
            return ContentResult.Conflict(await store.CurrentVersionAsync(document.Key, ct));
        }

        await changes.WaitUntilVisibleAsync(ct);
        return ContentResult.Ok(await store.ToStateAsync(document, ct));
    }
}
