using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MayorsClub.Core.Content;

/// <summary>How a value differs between an earlier version and the current draft.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One piece of a text diff: text both have, text only the earlier version has, or text only the draft has.</summary>
public enum DiffOperation
{
    Same,
    Deleted,
    Inserted,
}

public sealed record DiffPart(DiffOperation Operation, string Text);

/// <summary>
/// One field that differs. <see cref="Field"/> is "name", "segment" or a property alias; <see cref="Culture"/> is null for
/// shared values. <see cref="Text"/> holds a word diff for text fields, null for others (only "changed").
/// </summary>
public sealed record FieldChange(string Field, string? Culture, ChangeKind Kind, IReadOnlyList<DiffPart>? Text, PropertyType? Property = null);

/// <summary>Compares an earlier version of a document with its current draft, field by field, in a reader's terms.</summary>
public static partial class VersionComparison
{
    public static IReadOnlyList<FieldChange> Compare(DocumentType type, ContentValues earlier, ContentValues current)
    {
        var changes = new List<FieldChange>();
        foreach (var property in type.Properties.Where(p => !p.VariesByCulture))
        {
            Add(changes, property.Alias, null, property, earlier.Invariant.GetValueOrDefault(property.Alias), current.Invariant.GetValueOrDefault(property.Alias));
        }

        foreach (var culture in Cultures.All)
        {
            var before = earlier.Culture(culture);
            var after = current.Culture(culture);
            AddText(changes, "name", culture, before?.Name, after?.Name);
            AddText(changes, "segment", culture, before?.Segment, after?.Segment);
            foreach (var property in type.Properties.Where(p => p.VariesByCulture))
            {
                Add(changes, property.Alias, culture, property, before?.Values.GetValueOrDefault(property.Alias), after?.Values.GetValueOrDefault(property.Alias));
            }
        }

        return changes;
    }

    private static void Add(List<FieldChange> changes, string field, string? culture, PropertyType property, JsonNode? before, JsonNode? after)
    {
        if (IsText(property.Editor))
        {
            AddText(changes, field, culture, TextOf(property, before), TextOf(property, after), property);
            return;
        }

        var (b, a) = (IsEmpty(before), IsEmpty(after));
        if (b && a)
        {
            return;
        }

        if (b || a)
        {
            changes.Add(new FieldChange(field, culture, b ? ChangeKind.Added : ChangeKind.Removed, null, property));
        }
        else if (!JsonNode.DeepEquals(before, after))
        {
            changes.Add(new FieldChange(field, culture, ChangeKind.Changed, null, property));
        }
    }

    private static void AddText(List<FieldChange> changes, string field, string? culture, string? before, string? after, PropertyType? property = null)
    {
        before = string.IsNullOrWhiteSpace(before) ? null : before;
        after = string.IsNullOrWhiteSpace(after) ? null : after;
        if (before == after)
        {
            return;
        }

        var kind = before is null ? ChangeKind.Added : after is null ? ChangeKind.Removed : ChangeKind.Changed;
        changes.Add(new FieldChange(field, culture, kind, TextDiff.Words(before ?? "", after ?? ""), property));
    }

    private static bool IsText(PropertyEditor editor) =>
        editor is PropertyEditor.Text or PropertyEditor.TextArea or PropertyEditor.RichText or PropertyEditor.Url or PropertyEditor.Tags;

    private static bool IsEmpty(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.Null;

    private static string? TextOf(PropertyType property, JsonNode? node)
    {
        if (IsEmpty(node))
        {
            return null;
        }

        return node!.GetValueKind() switch
        {
            JsonValueKind.String when property.Editor == PropertyEditor.RichText => HtmlToText(node.GetValue<string>()),
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Array => string.Join(", ", node.AsArray().Select(item => item?.ToString())),
            _ => node.ToJsonString(),
        };
    }

    /// <summary>The text a reader sees in HTML: one line per block, tags dropped, entities decoded; images and videos named by their address.</summary>
    public static string HtmlToText(string html)
    {
        var text = MediaTag().Replace(html, m => $"\n[{m.Groups["tag"].Value.ToLowerInvariant()}: {m.Groups["src"].Value}]\n");
        text = BlockBoundary().Replace(text, "\n");
        text = AnyTag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        return string.Join("\n", text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));
    }

