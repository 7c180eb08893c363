using System.Threading.Channels;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MayorsClub.Core.Changes;

/// <summary>Configuration of the change feed (section <c>MayorsClub:ChangeFeed</c>).</summary>
public sealed class ChangeFeedOptions
{
    public const string Section = "MayorsClub:ChangeFeed";

    /// <summary>
    /// How often the worker reads the feed without being woken (changes other processes committed). On PostgreSQL every
    /// commit notifies every node (<see cref="Cluster.ChangeNotificationListener"/>), so this is only the safety net for a
    /// notification that was lost.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0.05, 3600)]
    public double PollSeconds { get; set; } = 2;

    /// <summary>How long a command waits for its change to be visible here before it returns anyway.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 600)]
    public double VisibleWithinSeconds { get; set; } = 10;
}

/// <summary>
/// The one reader of the change feed in this process. After start-up has loaded the snapshot (and told this worker the
/// feed's position at that moment), it reads the rows after its position in order, in batches, and hands each batch to
/// every <see cref="IPublishedChangeSubscriber"/> (the snapshot first). A wake-up (<see cref="Poke"/>: this process's
/// commands, or a PostgreSQL notification of another node's commit) is only a hint to read the table; a periodic read finds what other processes committed.
/// </summary>
/// <remarks>
/// Sequence numbers are handed out at insert, not at commit: on PostgreSQL a later number can commit before an earlier
/// one. A number skipped over is kept as a gap and read again until it appears (or until it is clearly a rolled-back
/// insert), so no committed change is missed. Applying a change reloads what it names from the database, so applying it
/// late or twice is harmless.
/// </remarks>
public sealed class ChangeFeedWorker(
    IServiceScopeFactory scopes,
    IEnumerable<IPublishedChangeSubscriber> subscribers,
    IOptions<ChangeFeedOptions> options,
    Operations.SiteMetrics metrics,
    ILogger<ChangeFeedWorker> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private static readonly TimeSpan GapPatience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(2);

    private readonly IPublishedChangeSubscriber[] _subscribers = subscribers.OrderBy(s => s.Order).ToArray();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource<long> _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<long, DateTime> _gaps = [];
    private readonly List<(long Sequence, TaskCompletionSource Done)> _waiters = [];
    private readonly List<Retry> _retries = [];
    private readonly Lock _lock = new();
    private long _position = -1;
    private volatile bool _running;

    /// <summary>The highest sequence number applied in this process (-1 before the snapshot is loaded).</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>Changes whose subscriber failed and waits to try again, counted over every subscriber.</summary>
    public int PendingRetries
    {
        get
        {
            lock (_lock)
            {
                return _retries.Count;
            }
        }
    }

    /// <summary>The feed's last sequence number now (0 when empty): read before loading the snapshot.</summary>
    public static async Task<long> LastSequenceAsync(MayorsClubDbContext db, CancellationToken ct) =>
        await db.PublishedChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;

    /// <summary>Start-up loaded the snapshot with everything up to <paramref name="position"/>: the worker goes on from there.</summary>
    public void Loaded(long position)
    {
        if (_loaded.TrySetResult(position))
        {
            Interlocked.Exchange(ref _position, position);
        }
    }

    /// <summary>A hint that the feed has new rows.</summary>
    public void Poke() => _wake.Writer.TryWrite(true);

    /// <summary>
    /// Waits until the change numbered <paramref name="sequence"/> has been applied here, at most the configured time.
    /// Returns at once when the worker is not running (start-up, the demo content, a stopped worker): the snapshot that
    /// start-up loads, or the worker when it starts, picks the change up.
    /// </summary>
    public async Task WaitUntilAppliedAsync(long sequence, CancellationToken ct = default)
    {
        TaskCompletionSource done;
        lock (_lock)
        {
            if (!_running || IsApplied(sequence))
            {
                return;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((sequence, done));
        }

        Poke();
        try
        {
            await done.Task.WaitAsync(TimeSpan.FromSeconds(options.Value.VisibleWithinSeconds), ct);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Change {Sequence} was not visible within {Seconds} s; the command returns anyway", sequence, options.Value.VisibleWithinSeconds);
        }
        finally
        {
            lock (_lock)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }
        }
    }

    private bool IsApplied(long sequence) => sequence <= _position && !_gaps.ContainsKey(sequence);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _loaded.Task.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_lock)
        {
            _running = true;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    while (await ReadAndApplyAsync(stoppingToken))
                    {
                    }

                    await RetryDueAsync(stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    logger.LogError(error, "Reading the change feed failed; will try again");
                }

                await SleepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            lock (_lock)
            {
                _running = false;
                foreach (var (_, done) in _waiters)
                {
                    done.TrySetResult();
                }

                _waiters.Clear();
            }
        }
    }

    private async Task SleepAsync(CancellationToken ct)
    {
        var pause = TimeSpan.FromSeconds(options.Value.PollSeconds);
        lock (_lock)
        {
            if (_retries.Count > 0)
            {
                var next = _retries.Min(r => r.DueUtc) - DateTime.UtcNow;
                pause = next < pause ? (next < TimeSpan.Zero ? TimeSpan.Zero : next) : pause;
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(pause);
        try
        {
            await _wake.Reader.WaitToReadAsync(timeout.Token);
            _wake.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Reads one batch after the position (and the gaps) and applies it. True when there may be more.</summary>
    private async Task<bool> ReadAndApplyAsync(CancellationToken ct)
    {
        var position = Position;
        List<long> gaps;
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            foreach (var expired in _gaps.Where(g => now - g.Value > GapPatience).Select(g => g.Key).ToList())
            {
                _gaps.Remove(expired);
            }

            gaps = [.. _gaps.Keys];
        }

        List<PublishedChangeEntity> rows;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
            rows = await db.PublishedChanges.AsNoTracking()
                .Where(c => c.Id > position || gaps.Contains(c.Id))
                .OrderBy(c => c.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
        }

        if (rows.Count == 0)
        {
            return false;
        }

        var changes = rows.Select(PublishedChange.From).ToList();
        foreach (var subscriber in _subscribers)
        {
            await ApplyOrQueueAsync(subscriber, changes, attempt: 0, ct);
        }

        metrics.ChangesApplied(changes.Select(c => c.Utc), DateTime.UtcNow);

        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var next = position + 1;
            foreach (var row in rows)
            {
                _gaps.Remove(row.Id);
                if (row.Id <= position)
                {
                    continue;
                }

                for (; next < row.Id && _gaps.Count < 10_000; next++)
                {
                    _gaps.TryAdd(next, now);
                }

                next = row.Id + 1;
            }

            Interlocked.Exchange(ref _position, Math.Max(position, rows[^1].Id));
            foreach (var waiter in _waiters.Where(w => IsApplied(w.Sequence)).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return rows.Count == BatchSize;
    }

    private async Task ApplyOrQueueAsync(IPublishedChangeSubscriber subscriber, IReadOnlyList<PublishedChange> changes, int attempt, CancellationToken ct)
    {
        try
        {
            await subscriber.ApplyAsync(changes, ct);
            if (attempt > 0)
            {
                logger.LogInformation("{Subscriber} applied changes {First}-{Last} on attempt {Attempt}", subscriber.GetType().Name,
                    changes[0].Sequence, changes[^1].Sequence, attempt + 1);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var pause = TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, Math.Pow(2, attempt)));
            logger.LogError(error, "{Subscriber} failed to apply changes {First}-{Last} (attempt {Attempt}); trying again in {Pause} s",
                subscriber.GetType().Name, changes[0].Sequence, changes[^1].Sequence, attempt + 1, pause.TotalSeconds);
            lock (_lock)
            {
                _retries.Add(new Retry(subscriber, changes, attempt + 1, DateTime.UtcNow + pause));
            }
        }
    }

    private async Task RetryDueAsync(CancellationToken ct)
    {
        List<Retry> due;
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            due = _retries.Where(r => r.DueUtc <= now).ToList();
            _retries.RemoveAll(due.Contains);
        }

        foreach (var retry in due)
        {
            await ApplyOrQueueAsync(retry.Subscriber, retry.Changes, retry.Attempt, ct);
        }
    }

    private sealed record Retry(IPublishedChangeSubscriber Subscriber, IReadOnlyList<PublishedChange> Changes, int Attempt, DateTime DueUtc);
}
