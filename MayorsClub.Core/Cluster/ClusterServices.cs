using MayorsClub.Core.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MayorsClub.Core.Cluster;

/// <summary>The PostgreSQL connection string the cluster's own sessions start from; null on SQLite (one process).</summary>
public sealed record ClusterConnection(string? ConnectionString);

public static class ClusterServices
{
    /// <summary>
    /// Several nodes on one PostgreSQL database: the listener that wakes the change feed worker when any node commits a
    /// change, and the advisory locks that run a job on one node at a time. On SQLite both are "this process".
    /// </summary>
    public static IServiceCollection AddMayorsClubCluster(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MayorsClubOptions.Section).Get<MayorsClubOptions>() ?? new MayorsClubOptions();
        var shared = string.Equals(options.Database.Provider, DatabaseOptions.PostgreSql, StringComparison.OrdinalIgnoreCase);
        var connection = new ClusterConnection(shared ? configuration.GetConnectionString("Default") : null);
        services.AddSingleton(connection);
        services.AddSingleton(sp => new ClusterLock(connection.ConnectionString, sp.GetRequiredService<ILogger<ClusterLock>>()));
        services.AddSingleton<ChangeNotificationListener>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeNotificationListener>());
        return services;
    }
}
