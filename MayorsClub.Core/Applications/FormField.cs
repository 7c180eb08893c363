using System.Globalization;

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

    /// <summary>
    /// The HTML attributes that give the browser the same rules as a convenience (the server checks again): required,
    /// maxlength, the input's type, min and max, and what autofill should offer. A website is typed as text with a URL
    /// keyboard, because the server also accepts an address without "https://", which type="url" would refuse.
    /// </summary>
    public IReadOnlyList<(string Name, string Value)> BrowserAttributes()
    {
        var attributes = new List<(string, string)>();
        var inputType = Type switch
        {
            FieldType.Email => "email",
            FieldType.Phone => "tel",
            FieldType.Number => "number",
            FieldType.Consent => "checkbox",
            FieldType.Text or FieldType.Url => "text",
            _ => null,
        };
        if (inputType is not null)
        {
            attributes.Add(("type", inputType));
        }
        if (Required)
        {
            attributes.Add(("required", "required"));
        }
        if (Type is FieldType.Text or FieldType.TextArea or FieldType.Email or FieldType.Phone or FieldType.Url)
        {
            attributes.Add(("maxlength", MaxLength.ToString(CultureInfo.InvariantCulture)));
        }
        if (Type == FieldType.Number)
        {
            attributes.Add(("min", Min.ToString(CultureInfo.InvariantCulture)));
            attributes.Add(("max", Max.ToString(CultureInfo.InvariantCulture)));
            attributes.Add(("step", "1"));
        }
        if (Type == FieldType.Url)
        {
            attributes.Add(("inputmode", "url"));
        }
        if (Type == FieldType.Consent)
        {
            attributes.Add(("value", "true"));
        }
        if (Autocomplete() is { } autocomplete)
        {
            attributes.Add(("autocomplete", autocomplete));
        }
        return attributes;
    }

    private string? Autocomplete() => Type switch
    {
        FieldType.Email => "email",
        FieldType.Phone => "tel",
        FieldType.Url => "url",
        _ => Name switch
        {
            "fullName" or "contactPerson" or "name" => "name",
            "organisation" => "organization",
            "country" => "country-name",
            _ => null,
        },
    };
}
