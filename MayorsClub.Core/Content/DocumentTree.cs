using MayorsClub.Core.Changes;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Content;

/// <summary>The shape of the content tree: reading it, moving, sorting, the recycle bin.</summary>
public sealed class DocumentTree(ContentStore store, ChangeLog changes)
{
    public Task<DocumentState?> GetAsync(Guid key, CancellationToken ct = default) => store.GetAsync(key, ct);

    /// <summary>Children of a document (or the roots, for null), in sort order, outside the recycle bin.</summary>
    public async Task<IReadOnlyList<DocumentState>> ChildrenAsync(Guid? parentKey, CancellationToken ct = default)
    {
        int? parentId = parentKey is null ? null : await store.Db.Documents.Where(d => d.Key == parentKey).Select(d => (int?)d.Id).SingleOrDefaultAsync(ct);
        if (parentKey is not null && parentId is null)
        {
            return [];
        }

        var children = await store.Db.Documents.AsNoTracking().Include(d => d.Cultures)
            .Where(d => d.ParentId == parentId && !d.Trashed)
            .OrderBy(d => d.SortOrder)
            .ToListAsync(ct);
        return children.Select(child => ContentStore.ToState(child, parentKey)).ToList();
    }

    public async Task<ContentResult> MoveAsync(Guid key, Guid? newParentKey, string user, CancellationToken ct = default)
    {
        var document = await store.FindAsync(key, ct);
        if (document is null)
        {
            return ContentResult.NotFound();
        }

        if (document.Trashed)
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.InTrash));
        }

        var type = store.Types.Get(document.ContentType);
        DocumentEntity? parent = null;
        if (newParentKey is { } parentKey)
        {
            parent = await store.FindAsync(parentKey, ct);
            if (parent is null || parent.Trashed)
            {
                return ContentResult.Invalid(new ContentError(ContentMessages.ParentNotFound, "parent"));
            }

            if (parent.Path.Contains($",{document.Id},", StringComparison.Ordinal))
            {
                return ContentResult.Invalid(new ContentError(ContentMessages.MoveIntoItself, "parent"));
            }

            var parentType = store.Types.Get(parent.ContentType);
            if (!parentType.AllowsChild(type.Alias))
            {
                return ContentResult.Invalid(new ContentError(ContentMessages.ChildNotAllowed, "parent", Args: [type.Name, parentType.Name]));
            }
        }
        else if (!type.AllowedAtRoot)
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.NotAllowedAtRoot, "parent", Args: [type.Name]));
        }

        int? parentId = parent?.Id;
        document.ParentId = parentId;
        document.SortOrder = (await store.Db.Documents.Where(d => d.ParentId == parentId).MaxAsync(d => (int?)d.SortOrder, ct) ?? -1) + 1;
        var segmentErrors = await store.AssignSegmentsAsync(document, ContentValues.FromJson(document.DraftJson), ct);
        if (segmentErrors.Count > 0)
        {
            return ContentResult.Invalid(segmentErrors);
        }

        foreach (var row in document.Cultures.Where(c => c.IsPublished))
        {
            row.PublishedUrlSegment = row.UrlSegment;
        }

        await MovePathsAsync(document, parent, ct);
        store.RecordChange(document, user, "move", null);
        changes.Append(PublishedChangeKind.Move, [document.Key]);
        return await CommitAsync(document, ct);
    }

    /// <summary>Puts the children of a document (or the roots) in the given order; the list must name each exactly once.</summary>
    public async Task<ContentResult> SortAsync(Guid? parentKey, IReadOnlyList<Guid> orderedKeys, string user, CancellationToken ct = default)
    {
        int? parentId = null;
        if (parentKey is not null)
        {
            parentId = await store.Db.Documents.Where(d => d.Key == parentKey).Select(d => (int?)d.Id).SingleOrDefaultAsync(ct);
            if (parentId is null)
            {
                return ContentResult.NotFound();
            }
        }

        var children = await store.Db.Documents.Where(d => d.ParentId == parentId && !d.Trashed).ToListAsync(ct);
        if (orderedKeys.Count != children.Count || orderedKeys.Distinct().Count() != children.Count
            || children.Any(c => !orderedKeys.Contains(c.Key)))
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.SortListMismatch, "order"));
        }

        for (var i = 0; i < orderedKeys.Count; i++)
        {
            children.Single(c => c.Key == orderedKeys[i]).SortOrder = i;
        }

        store.Audit(user, "sort", parentKey, null);
        changes.Append(PublishedChangeKind.Sort, orderedKeys);
        await store.CommitAsync(ct);
        await changes.WaitUntilVisibleAsync(ct);
        return parentKey is { } key && await store.GetAsync(key, ct) is { } state
            ? ContentResult.Ok(state)
            : new ContentResult(ContentStatus.Success, []);
    }

    /// <summary>
    /// Moves a document and everything below it to the recycle bin: gone from the site, kept in the database.
    /// A top-level document (the home page) takes the whole site with it, so only administrators may.
    /// </summary>
    public async Task<ContentResult> TrashAsync(Guid key, string user, EditorRights rights, CancellationToken ct = default)
    {
        var document = await store.FindAsync(key, ct);
        if (document is null)
        {
            return ContentResult.NotFound();
        }

        if (document.ParentId is null && !rights.MayAdminister())
        {
            return ContentResult.NotAllowed(new ContentError(ContentMessages.RootTrashNeedsAdministrator));
        }

        if (document.Trashed)
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.InTrash));
        }

        await SetTrashedAsync(document, true, ct);
        store.RecordChange(document, user, "trash", null);
        changes.Append(PublishedChangeKind.Trash, [document.Key]);
        return await CommitAsync(document, ct);
    }

    /// <summary>Brings a document and its subtree back from the recycle bin to where it was; published cultures show again.</summary>
    public async Task<ContentResult> RestoreAsync(Guid key, string user, CancellationToken ct = default)
    {
        var document = await store.FindAsync(key, ct);
        if (document is null)
        {
            return ContentResult.NotFound();
        }

        if (!document.Trashed)
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.NotInTrash));
        }

        if (document.ParentId is { } parentId && await store.Db.Documents.AnyAsync(d => d.Id == parentId && d.Trashed, ct))
        {
            return ContentResult.Invalid(new ContentError(ContentMessages.InTrash, "parent"));
        }

        await SetTrashedAsync(document, false, ct);
        var segmentErrors = await store.AssignSegmentsAsync(document, ContentValues.FromJson(document.DraftJson), ct);
        if (segmentErrors.Count > 0)
        {
            return ContentResult.Invalid(segmentErrors);
        }

        store.RecordChange(document, user, "restore", null);
        changes.Append(PublishedChangeKind.Restore, [document.Key]);
        return await CommitAsync(document, ct);
    }

    /// <summary>Documents in the recycle bin whose parent is not (the items an editor restores).</summary>
    public async Task<IReadOnlyList<DocumentState>> TrashedAsync(CancellationToken ct = default)
    {
        var trashed = await store.Db.Documents.AsNoTracking().Include(d => d.Cultures).Where(d => d.Trashed).ToListAsync(ct);
        var ids = trashed.Select(d => d.Id).ToHashSet();
        var result = new List<DocumentState>();
        foreach (var document in trashed.Where(d => d.ParentId is not { } p || !ids.Contains(p)))
        {
            result.Add(await store.ToStateAsync(document, ct));
        }

        return result;
    }

    private async Task SetTrashedAsync(DocumentEntity document, bool trashed, CancellationToken ct)
    {
        document.Trashed = trashed;
        var prefix = document.Path;
        var descendants = await store.Db.Documents.Where(d => d.Path.StartsWith(prefix) && d.Id != document.Id).ToListAsync(ct);
        foreach (var descendant in descendants)
        {
            descendant.Trashed = trashed;
        }
    }

    private async Task MovePathsAsync(DocumentEntity document, DocumentEntity? parent, CancellationToken ct)
    {
        var oldPath = document.Path;
        var newPath = $"{parent?.Path ?? ","}{document.Id},";
        var levelShift = (parent?.Level ?? 0) + 1 - document.Level;
        var descendants = await store.Db.Documents.Where(d => d.Path.StartsWith(oldPath) && d.Id != document.Id).ToListAsync(ct);
        document.Path = newPath;
        document.Level += levelShift;
        foreach (var descendant in descendants)
        {
            descendant.Path = newPath + descendant.Path[oldPath.Length..];
            descendant.Level += levelShift;
        }
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
