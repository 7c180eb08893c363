using MayorsClub.Core.Changes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MayorsClub.Core.Cluster;

/// <summary>
/// On PostgreSQL, listens for the notifications the change feed's trigger sends at every commit that added rows to it
/// (from any node) and wakes this process's <see cref="ChangeFeedWorker"/>, which reads the feed from its own position.
/// A notification is only a hint: after every (re)connect the worker is woken to catch up on what was missed meanwhile,
/// and its periodic read stays the safety net. A dropped connection is opened again after a short, growing pause.
/// </summary>
public sealed class ChangeNotificationListener(ClusterConnection cluster, ChangeFeedWorker worker, ILogger<ChangeNotificationListener> logger)
    : BackgroundService
{
    public const string ApplicationName = "mayorsclub-listener";
    public const string Channel = "mayorsclub_changes";

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

    private volatile bool _listening;
    private int _processId;

    /// <summary>Whether the listening connection is open now (always false on SQLite).</summary>
    public bool Listening => _listening;

    /// <summary>The PostgreSQL backend process of the listening connection (0 when none): what <c>pg_stat_activity</c> shows.</summary>
    public int ProcessId => Volatile.Read(ref _processId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (cluster.ConnectionString is not { } connectionString)
        {
            return; // SQLite: one process, woken directly by the commands
        }

        var settings = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = ApplicationName,
            Pooling = false,
            KeepAlive = 5, // an idle connection whose server vanished is noticed within seconds
            TcpKeepAlive = true,
        }.ConnectionString;
        var pause = TimeSpan.Zero;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(settings);
                connection.Notification += (_, _) => worker.Poke();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Volatile.Write(ref _processId, connection.ProcessID);
                _listening = true;
                if (failures > 0)
                {
                    logger.LogInformation("Listening for changes again after {Failures} failed attempts", failures);
                }

                pause = TimeSpan.Zero;
                failures = 0;
                worker.Poke(); // whatever was committed while this node was not listening
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                _listening = false;
                failures++;
                pause = pause == TimeSpan.Zero ? FirstPause : TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, pause.Ticks * 2));
                if (failures == 1)
                {
                    logger.LogWarning(error, "The connection listening for changes failed; trying again (the feed is still read every few seconds)");
                }
                else
                {
                    logger.LogDebug(error, "Listening for changes: attempt {Attempt} failed; next in {Pause} ms", failures, pause.TotalMilliseconds);
                }
            }
            finally
            {
                _listening = false;
                Volatile.Write(ref _processId, 0);
            }

            try
            {
                await Task.Delay(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
