using MayorsClub.Core.Setup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MayorsClub.Core.Publishing;

/// <summary>Publishes and unpublishes what editors scheduled, checking every few seconds.</summary>
public sealed class ScheduledPublishingJob(
    IServiceScopeFactory scopes, SiteReadiness readiness, IOptions<MayorsClubOptions> options, ILogger<ScheduledPublishingJob> logger)
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
