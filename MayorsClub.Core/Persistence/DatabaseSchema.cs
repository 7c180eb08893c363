using MayorsClub.Core.Cluster;
using MayorsClub.Core.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Persistence;

/// <summary>
/// Brings the database up to date once per process: migrations, SQLite's write-ahead log, the keys a single-node site
/// kept in files, and the site's keys (made on the first start). Start-up waits for it, and so does anything that reads keys from the database earlier (options
/// set up while the server starts), so no key is read from or written to a table that does not exist yet. One node
/// of a cluster at a time.
/// </summary>
public sealed class DatabaseSchema(IServiceScopeFactory scopes, DataProtectionKeyImport keyImport, SiteKeyMaker keyMaker, ClusterLock cluster)
{
    private readonly Lock _lock = new();
    private Task? _current;

    public bool IsCurrent => _current is { IsCompletedSuccessfully: true };

    public Task EnsureCurrentAsync(CancellationToken ct = default)
    {
        lock (_lock)
        {
            // A failed attempt (database down) is tried again by the next caller.
            if (_current is null || _current.IsFaulted || _current.IsCanceled)
            {
                _current = Task.Run(MigrateAsync, CancellationToken.None);
            }

            return _current.WaitAsync(ct);
        }
    }

    private async Task MigrateAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        if (cluster.IsShared)
        {
            await CreateDatabaseIfMissingAsync(db);
        }

        // Nodes starting together on a new database take turns: one migrates and makes the keys, the others find it done.
        await using var turn = await cluster.AcquireAsync(ClusterJob.Startup, CancellationToken.None);
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers never wait for a writer, and a commit costs one sync, not three.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await keyImport.ImportOnceAsync(db);
        await keyMaker.EnsureAsync(db);
    }

    /// <summary>
    /// PostgreSQL: the cluster's lock is taken in the site's database, so a first start makes the database before it
    /// (as migrating would); two nodes making it at once is harmless, one of them finds it made.
    /// </summary>
    private static async Task CreateDatabaseIfMissingAsync(MayorsClubDbContext db)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync())
        {
            return;
        }

        try
        {
            await creator.CreateAsync();
        }
        catch (Npgsql.PostgresException error) when (error.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }
}
