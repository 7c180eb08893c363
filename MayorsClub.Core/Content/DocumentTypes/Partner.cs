namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>
/// A partner of the club in the partners directory: not a page of its own (no address), an entry of its parent's page.
/// Its name in each language is the document's name.
/// </summary>
public static class Partner
{
    public const string Alias = "partner";
    public const string Logo = "logo";
    public const string Kind = "kind";
    public const string Country = "country";
    public const string Website = "website";
    public const string Description = "description";

    /// <summary>The kinds of partner, as stored values: the same as the partnership form's.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["ukrainianEnterprise", "internationalCompany", "investor", "other"];

    public static DocumentType Definition { get; } = new(Alias, "Partner")
    {
        IsPage = false,
        Properties =
        [
            new(Logo, "Logo", PropertyEditor.MediaPicker),
            new(Kind, "Kind of partner", PropertyEditor.Dropdown) { Required = true, Options = Kinds },
            new(Country, "Country", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 100 },
            new(Website, "Website", PropertyEditor.Url),
            new(Description, "Description", PropertyEditor.TextArea) { VariesByCulture = true, MaxLength = 1000 },
        ],
    };
}
