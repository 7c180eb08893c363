namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>The list of expert sessions.</summary>
public static class ExpertSessionIndex
{
    public const string Alias = "expertSessionIndex";
    public const string Intro = "intro";

    public static DocumentType Definition { get; } = new(Alias, "Expert sessions")
    {
        AllowedChildren = [ExpertSession.Alias],
        Properties =
        [
            new(Intro, "Introduction", PropertyEditor.TextArea) { VariesByCulture = true, MaxLength = 1000 },
            Seo.MetaDescriptionProperty,
        ],
    };
}
