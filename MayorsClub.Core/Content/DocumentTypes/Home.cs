namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>The front page, root of the site: hero, mission, services, sessions, events, membership, partnership, contact.</summary>
public static class Home
{
    public const string Alias = "home";

    public const string HeroTitle = "heroTitle";
    public const string HeroSubtitle = "heroSubtitle";
    public const string HeroImage = "heroImage";
    public const string MissionTitle = "missionTitle";
    public const string MissionIntro = "missionIntro";
    public const string MissionItems = "missionItems";
    public const string ServicesTitle = "servicesTitle";
    public const string Services = "services";
    public const string ExpertSessionsTitle = "expertSessionsTitle";
    public const string EventsTitle = "eventsTitle";
    public const string NoEventsText = "noEventsText";
    public const string MembershipTitle = "membershipTitle";
    public const string MembershipText = "membershipText";
    public const string MembershipCallToAction = "membershipCallToAction";
    public const string MembershipPage = "membershipPage";
    public const string PartnershipTitle = "partnershipTitle";
    public const string PartnershipText = "partnershipText";
    public const string PartnershipCallToAction = "partnershipCallToAction";
    public const string PartnershipPage = "partnershipPage";
    public const string PartnerPrivilegesTitle = "partnerPrivilegesTitle";
    public const string PartnerPrivileges = "partnerPrivileges";
    public const string ContactTitle = "contactTitle";
    public const string ContactText = "contactText";

    public static DocumentType Definition { get; } = new(Alias, "Home page")
    {
        AllowedAtRoot = true,
        AllowedChildren = [NewsIndex.Alias, ExpertSessionIndex.Alias, EventsCalendar.Alias, ContentPage.Alias, PartnersIndex.Alias],
        Properties =
        [
            new(HeroTitle, "Hero title", PropertyEditor.Text) { Required = true, VariesByCulture = true, MaxLength = 200, Group = "Hero" },
            new(HeroSubtitle, "Hero subtitle", PropertyEditor.TextArea) { VariesByCulture = true, MaxLength = 600, Group = "Hero" },
            new(HeroImage, "Hero image", PropertyEditor.MediaPicker) { Group = "Hero" },
            new(MissionTitle, "Mission title", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 200, Group = "Mission" },
            new(MissionIntro, "Mission introduction", PropertyEditor.TextArea) { VariesByCulture = true, MaxLength = 2000, Group = "Mission" },
            new(MissionItems, "Missions", PropertyEditor.BlockList) { VariesByCulture = true, Multiple = true, Element = Elements.ListItem, Group = "Mission" },
            new(ServicesTitle, "Services title", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 200, Group = "Services" },
            new(Services, "Services for members", PropertyEditor.BlockList) { VariesByCulture = true, Multiple = true, Element = Elements.Service, Group = "Services" },
            new(ExpertSessionsTitle, "Expert sessions title", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 200, Group = "Sessions and events" },
            new(EventsTitle, "Current events title", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 200, Group = "Sessions and events" },
            new(NoEventsText, "Text when there are no events", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 200, Group = "Sessions and events" },
            new(MembershipTitle, "Membership title", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 200, Group = "Membership and partnership" },
            new(MembershipText, "Membership text", PropertyEditor.RichText) { VariesByCulture = true, Group = "Membership and partnership" },
            new(MembershipCallToAction, "Membership button", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 60, Group = "Membership and partnership" },
            new(MembershipPage, "Membership page", PropertyEditor.ContentPicker) { Group = "Membership and partnership" },
            new(PartnershipTitle, "Partnership title", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 200, Group = "Membership and partnership" },
            new(PartnershipText, "Partnership text", PropertyEditor.RichText) { VariesByCulture = true, Group = "Membership and partnership" },
            new(PartnershipCallToAction, "Partnership button", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 60, Group = "Membership and partnership" },
            new(PartnershipPage, "Partnership page", PropertyEditor.ContentPicker) { Group = "Membership and partnership" },
            new(PartnerPrivilegesTitle, "Partner privileges title", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 200, Group = "Membership and partnership" },
            new(PartnerPrivileges, "Partner privileges", PropertyEditor.BlockList) { VariesByCulture = true, Multiple = true, Element = Elements.ListItem, Group = "Membership and partnership" },
            new(ContactTitle, "Contact title", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 200, Group = "Contact" },
            new(ContactText, "Contact text", PropertyEditor.TextArea) { VariesByCulture = true, MaxLength = 1000, Group = "Contact" },
            Seo.MetaDescriptionProperty,
        ],
    };
}
