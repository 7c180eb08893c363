using System.Net.Mail;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MayorsClub.Core.Applications;

/// <summary>The settings of the club's intake that administrators change in the back office.</summary>
/// <param name="CommitteeAddresses">Who is notified of each application. Empty: the site's contact e-mail.</param>
/// <param name="RetentionMonths">After how long rejected and closed applications are anonymised.</param>
public sealed record ApplicationSettingsValues(IReadOnlyList<string> CommitteeAddresses, int RetentionMonths)
{
    public const int DefaultRetentionMonths = 24;
    public const int MinRetentionMonths = 1;
    public const int MaxRetentionMonths = 120;
    public const int MaxCommitteeAddresses = 20;

    public static ApplicationSettingsValues Default { get; } = new([], DefaultRetentionMonths);
}

/// <summary>
/// The last values read, for a few seconds: every submission reads the committee's addresses, and a settings change
/// made in this process replaces them at once (another process's change shows within <see cref="FreshFor"/>).
/// </summary>
public sealed class ApplicationSettingsCache
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(10);

    private (ApplicationSettingsValues Values, long ReadAt)? _last;

    internal ApplicationSettingsValues? Fresh() =>
        _last is { } last && Environment.TickCount64 - last.ReadAt < (long)FreshFor.TotalMilliseconds ? last.Values : null;

    internal void Remember(ApplicationSettingsValues? values) => _last = values is null ? null : (values, Environment.TickCount64);
}

/// <summary>Reads and saves <see cref="ApplicationSettingsValues"/> (rows of the SiteSettings table), audited.</summary>
public sealed class ApplicationSettings(MayorsClubDbContext db, IClock clock, ApplicationSettingsCache cache)
{
    internal const string CommitteeAddressesName = "applications.committeeAddresses";
    internal const string RetentionMonthsName = "applications.retentionMonths";
    public const string SettingsAuditAction = "change application settings";

    public async Task<ApplicationSettingsValues> GetAsync(CancellationToken ct)
    {
        if (cache.Fresh() is { } fresh)
        {
            return fresh;
        }

        var rows = await db.SiteSettings.AsNoTracking()
            .Where(s => s.Name == CommitteeAddressesName || s.Name == RetentionMonthsName)
            .ToDictionaryAsync(s => s.Name, s => s.Value, ct);
        var addresses = rows.TryGetValue(CommitteeAddressesName, out var list)
            ? list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        var months = rows.TryGetValue(RetentionMonthsName, out var text) && int.TryParse(text, out var parsed)
            ? parsed
            : ApplicationSettingsValues.DefaultRetentionMonths;
        var values = new ApplicationSettingsValues(addresses, months);
        cache.Remember(values);
        return values;
    }

    /// <summary>The addresses, one per line or separated by commas or semicolons, trimmed; null when one is not an e-mail address.</summary>
    public static IReadOnlyList<string>? ParseAddresses(string? text)
    {
        var parts = (text ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var addresses = new List<string>();
        foreach (var part in parts)
        {
            if (part.Length > 254 || !MailAddress.TryCreate(part, out var address) || address.Address != part || !part.Contains('.', StringComparison.Ordinal))
            {
                return null;
            }

            if (!addresses.Contains(part, StringComparer.OrdinalIgnoreCase))
            {
                addresses.Add(part);
            }
        }

        return addresses;
    }

    /// <summary>Saves valid values (the caller validates with <see cref="ParseAddresses"/> and the month range) with an audit entry.</summary>
    public async Task SaveAsync(ApplicationSettingsValues values, string actor, CancellationToken ct)
    {
        if (values.RetentionMonths is < ApplicationSettingsValues.MinRetentionMonths or > ApplicationSettingsValues.MaxRetentionMonths
            || values.CommitteeAddresses.Count > ApplicationSettingsValues.MaxCommitteeAddresses)
        {
            throw new ArgumentOutOfRangeException(nameof(values));
        }

        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        await SetAsync(CommitteeAddressesName, string.Join('\n', values.CommitteeAddresses), actor, now, ct);
        await SetAsync(RetentionMonthsName, values.RetentionMonths.ToString(System.Globalization.CultureInfo.InvariantCulture), actor, now, ct);
        db.AuditEntries.Add(new AuditEntryEntity
        {
            Utc = now, User = actor, Action = SettingsAuditAction,
            Details = $"committee: {string.Join(", ", values.CommitteeAddresses)}; retention: {values.RetentionMonths} months",
        });
        await db.SaveChangesAsync(ct);
        cache.Remember(null);
    }

    private async Task SetAsync(string name, string value, string actor, DateTime now, CancellationToken ct)
    {
        var row = await db.SiteSettings.FirstOrDefaultAsync(s => s.Name == name, ct);
        if (row is null)
        {
            row = new SiteSettingEntity { Name = name };
            db.SiteSettings.Add(row);
        }

        row.Value = value;
        row.UpdatedUtc = now;
        row.UpdatedBy = actor;
    }
}
