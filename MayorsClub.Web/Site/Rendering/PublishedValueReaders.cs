using System.Text.Json;
using MayorsClub.Core.Publishing;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>Typed reads of a published document's property values (numbers, flags, pickers, tags, block lists).</summary>
public static class PublishedValueReaders
{
    /// <summary>A text property with surrounding white space removed; null when empty.</summary>
    public static string? TextOrNull(this PublishedDocument document, string alias, string culture) =>
        document.Text(alias, culture) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    public static int? Integer(this PublishedDocument document, string alias, string culture) =>
        document.Value(alias, culture) is { ValueKind: JsonValueKind.Number } value && value.TryGetDecimal(out var number)
            ? (int)Math.Clamp(Math.Truncate(number), int.MinValue, int.MaxValue)
            : null;

    public static bool Flag(this PublishedDocument document, string alias, string culture) =>
        document.Value(alias, culture).ValueKind == JsonValueKind.True;

    /// <summary>The document or media keys of a picker (a JSON array of GUID strings), in the editor's order.</summary>
    public static IReadOnlyList<Guid> Keys(this PublishedDocument document, string alias, string culture) =>
        KeysOf(document.Value(alias, culture));

    /// <summary>The keys of a picker inside one block (a speaker's photo).</summary>
    public static IReadOnlyList<Guid> BlockKeys(this JsonElement block, string alias) =>
        block.TryGetProperty(alias, out var value) ? KeysOf(value) : [];

    private static List<Guid> KeysOf(JsonElement value)
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

    /// <summary>The picked documents visible in the culture, in the editor's order.</summary>
    public static IReadOnlyList<PublishedDocument> PickedDocuments(this PublishedDocument document, string alias, string culture, PublishedSnapshot snapshot)
    {
        var picked = new List<PublishedDocument>();
        foreach (var key in document.Keys(alias, culture))
        {
            if (snapshot.Get(key) is { } target && target.Url(culture) is not null)
            {
                picked.Add(target);
            }
        }

        return picked;
    }

    /// <summary>A list of short strings (tags).</summary>
    public static IReadOnlyList<string> Strings(this PublishedDocument document, string alias, string culture)
    {
        var value = document.Value(alias, culture);
        if (value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var strings = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { } text && !string.IsNullOrWhiteSpace(text))
            {
                strings.Add(text.Trim());
            }
        }

        return strings;
    }

    /// <summary>The blocks of a block list, each as a JSON object.</summary>
    public static IEnumerable<JsonElement> Blocks(this PublishedDocument document, string alias, string culture)
    {
        var value = document.Value(alias, culture);
        if (value.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var block in value.EnumerateArray())
        {
            if (block.ValueKind == JsonValueKind.Object)
            {
                yield return block;
            }
        }
    }

    /// <summary>A text property of one block; null when empty.</summary>
    public static string? BlockText(this JsonElement block, string alias) =>
        block.TryGetProperty(alias, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } text
            && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;
}
