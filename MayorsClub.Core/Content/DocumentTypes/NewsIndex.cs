namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>The news list; its children are the articles.</summary>
public static class NewsIndex
{
    public const string Alias = "newsIndex";
    public const string Intro = "intro";
    public const string PageSize = "pageSize";

    public static DocumentType Definition { get; } = new(Alias, "News list")
    {
        AllowedChildren = [NewsArticle.Alias],
        Properties =
        [
            new(Intro, "Introduction", PropertyEditor.TextArea) { VariesByCulture = true, MaxLength = 1000 },
            new(PageSize, "Articles per page", PropertyEditor.Number) { Min = 1, Max = 100 },
            Seo.MetaDescriptionProperty,
        ],
    };
}
