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
/// <item>A document: <see cref="MaySee(Viewer, PublishedDocument)"/>. No document is protected yet; the public-access
/// rule (documents for members or for some member groups) goes there, and everything below follows it.</item>
/// </list>
/// </summary>
public static class PublishedAccess
{
    private static readonly ConditionalWeakTable<DocumentType, Dictionary<string, PropertyType>> DocumentProperties = new();
    private static readonly ConditionalWeakTable<ElementType, Dictionary<string, PropertyType>> ElementProperties = new();

    /// <summary>Whether the viewer may see the document at all (its name, its page, its values).</summary>
    public static bool MaySee(Viewer viewer, PublishedDocument document) => true;

    /// <summary>
    /// Whether the viewer sees every document of the snapshot, so lists need no filtering. True while no document is
    /// protected; the public-access rule makes it depend on the snapshot's protected documents and the viewer's groups.
    /// </summary>
    public static bool SeesEveryDocument(Viewer viewer, PublishedSnapshot snapshot) => true;

    /// <summary>Whether the viewer may read a value of this property (null: a property no type declares).</summary>
    public static bool MayRead(Viewer viewer, PropertyType? property) =>
        property is not null && (!property.MembersOnly || viewer.IsMember);

    /// <summary>Whether the viewer may read the document's value of this property.</summary>
    public static bool MayRead(Viewer viewer, PublishedDocument document, string alias) =>
        MaySee(viewer, document) && MayRead(viewer, PropertyOf(document.Type, alias));

    internal static PropertyType? PropertyOf(DocumentType? type, string alias) =>
        type is null ? null : DocumentProperties.GetValue(type, t => t.Properties.ToDictionary(p => p.Alias, StringComparer.Ordinal)).GetValueOrDefault(alias);

    internal static PropertyType? PropertyOf(ElementType? type, string alias) =>
        type is null ? null : ElementProperties.GetValue(type, t => t.Properties.ToDictionary(p => p.Alias, StringComparer.Ordinal)).GetValueOrDefault(alias);
}
