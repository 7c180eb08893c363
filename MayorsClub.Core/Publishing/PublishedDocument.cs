using System.Text.Json;
using MayorsClub.Core.Content;

namespace MayorsClub.Core.Publishing;

/// <summary>
/// A document as visitors see it, in the cultures where it is visible: its place in the tree, names and URLs. Immutable.
/// Its values are read through the read model, for a viewer: <c>snapshot.For(viewer).Of(document, culture)</c>.
/// </summary>
public sealed class PublishedDocument
{
    internal PublishedDocument(int id, Guid key, string contentType, DocumentType? type, int sortOrder, int level, DateTime createdUtc, DateTime updatedUtc,
        int sourceVersion, JsonElement source, IReadOnlyDictionary<string, JsonElement> invariant)
    {
        SourceVersion = sourceVersion;
        Source = source;
        Id = id;
        Key = key;
        ContentType = contentType;
        Type = type;
        SortOrder = sortOrder;
        Level = level;
        CreatedUtc = createdUtc;
        UpdatedUtc = updatedUtc;
        Invariant = invariant;
    }

    public int Id { get; }
    public Guid Key { get; }
    public string ContentType { get; }
    public int SortOrder { get; }
    public int Level { get; }
    public DateTime CreatedUtc { get; }
    public DateTime UpdatedUtc { get; }
    public PublishedDocument? Parent { get; internal set; }

    /// <summary>Children in sort order (all cultures: ask each child whether it is visible in yours).</summary>
    public IReadOnlyList<PublishedDocument> Children { get; internal set; } = [];

    /// <summary>The cultures this document is visible in: published, with every ancestor published too.</summary>
    public IReadOnlyDictionary<string, PublishedCulture> Cultures { get; internal set; } = new Dictionary<string, PublishedCulture>();

    /// <summary>The document type, whose properties say which values are members-only (null: a type the site no longer has).</summary>
    internal DocumentType? Type { get; }

    internal IReadOnlyDictionary<string, JsonElement> Invariant { get; }

    /// <summary>The document's version when its published values were read: the next snapshot reuses them while it is the same.</summary>
    internal int SourceVersion { get; }

    /// <summary>The published values as parsed once from the database; every value of this document is an element of it.</summary>
    internal JsonElement Source { get; }

    public bool IsVisibleIn(string culture) => Cultures.ContainsKey(culture);

    public string? Name(string culture) => Cultures.GetValueOrDefault(culture)?.Name;

    /// <summary>The page's URL in the culture (with a trailing slash), or null when it is not a visible page there.</summary>
    public string? Url(string culture) => Cultures.GetValueOrDefault(culture)?.Url;

    /// <summary>
    /// The raw value of a property in a culture (shared values are the same in both); Undefined when empty. Not checked
    /// against <see cref="PublishedAccess"/>: only the read model itself reads it, and hands values out through the rule.
    /// </summary>
    internal JsonElement Value(string alias, string culture)
    {
        if (Cultures.GetValueOrDefault(culture) is { } variant && variant.Values.TryGetValue(alias, out var value))
        {
            return value;
        }

        return Invariant.TryGetValue(alias, out var shared) ? shared : default;
    }

    internal string? Text(string alias, string culture) =>
        Value(alias, culture) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public IEnumerable<PublishedDocument> ChildrenIn(string culture) => Children.Where(c => c.IsVisibleIn(culture));
}

/// <summary>One visible culture of a published document.</summary>
public sealed class PublishedCulture(string culture, string name, string urlSegment, string? url, DateTime publishedUtc,
    IReadOnlyDictionary<string, JsonElement> values)
{
    public string Culture { get; } = culture;
    public string Name { get; } = name;
    public string UrlSegment { get; } = urlSegment;
    public string? Url { get; } = url;
    public DateTime PublishedUtc { get; } = publishedUtc;

    /// <summary>The culture's raw values: read only by the read model, through <see cref="PublishedAccess"/>.</summary>
    internal IReadOnlyDictionary<string, JsonElement> Values { get; } = values;
}
