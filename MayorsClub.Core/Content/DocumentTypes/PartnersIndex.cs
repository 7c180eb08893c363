namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>The partners directory: a page under home that lists its children, the partners, with their logos.</summary>
public static class PartnersIndex
{
    public const string Alias = "partnersIndex";
    public const string Intro = "intro";

    public static DocumentType Definition { get; } = new(Alias, "Partners directory")
    {
        AllowedChildren = [Partner.Alias],
        Properties =
        [
            new(Intro, "Introduction", PropertyEditor.TextArea) { VariesByCulture = true, MaxLength = 1000 },
            Seo.MetaDescriptionProperty,
        ],
    };
}
