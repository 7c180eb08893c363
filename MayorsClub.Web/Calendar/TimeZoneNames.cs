using MayorsClub.Core.Content;
using NodaTime;

namespace MayorsClub.Web.Calendar;

/// <summary>
/// Names a time as its zone: "за київським часом (UTC+2)" / "Kyiv time (UTC+2)". The city comes from a small table of
/// the zones the club's editors and visitors use; any other zone is named by its IANA id.
/// </summary>
public static class TimeZoneNames
{
    public const string Kyiv = "Europe/Kyiv";

    private sealed record ZoneName(string UkAdjective, string UkCity, string EnCity);

    private static readonly Dictionary<string, ZoneName> Known = new(StringComparer.Ordinal)
    {
        [Kyiv] = new("київським", "Київ", "Kyiv"),
        ["Europe/Kiev"] = new("київським", "Київ", "Kyiv"),
        ["Europe/Warsaw"] = new("варшавським", "Варшава", "Warsaw"),
        ["Europe/Vilnius"] = new("вільнюським", "Вільнюс", "Vilnius"),
        ["Europe/Riga"] = new("ризьким", "Рига", "Riga"),
        ["Europe/Tallinn"] = new("таллінським", "Таллінн", "Tallinn"),
        ["Europe/Chisinau"] = new("кишинівським", "Кишинів", "Chișinău"),
        ["Europe/Bucharest"] = new("бухарестським", "Бухарест", "Bucharest"),
        ["Europe/Prague"] = new("празьким", "Прага", "Prague"),
        ["Europe/Vienna"] = new("віденським", "Відень", "Vienna"),
        ["Europe/Berlin"] = new("берлінським", "Берлін", "Berlin"),
        ["Europe/Brussels"] = new("брюссельським", "Брюссель", "Brussels"),
        ["Europe/Paris"] = new("паризьким", "Париж", "Paris"),
        ["Europe/Amsterdam"] = new("амстердамським", "Амстердам", "Amsterdam"),
        ["Europe/Rome"] = new("римським", "Рим", "Rome"),
        ["Europe/Madrid"] = new("мадридським", "Мадрид", "Madrid"),
        ["Europe/Stockholm"] = new("стокгольмським", "Стокгольм", "Stockholm"),
        ["Europe/Helsinki"] = new("гельсінкським", "Гельсінкі", "Helsinki"),
        ["Europe/London"] = new("лондонським", "Лондон", "London"),
        ["Europe/Istanbul"] = new("стамбульським", "Стамбул", "Istanbul"),
        ["America/New_York"] = new("нью-йоркським", "Нью-Йорк", "New York"),
        ["America/Toronto"] = new("торонтським", "Торонто", "Toronto"),
        ["America/Chicago"] = new("чиказьким", "Чикаго", "Chicago"),
        ["America/Los_Angeles"] = new("лос-анджелеським", "Лос-Анджелес", "Los Angeles"),
        ["Asia/Tokyo"] = new("токійським", "Токіо", "Tokyo"),
        ["Asia/Seoul"] = new("сеульським", "Сеул", "Seoul"),
        ["Asia/Dubai"] = new("дубайським", "Дубай", "Dubai"),
        ["UTC"] = new("всесвітнім", "UTC", "Universal"),
        ["Etc/UTC"] = new("всесвітнім", "UTC", "Universal"),
    };

    /// <summary>The zones offered to visitors without JavaScript ("in my time zone"), the club's own first.</summary>
    public static IReadOnlyList<string> Common { get; } =
    [
        Kyiv, "Europe/London", "Europe/Brussels", "Europe/Berlin", "Europe/Paris", "Europe/Warsaw", "Europe/Vilnius",
        "Europe/Chisinau", "Europe/Bucharest", "Europe/Istanbul", "America/New_York", "America/Toronto", "America/Los_Angeles",
        "Asia/Dubai", "Asia/Tokyo", "UTC",
    ];

    /// <summary>A zone by its IANA id (tzdb), or null for an unknown one.</summary>
    public static DateTimeZone? Find(string? id) =>
        string.IsNullOrWhiteSpace(id) || id.Length > 64 ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

    /// <summary>"за київським часом (UTC+3)" / "Kyiv time (UTC+3)": the zone of the value, with its offset at that moment.</summary>
    public static string Label(ZonedDateTime value, string culture)
    {
        var offset = OffsetText(value.Offset);
        if (Known.TryGetValue(value.Zone.Id, out var name))
        {
            return culture == Cultures.Ukrainian
                ? CalendarText.Format(CalendarText.ZoneTime, culture, name.UkAdjective, offset)
                : CalendarText.Format(CalendarText.ZoneTime, culture, name.EnCity, offset);
        }

        return CalendarText.Format(CalendarText.ZoneTimeUnnamed, culture, culture == Cultures.Ukrainian ? value.Zone.Id : CityOf(value.Zone.Id), offset);
    }

    /// <summary>The zone's city as a select shows it: "Київ (Europe/Kyiv)" / "Kyiv (Europe/Kyiv)".</summary>
    public static string OptionLabel(string zoneId, string culture)
    {
        var city = Known.TryGetValue(zoneId, out var name) ? (culture == Cultures.Ukrainian ? name.UkCity : name.EnCity) : CityOf(zoneId);
        return city == zoneId ? zoneId : $"{city} ({zoneId})";
    }

    /// <summary>"UTC+2", "UTC+5:30", "UTC−3", "UTC".</summary>
    public static string OffsetText(Offset offset)
    {
        if (offset == Offset.Zero)
        {
            return "UTC";
        }

        var sign = offset.Ticks < 0 ? "−" : "+";
        var span = offset.ToTimeSpan().Duration();
        return span.Minutes == 0 ? $"UTC{sign}{span.Hours}" : $"UTC{sign}{span.Hours}:{span.Minutes:00}";
    }

    // "America/New_York" → "New York"; "Europe/Kiev" and the like are in the table.
    private static string CityOf(string zoneId) => zoneId[(zoneId.LastIndexOf('/') + 1)..].Replace('_', ' ');
}
