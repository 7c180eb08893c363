using System.Diagnostics;
using System.Threading.Channels;
using MayorsClub.Core.Changes;
using MayorsClub.Core.Cluster;
using MayorsClub.Core.Publishing;
using MayorsClub.Core.Setup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MayorsClub.Core.Search;

/// <summary>
/// Keeps the search index in step with the published snapshot. As a change feed subscriber it only notes the changes and
/// returns (the editor's command waits for subscribers, never for indexing); its own loop then re-indexes exactly the
/// documents they name (with their subtrees when a move, trash, restore, delete or public access change, or a new URL or
/// culture, reaches below them) from the current snapshot as the anonymous viewer reads it, commits and refreshes the
/// searchers. At start it keeps a current index and rebuilds a missing, outdated or damaged one, in this loop, while the
/// site serves. The index is each node's own, so every node rebuilds its own; nodes take turns for a rebuild (an advisory
/// lock: a rebuild waits for the other node's, never skips), so a cluster starting together does not rebuild all at once.
/// </summary>
public sealed class SearchIndexer(
    SearchIndex index,
    PublishedSnapshotService snapshots,
    IServiceProvider services,
    SiteReadiness readiness,
    ClusterLock cluster,
    ILogger<SearchIndexer> logger) : BackgroundService, IPublishedChangeSubscriber
{
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private long? _positionBeforeFirstChange;
    private PublishedSnapshot _indexed = PublishedSnapshot.Empty;
    private long _position = -1;
    private int _rebuildRequested;

    // The feed's worker takes every subscriber, this one too: it is looked up when first needed, not taken at construction.
    private ChangeFeedWorker Feed => field ??= services.GetRequiredService<ChangeFeedWorker>();

    /// <summary>After the snapshot and the page cache.</summary>
    int IPublishedChangeSubscriber.Order => 200;

    /// <summary>How long the last full rebuild took (null before the first).</summary>
    public TimeSpan? LastRebuild { get; private set; }

    /// <summary>The feed position the index reflects (-1 before it is ready).</summary>
    public long Position => Interlocked.Read(ref _position);

    public Task ApplyAsync(IReadOnlyList<PublishedChange> changes, CancellationToken ct)
    {
        lock (_lock)
        {
            // The feed moves its position after every subscriber has applied a batch: before the first batch it is the
            // position the snapshot was loaded at, which a kept index must match.
            _positionBeforeFirstChange ??= Feed.Position;
        }

        _work.Writer.TryWrite(new Work(changes, Rebuild: false));
        return Task.CompletedTask;
    }

    /// <summary>Asks for a full rebuild in the background (a search found the index damaged).</summary>
    public void RequestRebuild()
    {
        if (Interlocked.Exchange(ref _rebuildRequested, 1) == 0)
        {
            _work.Writer.TryWrite(new Work([], Rebuild: true));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WhenReady.WaitAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return; // the site did not start; it says why
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await Task.Yield();
        try
        {
            try
            {
                await OpenOrRebuildAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // Never let the site stop over its search: start again from an empty folder, in the loop below.
                logger.LogError(error, "Opening or building the search index failed; it will be rebuilt from scratch");
                _work.Writer.TryWrite(new Work([], Rebuild: true, Reset: true));
            }

            await foreach (var first in _work.Reader.ReadAllAsync(stoppingToken))
            {
                var batch = new List<Work> { first };
                while (_work.Reader.TryRead(out var more))
                {
                    batch.Add(more);
                }

                await ApplyWithRetriesAsync(batch, stoppingToken);
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the index's writer may be closed under a rebuild; the next start checks what was committed.
        }
    }

    private async Task OpenOrRebuildAsync(CancellationToken ct)
    {
        IndexState state;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                state = index.Open();
                break;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Another process holds the folder's lock, or the disk refuses: searches say they are being rebuilt.
                logger.LogError(error, "The search index in {Folder} cannot be opened (attempt {Attempt}); search waits", index.Folder, attempt + 1);
                index.MarkUnavailable();
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, 5 * (attempt + 1))), ct);
            }
        }

        long loaded;
        PublishedSnapshot snapshot;
        lock (_lock)
        {
            loaded = _positionBeforeFirstChange ?? Feed.Position;
            snapshot = snapshots.Current;
        }

        var reason = !state.Exists ? "there is none"
            : state.Schema != SearchIndex.SchemaVersion ? $"it has schema {state.Schema}, not {SearchIndex.SchemaVersion}"
            : state.Analysis != index.AnalysisFingerprint ? "the text analysis changed"
            : state.Position != loaded ? $"it reflects change {state.Position}, the published content change {loaded}"
            : null;
        if (reason is null)
        {
            _indexed = snapshot;
            Interlocked.Exchange(ref _position, state.Position);
            index.MarkCurrent();
            logger.LogInformation("Search index in {Folder} is current (change {Position})", index.Folder, state.Position);
            WarmUp();
            return;
        }

        logger.LogInformation("Search index in {Folder} is rebuilt because {Reason}; searches meanwhile {Meanwhile}", index.Folder, reason,
            state.Exists ? "use the old index" : "say that search is being rebuilt");
        await using (await RebuildTurnAsync(ct))
        {
            await Task.Run(() => Rebuild(ct), ct);
        }

        WarmUp();
    }

    private async Task ApplyWithRetriesAsync(List<Work> batch, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using (batch.Any(w => w.Rebuild) ? await RebuildTurnAsync(ct) : null)
                {
                    Apply(batch, ct);
                }

                return;
            }
            catch (Exception error) when (!ct.IsCancellationRequested)
            {
                // A failed change or rebuild: start over from an empty folder, waiting longer each time (at most 5 minutes).
                var pause = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempt)));
                logger.LogError(error, "Indexing failed (attempt {Attempt}); rebuilding the search index from scratch in {Pause} s", attempt + 1, pause.TotalSeconds);
                await Task.Delay(pause, ct);
                batch = [new Work([], Rebuild: true, Reset: true)];
            }
        }
    }

    private void Apply(List<Work> batch, CancellationToken ct)
    {
        if (batch.Any(w => w.Rebuild))
        {
            Interlocked.Exchange(ref _rebuildRequested, 0);
            if (batch.Any(w => w.Reset))
            {
                index.Reset();
            }

            Rebuild(ct);
            return;
        }

        var changes = batch.SelectMany(w => w.Changes).ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var previous = _indexed;
        var next = snapshots.Current;
        var keys = new HashSet<Guid>();
        foreach (var change in changes)
        {
            foreach (var key in change.Documents)
            {
                keys.Add(key);
                var before = previous.Get(key);
                var after = next.Get(key);
                if (change.TouchesSubtree || change.Kind == PublishedChangeKind.PublicAccess || ReachesBelow(before, after))
                {
                    AddSubtree(previous, before, keys);
                    AddSubtree(next, after, keys);
                }
            }
        }

        var added = 0;
        foreach (var key in keys)
        {
            index.Remove(key);
            if (next.Get(key) is { } document)
            {
                foreach (var (culture, doc) in SearchDocuments.For(next, document))
                {
                    index.Add(culture, doc);
                    added++;
                }
            }
        }

        var position = Math.Max(Position, changes.Max(c => c.Sequence));
        index.Publish(position);
        _indexed = next;
        Interlocked.Exchange(ref _position, position);
        logger.LogDebug("Search index: changes {First}-{Last} applied to {Documents} documents ({Added} search documents) in {Elapsed} ms",
            changes[0].Sequence, changes[^1].Sequence, keys.Count, added, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Waits for this node's turn to rebuild; without the database the rebuild (from the snapshot) goes ahead alone.</summary>
    private async Task<ClusterLock.Held?> RebuildTurnAsync(CancellationToken ct)
    {
        try
        {
            return await cluster.AcquireAsync(ClusterJob.SearchIndexRebuild, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Could not take turns with the other nodes to rebuild the search index; rebuilding now");
            return null;
        }
    }

    /// <summary>Whether what a document's children inherit (its cultures, its URLs) differs between two snapshots.</summary>
    private static bool ReachesBelow(PublishedDocument? before, PublishedDocument? after)
    {
        if (before is null || after is null)
        {
            return !ReferenceEquals(before, after);
        }

        return before.Cultures.Count != after.Cultures.Count
            || before.Cultures.Any(c => !after.Cultures.TryGetValue(c.Key, out var other) || other.Url != c.Value.Url);
    }

    private static void AddSubtree(PublishedSnapshot snapshot, PublishedDocument? top, HashSet<Guid> keys)
    {
        if (top is null)
        {
            return;
        }

        var pending = new Stack<PublishedDocument>();
        pending.Push(top);
        while (pending.Count > 0)
        {
            foreach (var child in snapshot.Children(pending.Pop()))
            {
                keys.Add(child.Key);
                pending.Push(child);
            }
        }
    }

    /// <summary>Builds the whole index again from the current snapshot; searches keep the old index (if any) meanwhile.</summary>
    public void Rebuild(CancellationToken ct = default)
    {
        index.BeginRebuild();
        var started = Stopwatch.GetTimestamp();
        long position;
        PublishedSnapshot snapshot;
        lock (_lock)
        {
            // The position first: the snapshot read after it holds at least every change up to it.
            position = Math.Max(Feed.Position, 0);
            snapshot = snapshots.Current;
        }

        var count = index.ReplaceAll(snapshot.All, d => SearchDocuments.For(snapshot, d), ct);
        index.Publish(position);
        _indexed = snapshot;
        Interlocked.Exchange(ref _position, position);
        LastRebuild = Stopwatch.GetElapsedTime(started);
        logger.LogInformation("Search index rebuilt: {Count} search documents of {Documents} published documents in {Elapsed} ms",
            count, snapshot.All.Count, (long)LastRebuild.Value.TotalMilliseconds);
    }

    /// <summary>Runs each kind of query once so the first visitor does not pay for loading and compiling the code.</summary>
    private void WarmUp()
    {
        try
        {
            var search = services.GetRequiredService<SiteSearch>();
            foreach (var culture in new[] { "uk", "en" })
            {
                search.Search(new SearchQuery(culture, "громади communities"));
                search.Suggest(culture, "гром");
                search.Match(culture, "форум forum");
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            logger.LogDebug(error, "Warming up the search failed");
        }
    }

    private sealed record Work(IReadOnlyList<PublishedChange> Changes, bool Rebuild, bool Reset = false);
}
