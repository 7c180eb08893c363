using MayorsClub.Core.Backup;
using MayorsClub.Core.Setup;

namespace MayorsClub.Web.Infrastructure;

/// <summary>
/// Commands an administrator runs instead of starting the site: <c>reset-admin-password [email]</c> prints a new
/// password; <c>backup &lt;file.zip&gt;</c> writes an SQLite site's backup (the site may keep serving meanwhile).
/// </summary>
public static class AdministratorCommands
{
    public const string BackupCommand = "backup";

    public static async Task<int> ResetPasswordAsync(IServiceProvider services, string? email)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AdministratorAccess>().MigrateAndResetPasswordAsync(email, CancellationToken.None);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(result.Message);
            return 1;
        }

        // Straight to the console, never to the log files, as on the first start.
        Console.WriteLine();
        Console.WriteLine($"  {result.Message}");
        Console.WriteLine($"    e-mail:   {result.Email}");
        Console.WriteLine($"    password: {result.Password}");
        Console.WriteLine();
        return 0;
    }

    /// <returns>0 when written; 2 for a wrong use (no file named, the file exists, a PostgreSQL site).</returns>
    public static async Task<int> BackupAsync(IServiceProvider services, string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            await Console.Error.WriteLineAsync($"Usage: dotnet MayorsClub.Web.dll {BackupCommand} <file.zip>");
            return 2;
        }

        var path = Path.GetFullPath(file);
        if (File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"{path} exists already; name a new file.");
            return 2;
        }

        var backup = services.GetRequiredService<SiteBackup>();
        if (!backup.IsAvailable)
        {
            await Console.Error.WriteLineAsync("This site's database is PostgreSQL: back it up with pg_dump and copy the media folder (README, \"Backup and restore\").");
            return 2;
        }

        var manifest = await backup.WriteAsync(path, "(command line)", CancellationToken.None);
        Console.WriteLine($"Backup written to {path}: the database and {manifest.MediaFiles} media files.");
        return 0;
    }
}
