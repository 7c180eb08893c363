using System.Security.Cryptography;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MayorsClub.Core.Setup;

/// <summary>
/// Gets the site ready after the server starts listening (so /healthz can say 503 meanwhile):
/// applies migrations, creates the first administrator and the demo content on a new database,
/// and loads the published snapshot.
/// </summary>
public sealed class SiteInitializer(
    IServiceScopeFactory scopes,
    PublishedSnapshotService snapshots,
    SiteReadiness readiness,
    SitePaths paths,
    IOptions<MayorsClubOptions> options,
    ILogger<SiteInitializer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            Directory.CreateDirectory(paths.Data);
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
                await db.Database.MigrateAsync(stoppingToken);
                await EnsureAdministratorAsync(scope.ServiceProvider);
                if (options.Value.DemoContent && !await db.Documents.AnyAsync(stoppingToken))
                {
                    await scope.ServiceProvider.GetRequiredService<DemoContentSeeder>().SeedAsync(paths.DemoContent, stoppingToken);
                }
            }

            await snapshots.RebuildAsync(stoppingToken);
            readiness.MarkReady();
            logger.LogInformation("Site ready");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogCritical(error, "The site could not start");
            readiness.MarkFailed(error);
        }
    }

    private async Task EnsureAdministratorAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var group in BackOfficeGroups.All)
        {
            if (!await roles.RoleExistsAsync(group))
            {
                await roles.CreateAsync(new IdentityRole(group));
            }
        }

        var users = services.GetRequiredService<UserManager<BackOfficeUser>>();
        if (users.Users.Any())
        {
            return;
        }

        var admin = options.Value.Admin;
        var password = string.IsNullOrEmpty(admin.Password) ? GeneratePassword() : admin.Password;
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
            Console.WriteLine("  Back-office administrator created (shown only this once):");
            Console.WriteLine($"    e-mail:   {admin.Email}");
            Console.WriteLine($"    password: {password}");
            Console.WriteLine();
        }
    }

    private static string GeneratePassword()
    {
        const string letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 18).Select(_ => letters[RandomNumberGenerator.GetInt32(letters.Length)]);
        return string.Concat(chars) + "-9a";
    }
}