    [GeneratedRegex("<(?<tag>img|iframe)\\b[^>]*?\\bsrc=\"(?<src>[^\"]*)\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MediaTag();

    [GeneratedRegex("<br\\s*/?>|</?(p|div|h[1-6]|li|ul|ol|blockquote|tr|table|figure|figcaption)\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockBoundary();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();
}

/// <summary>A word-level diff (longest common subsequence), for showing what changed in a text.</summary>
public static partial class TextDiff
{
    /// <summary>Beyond this many cells of the comparison table, the middle is shown as one deletion and one insertion.</summary>
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffPart> Words(string before, string after)
    {
        var a = Tokens(before);
        var b = Tokens(after);
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
        {
            suffix++;
        }

        var parts = new List<DiffPart>();
        Append(parts, DiffOperation.Same, a.Take(prefix));
        var middleA = a.Skip(prefix).Take(a.Count - prefix - suffix).ToList();
        var middleB = b.Skip(prefix).Take(b.Count - prefix - suffix).ToList();
        if ((long)middleA.Count * middleB.Count > MaxCells)
        {
            Append(parts, DiffOperation.Deleted, middleA);
            Append(parts, DiffOperation.Inserted, middleB);
        }
        else
        {
            Middle(parts, middleA, middleB);
        }

        Append(parts, DiffOperation.Same, a.Skip(a.Count - suffix));
        return Readable(parts);
    }

    /// <summary>
    /// Joins changes separated only by spaces into one deletion and one insertion, so a rewritten sentence reads as
    /// "old words → new words" rather than alternating single words.
    /// </summary>
    private static List<DiffPart> Readable(List<DiffPart> parts)
    {
        var result = new List<DiffPart>();
        var deleted = new System.Text.StringBuilder();
        var inserted = new System.Text.StringBuilder();
        void Flush()
        {
            if (deleted.ToString().Trim().Length > 0)
            {
                result.Add(new DiffPart(DiffOperation.Deleted, deleted.ToString()));
            }

            if (inserted.ToString().Trim().Length > 0)
            {
                result.Add(new DiffPart(DiffOperation.Inserted, inserted.ToString()));
            }

            deleted.Clear();
            inserted.Clear();
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            switch (part.Operation)
            {
                case DiffOperation.Deleted:
                    deleted.Append(part.Text);
                    break;
                case DiffOperation.Inserted:
                    inserted.Append(part.Text);
                    break;
                default:
                    var bridge = string.IsNullOrWhiteSpace(part.Text) && (deleted.Length > 0 || inserted.Length > 0)
                        && i + 1 < parts.Count && parts[i + 1].Operation != DiffOperation.Same;
                    if (bridge)
                    {
                        deleted.Append(part.Text);
                        inserted.Append(part.Text);
                        break;
                    }

                    Flush();
                    result.Add(part);
                    break;
            }
        }

        Flush();
        return result;
    }

    private static void Middle(List<DiffPart> parts, List<string> a, List<string> b)
    {
        // lengths[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                Append(parts, DiffOperation.Same, [a[x]]);
                x++;
                y++;
            }
            else if (x < a.Count && (y == b.Count || lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                Append(parts, DiffOperation.Deleted, [a[x]]);
                x++;
            }
            else
            {
                Append(parts, DiffOperation.Inserted, [b[y]]);
                y++;
            }
        }
    }

    /// <summary>Adds tokens to the last part when it is of the same kind, so the diff reads in runs.</summary>
    private static void Append(List<DiffPart> parts, DiffOperation operation, IEnumerable<string> tokens)
    {
        var text = string.Concat(tokens);
        if (text.Length == 0)
        {
            return;
        }

        if (parts.Count > 0 && parts[^1].Operation == operation)
        {
            parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
        }
        else
        {
            parts.Add(new DiffPart(operation, text));
        }
    }

    private static List<string> Tokens(string text) => Token().Matches(text).Select(m => m.Value).ToList();

    [GeneratedRegex("\\s+|[\\p{L}\\p{N}'’]+|[^\\s\\p{L}\\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
