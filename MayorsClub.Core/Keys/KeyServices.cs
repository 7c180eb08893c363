using MayorsClub.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MayorsClub.Core.Keys;

public static class KeyServices
{
    /// <summary>The shared secrets in the database (SiteKeys) and the one-time import of the files older sites kept them in.</summary>
    public static IServiceCollection AddMayorsClubKeys(this IServiceCollection services)
    {
        services.TryAddSingleton<DataProtectionKeyImport>();
        services.TryAddSingleton<SiteKeyMaker>();
        services.TryAddSingleton<DatabaseSchema>();
        services.TryAddSingleton<SiteKeys>();
        return services;
    }

    /// <summary>
    /// Data-protection keys in the database's DataProtectionKeys table, shared by every node. The framework's hosted
    /// service that reads the key ring as the host starts is taken out: it would read before the migrations made the
    /// table (and, on an upgrade, before the old keys were imported); the ring is read on the first request instead,
    /// and requests wait for start-up to finish.
    /// </summary>
    public static IDataProtectionBuilder PersistKeysToSiteDatabase(this IDataProtectionBuilder builder)
    {
        builder.Services.AddMayorsClubKeys();
        builder.PersistKeysToDbContext<MayorsClubDbContext>();
        var eager = builder.Services.Where(s => s.ServiceType == typeof(IHostedService)
            && s.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList();
        foreach (var descriptor in eager)
        {
            builder.Services.Remove(descriptor);
        }

        return builder;
    }
}
