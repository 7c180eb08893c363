namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>A plain page: about, membership, partnership, privacy…</summary>
public static class ContentPage
{
    public const string Alias = "contentPage";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Image = "image";

    /// <summary>Keep the page out of the main navigation (still reachable, listed in the footer and the sitemap).</summary>
    public const string HideFromNavigation = "hideFromNavigation";

    /// <summary>The public form the page carries below its text (membership, partnership or contact), if any.</summary>
    public const string ApplicationForm = "applicationForm";

    /// <summary>The forms a content page may carry (an event registration belongs on its event).</summary>
    public static IReadOnlyList<string> Forms { get; } =
        [Applications.ApplicationForms.MembershipName, Applications.ApplicationForms.PartnershipName, Applications.ApplicationForms.ContactName];

    public static DocumentType Definition { get; } = new(Alias, "Content page")
    {
        AllowedChildren = [Alias],
        Properties =
        [
            new(Summary, "Summary", PropertyEditor.TextArea) { VariesByCulture = true, MaxLength = 500 },
            new(Body, "Text", PropertyEditor.RichText) { Required = true, VariesByCulture = true },
            new(Image, "Image", PropertyEditor.MediaPicker),
            new(HideFromNavigation, "Hide from navigation", PropertyEditor.TrueFalse) { Group = "Navigation" },
            new(ApplicationForm, "Form on the page", PropertyEditor.Dropdown) { Options = Forms, Group = "Form" },
            Seo.MetaDescriptionProperty,
        ],
    };
}
