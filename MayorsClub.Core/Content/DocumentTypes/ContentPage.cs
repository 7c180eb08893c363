namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>A plain page: about, membership, partnership, privacy…</summary>
public static class ContentPage
{
    public const string Alias = "contentPage";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Image = "image";

    public static DocumentType Definition { get; } = new(Alias, "Content page")
    {
        AllowedChildren = [Alias],
        Properties =
        [
            new(Summary, "Summary", PropertyEditor.TextArea) { VariesByCulture = true, MaxLength = 500 },
            new(Body, "Text", PropertyEditor.RichText) { Required = true, VariesByCulture = true },
            new(Image, "Image", PropertyEditor.MediaPicker),
            Seo.MetaDescriptionProperty,
        ],
    };
}
