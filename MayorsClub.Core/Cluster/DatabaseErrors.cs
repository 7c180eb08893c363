using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MayorsClub.Core.Cluster;

/// <summary>Tells a database that could not be reached from a statement the database refused.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// Whether an exception (or one it wraps: EF Core's <c>DbUpdateException</c> and <c>InvalidOperationException</c>,
    /// Identity's) says the database could not be reached, rather than that the request or the code was wrong.
    /// </summary>
    public static bool IsUnreachable(Exception? error)
    {
        for (var depth = 0; error is not null && depth < 10; error = error.InnerException, depth++)
        {
            switch (error)
            {
                // The server ended or refused the session: admin shutdown (57P01), crash shutdown (57P02), cannot connect
                // now (57P03), too many connections (53300), a connection failure (08…), a database not accepting
                // connections (FATAL 55000) and any other FATAL.
                case PostgresException postgres when postgres.InvariantSeverity is "FATAL" or "PANIC"
                    || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300" || postgres.SqlState.StartsWith("08", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false; // the statement was refused: the request's or the code's fault, not an outage
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SocketException:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6: // SQLITE_BUSY, SQLITE_LOCKED (after the busy timeout)
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsUnreachable);
            }
        }

        return false;
    }

    /// <summary>
    /// After an outage the pooled connections are dead sessions that would each fail once more: the pools are emptied, so
    /// the first request after the database's return opens a new one.
    /// </summary>
    public static void ForgetPooledConnections(Exception error)
    {
        for (Exception? cause = error; cause is not null; cause = cause.InnerException)
        {
            if (cause is NpgsqlException)
            {
                NpgsqlConnection.ClearAllPools();
                return;
            }
        }
    }
}
