using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace MayorsClub.Core.Setup;

public static class CoreServices
{
    /// <summary>
    /// The ground every feature stands on: options, the data folder, the database, the clock, and start-up (migrations,
    /// the first administrator, the demo content, loading the published snapshot, readiness). The features register
    /// themselves with their own Add… methods, which Program.cs lists.
    /// </summary>
    public static IServiceCollection AddMayorsClubCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<MayorsClubOptions>().BindConfiguration(MayorsClubOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(MayorsClubOptions.Section).Get<MayorsClubOptions>() ?? new MayorsClubOptions();
        var paths = SitePaths.FromConfiguration(configuration, contentRoot);
        services.AddSingleton(paths);
        services.AddMayorsClubDatabase(configuration, options, paths);
        Keys.KeyServices.AddMayorsClubKeys(services);
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddScoped<DemoContentSeeder>();
        services.AddScoped<AdministratorAccess>();
        services.AddSingleton<SiteReadiness>();
        services.AddMetrics();
        services.AddSingleton<Operations.SiteMetrics>();
        services.AddHostedService<SiteInitializer>();
        return services;
    }

    private static void AddMayorsClubDatabase(this IServiceCollection services, IConfiguration configuration, MayorsClubOptions options, SitePaths paths)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (string.Equals(options.Database.Provider, DatabaseOptions.PostgreSql, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("MayorsClub:Database:Provider is PostgreSQL: set ConnectionStrings:Default.");
            }

            services.AddDbContext<MayorsClubDbContext, PostgreSqlMayorsClubDbContext>((sp, db) => db.UsePostgreSql(connectionString).StrictOutsideProduction(sp));
            services.AddSingleton(new WriteGate(serialize: false));
        }
        else
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString)
                ? $"Data Source={Path.Combine(paths.Data, "mayorsclub.sqlite.db")}"
                : connectionString;
            services.AddDbContext<MayorsClubDbContext, SqliteMayorsClubDbContext>((sp, db) => db.UseSqliteDatabase(connectionString).StrictOutsideProduction(sp));
            services.AddSingleton(new WriteGate(serialize: true));
        }
    }

    /// <summary>
    /// In Development and tests a paged query without an order (unstable pages) fails instead of warning;
    /// in production it stays a logged warning rather than a broken page.
    /// </summary>
    private static DbContextOptionsBuilder StrictOutsideProduction(this DbContextOptionsBuilder builder, IServiceProvider services) =>
        services.GetService<IHostEnvironment>() is { } environment && !environment.IsProduction()
            ? builder.ConfigureWarnings(MayorsClubDbContext.ThrowOnUnorderedPaging)
            : builder;

    public static DbContextOptionsBuilder UsePostgreSql(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"));

    public static DbContextOptionsBuilder UseSqliteDatabase(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString).AddInterceptors(SqliteBusyTimeout.Instance);
}

/// <summary>
/// SQLite lets one writer in at a time. Left to itself, Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms
/// and trying again, so under concurrent writes (form submissions, the e-mail dispatcher) each waiting writer loses whole
/// 150 ms steps. SQLite's own busy handler waits in steps of a few milliseconds: every connection turns it on as it opens.
/// </summary>
internal sealed class SqliteBusyTimeout : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
