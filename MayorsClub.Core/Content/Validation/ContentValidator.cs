using System.Text.RegularExpressions;

namespace MayorsClub.Core.Content.Validation;

/// <summary>
/// Checks a whole draft against its document type: supported cultures, names, URL segments,
/// known properties in the right place (shared or per culture), each value, and the type's own rules.
/// Returns the draft as it would be stored.
/// </summary>
public sealed partial class ContentValidator(PropertyValueValidator values)
{
    public const int NameMaxLength = 255;

    /// <summary>The longest URL segment an editor may set: as long as a generated one (the column leaves room for "-2"…).</summary>
    public const int SegmentMaxLength = Routing.UkrainianTransliteration.MaxUrlSegmentLength;

    public (ContentValues Clean, IReadOnlyList<ContentError> Errors) Validate(DocumentType type, ContentValues draft)
    {
        var errors = new List<ContentError>();
        var clean = new ContentValues();

        foreach (var culture in draft.Cultures.Keys.Where(c => !Cultures.IsSupported(c)))
        {
            errors.Add(new ContentError(ContentMessages.UnknownCulture, Culture: culture, Args: [culture]));
        }

        foreach (var (alias, value) in draft.Invariant)
        {
            var property = type.FindProperty(alias);
            if (property is null)
            {
                errors.Add(new ContentError(ContentMessages.UnknownProperty, alias, Args: [alias]));
            }
            else if (property.VariesByCulture)
            {
                errors.Add(new ContentError(ContentMessages.PropertyVariesByCulture, alias, Args: [property.Name]));
            }
        }

        foreach (var property in type.Properties.Where(p => !p.VariesByCulture))
        {
            var (value, propertyErrors) = values.Validate(property, draft.Invariant.GetValueOrDefault(property.Alias), null);
            errors.AddRange(propertyErrors);
            if (value is not null)
            {
                clean.Invariant[property.Alias] = value;
            }
        }

        foreach (var (culture, variant) in draft.Cultures.Where(c => Cultures.IsSupported(c.Key)))
        {
            clean.Cultures[culture] = ValidateCulture(type, culture, variant, errors);
        }

        if (errors.Count == 0 && type.Rules is not null)
        {
            errors.AddRange(type.Rules(clean));
        }

        return (clean, errors);
    }

    private CultureVariant ValidateCulture(DocumentType type, string culture, CultureVariant variant, List<ContentError> errors)
    {
        var clean = new CultureVariant { Name = NameText.Clean(variant.Name) };
        if (clean.Name.Length == 0)
        {
            errors.Add(new ContentError(ContentMessages.NameRequired, "name", culture));
        }
        else if (clean.Name.Length > NameMaxLength)
        {
            errors.Add(new ContentError(ContentMessages.NameTooLong, "name", culture, [NameMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }

        if (!string.IsNullOrWhiteSpace(variant.Segment))
        {
            clean.Segment = NameText.Clean(variant.Segment).ToLowerInvariant();
            if (clean.Segment.Length > SegmentMaxLength)
            {
                errors.Add(new ContentError(ContentMessages.SegmentTooLong, "segment", culture, [SegmentMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
            }
            else if (!SegmentPattern().IsMatch(clean.Segment))
            {
                errors.Add(new ContentError(ContentMessages.SegmentInvalid, "segment", culture));
            }
        }

        foreach (var alias in variant.Values.Keys)
        {
            var property = type.FindProperty(alias);
            if (property is null)
            {
                errors.Add(new ContentError(ContentMessages.UnknownProperty, alias, culture, [alias]));
            }
            else if (!property.VariesByCulture)
            {
                errors.Add(new ContentError(ContentMessages.PropertyIsShared, alias, culture, [property.Name]));
            }
        }

        foreach (var property in type.Properties.Where(p => p.VariesByCulture))
        {
            var (value, propertyErrors) = values.Validate(property, variant.Values.GetValueOrDefault(property.Alias), culture);
            errors.AddRange(propertyErrors);
            if (value is not null)
            {
                clean.Values[property.Alias] = value;
            }
        }

        return clean;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SegmentPattern();
}
