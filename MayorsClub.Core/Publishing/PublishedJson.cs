using System.Text.Json;
using MayorsClub.Core.Content;
using NodaTime;

namespace MayorsClub.Core.Publishing;

/// <summary>How each editor's stored JSON reads as a typed value. Internal: the read model applies the access rule before.</summary>
internal static class PublishedJson
{
    /// <summary>A string with surrounding white space removed; null when empty.</summary>
    public static string? Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>A date, "yyyy-MM-dd".</summary>
    public static LocalDate? Date(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var parsed = ZonedValue.DatePattern.Parse(value.GetString()!);
        return parsed.Success ? parsed.Value : null;
    }

    /// <summary>A date-time in its zone: {"local":"yyyy-MM-ddTHH:mm","zone":"Europe/Kyiv"} (as <see cref="ZonedValue.TryRead"/>).</summary>
    public static ZonedDateTime? Zoned(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("local", out var local) || local.ValueKind != JsonValueKind.String
            || !value.TryGetProperty("zone", out var zoneId) || zoneId.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId.GetString()!);
        var parsed = ZonedValue.LocalPattern.Parse(local.GetString()!);
        return zone is null || !parsed.Success ? null : parsed.Value.InZoneLeniently(zone);
    }

    public static decimal? Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : null;

    public static bool Flag(JsonElement value) => value.ValueKind == JsonValueKind.True;

    /// <summary>The GUIDs of a picker (a JSON array of GUID strings), in the editor's order.</summary>
    public static IReadOnlyList<Guid> Keys(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var keys = new List<Guid>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && Guid.TryParse(item.GetString(), out var key))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>A list of short strings (tags), trimmed, without empty ones.</summary>
    public static IReadOnlyList<string> Strings(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var strings = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (Text(item) is { } text)
            {
                strings.Add(text);
            }
        }

        return strings;
    }
}
