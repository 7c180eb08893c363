using Npgsql;

namespace MayorsClub.Tests.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// A new, empty database for one test site: a SQLite file in a temporary folder, or a fresh database
/// in the PostgreSQL cluster that scripts/test.sh starts (named by MAYORSCLUB_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "MAYORSCLUB_TEST_POSTGRES";

    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string dataPath, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataPath = dataPath;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The site's data folder (SQLite file, logs of the test site…), deleted afterwards.</summary>
    public string DataPath { get; }

    public string ProviderSetting => Provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "Sqlite";

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "mayorsclub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, $"Data Source={Path.Combine(dataPath, "site.db")}", dataPath, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: run scripts/test.sh (it starts a throwaway cluster) or set {PostgresVariable} to a connection string of a user who may create databases.");
        }

        var name = "mc_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, dataPath, admin, name);
    }

    /// <summary>
    /// The same database for another node: its own new data folder, the same connection string. Disposing it deletes only
    /// that folder; the database goes with the first node's.
    /// </summary>
    public TestDatabase ForAnotherNode()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "mayorsclub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        return new TestDatabase(Provider, ConnectionString, dataPath, null, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean from the temp folder.
        }
    }
}
