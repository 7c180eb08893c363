using System.Xml.Linq;
using MayorsClub.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
    /// Data-protection keys in the database's DataProtectionKeys table, shared by every node. The key ring is read
    /// only once the database is up to date (its tables made, an older site's key files imported). The framework reads
    /// it as the host starts, before the server listens, so the server listens once that is done; the rest of start-up
    /// (demo content, snapshot) still happens behind /healthz's 503.
    /// </summary>
    public static IDataProtectionBuilder PersistKeysToSiteDatabase(this IDataProtectionBuilder builder)
    {
        builder.Services.AddMayorsClubKeys();
        builder.PersistKeysToDbContext<MayorsClubDbContext>();
        builder.Services.AddOptions<KeyManagementOptions>().Configure<DatabaseSchema>((options, schema) =>
            options.XmlRepository = new OnceTheSchemaIsCurrent(options.XmlRepository!, schema));
        return builder;
    }

    private sealed class OnceTheSchemaIsCurrent(IXmlRepository keys, DatabaseSchema schema) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            schema.EnsureCurrentAsync().GetAwaiter().GetResult();
            return keys.GetAllElements();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            schema.EnsureCurrentAsync().GetAwaiter().GetResult();
            keys.StoreElement(element, friendlyName);
        }
    }
}
