using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Setup;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MayorsClub.Core.Backup;

/// <summary>
/// A backup of an SQLite site while it serves: SQLite's online backup of the database (a consistent copy, keys and all)
/// and then the media folder, in one zip laid out like the data folder (<c>mayorsclub.sqlite.db</c>, <c>media/…</c>,
/// <c>manifest.json</c>), so a restore is unzipping it into a new data folder. The database is copied first: a file
/// uploaded meanwhile is in the zip without its row (harmless), never the other way round. On PostgreSQL the
/// database is backed up with pg_dump instead (README, "Backup and restore").
/// </summary>
public sealed class SiteBackup(IServiceScopeFactory scopes, SitePaths paths, IClock clock)
{
    public const string DatabaseEntry = "mayorsclub.sqlite.db";
    public const string MediaFolder = "media/";
    public const string ManifestEntry = "manifest.json";
    public const string AuditAction = "back up the site";

    public sealed record Manifest(int Format, string Version, DateTime CreatedUtc, string Provider, string Database, int MediaFiles);

    /// <summary>Whether this site can make its own backup (SQLite); PostgreSQL sites use pg_dump.</summary>
    public bool IsAvailable
    {
        get
        {
            using var scope = scopes.CreateScope();
            return scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>().Database.IsSqlite();
        }
    }

    /// <summary>Writes the backup to <paramref name="zipPath"/> (a new file: an existing one is not overwritten) and records who made it in the audit log.</summary>
    public async Task<Manifest> WriteAsync(string zipPath, string actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        if (!db.Database.IsSqlite())
        {
            throw new InvalidOperationException("The site's own backup is for SQLite; on PostgreSQL use pg_dump (README, \"Backup and restore\").");
        }

        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        var copy = Path.Combine(Path.GetTempPath(), $"mayorsclub-backup-{Guid.NewGuid():N}.db");
        try
        {
            using (var source = new SqliteConnection(db.Database.GetConnectionString()))
            using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
            {
                await source.OpenAsync(ct);
                await target.OpenAsync(ct);
                source.BackupDatabase(target);
            }

            var mediaFiles = 0;
            Manifest manifest;
            using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(copy, DatabaseEntry, CompressionLevel.Optimal);
                if (Directory.Exists(paths.Media))
                {
                    var incoming = Path.Combine(paths.Media, ".incoming") + Path.DirectorySeparatorChar;
                    foreach (var media in Directory.EnumerateFiles(paths.Media, "*", SearchOption.AllDirectories))
                    {
                        ct.ThrowIfCancellationRequested();
                        if (media.StartsWith(incoming, StringComparison.Ordinal))
                        {
                            continue; // uploads still being received
                        }

                        // Images, videos and documents are compressed already: stored as they are, quickly.
                        var name = MediaFolder + Path.GetRelativePath(paths.Media, media).Replace(Path.DirectorySeparatorChar, '/');
                        zip.CreateEntryFromFile(media, name, CompressionLevel.NoCompression);
                        mediaFiles++;
                    }
                }

                manifest = new Manifest(1, Version, now, DatabaseOptions.Sqlite, DatabaseEntry, mediaFiles);
                using var entry = zip.CreateEntry(ManifestEntry).Open();
                JsonSerializer.Serialize(entry, manifest, ManifestJson);
            }

            db.AuditEntries.Add(new AuditEntryEntity
            {
                Utc = now, User = actor, Action = AuditAction, Details = $"{mediaFiles} media files, {new FileInfo(copy).Length >> 10} KB database",
            });
            await db.SaveChangesAsync(ct);
            return manifest;
        }
        finally
        {
            File.Delete(copy);
        }
    }

    public static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static string Version =>
        typeof(SiteBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
