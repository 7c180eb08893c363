using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MayorsClub.Core.Publishing;

/// <summary>Told after a new published snapshot has replaced the old one (to drop cached pages, for example).</summary>
public interface IPublishedSnapshotObserver
{
    Task SnapshotChangedAsync(PublishedSnapshot snapshot, CancellationToken ct);
}

/// <summary>
/// Holds the current published snapshot and builds a new one from the database when published content changes.
/// Readers take <see cref="Current"/> once per request and keep a consistent view; the swap is one reference write.
/// </summary>
public sealed class PublishedSnapshotService(
    IServiceScopeFactory scopes,
    DocumentTypeRegistry types,
    IClock clock,
    IEnumerable<IPublishedSnapshotObserver> observers,
    ILogger<PublishedSnapshotService> logger)
    : IPublishedContentChanged, IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private PublishedSnapshot _current = PublishedSnapshot.Empty;
    private long _generation;

    // Rebuild requests are numbered; a rebuild that starts after a request was made covers it (it reads what that
    // change committed), so requests that waited while one was running are answered by a single rebuild.
    private long _requested;
    private long _covered;

    public PublishedSnapshot Current => Volatile.Read(ref _current);

    public bool IsLoaded => Current.Generation > 0;

    public void Dispose() => _rebuild.Dispose();

    public Task PublishedContentChangedAsync(CancellationToken ct) => RebuildAsync(ct);

    public async Task RebuildAsync(CancellationToken ct = default)
    {
        var request = Interlocked.Increment(ref _requested);
        await _rebuild.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _covered) >= request)
            {
                return;
            }

            var covering = Volatile.Read(ref _requested);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
            var previous = Current;
            var cultures = (await db.DocumentCultures.AsNoTracking()
                    .Where(c => c.IsPublished)
                    .Select(c => new { c.DocumentId, Row = new PublishedSnapshotBuilder.CultureRow(c.Culture, c.PublishedName ?? c.Name, c.PublishedUrlSegment ?? c.UrlSegment, c.PublishedUtc ?? DateTime.MinValue) })
                    .ToListAsync(ct))
                .ToLookup(c => c.DocumentId, c => c.Row);
            var documents = await db.Documents.AsNoTracking()
                .Where(d => !d.Trashed && d.PublishedJson != null)
                .Select(d => new { d.Id, d.Key, d.ParentId, d.ContentType, d.SortOrder, d.Level, d.CreatedUtc, d.UpdatedUtc, d.Version })
                .ToListAsync(ct);
            var listed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var (sources, read) = await PublishedValuesAsync(db, documents.ToDictionary(d => d.Id, d => d.Version), previous, ct);
            var valuesRead = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var rows = documents
                .Where(d => sources.ContainsKey(d.Id))
                .Select(d => new PublishedSnapshotBuilder.DocumentRow(d.Id, d.Key, d.ParentId, d.ContentType, d.SortOrder, d.Level, d.CreatedUtc, d.UpdatedUtc,
                    d.Version, sources[d.Id], cultures[d.Id].ToList()))
                .ToList();

            var media = (await db.MediaItems.AsNoTracking().Where(m => !m.IsFolder && !m.MembersOnly && m.StoragePath != null).ToListAsync(ct))
                .Select(m => MediaStore.ToItem(m, parentKey: null));
            var snapshot = PublishedSnapshotBuilder.Build(rows, types, Interlocked.Increment(ref _generation), clock.GetCurrentInstant().ToDateTimeUtc(), media);
            Volatile.Write(ref _current, snapshot);
            Volatile.Write(ref _covered, covering);
            foreach (var observer in observers)
            {
                await observer.SnapshotChangedAsync(snapshot, ct);
            }

            logger.LogInformation("Published snapshot {Generation} built: {Count} documents in {Elapsed} ms ({Read} read from the database, the rest kept; lists {Listed} ms, values {Values} ms)",
                snapshot.Generation, snapshot.All.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, read, (int)listed, (int)(valuesRead - listed));
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>
    /// The parsed published values of each document: the previous snapshot's where the document has not changed since
    /// (most of them, after a publish), read and parsed one by one for the rest, so the JSON text is never all in memory.
    /// A document whose values are gone by the time they are read (unpublished meanwhile) is left out; its own change
    /// starts another rebuild.
    /// </summary>
    private static async Task<(Dictionary<int, System.Text.Json.JsonElement> Sources, int Read)> PublishedValuesAsync(MayorsClubDbContext db,
        Dictionary<int, int> versions, PublishedSnapshot previous, CancellationToken ct)
    {
        var sources = new Dictionary<int, System.Text.Json.JsonElement>(versions.Count);
        var changed = new List<int>();
        foreach (var (id, version) in versions)
        {
            if (previous.Get(id) is { } known && known.SourceVersion == version)
            {
                sources[id] = known.Source;
            }
            else
            {
                changed.Add(id);
            }
        }

        if (changed.Count == 0)
        {
            return (sources, 0);
        }

        var query = db.Documents.AsNoTracking().Where(d => !d.Trashed && d.PublishedJson != null);
        if (changed.Count < versions.Count / 2)
        {
            query = query.Where(d => changed.Contains(d.Id));
        }

        var wanted = changed.ToHashSet();
        await foreach (var document in query.Select(d => new { d.Id, d.PublishedJson }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (wanted.Contains(document.Id))
            {
                sources[document.Id] = PublishedSnapshotBuilder.Parse(document.PublishedJson!);
            }
        }

        return (sources, changed.Count);
    }

}
