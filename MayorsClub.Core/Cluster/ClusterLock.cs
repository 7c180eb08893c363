using Microsoft.Extensions.Logging;
using Npgsql;

namespace MayorsClub.Core.Cluster;

/// <summary>
/// The jobs that run on one node of the cluster at a time, each with its fixed PostgreSQL advisory lock key (the numbers
/// are part of the contract between nodes of different versions: never reuse or renumber one).
/// </summary>
public enum ClusterJob : long
{
    /// <summary>Start-up's migrations, first administrator and demo content (two nodes starting on a new database).</summary>
    Startup = 0x4D43_0001,
    ScheduledPublishing = 0x4D43_0002,
    EmailOutbox = 0x4D43_0003,
    ApplicationRetention = 0x4D43_0004,

    /// <summary>A full rebuild of a node's own search index: nodes take turns rather than all rebuilding at once.</summary>
    SearchIndexRebuild = 0x4D43_0005,
}

/// <summary>
/// Runs a job on one node of the cluster at a time. On PostgreSQL a session-level advisory lock is taken on a connection
/// of its own, held for the pass and released when the holder is disposed; if the node dies, PostgreSQL ends its session
/// and the lock with it, so another node takes the job on its next tick. On SQLite (one process) it always succeeds
/// without a database call.
/// </summary>
public sealed class ClusterLock
{
    public const string ApplicationName = "mayorsclub-lock";

    private readonly string? _connectionString;
    private readonly ILogger<ClusterLock> _logger;

    /// <param name="connectionString">The PostgreSQL connection string; null on SQLite (a single process).</param>
    public ClusterLock(string? connectionString, ILogger<ClusterLock> logger)
    {
        _logger = logger;
        if (connectionString is not null)
        {
            // Its own session, never a pooled one: closing it must end the session, and the locks with it.
            _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
            {
                ApplicationName = ApplicationName,
                Pooling = false,
                KeepAlive = 10,
                TcpKeepAlive = true,
                CommandTimeout = 10, // trying, releasing: a database that does not answer must not hold the job forever
            }.ConnectionString;
        }
    }

    /// <summary>Whether the lock is shared by several processes (PostgreSQL), or only this one (SQLite).</summary>
    public bool IsShared => _connectionString is not null;

    /// <summary>Takes the job's lock if no other node holds it; null when one does (skip the pass, try next tick).</summary>
    public async Task<Held?> TryAcquireAsync(ClusterJob job, CancellationToken ct)
    {
        var held = await LockAsync(job, wait: false, ct);
        if (held is null)
        {
            _logger.LogDebug("{Job} is running on another node; this one skips the pass", job);
        }

        return held;
    }

    /// <summary>Takes the job's lock, waiting while another node holds it.</summary>
    public async Task<Held> AcquireAsync(ClusterJob job, CancellationToken ct) => (await LockAsync(job, wait: true, ct))!;

    private async Task<Held?> LockAsync(ClusterJob job, bool wait, CancellationToken ct)
    {
        if (_connectionString is null)
        {
            return Held.Local;
        }

        var connection = await OpenAsync(ct);
        try
        {
            // Waiting for one's turn has no time limit; trying does (the connection's command timeout).
            await using var command = wait
                ? new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 }
                : new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", (long)job);
            if (await command.ExecuteScalarAsync(ct) is true || wait)
            {
                return new Held(job, connection, _logger);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A held lock; disposing it releases the lock (closing its session releases it in any case).</summary>
    public sealed class Held : IAsyncDisposable
    {
        internal static readonly Held Local = new(null, null, null);

        private readonly ClusterJob? _job;
        private readonly ILogger? _logger;
        private NpgsqlConnection? _connection;

        internal Held(ClusterJob? job, NpgsqlConnection? connection, ILogger? logger)
        {
            _job = job;
            _connection = connection;
            _logger = logger;
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _connection, null) is not { } connection)
            {
                return;
            }

            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", (long)_job!.Value);
                await command.ExecuteNonQueryAsync();
            }
            catch (Exception error) when (error is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The session is gone (the database went away): the lock went with it.
                _logger?.LogDebug(error, "Releasing the lock of {Job} failed; closing its session releases it", _job);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
