namespace MayorsClub.Core.Applications;

/// <summary>What a form field holds; decides how it is rendered, checked and normalised.</summary>
public enum FieldType
{
    Text,
    TextArea,
    Email,
    Phone,
    Url,
    Choice,
    Region,
    Number,
    Consent,
}

/// <summary>
/// One field of an application form. Its label, help and option names are texts in <see cref="ApplicationTexts"/>,
/// keyed by the form's and the field's names ("membership.fullName", "membership.fullName.help",
/// "membership.position.currentMayor"), so the page, the browser-side attributes and the server check read one declaration.
/// </summary>
public sealed record FormField(
    string Form,
    string Name,
    FieldType Type,
    bool Required,
    int MaxLength,
    IReadOnlyList<string> Options,
    int Min = 0,
    int Max = 0,
    bool HasHelp = false)
{
    public string LabelKey => $"{Form}.{Name}";

    public string? HelpKey => HasHelp ? $"{Form}.{Name}.help" : null;

    public string OptionKey(string option) => $"{Form}.{Name}.{option}";

    public string Label(string culture) => ApplicationTexts.Get(LabelKey, culture);

    public string? Help(string culture) => HelpKey is { } key ? ApplicationTexts.Get(key, culture) : null;

    /// <summary>The field's choices with their names in the culture: the declared options, or Ukraine's regions.</summary>
    public IReadOnlyList<(string Value, string Name)> Choices(string culture) => Type switch
    {
        FieldType.Choice => Options.Select(option => (option, ApplicationTexts.Get(OptionKey(option), culture))).ToArray(),
        FieldType.Region => Members.Regions.Codes.Select(code => (code, Members.Regions.Name(code, culture))).ToArray(),
        _ => [],
    };
}
