using MayorsClub.Core.Cluster;
using MayorsClub.Core.Setup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MayorsClub.Core.Publishing;

/// <summary>
/// Publishes and unpublishes what editors scheduled, checking every few seconds, on one node of the cluster at a time
/// (a node that finds another doing it skips the pass and tries again on its next tick).
/// </summary>
public sealed class ScheduledPublishingJob(
    IServiceScopeFactory scopes, SiteReadiness readiness, ClusterLock cluster, IOptions<MayorsClubOptions> options,
    ILogger<ScheduledPublishingJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WhenReady.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            return; // start-up failed; nothing to schedule
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.Scheduling.IntervalSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var turn = await cluster.TryAcquireAsync(ClusterJob.ScheduledPublishing, stoppingToken);
                if (turn is null)
                {
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                var done = await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().RunDueSchedulesAsync(stoppingToken);
                if (done > 0)
                {
                    logger.LogInformation("Scheduled publishing: {Count} changes", done);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Scheduled publishing failed; will try again");
            }
        }
    }
}
