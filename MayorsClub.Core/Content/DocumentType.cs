namespace MayorsClub.Core.Content;

/// <summary>A kind of document: its properties and where it may sit in the tree.</summary>
public sealed record DocumentType(string Alias, string Name)
{
    /// <summary>May be created at the root of the content tree.</summary>
    public bool AllowedAtRoot { get; init; }

    /// <summary>False for documents that hold data but are not pages (site settings): they have no URL.</summary>
    public bool IsPage { get; init; } = true;

    /// <summary>Aliases of the document types allowed directly below this one.</summary>
    public IReadOnlyList<string> AllowedChildren { get; init; } = [];

    public IReadOnlyList<PropertyType> Properties { get; init; } = [];

    /// <summary>Rules that look at several properties at once (an event ends after it starts).</summary>
    public Func<ContentValues, IEnumerable<ContentError>>? Rules { get; init; }

    public PropertyType? FindProperty(string alias) =>
        Properties.FirstOrDefault(p => string.Equals(p.Alias, alias, StringComparison.Ordinal));

    public bool AllowsChild(string childAlias) => AllowedChildren.Contains(childAlias, StringComparer.Ordinal);
}
