namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>A news article.</summary>
public static class NewsArticle
{
    public const string Alias = "newsArticle";
    public const string Date = "date";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Image = "image";
    public const string Tags = "tags";
    public const string RelatedNews = "relatedNews";
    public const string SourceUrl = "sourceUrl";

    public static DocumentType Definition { get; } = new(Alias, "News article")
    {
        Properties =
        [
            new(Date, "Date", PropertyEditor.Date) { Required = true },
            new(Summary, "Summary", PropertyEditor.TextArea) { Required = true, VariesByCulture = true, MaxLength = 500 },
            new(Body, "Text", PropertyEditor.RichText) { Required = true, VariesByCulture = true },
            new(Image, "Image", PropertyEditor.MediaPicker),
            new(Tags, "Tags", PropertyEditor.Tags) { VariesByCulture = true },
            new(RelatedNews, "Related news", PropertyEditor.ContentPicker) { Multiple = true },
            new(SourceUrl, "Source", PropertyEditor.Url),
            Seo.MetaDescriptionProperty,
        ],
    };
}
