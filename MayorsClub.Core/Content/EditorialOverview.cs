using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Content;

/// <summary>
/// What editors come to the back office's dashboard for: what was edited lately (by them and by anyone), what is
/// scheduled to go live or offline, what waits for approval, which published documents lack the other language, and
/// where a new document of a type goes. Every list is ordered and bounded; the recycle bin is left out.
/// </summary>
public sealed class EditorialOverview(ContentStore store)
{
    /// <summary>A document as a dashboard lists it: its names by culture, a moment and who it concerns.</summary>
    public sealed record Entry(Guid Key, string ContentType, IReadOnlyDictionary<string, string> Names, DateTime Utc, string By);

    /// <summary>A culture due to be published (<paramref name="Publish"/>) or unpublished at a moment.</summary>
    public sealed record ScheduledChange(Guid Key, string ContentType, string Culture, string Name, DateTime Utc, bool Publish);

    /// <summary>A culture a writer sent for approval.</summary>
    public sealed record ApprovalRequest(Guid Key, string ContentType, string Culture, string Name, DateTime Utc, string By);

    /// <summary>
    /// A document published in <paramref name="PublishedCulture"/> but not in <paramref name="MissingCulture"/>,
    /// where the missing culture has a draft (<paramref name="HasDraft"/>) or has not been written at all.
    /// </summary>
    public sealed record MissingTranslation(Guid Key, string ContentType, string PublishedCulture, string Name, string MissingCulture, bool HasDraft, DateTime UpdatedUtc);

    /// <summary>The documents last edited by anyone, latest first; "by" is who saved last.</summary>
    public async Task<IReadOnlyList<Entry>> RecentlyEditedAsync(int take, CancellationToken ct = default)
    {
        var documents = await Live().OrderByDescending(d => d.UpdatedUtc).ThenByDescending(d => d.Id).Take(take)
            .Select(d => new { d.Id, d.Key, d.ContentType, d.UpdatedUtc, d.UpdatedBy })
            .ToListAsync(ct);
        var names = await NamesAsync(documents.Select(d => d.Id), ct);
        return documents.Select(d => new Entry(d.Key, d.ContentType, names.GetValueOrDefault(d.Id, Empty), d.UpdatedUtc, d.UpdatedBy)).ToList();
    }

