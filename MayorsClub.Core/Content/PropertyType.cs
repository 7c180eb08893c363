namespace MayorsClub.Core.Content;

/// <summary>A property of a document type or of a block element type.</summary>
public sealed record PropertyType(string Alias, string Name, PropertyEditor Editor)
{
    public bool Required { get; init; }

    /// <summary>True when each culture has its own value; false when the value is shared by both.</summary>
    public bool VariesByCulture { get; init; }

    /// <summary>The tab the back office shows the property on.</summary>
    public string Group { get; init; } = "Content";

    /// <summary>Longest allowed text, in characters (text editors only).</summary>
    public int? MaxLength { get; init; }

    /// <summary>For pickers and block lists: more than one item allowed.</summary>
    public bool Multiple { get; init; }

    /// <summary>For numbers: the smallest and largest allowed values.</summary>
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }

    /// <summary>For dropdowns: the allowed values.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>For block lists: the element type of each block.</summary>
    public ElementType? Element { get; init; }

    /// <summary>For media pickers: the value points to member-only material.</summary>
    public bool MembersOnly { get; init; }
}

/// <summary>The shape of one block in a block list (a speaker, a list item…).</summary>
public sealed record ElementType(string Alias, string Name, IReadOnlyList<PropertyType> Properties);
