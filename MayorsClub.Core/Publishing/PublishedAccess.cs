using System.Runtime.CompilerServices;
using MayorsClub.Core.Content;

namespace MayorsClub.Core.Publishing;

/// <summary>
/// The one rule that decides what a viewer may read of the published content. Every typed read of the read model
/// (<see cref="PublishedValues"/>, <see cref="PublishedBlock"/>, <see cref="PublishedView"/>) asks it; nothing else in
/// the public API hands out a property's value.
/// <list type="bullet">
/// <item>A property's value: only properties the document type (or block element type) declares; one marked
/// <see cref="PropertyType.MembersOnly"/> only for a member. An undeclared value is read by no one.</item>
/// <item>A document: <see cref="MaySee(Viewer, PublishedDocument)"/>: every published document is seen (its name and URL,
/// so lists, the sitemap and feeds may name it).</item>
/// <item>A document under a public access rule (<see cref="AccessRule"/>, set on it or on an ancestor; the nearest one up
/// the tree applies, as in Umbraco): a viewer the rule does not admit (anonymous, or a member in none of its groups)
/// reads only its teaser (<see cref="IsTeaser"/>: the summary, and the date a list is sorted by), never its other values.
/// Members in any of the groups read it whole (<see cref="MayReadWhole"/>).</item>
/// </list>
/// </summary>
public static class PublishedAccess
{
    private static readonly ConditionalWeakTable<DocumentType, Dictionary<string, PropertyType>> DocumentProperties = new();
    private static readonly ConditionalWeakTable<ElementType, Dictionary<string, PropertyType>> ElementProperties = new();

    /// <summary>
    /// The teaser of a protected document that everyone reads: its summary, and the dates its lists are sorted by (the
    /// order of a list shows them anyway). Its name and URL are public too.
    /// </summary>
    private static readonly Dictionary<string, HashSet<string>> TeaserAliases = new(StringComparer.Ordinal)
    {
        [Content.DocumentTypes.NewsArticle.Alias] = [Content.DocumentTypes.NewsArticle.Summary, Content.DocumentTypes.NewsArticle.Date],
        [Content.DocumentTypes.ExpertSession.Alias] = [Content.DocumentTypes.ExpertSession.Summary, Content.DocumentTypes.ExpertSession.Date],
        [Content.DocumentTypes.Event.Alias] =
            [Content.DocumentTypes.Event.Summary, Content.DocumentTypes.Event.Start, Content.DocumentTypes.Event.End, Content.DocumentTypes.Event.AllDay],
    };

    private const string Summary = "summary";

    /// <summary>Whether the viewer may see the document at all (its name, its URL, its teaser): every published document.</summary>
    public static bool MaySee(Viewer viewer, PublishedDocument document) => true;

    /// <summary>
    /// Whether the viewer sees every document of the snapshot, so lists need no filtering: always, since a protected
    /// document is listed by its teaser (its other values read as empty).
    /// </summary>
    public static bool SeesEveryDocument(Viewer viewer, PublishedSnapshot snapshot) => true;

    /// <summary>Whether the viewer reads the whole document: it is under no public access rule, or the rule admits them.</summary>
    public static bool MayReadWhole(Viewer viewer, PublishedDocument document) =>
        document.AccessRule is not { } rule || rule.Admits(viewer);

    /// <summary>Whether the property belongs to the teaser of a protected document of this type (read by everyone who sees it).</summary>
    public static bool IsTeaser(string contentType, string alias) =>
        alias == Summary || (TeaserAliases.TryGetValue(contentType, out var aliases) && aliases.Contains(alias));

    /// <summary>Whether the viewer may read a value of this property (null: a property no type declares).</summary>
    public static bool MayRead(Viewer viewer, PropertyType? property) =>
        property is not null && (!property.MembersOnly || viewer.IsMember);

    /// <summary>Whether the viewer may read the document's value of this property.</summary>
    public static bool MayRead(Viewer viewer, PublishedDocument document, string alias) =>
        MaySee(viewer, document) && MayRead(viewer, PropertyOf(document.Type, alias))
        && (MayReadWhole(viewer, document) || IsTeaser(document.ContentType, alias));

    internal static PropertyType? PropertyOf(DocumentType? type, string alias) =>
        type is null ? null : DocumentProperties.GetValue(type, t => t.Properties.ToDictionary(p => p.Alias, StringComparer.Ordinal)).GetValueOrDefault(alias);

    internal static PropertyType? PropertyOf(ElementType? type, string alias) =>
        type is null ? null : ElementProperties.GetValue(type, t => t.Properties.ToDictionary(p => p.Alias, StringComparer.Ordinal)).GetValueOrDefault(alias);
}
