namespace MayorsClub.Core.Applications;

/// <summary>
/// A form the public site offers: its fields in order, and which of them name the applicant and their e-mail
/// (kept as columns of the stored application). Title, introduction and button texts are keyed by the form's name.
/// </summary>
public sealed record ApplicationForm(string Name, IReadOnlyList<FormField> Fields, string ApplicantNameField, string ApplicantEmailField)
{
    public string TitleKey => $"{Name}.title";
    public string IntroKey => $"{Name}.intro";
    public string SubmitKey => $"{Name}.submit";

    public FormField? Field(string name) => Fields.FirstOrDefault(field => field.Name == name);
}

/// <summary>The club's four forms, each declared once.</summary>
public static class ApplicationForms
{
    public const string MembershipName = "membership";
    public const string PartnershipName = "partnership";
    public const string EventName = "event";
    public const string ContactName = "contact";

    public const int NameLength = 200;
    public const int EmailLength = 254;
    public const int PhoneLength = 32;
    public const int UrlLength = 500;
    public const int LongTextLength = 4000;
    public const int MaxParticipants = 50;

    public static ApplicationForm Membership { get; } = new(MembershipName,
    [
        Text(MembershipName, "fullName", required: true, NameLength),
        Choice(MembershipName, "position", "currentMayor", "formerMayor", "communityHead", "formerCommunityHead", "communityTeam"),
        Text(MembershipName, "community", required: true, NameLength, help: true),
        new(MembershipName, "region", FieldType.Region, Required: true, 10, []),
        Email(MembershipName),
        Phone(MembershipName, required: true),
        new(MembershipName, "website", FieldType.Url, Required: false, UrlLength, [], HasHelp: true),
        new(MembershipName, "motivation", FieldType.TextArea, Required: true, LongTextLength, [], HasHelp: true),
        Consent(MembershipName),
    ], "fullName", "email");

    public static ApplicationForm Partnership { get; } = new(PartnershipName,
    [
        Text(PartnershipName, "organisation", required: true, NameLength),
        Choice(PartnershipName, "kind", "ukrainianEnterprise", "internationalCompany", "investor", "other"),
        Text(PartnershipName, "country", required: true, 100),
        Text(PartnershipName, "contactPerson", required: true, NameLength),
        Email(PartnershipName),
        Phone(PartnershipName, required: false),
        new(PartnershipName, "offer", FieldType.TextArea, Required: true, LongTextLength, [], HasHelp: true),
        Consent(PartnershipName),
    ], "contactPerson", "email");

    public static ApplicationForm EventRegistration { get; } = new(EventName,
    [
        Text(EventName, "organisation", required: true, NameLength, help: true),
        Text(EventName, "contactPerson", required: true, NameLength),
        Email(EventName),
        Phone(EventName, required: true),
        new(EventName, "participants", FieldType.Number, Required: true, 2, [], Min: 1, Max: MaxParticipants, HasHelp: true),
        Consent(EventName),
    ], "contactPerson", "email");

    public static ApplicationForm Contact { get; } = new(ContactName,
    [
        Text(ContactName, "name", required: true, NameLength),
        Email(ContactName),
        new(ContactName, "message", FieldType.TextArea, Required: true, LongTextLength, []),
    ], "name", "email");

    public static IReadOnlyList<ApplicationForm> All { get; } = [Membership, Partnership, EventRegistration, Contact];

    public static ApplicationForm? Find(string? name) => All.FirstOrDefault(form => form.Name == name);

    private static FormField Text(string form, string name, bool required, int maxLength, bool help = false) =>
        new(form, name, FieldType.Text, required, maxLength, [], HasHelp: help);

    private static FormField Choice(string form, string name, params string[] options) =>
        new(form, name, FieldType.Choice, Required: true, 50, options);

    private static FormField Email(string form) => new(form, "email", FieldType.Email, Required: true, EmailLength, []);

    private static FormField Phone(string form, bool required) =>
        new(form, "phone", FieldType.Phone, required, PhoneLength, [], HasHelp: true);

    private static FormField Consent(string form) =>
        new(form, "consent", FieldType.Consent, Required: true, 10, [], HasHelp: true);
}