    /// <summary>The documents a user saved lately (any version of theirs), latest of their saves first.</summary>
    public async Task<IReadOnlyList<Entry>> RecentlyEditedByAsync(string user, int take, CancellationToken ct = default)
    {
        var latest = await store.Db.DocumentVersions.AsNoTracking()
            .Where(v => v.CreatedBy == user && !v.Document!.Trashed)
            .GroupBy(v => v.DocumentId)
            .Select(g => new { DocumentId = g.Key, Utc = g.Max(v => v.CreatedUtc) })
            .OrderByDescending(x => x.Utc).ThenByDescending(x => x.DocumentId).Take(take)
            .ToListAsync(ct);
        var ids = latest.Select(x => x.DocumentId).ToList();
        var documents = await store.Db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Key, d.ContentType })
            .ToDictionaryAsync(d => d.Id, ct);
        var names = await NamesAsync(ids, ct);
        return latest.Where(x => documents.ContainsKey(x.DocumentId))
            .Select(x => new Entry(documents[x.DocumentId].Key, documents[x.DocumentId].ContentType, names.GetValueOrDefault(x.DocumentId, Empty), x.Utc, user))
            .ToList();
    }

    /// <summary>The scheduled publications and unpublications, soonest first.</summary>
    public async Task<IReadOnlyList<ScheduledChange>> ScheduledAsync(int take, CancellationToken ct = default)
    {
        var cultures = LiveCultures();
        var publish = await cultures.Where(x => x.Culture.PublishAtUtc != null)
            .OrderBy(x => x.Culture.PublishAtUtc).ThenBy(x => x.Document.Id).ThenBy(x => x.Culture.Culture).Take(take)
            .Select(x => new ScheduledChange(x.Document.Key, x.Document.ContentType, x.Culture.Culture, x.Culture.Name, x.Culture.PublishAtUtc!.Value, true))
            .ToListAsync(ct);
        var unpublish = await cultures.Where(x => x.Culture.UnpublishAtUtc != null)
            .OrderBy(x => x.Culture.UnpublishAtUtc).ThenBy(x => x.Document.Id).ThenBy(x => x.Culture.Culture).Take(take)
            .Select(x => new ScheduledChange(x.Document.Key, x.Document.ContentType, x.Culture.Culture, x.Culture.Name, x.Culture.UnpublishAtUtc!.Value, false))
            .ToListAsync(ct);
        return publish.Concat(unpublish).OrderBy(s => s.Utc).ThenBy(s => s.Publish ? 0 : 1).Take(take).ToList();
    }

    /// <summary>The cultures waiting for an editor's approval, longest waiting first.</summary>
    public async Task<IReadOnlyList<ApprovalRequest>> AwaitingApprovalAsync(int take, CancellationToken ct = default) =>
        await LiveCultures().Where(x => x.Culture.ApprovalRequestedUtc != null)
            .OrderBy(x => x.Culture.ApprovalRequestedUtc).ThenBy(x => x.Document.Id).ThenBy(x => x.Culture.Culture).Take(take)
            .Select(x => new ApprovalRequest(x.Document.Key, x.Document.ContentType, x.Culture.Culture, x.Culture.Name,
                x.Culture.ApprovalRequestedUtc!.Value, x.Culture.ApprovalRequestedBy ?? ""))
            .ToListAsync(ct);

    /// <summary>
    /// Documents published in one language and not in the other (never written, or a draft not yet published),
    /// latest edited first.
    /// </summary>
    public async Task<IReadOnlyList<MissingTranslation>> MissingTranslationsAsync(int take, CancellationToken ct = default)
    {
        var all = Cultures.All.Count;
        var documents = await Live()
            .Where(d => d.Cultures.Any(c => c.IsPublished) && d.Cultures.Count(c => c.IsPublished) < all)
            .OrderByDescending(d => d.UpdatedUtc).ThenByDescending(d => d.Id).Take(take)
            .Select(d => new { d.Key, d.ContentType, d.UpdatedUtc, Cultures = d.Cultures.Select(c => new { c.Culture, c.Name, c.IsPublished }).ToList() })
            .ToListAsync(ct);
        var result = new List<MissingTranslation>();
        foreach (var document in documents)
        {
            var published = document.Cultures.Where(c => c.IsPublished).OrderBy(c => Order(c.Culture)).First();
            foreach (var missing in Cultures.All.Where(c => !document.Cultures.Any(x => x.Culture == c && x.IsPublished)))
            {
                result.Add(new MissingTranslation(document.Key, document.ContentType, published.Culture, published.Name, missing,
                    document.Cultures.Any(c => c.Culture == missing), document.UpdatedUtc));
            }
        }

        return result;
    }

    /// <summary>Where a new document of the type goes: the first document (nearest the root, in tree order) that may hold it.</summary>
    public async Task<Guid?> ParentForAsync(string contentType, CancellationToken ct = default)
    {
        var parentTypes = store.Types.All.Where(t => t.AllowsChild(contentType)).Select(t => t.Alias).ToList();
        return await Live().Where(d => parentTypes.Contains(d.ContentType))
            .OrderBy(d => d.Level).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => (Guid?)d.Key)
            .FirstOrDefaultAsync(ct);
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static int Order(string culture) => Cultures.All.ToList().IndexOf(culture);

    private IQueryable<DocumentEntity> Live() => store.Db.Documents.AsNoTracking().Where(d => !d.Trashed);

    /// <summary>A culture with its document (an initializer, not a constructor, so EF Core can translate its members).</summary>
    private sealed class DocumentCulture
    {
        public required DocumentEntity Document { get; init; }

        public required DocumentCultureEntity Culture { get; init; }
    }

    private IQueryable<DocumentCulture> LiveCultures() =>
        store.Db.DocumentCultures.AsNoTracking().Join(Live(), c => c.DocumentId, d => d.Id, (c, d) => new DocumentCulture { Document = d, Culture = c });

    private async Task<Dictionary<int, IReadOnlyDictionary<string, string>>> NamesAsync(IEnumerable<int> documentIds, CancellationToken ct)
    {
        var ids = documentIds.ToList();
        var names = await store.Db.DocumentCultures.AsNoTracking().Where(c => ids.Contains(c.DocumentId))
            .Select(c => new { c.DocumentId, c.Culture, c.Name })
            .ToListAsync(ct);
        return names.GroupBy(n => n.DocumentId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, string>)g.ToDictionary(n => n.Culture, n => n.Name, StringComparer.Ordinal));
    }
}
