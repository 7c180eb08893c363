using MayorsClub.Core.Cluster;
using MayorsClub.Core.Media;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Core.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MayorsClub.Core.Setup;

/// <summary>
/// Gets the site ready after the server starts listening (so /healthz can say 503 meanwhile):
/// applies migrations, creates the first administrator and the demo content on a new database,
/// and loads the published snapshot. Nodes starting together on one PostgreSQL database take turns for the first part
/// (an advisory lock), so only the first migrates and seeds.
/// </summary>
public sealed class SiteInitializer(
    IServiceScopeFactory scopes,
    PublishedSnapshotService snapshots,
    Changes.ChangeFeedWorker changes,
    SiteReadiness readiness,
    SitePaths paths,
    DatabaseSchema schema,
    Keys.SiteKeys keys,
    MediaStorage media,
    ClusterLock cluster,
    IClock clock,
    IOptions<MayorsClubOptions> options,
    ILogger<SiteInitializer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            Directory.CreateDirectory(paths.Data);
            await schema.EnsureCurrentAsync(stoppingToken);
            keys.LoadAll();
            var migrated = started.ElapsedMilliseconds;
            var turn = await cluster.AcquireAsync(ClusterJob.Startup, stoppingToken);
            Task administrator;
            try
            {
                // The administrator is independent of the content, so it is made while the demo content and the snapshot load.
                administrator = EnsureAdministratorAsync(stoppingToken);
                await SeedDemoContentAsync(stoppingToken);
            }
            catch
            {
                await turn.DisposeAsync();
                throw;
            }

            // The turn ends when the administrator exists too; the snapshot meanwhile loads.
            administrator = ReleaseAfterAsync(administrator, turn);
            var seeded = started.ElapsedMilliseconds;

            // The feed's position first: a change committed while the snapshot loads is applied again after it (harmless).
            long position;
            await using (var scope = scopes.CreateAsyncScope())
            {
                position = await Changes.ChangeFeedWorker.LastSequenceAsync(scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>(), stoppingToken);
            }

            await snapshots.RebuildAsync(stoppingToken);
            changes.Loaded(position);
            await administrator;
            readiness.MarkReady();
            var memory = GC.GetGCMemoryInfo();
            logger.LogInformation("Site ready {Uptime} ms after the process started (database {Migrated} ms, first data {Seeded} ms, snapshot {Snapshot} ms); managed heap {Heap} MB, committed {Committed} MB",
                (long)(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds,
                migrated, seeded - migrated, started.ElapsedMilliseconds - seeded, memory.HeapSizeBytes >> 20, memory.TotalCommittedBytes >> 20);

            if (media.RemoveAbandonedUploads(clock.GetCurrentInstant().ToDateTimeUtc()) is > 0 and var removed)
            {
                logger.LogInformation("Removed {Count} unfinished uploads left by an earlier run", removed);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogCritical(error, "The site could not start");
            readiness.MarkFailed(error);
        }
    }

    private static async Task ReleaseAfterAsync(Task work, ClusterLock.Held turn)
    {
        try
        {
            await work;
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }

    private async Task SeedDemoContentAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        if (options.Value.DemoContent && !await db.Documents.AnyAsync(ct))
        {
            await scope.ServiceProvider.GetRequiredService<DemoContentSeeder>().SeedAsync(paths.DemoContent, ct);
        }
    }

    private async Task EnsureAdministratorAsync(CancellationToken ct)
    {
        await Task.Yield(); // let the demo content start alongside
        ct.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var roles = services.GetRequiredService<RoleManager<BackOfficeRole>>();
        foreach (var group in BackOfficeGroups.All)
        {
            if (!await roles.RoleExistsAsync(group))
            {
                await roles.CreateAsync(new BackOfficeRole(group));
            }
        }

        var users = services.GetRequiredService<UserManager<BackOfficeUser>>();
        if (!users.Users.Any())
        {
            await CreateFirstAdministratorAsync(users);
        }

        await services.GetRequiredService<AdministratorAccess>().LogSignInHintAsync(ct);
    }

    private async Task CreateFirstAdministratorAsync(UserManager<BackOfficeUser> users)
    {
        var admin = options.Value.Admin;
        var password = string.IsNullOrEmpty(admin.Password) ? AdministratorAccess.GeneratePassword() : admin.Password;
        var user = new BackOfficeUser
        {
            UserName = admin.Email, Email = admin.Email, EmailConfirmed = true, DisplayName = "Administrator", CreatedUtc = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The first administrator could not be created: " +
                string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, BackOfficeGroups.Administrators);
        logger.LogInformation("First administrator {Email} created", admin.Email);
        if (string.IsNullOrEmpty(admin.Password))
        {
            // Straight to the console, never to the log files: shown once, on the first start only.
            Console.WriteLine();
            Console.WriteLine("  Back-office administrator created (the password is shown only this once;");
            Console.WriteLine($"  to set a new one: dotnet run --project MayorsClub.Web -- {AdministratorAccess.ResetCommand}):");
            Console.WriteLine($"    e-mail:   {admin.Email}");
            Console.WriteLine($"    password: {password}");
            Console.WriteLine();
        }
    }
}
