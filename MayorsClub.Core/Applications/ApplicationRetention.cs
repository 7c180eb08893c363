using MayorsClub.Core.Cluster;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MayorsClub.Core.Applications;

/// <summary>
/// Anonymises rejected and closed applications whose last change is older than the retention period in the
/// application settings (24 months by default): at start and every hour, and whenever <see cref="RunAsync"/> is called;
/// on one node of the cluster at a time (the hourly pass is skipped on a node that finds another running it).
/// Approved applications keep their data (the member account and the committee's record of the decision rely on it).
/// </summary>
public sealed class ApplicationRetention(
    IServiceScopeFactory scopes, SiteReadiness readiness, ClusterLock cluster, IClock clock, ILogger<ApplicationRetention> logger) : BackgroundService
{
    public const string Actor = "retention";
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Anonymises what is due (waiting while another node does); returns how many applications it anonymised.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var turn = await cluster.AcquireAsync(ClusterJob.ApplicationRetention, ct);
        return await RunHoldingLockAsync(ct);
    }

    private async Task<int> RunHoldingLockAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MayorsClubDbContext>();
        var review = services.GetRequiredService<ApplicationReview>();
        var months = (await services.GetRequiredService<ApplicationSettings>().GetAsync(ct)).RetentionMonths;
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        var cutoff = now.AddMonths(-months);
        var due = await db.Applications.Include(a => a.Notes)
            .Where(a => (a.Status == ApplicationStatus.Rejected || a.Status == ApplicationStatus.Closed) && a.AnonymisedUtc == null && a.UpdatedUtc < cutoff)
            .OrderBy(a => a.Id)
            .Take(500)
            .ToListAsync(ct);
        foreach (var application in due)
        {
            await review.AnonymiseAsync(application, now, Actor, ApplicationActions.Anonymise, ct);
            application.Version++; // the last change stays UpdatedUtc: when the decision was made
        }

        if (due.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Retention: {Count} rejected or closed applications older than {Months} months anonymised", due.Count, months);
        }

        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WhenReady.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var turn = await cluster.TryAcquireAsync(ClusterJob.ApplicationRetention, stoppingToken);
                if (turn is not null)
                {
                    await RunHoldingLockAsync(stoppingToken);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Application retention failed; will try again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
