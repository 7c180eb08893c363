using System.Diagnostics;
using MayorsClub.Core.Changes;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MayorsClub.Core.Operations;

/// <summary>
/// Reads, every few seconds ("MayorsClub:Operations:SampleSeconds"), the database's last change number and the number of
/// unsent e-mails, so that the gauges and the readiness check answer from memory: a scrape or a health probe costs no
/// query, and readiness says whether the database answered the last read. When the database cannot be read the last
/// sample stays (and ages).
/// </summary>
public sealed class OperationsSampler : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ChangeFeedWorker _feed;
    private readonly SiteReadiness _readiness;
    private readonly OperationsOptions _options;
    private readonly ILogger<OperationsSampler> _logger;
    private readonly Lock _lock = new();
    private readonly Queue<Sample> _samples = new();
    private long? _outboxBacklog;
    private bool _read;
    private bool _failing;

    public OperationsSampler(
        IServiceScopeFactory scopes, ChangeFeedWorker feed, SiteReadiness readiness, SiteMetrics metrics, IOptions<OperationsOptions> options,
        ILogger<OperationsSampler> logger)
    {
        _scopes = scopes;
        _feed = feed;
        _readiness = readiness;
        _options = options.Value;
        _logger = logger;
        metrics.ObserveBacklogs(() => Feed().Lag, () => OutboxBacklog);
    }

    /// <summary>Whether the last read of the database failed (null before the first read).</summary>
    public bool? DatabaseUnreachable
    {
        get
        {
            lock (_lock)
            {
                return _read ? _failing : null;
            }
        }
    }

    public long? OutboxBacklog
    {
        get
        {
            lock (_lock)
            {
                return _outboxBacklog;
            }
        }
    }

    /// <summary>
    /// This process's feed position against the database's last change number. Behind: a change that was already in the
    /// feed more than FeedLagSeconds ago is still not applied here (a moment's lag while changes arrive is not "behind").
    /// </summary>
    public FeedState Feed()
    {
        var position = _feed.Position;
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            if (_samples.Count == 0 || position < 0)
            {
                return new FeedState(position, null, null, null, Behind: false);
            }

            var newest = _samples.Last();
            var settled = _samples.LastOrDefault(s => Stopwatch.GetElapsedTime(s.Timestamp, now).TotalSeconds >= _options.FeedLagSeconds);
            var behind = settled is not null && position < settled.LastSequence;
            return new FeedState(position, newest.LastSequence, Math.Max(0, newest.LastSequence - position),
                Stopwatch.GetElapsedTime(newest.Timestamp, now), behind);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _readiness.WhenReady.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            return; // start-up failed: nothing to sample
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.SampleSeconds));
        do
        {
            await SampleAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SampleAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
            var last = await ChangeFeedWorker.LastSequenceAsync(db, timeout.Token);
            var backlog = await db.OutboxMessages.CountAsync(m => m.SentUtc == null && !m.GaveUp, timeout.Token);
            var now = Stopwatch.GetTimestamp();
            lock (_lock)
            {
                _samples.Enqueue(new Sample(last, now));
                // Keep the newest sample older than the tolerance, and every one after it.
                while (_samples.Count > 1 && Stopwatch.GetElapsedTime(_samples.ElementAt(1).Timestamp, now).TotalSeconds >= _options.FeedLagSeconds)
                {
                    _samples.Dequeue();
                }

                _outboxBacklog = backlog;
            }

            bool recovered;
            lock (_lock)
            {
                recovered = _failing;
                _read = true;
                _failing = false;
            }

            if (recovered)
            {
                _logger.LogInformation("Operations sampling reads the database again");
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            bool first;
            lock (_lock)
            {
                first = !_failing;
                _read = true;
                _failing = true;
            }

            if (first)
            {
                _logger.LogWarning(e, "Operations sampling cannot read the database; the gauges keep their last values");
            }
        }
    }

    private sealed record Sample(long LastSequence, long Timestamp);
}

/// <param name="Position">The last change applied in this process (-1 before the snapshot is loaded).</param>
/// <param name="LastSequence">The database's last change number at the newest sample (null before the first).</param>
/// <param name="Lag">How many changes this process is behind that sample.</param>
/// <param name="SampleAge">How old the newest sample is.</param>
/// <param name="Behind">A change older than the tolerance is not applied here.</param>
public sealed record FeedState(long Position, long? LastSequence, long? Lag, TimeSpan? SampleAge, bool Behind);

public static class OperationsServices
{
    /// <summary>The operations sampler ("MayorsClub:Operations"); the health checks, metrics and shutdown are in Web.</summary>
    public static IServiceCollection AddMayorsClubOperationsCore(this IServiceCollection services)
    {
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OperationsSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsSampler>());
        return services;
    }
}
