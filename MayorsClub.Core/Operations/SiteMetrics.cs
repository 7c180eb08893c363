using System.Diagnostics.Metrics;

namespace MayorsClub.Core.Operations;

/// <summary>
/// The site's own measurements (meter <see cref="MeterName"/>), read by OpenTelemetry and exposed for Prometheus. Each
/// feature records through this one class, so the names and units live in one place. A singleton per process.
/// </summary>
public sealed class SiteMetrics : IDisposable
{
    public const string MeterName = "MayorsClub";

    private readonly Meter _meter;
    private readonly Counter<long> _pageCacheLookups;
    private readonly Histogram<double> _publishToVisible;
    private readonly Histogram<double> _searchDuration;
    private readonly Counter<long> _imageVariantRequests;

    public SiteMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _pageCacheLookups = _meter.CreateCounter<long>("mayorsclub.page_cache.lookups", "{lookup}",
            "Public page requests the page cache could answer, by result (hit or miss).");
        _publishToVisible = _meter.CreateHistogram<double>("mayorsclub.changes.publish_to_visible", "s",
            "Time from a change's commit (its row in the change feed) to its being applied in this process.");
        _searchDuration = _meter.CreateHistogram<double>("mayorsclub.search.duration", "s", "Time to answer one search query.");
        _imageVariantRequests = _meter.CreateCounter<long>("mayorsclub.image_variants.requests", "{request}",
            "Resized-image requests, by result (hit: answered from the cache, miss: processed).");
    }

    public Meter Meter => _meter;

    public void PageCacheLookup(bool hit) => _pageCacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    /// <summary>Called by the change feed worker once a batch is applied: one measurement per change, from its commit time.</summary>
    public void ChangesApplied(IEnumerable<DateTime> committedUtc, DateTime nowUtc)
    {
        foreach (var utc in committedUtc)
        {
            _publishToVisible.Record(Math.Max(0, (nowUtc - utc).TotalSeconds));
        }
    }

    public void SearchAnswered(TimeSpan duration) => _searchDuration.Record(duration.TotalSeconds);

    public void ImageVariant(bool cacheHit) => _imageVariantRequests.Add(1, new KeyValuePair<string, object?>("result", cacheHit ? "hit" : "miss"));

    /// <summary>
    /// The two gauges read from the database (feed lag: the database's last change number minus this process's position;
    /// outbox backlog: e-mails not sent yet); the callbacks answer from a cached sample (<see cref="OperationsSampler"/>),
    /// null when there is none yet. Called once, by that sampler.
    /// </summary>
    public void ObserveBacklogs(Func<long?> feedLag, Func<long?> outboxBacklog)
    {
        _meter.CreateObservableGauge("mayorsclub.changes.feed_lag", () => Measure(feedLag), "{change}",
            "Changes committed to the database's change feed that this process has not applied yet.");
        _meter.CreateObservableGauge("mayorsclub.email.outbox_backlog", () => Measure(outboxBacklog), "{message}",
            "E-mails in the outbox not sent yet (waiting or retrying; those given up on are not counted).");
    }

    private static IEnumerable<Measurement<long>> Measure(Func<long?> read) => read() is { } value ? [new Measurement<long>(value)] : [];

    public void Dispose() => _meter.Dispose();
}
