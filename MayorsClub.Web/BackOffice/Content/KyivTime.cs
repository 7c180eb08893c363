using System.Globalization;
using MayorsClub.Core.Content;
using NodaTime;

namespace MayorsClub.Web.BackOffice.Content;

/// <summary>Editors work in Kyiv time; the database keeps UTC.</summary>
public static class KyivTime
{
    public const string ZoneId = "Europe/Kyiv";

    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb[ZoneId];

    /// <summary>A UTC moment as editors read it: "11.05.2026 14:30".</summary>
    public static string Format(DateTime utc) =>
        Local(utc).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A UTC moment in the interface language's numeric form: "11.05.2026 14:30" (uk), "11/05/2026 14:30" (en).</summary>
    public static string Format(DateTime utc, string ui) =>
        Local(utc).ToString(ui == Cultures.English ? "dd/MM/yyyy HH:mm" : "dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A UTC moment as the value of a datetime-local input: "2026-05-11T14:30".</summary>
    public static string InputValue(DateTime? utc) =>
        utc is { } value ? ZonedValue.LocalPattern.Format(Local(value)) : "";

    /// <summary>The UTC moment of a datetime-local input's value in Kyiv; null when empty; false when not a date-time.</summary>
    public static bool TryParse(string? input, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return true;
        }

        var parsed = ZonedValue.LocalPattern.Parse(TrimSeconds(input.Trim()));
        if (!parsed.Success)
        {
            return false;
        }

        utc = parsed.Value.InZoneLeniently(Zone).ToDateTimeUtc();
        return true;
    }

    /// <summary>Browsers may add ":00" seconds to a datetime-local value; the stored form has minutes only.</summary>
    public static string TrimSeconds(string value) =>
        value.Length == 19 && value[16] == ':' ? value[..16] : value;

    private static LocalDateTime Local(DateTime utc) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(Zone).LocalDateTime;
}
