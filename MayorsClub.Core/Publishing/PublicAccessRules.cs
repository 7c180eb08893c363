using MayorsClub.Core.Changes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Members;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Publishing;

/// <summary>A document's public access: the rule set on it (null: none) and the nearest rule above it that applies when it has none.</summary>
/// <param name="Groups">The member groups of the rule set on this document; empty when it has none.</param>
/// <param name="Inherited">The nearest rule set on an ancestor (its document and groups), or null.</param>
public sealed record PublicAccessState(Guid DocumentKey, IReadOnlyList<string> Groups, InheritedAccess? Inherited)
{
    public bool HasRule => Groups.Count > 0;
}

/// <summary>A rule set on an ancestor, which applies to the document while it has none of its own.</summary>
public sealed record InheritedAccess(Guid DocumentKey, string Name, IReadOnlyList<string> Groups);

/// <summary>
/// Public access rules, as in Umbraco: "only members of these groups may view this page and everything below it".
/// Setting or removing one is audited and goes out through the change feed in the same save, so every process's
/// snapshot (and with it the page cache) follows. Editors and administrators only.
/// </summary>
public sealed class PublicAccessRules(ContentStore store, ChangeLog changes)
{
    public async Task<PublicAccessState?> GetAsync(Guid key, CancellationToken ct = default)
    {
        var document = await store.Db.Documents.AsNoTracking().Where(d => d.Key == key)
            .Select(d => new { d.Key, d.Path, d.PublicAccessGroups }).SingleOrDefaultAsync(ct);
        if (document is null)
        {
            return null;
        }

        // The path is ",1,5,9," from the root down to the document itself.
        var ancestorIds = document.Path.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => int.TryParse(id, out var n) ? n : 0).Where(id => id > 0).ToList();
        var ancestors = await store.Db.Documents.AsNoTracking()
            .Where(d => ancestorIds.Contains(d.Id) && d.Key != key && d.PublicAccessGroups != null)
            .Select(d => new { d.Id, d.Key, d.PublicAccessGroups, Name = d.Cultures.OrderBy(c => c.Culture).Select(c => c.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var nearest = ancestors.OrderByDescending(a => ancestorIds.IndexOf(a.Id)).FirstOrDefault();
        return new PublicAccessState(document.Key, AccessRule.Split(document.PublicAccessGroups).ToList(),
            nearest is null ? null : new InheritedAccess(nearest.Key, nearest.Name ?? "", AccessRule.Split(nearest.PublicAccessGroups).ToList()));
    }

    /// <summary>Protects the document and everything below it: only members of <paramref name="groups"/> read it whole.</summary>
    public Task<PublicAccessResult> SetAsync(Guid key, IReadOnlyCollection<string> groups, string user, EditorRights rights, CancellationToken ct = default)
    {
        if (groups.Count == 0 || groups.All(string.IsNullOrWhiteSpace))
        {
            return Task.FromResult(PublicAccessResult.Failed(ContentStatus.Invalid, new ContentError(ContentMessages.AccessNoGroups, "groups")));
        }

        if (groups.FirstOrDefault(g => !MemberGroups.IsGroup(g?.Trim())) is { } unknown)
        {
            return Task.FromResult(PublicAccessResult.Failed(ContentStatus.Invalid,
                new ContentError(ContentMessages.AccessUnknownGroup, "groups", Args: [unknown.Length > 100 ? unknown[..100] : unknown])));
        }

        return ChangeAsync(key, AccessRule.Format(groups), user, rights, ct);
    }

    /// <summary>Lifts the rule set on the document (a rule above it, if any, applies again).</summary>
    public Task<PublicAccessResult> RemoveAsync(Guid key, string user, EditorRights rights, CancellationToken ct = default) =>
        ChangeAsync(key, null, user, rights, ct);

    private async Task<PublicAccessResult> ChangeAsync(Guid key, string? groups, string user, EditorRights rights, CancellationToken ct)
    {
        if (!rights.MayPublish())
        {
            return PublicAccessResult.Failed(ContentStatus.NotAllowed, new ContentError(ContentMessages.AccessNeedsEditor));
        }

        var document = await store.Db.Documents.SingleOrDefaultAsync(d => d.Key == key, ct);
        if (document is null)
        {
            return PublicAccessResult.Failed(ContentStatus.NotFound, new ContentError(ContentMessages.DocumentNotFound));
        }

        if (!string.Equals(document.PublicAccessGroups, groups, StringComparison.Ordinal))
        {
            document.PublicAccessGroups = groups;
            store.Audit(user, groups is null ? "remove public access" : "set public access", document.Key, null, groups);
            changes.Append(PublishedChangeKind.PublicAccess, [document.Key]);
            await store.CommitAsync(ct);
            await changes.WaitUntilVisibleAsync(ct);
        }

        return new PublicAccessResult(ContentStatus.Success, [], await GetAsync(key, ct));
    }
}

public sealed record PublicAccessResult(ContentStatus Status, IReadOnlyList<ContentError> Errors, PublicAccessState? State = null)
{
    public bool Succeeded => Status == ContentStatus.Success;

    public static PublicAccessResult Failed(ContentStatus status, ContentError error) => new(status, [error]);
}
