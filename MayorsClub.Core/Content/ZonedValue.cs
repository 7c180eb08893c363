using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace MayorsClub.Core.Content;

/// <summary>Reads the stored form of a date-time with a time zone: {"local":"2026-05-11T11:00","zone":"Europe/Kyiv"}.</summary>
public static class ZonedValue
{
    public static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    public static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    public static ZonedDateTime? TryRead(JsonNode? node)
    {
        if (node is not JsonObject obj
            || obj["local"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
            || obj["zone"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(obj["zone"]!.GetValue<string>());
        var local = LocalPattern.Parse(obj["local"]!.GetValue<string>());
        return zone is null || !local.Success ? null : local.Value.InZoneLeniently(zone);
    }

    public static JsonObject Create(LocalDateTime local, string zone) =>
        new() { ["local"] = LocalPattern.Format(local), ["zone"] = zone };

    public static LocalDate? TryReadDate(JsonNode? node)
    {
        if (node?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return null;
        }

        var parsed = DatePattern.Parse(node.GetValue<string>());
        return parsed.Success ? parsed.Value : null;
    }
}
