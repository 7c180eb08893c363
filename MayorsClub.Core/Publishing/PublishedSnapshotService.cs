using MayorsClub.Core.Changes;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MayorsClub.Core.Publishing;

/// <summary>
/// Holds the current published snapshot. Start-up loads it whole (<see cref="RebuildAsync"/>); after that the change
/// feed's worker hands it each committed change (<see cref="ApplyAsync"/>) and it reloads from the database only the
/// documents and media the change names (a moved, trashed or restored document with its subtree), then makes the next
/// snapshot from the current one and those rows (<see cref="PublishedSnapshotBuilder.Apply"/>): the cost grows with the
/// change, not with the site. Readers take <see cref="Current"/> once per request and keep a consistent view; the swap
/// is one reference write.
/// </summary>
public sealed class PublishedSnapshotService(
    IServiceScopeFactory scopes,
    DocumentTypeRegistry types,
    IClock clock,
    ILogger<PublishedSnapshotService> logger)
    : IPublishedChangeSubscriber, IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private PublishedSnapshot _current = PublishedSnapshot.Empty;
    private long _generation;

    public PublishedSnapshot Current => Volatile.Read(ref _current);

    public bool IsLoaded => Current.Generation > 0;

    /// <summary>How many documents and media items the last load or change read from the database.</summary>
    public SnapshotReads LastReads { get; private set; } = new(0, 0);

    /// <summary>What the last applied change can have changed on a page (for the page cache, which comes after the snapshot).</summary>
    public PublishedChangeEffect? LastEffect { get; private set; }

    int IPublishedChangeSubscriber.Order => 0;

    public void Dispose() => _rebuild.Dispose();

    /// <summary>Loads every published document and public media item (at start-up; tests use it to start over).</summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await _rebuild.WaitAsync(ct);
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
            var (rows, read) = await ReadDocumentsAsync(db, db.Documents.AsNoTracking().Where(d => !d.Trashed && d.PublishedJson != null), ct);
            var rowsRead = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var media = await ReadMediaAsync(db, db.MediaItems.AsNoTracking(), ct);
            var snapshot = Publish(PublishedSnapshotBuilder.Build(rows.Values.OfType<PublishedSnapshotBuilder.DocumentRow>().ToList(), types,
                Interlocked.Increment(ref _generation), clock.GetCurrentInstant().ToDateTimeUtc(), media));
            LastReads = new SnapshotReads(read, media.Count);
            logger.LogInformation("Published snapshot {Generation} loaded: {Count} documents in {Elapsed} ms ({Read} values read from the database, the rest kept; rows and values {Rows} ms)",
                snapshot.Generation, snapshot.All.Count, (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, read, (int)rowsRead);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>Applies committed changes: reloads what they name and assembles the next snapshot.</summary>
    public async Task ApplyAsync(IReadOnlyList<PublishedChange> changes, CancellationToken ct)
    {
        await _rebuild.WaitAsync(ct);
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
            var (changed, removed, documentsRead) = await ReloadDocumentsAsync(db, changes, ct);
            var media = await ReloadMediaAsync(db, changes, ct);
            var previous = Current;
            var snapshot = Publish(PublishedSnapshotBuilder.Apply(previous, changed, removed, media, types, Interlocked.Increment(ref _generation),
                clock.GetCurrentInstant().ToDateTimeUtc()));
            LastEffect = PublishedChangeEffect.Between(previous, snapshot, changes[^1].Sequence, changed.Select(r => r.Id).ToList(), removed.ToList(),
                media.Count > 0);
            var mediaRead = media.Count(m => m.Value is not null);
            LastReads = new SnapshotReads(documentsRead, mediaRead);
            logger.LogDebug("Published snapshot {Generation}: changes {First}-{Last} applied in {Elapsed} ms ({Documents} documents and {Media} media read)",
                snapshot.Generation, changes[0].Sequence, changes[^1].Sequence, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                documentsRead, mediaRead);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private PublishedSnapshot Publish(PublishedSnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        return snapshot;
    }

    /// <summary>
    /// The named documents, and the subtrees of those moved, trashed or restored, read again: the rows now published, and
    /// the ids of the documents no longer published (or gone from the database).
    /// </summary>
    private async Task<(List<PublishedSnapshotBuilder.DocumentRow> Changed, List<int> Removed, int Read)> ReloadDocumentsAsync(
        MayorsClubDbContext db, IReadOnlyList<PublishedChange> changes, CancellationToken ct)
    {
        var changed = new List<PublishedSnapshotBuilder.DocumentRow>();
        var removed = new List<int>();
        var keys = changes.SelectMany(c => c.Documents).ToHashSet();
        if (keys.Count == 0)
        {
            return (changed, removed, 0);
        }

        var named = await db.Documents.AsNoTracking().Where(d => keys.Contains(d.Key)).Select(d => new { d.Id, d.Key, d.Path }).ToListAsync(ct);
        var ids = named.Select(d => d.Id).ToHashSet();
        var subtreeKeys = changes.Where(c => c.TouchesSubtree).SelectMany(c => c.Documents).ToHashSet();
        foreach (var top in named.Where(d => subtreeKeys.Contains(d.Key)))
        {
            var path = top.Path;
            ids.UnionWith(await db.Documents.AsNoTracking().Where(d => d.Path.StartsWith(path)).Select(d => d.Id).ToListAsync(ct));
        }

        // Gone from the database altogether: drop them (what hung below them is no longer reachable from a root).
        var current = Current;
        foreach (var key in keys.Except(named.Select(d => d.Key)))
        {
            if (current.ByKey.TryGetValue(key, out var document))
            {
                removed.Add(document.Id);
            }
        }

        var (rows, _) = await ReadDocumentsAsync(db, db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)), ct);
        foreach (var (id, row) in rows)
        {
            if (row is null)
            {
                removed.Add(id);
            }
            else
            {
                changed.Add(row);
            }
        }

        return (changed, removed, rows.Count);
    }

    /// <summary>The named media as they are now: the public files and the folders, and null for the others (gone, members-only).</summary>
    private static async Task<Dictionary<Guid, MediaItem?>> ReloadMediaAsync(MayorsClubDbContext db, IReadOnlyList<PublishedChange> changes, CancellationToken ct)
    {
        var keys = changes.SelectMany(c => c.Media).ToHashSet();
        var media = keys.ToDictionary(k => k, MediaItem? (_) => null);
        if (keys.Count == 0)
        {
            return media;
        }

        foreach (var item in await ReadMediaAsync(db, db.MediaItems.AsNoTracking().Where(m => keys.Contains(m.Key)), ct))
        {
            media[item.Key] = item;
        }

        return media;
    }

    /// <summary>The public files and the folders a query selects, each with its folder's key (never a members-only file).</summary>
    private static async Task<List<MediaItem>> ReadMediaAsync(MayorsClubDbContext db, IQueryable<MediaItemEntity> query, CancellationToken ct) =>
        (await query.Where(m => m.IsFolder || (!m.MembersOnly && m.StoragePath != null))
            .GroupJoin(db.MediaItems, m => m.ParentId, p => (int?)p.Id, (m, parents) => new { m, parents })
            .SelectMany(x => x.parents.DefaultIfEmpty(), (x, p) => new { Item = x.m, ParentKey = p == null ? (Guid?)null : p.Key })
            .ToListAsync(ct))
        .Select(x => MediaStore.ToItem(x.Item, x.ParentKey))
        .ToList();

    /// <summary>
    /// The rows of the documents a query selects, each as it is now: null for one that is no longer published (trashed,
    /// unpublished in every culture). Published values are parsed only where the document's version differs from the
    /// one kept; otherwise the parsed values are reused. Returns the rows and how many values were read.
    /// </summary>
    private async Task<(Dictionary<int, PublishedSnapshotBuilder.DocumentRow?> Rows, int ValuesRead)> ReadDocumentsAsync(
        MayorsClubDbContext db, IQueryable<DocumentEntity> query, CancellationToken ct)
    {
        var documents = await query
            .Select(d => new { d.Id, d.Key, d.ParentId, d.ContentType, d.SortOrder, d.Level, d.CreatedUtc, d.UpdatedUtc, d.Version, d.PublicAccessGroups, Live = !d.Trashed && d.PublishedJson != null })
            .ToListAsync(ct);
        var live = documents.Where(d => d.Live).Select(d => d.Id).ToHashSet();
        var cultures = (await db.DocumentCultures.AsNoTracking()
                .Where(c => c.IsPublished)
                .Join(query, c => c.DocumentId, d => d.Id, (c, _) => c)
                .Select(c => new { c.DocumentId, Row = new PublishedSnapshotBuilder.CultureRow(c.Culture, c.PublishedName ?? c.Name, c.PublishedUrlSegment ?? c.UrlSegment, c.PublishedUtc ?? DateTime.MinValue) })
                .ToListAsync(ct))
            .ToLookup(c => c.DocumentId, c => c.Row);

        var sources = new Dictionary<int, System.Text.Json.JsonElement>(live.Count);
        var changed = new HashSet<int>();
        foreach (var document in documents.Where(d => d.Live))
        {
            if (Current.Documents.TryGetValue(document.Id, out var known) && known.SourceVersion == document.Version)
            {
                sources[document.Id] = known.Source;
            }
            else
            {
                changed.Add(document.Id);
            }
        }

        if (changed.Count > 0)
        {
            var values = (changed.Count < live.Count / 2 ? query.Where(d => changed.Contains(d.Id)) : query)
                .Where(d => !d.Trashed && d.PublishedJson != null).Select(d => new { d.Id, d.PublishedJson }).AsAsyncEnumerable();
            await foreach (var document in values.WithCancellation(ct))
            {
                if (changed.Contains(document.Id))
                {
                    sources[document.Id] = PublishedSnapshotBuilder.Parse(document.PublishedJson!);
                }
            }
        }

        var rows = new Dictionary<int, PublishedSnapshotBuilder.DocumentRow?>(documents.Count);
        foreach (var d in documents)
        {
            // Unpublished between the two reads: its own change comes next and reads it again.
            rows[d.Id] = d.Live && sources.TryGetValue(d.Id, out var source)
                ? new PublishedSnapshotBuilder.DocumentRow(d.Id, d.Key, d.ParentId, d.ContentType, d.SortOrder, d.Level, d.CreatedUtc, d.UpdatedUtc,
                    d.Version, source, cultures[d.Id].ToList(), d.PublicAccessGroups)
                : null;
        }

        return (rows, changed.Count);
    }
}

/// <summary>What one load or change of the snapshot read from the database.</summary>
public sealed record SnapshotReads(int Documents, int Media);
