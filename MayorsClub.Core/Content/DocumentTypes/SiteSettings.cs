namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>Site-wide settings: name, contacts, social links, footer. Not a page: it has no URL.</summary>
public static class SiteSettings
{
    public const string Alias = "siteSettings";
    public const string SiteName = "siteName";
    public const string Tagline = "tagline";
    public const string ContactEmail = "contactEmail";
    public const string ContactPhone = "contactPhone";
    public const string Address = "address";
    public const string FacebookUrl = "facebookUrl";
    public const string LinkedInUrl = "linkedInUrl";
    public const string YouTubeUrl = "youTubeUrl";
    public const string FooterText = "footerText";

    /// <summary>The picture link previews show for a page without an image of its own (cut to the "og" crop, 1200×630).</summary>
    public const string ShareImage = "shareImage";

    public static DocumentType Definition { get; } = new(Alias, "Site settings")
    {
        AllowedAtRoot = true,
        IsPage = false,
        Properties =
        [
            new(SiteName, "Site name", PropertyEditor.Text) { Required = true, VariesByCulture = true, MaxLength = 100 },
            new(Tagline, "Tagline", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 200 },
            new(ContactEmail, "Contact e-mail", PropertyEditor.Text) { Required = true, MaxLength = 200 },
            new(ContactPhone, "Contact phone", PropertyEditor.Text) { MaxLength = 50 },
            new(Address, "Address", PropertyEditor.TextArea) { VariesByCulture = true, MaxLength = 500 },
            new(FacebookUrl, "Facebook", PropertyEditor.Url) { Group = "Social" },
            new(LinkedInUrl, "LinkedIn", PropertyEditor.Url) { Group = "Social" },
            new(YouTubeUrl, "YouTube", PropertyEditor.Url) { Group = "Social" },
            new(FooterText, "Footer text", PropertyEditor.TextArea) { VariesByCulture = true, MaxLength = 1000 },
            new(ShareImage, "Share image", PropertyEditor.MediaPicker) { Group = "Social" },
        ],
    };
}
