using MayorsClub.Core.Operations;
using MayorsClub.Core.Search;
using MayorsClub.Core.Setup;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.Operations;

/// <summary>
/// The database answered the operations sampler's last read (every "SampleSeconds"): a probe of /healthz/ready, which
/// anyone may send, costs no query. Degraded, not unhealthy, when it did not (see <see cref="OperationsSetup"/>).
/// </summary>
internal sealed class DatabaseCheck(OperationsSampler sampler) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(sampler.DatabaseUnreachable switch
        {
            true => new HealthCheckResult(context.Registration.FailureStatus, "The database did not answer the last read."),
            false => HealthCheckResult.Healthy("The database answered the last read."),
            null => HealthCheckResult.Healthy("The database has not been read yet."),
        });
}

/// <summary>The published snapshot is loaded (start-up is done).</summary>
internal sealed class SnapshotCheck(SiteReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady ? HealthCheckResult.Healthy("The published snapshot is loaded.")
            : readiness.Failure is { } failure ? HealthCheckResult.Unhealthy("Start-up failed.", failure)
            : HealthCheckResult.Unhealthy("Starting: the snapshot is not loaded yet."));
}

/// <summary>
/// This node applies the change feed: unhealthy when a change that was in the database more than
/// "MayorsClub:Operations:FeedLagSeconds" ago is still not applied here (see <see cref="OperationsSampler.Feed"/>).
/// </summary>
internal sealed class FeedCheck(OperationsSampler sampler, IOptions<OperationsOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var feed = sampler.Feed();
        var data = new Dictionary<string, object>
        {
            ["position"] = feed.Position,
            ["databaseLast"] = feed.LastSequence ?? (object)"unknown",
            ["lag"] = feed.Lag ?? (object)"unknown",
            ["sampleAgeSeconds"] = feed.SampleAge is { } age ? Math.Round(age.TotalSeconds, 1) : "none",
        };
        return Task.FromResult(feed.Behind
            ? HealthCheckResult.Unhealthy($"{feed.Lag} change(s) behind the database for more than {options.Value.FeedLagSeconds} s.", data: data)
            : HealthCheckResult.Healthy(feed.LastSequence is null ? "No sample of the database's feed yet." : $"{feed.Lag} change(s) behind the database.", data));
    }
}

/// <summary>The search index can answer (false until its first build is done).</summary>
internal sealed class SearchIndexCheck(SearchIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!index.CanSearch ? HealthCheckResult.Unhealthy("The search index is being built.")
            : index.IsRebuilding ? HealthCheckResult.Healthy("The search index answers while it is rebuilt.")
            : HealthCheckResult.Healthy("The search index answers."));
}

/// <summary>Unhealthy from the moment the node begins to stop, so a load balancer moves away during the drain.</summary>
internal sealed class ShutdownCheck(ShutdownDrain drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsStopping ? HealthCheckResult.Unhealthy("The node is stopping.") : HealthCheckResult.Healthy("Running."));
}
