using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace MayorsClub.Core.Applications;

/// <summary>A field's error: a message key of <see cref="ApplicationTexts"/> and its arguments.</summary>
public sealed record FieldError(string Field, string Code, IReadOnlyList<string> Args)
{
    public string Message(string culture) => ApplicationTexts.Format(Code, culture, [.. Args]);
}

/// <summary>
/// The outcome of checking a submission: the normalised values of the form's fields (trimmed, e-mail in lower case,
/// phones in E.164, consent as "true"; empty optional fields left out) and an error per field that failed.
/// </summary>
public sealed record ApplicationValidation(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Checks a submitted form against its declaration. Only the declared fields are read: anything else the browser
/// sends (the honeypot, the antiforgery token, stray fields) is ignored here.
/// </summary>
public static partial class ApplicationValidator
{
    /// <summary>Where a number without a country code is taken to be.</summary>
    private const string HomeRegion = "UA";

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static ApplicationValidation Validate(ApplicationForm form, IReadOnlyDictionary<string, string?> submitted)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, FieldError>(StringComparer.Ordinal);
        foreach (var field in form.Fields)
        {
            var raw = submitted.TryGetValue(field.Name, out var given) ? given : null;
            var text = Clean(raw, field.Type);
            if (text.Length == 0)
            {
                if (field.Required)
                {
                    errors[field.Name] = Error(field, field.Type == FieldType.Consent ? ApplicationTexts.ConsentRequired : ApplicationTexts.Required);
                }
                continue;
            }
            if (text.Length > field.MaxLength && HasFreeText(field.Type))
            {
                errors[field.Name] = Error(field, ApplicationTexts.TooLong, field.MaxLength.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            var (value, error) = Check(field, text);
            if (error is not null)
            {
                errors[field.Name] = error;
            }
            else
            {
                values[field.Name] = value!;
            }
        }
        return new ApplicationValidation(values, errors);
    }

    /// <summary>Trims; a one-line field's line breaks become spaces, a text area's line breaks become "\n".</summary>
    private static string Clean(string? raw, FieldType type)
    {
        if (raw is null)
        {
            return "";
        }
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (type != FieldType.TextArea)
        {
            text = text.Replace('\n', ' ');
        }
        return text.Trim();
    }

    private static (string? Value, FieldError? Error) Check(FormField field, string text) => field.Type switch
    {
        FieldType.Text or FieldType.TextArea => (text, null),
        FieldType.Email => NormaliseEmail(text) is { } email ? (email, null) : (null, Error(field, ApplicationTexts.InvalidEmail)),
        FieldType.Phone => NormalisePhone(text) is { } phone ? (phone, null) : (null, Error(field, ApplicationTexts.InvalidPhone)),
        FieldType.Url => NormaliseUrl(text) is { } url && url.Length <= field.MaxLength ? (url, null) : (null, Error(field, ApplicationTexts.InvalidUrl)),
        FieldType.Choice => field.Options.Contains(text, StringComparer.Ordinal) ? (text, null) : (null, Error(field, ApplicationTexts.NotAnOption)),
        FieldType.Region => Members.Regions.IsRegion(text) ? (text, null) : (null, Error(field, ApplicationTexts.NotAnOption)),
        FieldType.Number => CheckNumber(field, text),
        FieldType.Consent => text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("on", StringComparison.OrdinalIgnoreCase)
            ? ("true", null)
            : (null, Error(field, ApplicationTexts.ConsentRequired)),
        _ => throw new InvalidOperationException($"Unknown field type {field.Type}."),
    };

    private static (string? Value, FieldError? Error) CheckNumber(FormField field, string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return (null, Error(field, ApplicationTexts.NotNumber));
        }
        return number < field.Min || number > field.Max
            ? (null, Error(field, ApplicationTexts.NumberOutOfRange, field.Min.ToString(CultureInfo.InvariantCulture), field.Max.ToString(CultureInfo.InvariantCulture)))
            : (number.ToString(CultureInfo.InvariantCulture), null);
    }

    /// <summary>A bare address (no display name) with a dotted domain, in lower case; null when it is not one.</summary>
    public static string? NormaliseEmail(string text)
    {
        if (!SimpleEmail().IsMatch(text) || !MailAddress.TryCreate(text, out var address) || address.Address != text || address.DisplayName.Length > 0)
        {
            return null;
        }
        return text.ToLowerInvariant();
    }

    /// <summary>
    /// The number in E.164 ("+380501234567"); a number without "+" is read as Ukrainian (with or without its leading
    /// 0 or 380), a foreign one needs its country code after "+". Null when it is not a valid number.
    /// </summary>
    public static string? NormalisePhone(string text)
    {
        if (!PhoneCharacters().IsMatch(text))
        {
            return null;
        }
        try
        {
            var number = Phones.Parse(text, HomeRegion);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>An http or https address with a dotted host; "rada.gov.ua" is read as "https://rada.gov.ua/".</summary>
    public static string? NormaliseUrl(string text)
    {
        if (text.Any(char.IsWhiteSpace))
        {
            return null;
        }
        if (!text.Contains("://", StringComparison.Ordinal) && !text.Contains(':', StringComparison.Ordinal))
        {
            text = "https://" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !uri.Host.Contains('.', StringComparison.Ordinal)
            || uri.Host.StartsWith('.') || uri.Host.EndsWith('.')
            || uri.UserInfo.Length > 0)
        {
            return null;
        }
        return uri.AbsoluteUri;
    }

    /// <summary>Fields the applicant types freely are held to their length; the others are checked against their values.</summary>
    private static bool HasFreeText(FieldType type) =>
        type is FieldType.Text or FieldType.TextArea or FieldType.Email or FieldType.Phone or FieldType.Url;

    private static FieldError Error(FormField field, string code, params string[] args) => new(field.Name, code, args);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]
    private static partial Regex SimpleEmail();

    /// <summary>Digits with the separators people type: spaces, dashes, dots, brackets, a leading plus.</summary>
    [GeneratedRegex(@"^\+?[0-9 ()\-.]{6,}$")]
    private static partial Regex PhoneCharacters();
}
