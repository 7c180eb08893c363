using MayorsClub.Core.Content;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Publishing;

/// <summary>
/// The whole site as its drafts would show it (the Delivery API's <c>Preview: true</c>): every document that is not in the
/// recycle bin, each with its current draft in every culture it has written, published or not; the public access rules
/// and the public media as they are. Built once and kept until a draft changes: each call asks the database only for a
/// stamp (how many documents, the sum of their versions, the latest update), which every save, move or trash changes.
/// Nothing is written, and visitors never see it.
/// </summary>
public sealed class AllDraftsPreview(ContentStore store, PublishedSnapshotService snapshots, AllDraftsPreview.Memo memo)
{
    /// <summary>The last preview built, with the stamp it was built at (one per process).</summary>
    public sealed class Memo : IDisposable
    {
        internal readonly SemaphoreSlim Building = new(1, 1);
        internal volatile Built? Last;

        internal sealed record Built(Stamp Stamp, long Generation, PublishedSnapshot Snapshot);

        public void Dispose() => Building.Dispose();
    }

    internal sealed record Stamp(int Count, long Versions, DateTime? LatestUpdate);

    /// <summary>The drafts' snapshot now.</summary>
    public async Task<PublishedSnapshot> CurrentAsync(CancellationToken ct = default)
    {
        var stamp = await StampAsync(ct);
        var published = snapshots.Current;
        if (memo.Last is { } last && last.Stamp == stamp && last.Generation == published.Generation)
        {
            return last.Snapshot;
        }

        await memo.Building.WaitAsync(ct);
        try
        {
            if (memo.Last is { } built && built.Stamp == stamp && built.Generation == published.Generation)
            {
                return built.Snapshot;
            }

            var snapshot = await BuildAsync(published, ct);
            memo.Last = new Memo.Built(stamp, published.Generation, snapshot);
            return snapshot;
        }
        finally
        {
            memo.Building.Release();
        }
    }

    private async Task<Stamp> StampAsync(CancellationToken ct)
    {
        var live = store.Db.Documents.AsNoTracking().Where(d => !d.Trashed);
        var count = await live.CountAsync(ct);
        var versions = await live.SumAsync(d => (long)d.Version, ct);
        var latest = await live.MaxAsync(d => (DateTime?)d.UpdatedUtc, ct);
        return new Stamp(count, versions, latest);
    }

    private async Task<PublishedSnapshot> BuildAsync(PublishedSnapshot published, CancellationToken ct)
    {
        var now = store.UtcNow;
        var documents = await store.Db.Documents.AsNoTracking().Include(d => d.Cultures).Where(d => !d.Trashed).ToListAsync(ct);
        var rows = new List<PublishedSnapshotBuilder.DocumentRow>(documents.Count);
        foreach (var document in documents)
        {
            var cultures = document.Cultures
                .Where(c => Cultures.IsSupported(c.Culture) && !string.IsNullOrWhiteSpace(c.Name))
                .Select(c => new PublishedSnapshotBuilder.CultureRow(c.Culture, c.Name, c.UrlSegment, c.PublishedUtc ?? now))
                .ToList();
            rows.Add(new PublishedSnapshotBuilder.DocumentRow(document.Id, document.Key, document.ParentId, document.ContentType,
                document.SortOrder, document.Level, document.CreatedUtc, document.UpdatedUtc, document.Version,
                PublishedSnapshotBuilder.Parse(ContentValues.FromJson(document.DraftJson).ToJson()), cultures, document.PublicAccessGroups));
        }

        return PublishedSnapshotBuilder.Build(rows, store.Types, published.Generation, now, published.Media);
    }
}
