using System.Security.Cryptography;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MayorsClub.Core.Keys;

/// <summary>
/// Makes the site's keys when the database is brought up to date, before anything is served: so a backup taken at any
/// time after the first start holds them, and two nodes starting together agree on one of each (the first insert wins,
/// the other node's is dropped). A key an older site kept in its data folder is brought in as it is.
/// </summary>
public sealed class SiteKeyMaker(SitePaths paths, IClock clock, ILogger<SiteKeyMaker> logger)
{
    internal async Task EnsureAsync(MayorsClubDbContext db)
    {
        await EnsureAsync(db, SiteKeys.TokenSigning, Path.Combine(paths.Data, "management-api", "token-signing-key.pem"), NewRsaKey);
        await EnsureAsync(db, SiteKeys.TokenEncryption, Path.Combine(paths.Data, "management-api", "token-encryption-key.pem"), NewRsaKey);
        await EnsureAsync(db, SiteKeys.ImagingHmac, Path.Combine(paths.Data, "keys", "imaging-hmac.key"),
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    private async Task EnsureAsync(MayorsClubDbContext db, string name, string oldFile, Func<string> make)
    {
        if (await db.SiteKeys.AnyAsync(k => k.Name == name))
        {
            return;
        }

        var imported = File.Exists(oldFile);
        db.SiteKeys.Add(new SiteKeyEntity
        {
            Name = name, Value = imported ? (await File.ReadAllTextAsync(oldFile)).Trim() : make(), CreatedUtc = clock.GetCurrentInstant().ToDateTimeUtc(),
        });
        try
        {
            await db.SaveChangesAsync();
            logger.LogInformation("Key {Name} stored in the database ({Origin})", name, imported ? $"imported from {oldFile}" : "new");
        }
        catch (DbUpdateException)
        {
            // Another node stored its own at the same moment: everyone uses that one.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static string NewRsaKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }
}
