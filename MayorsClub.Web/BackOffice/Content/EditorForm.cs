using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MayorsClub.Core.Content;
using Microsoft.Extensions.Primitives;

namespace MayorsClub.Web.BackOffice.Content;

/// <summary>
/// Reads the editor's form into content values. Field names:
/// <c>name.{culture}</c>, <c>segment.{culture}</c>, <c>v.{culture}.{alias}</c> for a language's values and
/// <c>v.shared.{alias}</c> for shared ones; a date-time with zone adds <c>.local</c> and <c>.zone</c>; pickers
/// repeat the field (each value may hold several keys separated by spaces, commas or new lines); a block list
/// names its blocks in order in <c>{field}.block</c> and their fields <c>{field}[{block}].{alias}</c>.
/// Nothing is checked here: the core validates and answers with messages per field.
/// </summary>
public sealed partial class EditorForm
{
    public const string SharedScope = "shared";

    private EditorForm(ContentValues values, IReadOnlySet<string> filledCultures, int expectedVersion, IReadOnlyList<string> chosenCultures)
    {
        Values = values;
        FilledCultures = filledCultures;
        ExpectedVersion = expectedVersion;
        ChosenCultures = chosenCultures;
    }

    /// <summary>What the editor typed: the shared values and every culture of the form (written or not).</summary>
    public ContentValues Values { get; }

    /// <summary>The cultures in which the editor typed something.</summary>
    public IReadOnlySet<string> FilledCultures { get; }

    /// <summary>The version the editor started from (or, after a conflict, the one they chose to overwrite).</summary>
    public int ExpectedVersion { get; }

    /// <summary>The languages ticked for publishing or for approval.</summary>
    public IReadOnlyList<string> ChosenCultures { get; }

    public static string FieldName(string scope, string path) => $"v.{scope}.{path}";

    /// <summary>An element id for a field: "f-uk-summary", "f-uk-speakers-0-name".</summary>
    public static string FieldId(string scope, string path) => $"f-{scope}-{IdUnsafe().Replace(path, "-").Trim('-')}";

    public static EditorForm Read(IFormCollection form, DocumentType type)
    {
        var values = new ContentValues();
        foreach (var property in type.Properties.Where(p => !p.VariesByCulture))
        {
            if (ReadValue(form, property, FieldName(SharedScope, property.Alias)) is { } value)
            {
                values.Invariant[property.Alias] = value;
            }
        }

        var filled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in Cultures.All)
        {
            var variant = new CultureVariant
            {
                Name = form[$"name.{culture}"].ToString().Trim(),
                Segment = form[$"segment.{culture}"].ToString().Trim() is { Length: > 0 } segment ? segment : null,
            };
            foreach (var property in type.Properties.Where(p => p.VariesByCulture))
            {
                if (ReadValue(form, property, FieldName(culture, property.Alias)) is { } value)
                {
                    variant.Values[property.Alias] = value;
                }
            }

            if (variant.Name.Length > 0 || variant.Segment is not null || variant.Values.Values.Any(IsFilled))
            {
                filled.Add(culture);
            }

            values.Cultures[culture] = variant;
        }

        var version = int.TryParse(form["overwrite"], NumberStyles.None, CultureInfo.InvariantCulture, out var overwrite)
            ? overwrite
            : int.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var started) ? started : 0;
        var chosen = form["cultures"].Where(Cultures.IsSupported).Distinct(StringComparer.Ordinal).Select(c => c!).ToList();
        return new EditorForm(values, filled, version, chosen);
    }

    /// <summary>
    /// The values to save: the shared ones, and the cultures that already exist or in which the editor typed something
    /// (an untouched, never-written language stays unwritten).
    /// </summary>
    public Dictionary<string, CultureVariant> CulturesToSave(IEnumerable<string> existing)
    {
        var keep = existing.Concat(FilledCultures).ToHashSet(StringComparer.Ordinal);
        return Values.Cultures.Where(c => keep.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    private static JsonNode? ReadValue(IFormCollection form, PropertyType property, string name)
    {
        switch (property.Editor)
        {
            case PropertyEditor.Number:
                return Number(form[name].ToString().Trim());
            case PropertyEditor.TrueFalse:
                return JsonValue.Create(form[name].Contains("true"));
            case PropertyEditor.DateTimeZoned:
                var local = form[$"{name}.local"].ToString().Trim();
                var zone = form[$"{name}.zone"].ToString().Trim();
                return local.Length == 0
                    ? null
                    : new JsonObject { ["local"] = KyivTime.TrimSeconds(local), ["zone"] = zone.Length == 0 ? KyivTime.ZoneId : zone };
            case PropertyEditor.MediaPicker:
            case PropertyEditor.ContentPicker:
                return List(form[name].SelectMany(v => KeySeparator().Split(v ?? "")));
            case PropertyEditor.Tags:
                return List(form[name].SelectMany(v => (v ?? "").Split(',')));
            case PropertyEditor.BlockList:
                return Blocks(form, property, name);
            default:
                var text = Text(form[name]);
                return text.Length == 0 ? null : JsonValue.Create(text);
        }
    }

    /// <summary>Line breaks as browsers send them (CR LF) become plain LF.</summary>
    private static string Text(StringValues values) => values.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);

    private static JsonValue? Number(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        // "12.5" or, as Ukrainian keyboards write it, "12,5"; anything else goes to the core as text, which refuses it with a message.
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            || decimal.TryParse(text, NumberStyles.Number, CultureInfo.GetCultureInfo("uk-UA"), out number)
            ? JsonValue.Create(number)
            : JsonValue.Create(text);
    }

    private static JsonArray? List(IEnumerable<string> items)
    {
        var list = items.Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        return list.Count == 0 ? null : new JsonArray(list.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
    }

    private static JsonArray? Blocks(IFormCollection form, PropertyType property, string name)
    {
        if (property.Element is null)
        {
            return null;
        }

        var blocks = new JsonArray();
        foreach (var id in form[$"{name}.block"].Distinct(StringComparer.Ordinal))
        {
            var block = new JsonObject();
            foreach (var inner in property.Element.Properties)
            {
                if (ReadValue(form, inner, $"{name}[{id}].{inner.Alias}") is { } value && IsFilled(value))
                {
                    block[inner.Alias] = value;
                }
            }

            // A block left entirely empty is dropped rather than refused.
            if (block.Count > 0)
            {
                blocks.Add(block);
            }
        }

        return blocks.Count == 0 ? null : blocks;
    }

    private static bool IsFilled(JsonNode? value) =>
        value is not null && value.GetValueKind() != System.Text.Json.JsonValueKind.False;

    [GeneratedRegex("[^A-Za-z0-9_]+")]
    private static partial Regex IdUnsafe();

    [GeneratedRegex("[\\s,;]+")]
    private static partial Regex KeySeparator();
}
