namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>
/// An expert session for members. The teaser (date, speakers, summary, description) is public;
/// the video and the materials are for members only.
/// </summary>
public static class ExpertSession
{
    public const string Alias = "expertSession";
    public const string Date = "date";
    public const string Summary = "summary";
    public const string Description = "description";
    public const string Image = "image";
    public const string Speakers = "speakers";
    public const string Video = "video";
    public const string VideoEmbedUrl = "videoEmbedUrl";
    public const string Materials = "materials";
    public const string Tags = "tags";

    public static DocumentType Definition { get; } = new(Alias, "Expert session")
    {
        Properties =
        [
            new(Date, "Date and time", PropertyEditor.DateTimeZoned) { Required = true },
            new(Summary, "Summary", PropertyEditor.TextArea) { Required = true, VariesByCulture = true, MaxLength = 500 },
            new(Description, "Description", PropertyEditor.RichText) { VariesByCulture = true },
            new(Image, "Image", PropertyEditor.MediaPicker),
            new(Speakers, "Speakers", PropertyEditor.BlockList) { VariesByCulture = true, Multiple = true, Element = Elements.Speaker },
            new(Video, "Video file", PropertyEditor.MediaPicker) { MembersOnly = true, Group = "Members only" },
            new(VideoEmbedUrl, "Video link (embed)", PropertyEditor.Url) { MembersOnly = true, Group = "Members only" },
            new(Materials, "Materials", PropertyEditor.MediaPicker) { Multiple = true, MembersOnly = true, Group = "Members only" },
            new(Tags, "Tags", PropertyEditor.Tags) { VariesByCulture = true },
            Seo.MetaDescriptionProperty,
        ],
    };
}
