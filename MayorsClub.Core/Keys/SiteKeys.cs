using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MayorsClub.Core.Keys;

/// <summary>
/// The site's own secrets in the database (table SiteKeys), so every node signs and checks with the same ones: the first
/// node that needs a key inserts it, and a node that loses that race reads the winner's. A key a single-node site kept
/// in its data folder is brought in as it is (by <c>make</c>), so nothing signed before the upgrade stops working.
/// </summary>
public sealed class SiteKeys(IServiceScopeFactory scopes, DatabaseSchema schema, IClock clock, ILogger<SiteKeys> logger)
{
    public const string TokenSigning = "management-api-token-signing";
    public const string TokenEncryption = "management-api-token-encryption";
    public const string ImagingHmac = "imaging-hmac";

    /// <summary>
    /// The key called <paramref name="name"/>; when there is none yet, <paramref name="make"/>'s value is stored (and
    /// returned, unless another node stored its own first). Synchronous for the callers that cannot wait otherwise
    /// (options set-up, singletons' constructors); waits for the database's migrations if they are still running.
    /// </summary>
    public string GetOrAdd(string name, Func<(string Value, string Origin)> make)
    {
        schema.EnsureCurrentAsync().GetAwaiter().GetResult();
        if (Find(name) is { } existing)
        {
            return existing;
        }

        var (value, origin) = make();
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
            db.SiteKeys.Add(new SiteKeyEntity { Name = name, Value = value, CreatedUtc = clock.GetCurrentInstant().ToDateTimeUtc() });
            db.SaveChanges();
            logger.LogInformation("Key {Name} stored in the database ({Origin})", name, origin);
            return value;
        }
        catch (DbUpdateException) when (Find(name) is not null)
        {
            return Find(name)!; // another node inserted it first: everyone uses the winner's
        }
    }

    /// <summary>Which database holds the keys, for log lines: "PostgreSQL database mayorsclub on db.internal" or "SQLite database /srv/…/site.db".</summary>
    public string DescribeDatabase()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        var settings = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = db.Database.GetConnectionString() };
        string? Setting(string key) => settings.TryGetValue(key, out var value) ? value?.ToString() : null;
        return db.Database.IsNpgsql()
            ? $"PostgreSQL database {Setting("Database")} on {Setting("Host")}"
            : $"SQLite database {Setting("Data Source")}";
    }

    private string? Find(string name)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        return db.SiteKeys.AsNoTracking().Where(k => k.Name == name).Select(k => k.Value).FirstOrDefault();
    }
}
