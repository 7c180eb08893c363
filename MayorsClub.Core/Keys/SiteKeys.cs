using System.Collections.Concurrent;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Keys;

/// <summary>
/// The site's own secrets in the database (table SiteKeys), so every node signs and checks with the same ones. They are
/// made (or imported from an older site's files) by <see cref="SiteKeyMaker"/> when the database is brought up to date.
/// </summary>
public sealed class SiteKeys(IServiceScopeFactory scopes, DatabaseSchema schema)
{
    public const string TokenSigning = "management-api-token-signing";
    public const string TokenEncryption = "management-api-token-encryption";
    public const string ImagingHmac = "imaging-hmac";

    private readonly ConcurrentDictionary<string, string> _read = new(StringComparer.Ordinal);

    /// <summary>
    /// The key called <paramref name="name"/>. Synchronous for the callers that cannot wait otherwise (options set-up,
    /// singletons); waits for the database to be brought up to date if that is still under way.
    /// </summary>
    public string Get(string name)
    {
        if (_read.TryGetValue(name, out var value))
        {
            return value;
        }

        LoadAll();
        return _read.TryGetValue(name, out value) ? value : throw new InvalidOperationException($"The database has no key {name}.");
    }

    /// <summary>
    /// Reads every key into memory. Start-up does it, so that nothing a visitor asks for (a page signing its image URLs)
    /// needs the database for a key later, when the database may be away.
    /// </summary>
    public void LoadAll()
    {
        schema.EnsureCurrentAsync().GetAwaiter().GetResult();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        foreach (var key in db.SiteKeys.AsNoTracking().ToList())
        {
            _read.TryAdd(key.Name, key.Value);
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
}
