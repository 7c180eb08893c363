using MayorsClub.Core.Persistence;
using MayorsClub.Core.Setup;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MayorsClub.Core.Keys;

/// <summary>
/// A site upgraded from keys in files (<c>{DataPath}/keys/key-*.xml</c>) brings them into the database once, before the
/// key ring is first read, so no one is signed out by the upgrade. The folder is left as it was.
/// </summary>
public sealed class DataProtectionKeyImport(SitePaths paths, IClock clock, ILogger<DataProtectionKeyImport> logger)
{
    /// <summary>The row in SiteKeys that says the import happened (on any node), so it happens once.</summary>
    public const string Marker = "data-protection-import";

    public string Folder => Path.Combine(paths.Data, "keys");

    internal async Task ImportOnceAsync(MayorsClubDbContext db)
    {
        var files = Directory.Exists(Folder) ? Directory.GetFiles(Folder, "key-*.xml") : [];
        if (files.Length == 0 || await db.SiteKeys.AnyAsync(k => k.Name == Marker))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var known = await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync();
        var imported = files
            .Select(file => (Name: Path.GetFileNameWithoutExtension(file), Xml: File.ReadAllText(file)))
            .Where(key => !known.Contains(key.Name))
            .ToList();
        db.DataProtectionKeys.AddRange(imported.Select(key => new DataProtectionKey { FriendlyName = key.Name, Xml = key.Xml }));
        db.SiteKeys.Add(new SiteKeyEntity { Name = Marker, Value = $"{imported.Count} keys from {Folder}", CreatedUtc = clock.GetCurrentInstant().ToDateTimeUtc() });
        try
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            logger.LogInformation("Imported {Count} data-protection keys from {Folder} into the database; the folder is no longer used", imported.Count, Folder);
        }
        catch (DbUpdateException)
        {
            // Another node imported them at the same moment (its marker came first).
            await transaction.RollbackAsync();
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
