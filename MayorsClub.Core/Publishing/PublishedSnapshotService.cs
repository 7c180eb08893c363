using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MayorsClub.Core.Publishing;

/// <summary>
/// Holds the current published snapshot and builds a new one from the database when published content changes.
/// Readers take <see cref="Current"/> once per request and keep a consistent view; the swap is one reference write.
/// </summary>
public sealed class PublishedSnapshotService(IServiceScopeFactory scopes, DocumentTypeRegistry types, IClock clock, ILogger<PublishedSnapshotService> logger)
    : IPublishedContentChanged, IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private PublishedSnapshot _current = PublishedSnapshot.Empty;
    private long _generation;

    public PublishedSnapshot Current => Volatile.Read(ref _current);

    public bool IsLoaded => Current.Generation > 0;

    public void Dispose() => _rebuild.Dispose();

    public Task PublishedContentChangedAsync(CancellationToken ct) => RebuildAsync(ct);

    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await _rebuild.WaitAsync(ct);
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
            var cultures = (await db.DocumentCultures.AsNoTracking()
                    .Where(c => c.IsPublished)
                    .Select(c => new { c.DocumentId, Row = new CultureRow(c.Culture, c.PublishedName ?? c.Name, c.PublishedUrlSegment ?? c.UrlSegment, c.PublishedUtc ?? DateTime.MinValue) })
                    .ToListAsync(ct))
                .ToLookup(c => c.DocumentId, c => c.Row);
            var rows = await db.Documents.AsNoTracking()
                .Where(d => !d.Trashed && d.PublishedJson != null)
                .Select(d => new DocumentRow(d.Id, d.Key, d.ParentId, d.ContentType, d.SortOrder, d.Level, d.CreatedUtc, d.UpdatedUtc, d.PublishedJson!, new List<CultureRow>()))
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                row.Cultures.AddRange(cultures[row.Id]);
            }

            var snapshot = Build(rows, Interlocked.Increment(ref _generation), clock.GetCurrentInstant().ToDateTimeUtc());
            Volatile.Write(ref _current, snapshot);
            logger.LogInformation("Published snapshot {Generation} built: {Count} documents in {Elapsed} ms",
                snapshot.Generation, snapshot.All.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private PublishedSnapshot Build(List<DocumentRow> rows, long generation, DateTime builtUtc)
    {
        var documents = rows.ToDictionary(r => r.Id, r => new PublishedDocument(r.Id, r.Key, r.ContentType, r.SortOrder, r.Level, r.CreatedUtc, r.UpdatedUtc,
            PublishedSnapshot.Elements(ContentValues.FromJson(r.PublishedJson).Invariant)));
        var roots = new List<PublishedDocument>();
        var children = new Dictionary<int, List<PublishedDocument>>();
        foreach (var row in rows.OrderBy(r => r.SortOrder))
        {
            var document = documents[row.Id];
            if (row.ParentId is null)
            {
                roots.Add(document);
            }
            else if (documents.TryGetValue(row.ParentId.Value, out var parent))
            {
                document.Parent = parent;
                (children.TryGetValue(parent.Id, out var list) ? list : children[parent.Id] = []).Add(document);
            }
        }

        foreach (var (parentId, list) in children)
        {
            documents[parentId].Children = list;
        }

        var byId = rows.ToDictionary(r => r.Id);
        foreach (var root in roots)
        {
            AssignCultures(root, byId, parentUrls: null);
        }

        return new PublishedSnapshot(roots, generation, builtUtc);
    }

    /// <summary>
    /// A document is visible in a culture when it is published there and so are all its ancestors.
    /// The home page is "/{culture}/"; pages below it add their segments; other roots (settings) have no URL.
    /// </summary>
    private void AssignCultures(PublishedDocument document, Dictionary<int, DocumentRow> rows, Dictionary<string, string?>? parentUrls)
    {
        var row = rows[document.Id];
        var values = ContentValues.FromJson(row.PublishedJson);
        var isPage = types.Find(document.ContentType)?.IsPage ?? false;
        var cultures = new Dictionary<string, PublishedCulture>(StringComparer.Ordinal);
        var urls = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var culture in row.Cultures)
        {
            if (parentUrls is not null && !parentUrls.ContainsKey(culture.Culture))
            {
                continue;
            }

            string? url = null;
            if (isPage)
            {
                url = parentUrls is null
                    ? document.ContentType == Home.Alias ? $"/{culture.Culture}/" : null
                    : parentUrls[culture.Culture] is { } parentUrl ? $"{parentUrl}{culture.UrlSegment}/" : null;
            }

            urls[culture.Culture] = url;
            cultures[culture.Culture] = new PublishedCulture(culture.Culture, culture.Name, culture.UrlSegment, url, culture.PublishedUtc,
                PublishedSnapshot.Elements(values.Culture(culture.Culture)?.Values ?? []));
        }

        document.Cultures = cultures;
        foreach (var child in document.Children)
        {
            AssignCultures(child, rows, urls);
        }
    }

    private sealed record DocumentRow(int Id, Guid Key, int? ParentId, string ContentType, int SortOrder, int Level, DateTime CreatedUtc, DateTime UpdatedUtc,
        string PublishedJson, List<CultureRow> Cultures);

    private sealed record CultureRow(string Culture, string Name, string UrlSegment, DateTime PublishedUtc);
}
