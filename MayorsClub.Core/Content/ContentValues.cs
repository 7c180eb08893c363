using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MayorsClub.Core.Content;

/// <summary>
/// All property values of one document state (a draft, a version, or what is published):
/// the shared values once, and per culture the name, an optional URL segment override and the culture's values.
/// </summary>
public sealed class ContentValues
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Dictionary<string, JsonNode?> Invariant { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, CultureVariant> Cultures { get; set; } = new(StringComparer.Ordinal);

    public CultureVariant? Culture(string culture) => Cultures.GetValueOrDefault(culture);

    public JsonNode? Get(PropertyType property, string culture) =>
        property.VariesByCulture
            ? Culture(culture)?.Values.GetValueOrDefault(property.Alias)
            : Invariant.GetValueOrDefault(property.Alias);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static ContentValues FromJson(string json) =>
        JsonSerializer.Deserialize<ContentValues>(json, JsonOptions) ?? new ContentValues();

    public ContentValues Clone() => FromJson(ToJson());
}

/// <summary>One culture's part of a document: its name, segment override and culture-varying values.</summary>
public sealed class CultureVariant
{
    public string Name { get; set; } = "";

    /// <summary>An editor's own URL segment; null means "made from the name".</summary>
    public string? Segment { get; set; }

    public Dictionary<string, JsonNode?> Values { get; set; } = new(StringComparer.Ordinal);
}
