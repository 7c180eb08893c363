using System.Text.Json;
using MayorsClub.Core.Content;

namespace MayorsClub.Core.Publishing;

/// <summary>
/// A document as visitors see it, in the cultures where it is visible: its place in the tree, names and URLs. Immutable.
/// Its values are read through the read model, for a viewer: <c>snapshot.For(viewer).Of(document, culture)</c>.
/// </summary>
public sealed class PublishedDocument
{
    // Counts the documents made on this thread: the tests prove that applying a change makes as many as the change needs.
    [ThreadStatic]
    private static int _created;

    internal PublishedDocument(PublishedSnapshotBuilder.DocumentRow row, DocumentType? type, bool reachable,
        IReadOnlyDictionary<string, PublishedCulture> cultures, AccessRule? accessRule = null)
    {
        Row = row;
        AccessRule = accessRule;
        Type = type;
        Reachable = reachable;
        _cultures = cultures;
        _created++;
    }

    /// <summary>How many documents this thread has made so far.</summary>
    internal static int CreatedOnThisThread => _created;

    public int Id => Row.Id;
    public Guid Key => Row.Key;

    /// <summary>The parent's id (null for a root). The parent itself is <c>snapshot.Parent(document)</c> or <c>view.Parent(document)</c>.</summary>
    public int? ParentId => Row.ParentId;
    public string ContentType => Row.ContentType;
    public int SortOrder => Row.SortOrder;
    public int Level => Row.Level;
    public DateTime CreatedUtc => Row.CreatedUtc;
    public DateTime UpdatedUtc => Row.UpdatedUtc;

    /// <summary>The cultures this document is visible in: published, with every ancestor published too.</summary>
    /// <remarks>Reading it (or a name, URL or visibility) is noted by <see cref="PublishedReads"/>, as reading values is.</remarks>
    public IReadOnlyDictionary<string, PublishedCulture> Cultures
    {
        get
        {
            PublishedReads.Note(Id);
            return _cultures;
        }
    }

    private readonly IReadOnlyDictionary<string, PublishedCulture> _cultures;

    /// <summary>The cultures, read by the snapshot's own bookkeeping without being noted as a page's read.</summary>
    internal IReadOnlyDictionary<string, PublishedCulture> CulturesUnnoted => _cultures;

    /// <summary>The published row this document was made from (kept: the next snapshot reuses it while it is the same).</summary>
    internal PublishedSnapshotBuilder.DocumentRow Row { get; }

    /// <summary>Whether every ancestor is published (in some culture): only then is the document in the snapshot's lookups.</summary>
    internal bool Reachable { get; }

    /// <summary>
    /// The public access rule that applies to this document: its own, else the nearest one above it (null: none). Only
    /// <see cref="PublishedAccess"/> reads it; the rule itself is public knowledge (<see cref="IsProtected"/>).
    /// </summary>
    internal AccessRule? AccessRule { get; }

    /// <summary>Whether a public access rule (on this document or above it) limits its values to some member groups.</summary>
    public bool IsProtected => AccessRule is not null;

    /// <summary>The document type, whose properties say which values are members-only (null: a type the site no longer has).</summary>
    internal DocumentType? Type { get; }

    internal IReadOnlyDictionary<string, JsonElement> Invariant => Row.InvariantValues;

    /// <summary>The document's version when its published values were read: the next snapshot reuses them while it is the same.</summary>
    internal int SourceVersion => Row.Version;

    /// <summary>The published values as parsed once from the database; every value of this document is an element of it.</summary>
    internal JsonElement Source => Row.Source;

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
        if (_cultures.GetValueOrDefault(culture) is { } variant && variant.Values.TryGetValue(alias, out var value))
        {
            return value;
        }

        return Invariant.TryGetValue(alias, out var shared) ? shared : default;
    }

    internal string? Text(string alias, string culture) =>
        Value(alias, culture) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
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
