using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ganss.Xss;
using NodaTime;

namespace MayorsClub.Core.Content.Validation;

/// <summary>
/// Checks one property value against its property type and returns the value as it is stored
/// (trimmed text, sanitized HTML, normalized keys), or the errors that refuse it.
/// </summary>
public sealed class PropertyValueValidator(IHtmlSanitizer sanitizer)
{
    private const int DefaultTextLength = 500;
    private const int DefaultTextAreaLength = 4000;
    private const int RichTextLength = 200_000;
    private const int TagLength = 50;

    public (JsonNode? Value, IReadOnlyList<ContentError> Errors) Validate(PropertyType property, JsonNode? value, string? culture)
    {
        var errors = new List<ContentError>();
        var normalized = IsEmpty(value) ? null : Normalize(property, value!, culture, errors);
        if (normalized is null && errors.Count == 0 && property.Required)
        {
            errors.Add(Error(ContentMessages.Required, property, culture));
        }

        return (errors.Count == 0 ? normalized : null, errors);
    }

    private JsonNode? Normalize(PropertyType property, JsonNode value, string? culture, List<ContentError> errors)
    {
        switch (property.Editor)
        {
            case PropertyEditor.Text:
            case PropertyEditor.TextArea:
                return Text(property, value, culture, errors, property.Editor == PropertyEditor.Text ? DefaultTextLength : DefaultTextAreaLength);
            case PropertyEditor.RichText:
                var html = Text(property, value, culture, errors, RichTextLength);
                if (html is null)
                {
                    return null;
                }

                // Counted before sanitizing: parsing deeply nested markup costs far more than its size suggests.
                if (RichTextSanitizer.NestingDepth(html.GetValue<string>()) > RichTextSanitizer.MaxNestingDepth)
                {
                    errors.Add(Error(ContentMessages.TooDeeplyNested, property, culture, RichTextSanitizer.MaxNestingDepth.ToString(CultureInfo.InvariantCulture)));
                    return null;
                }

                var clean = sanitizer.Sanitize(html.GetValue<string>()).Trim();
                return clean.Length == 0 ? null : JsonValue.Create(clean);
            case PropertyEditor.Date:
                if (ZonedValue.TryReadDate(value) is { } date)
                {
                    return JsonValue.Create(ZonedValue.DatePattern.Format(date));
                }

                errors.Add(Error(ContentMessages.InvalidDate, property, culture));
                return null;
            case PropertyEditor.DateTimeZoned:
                return DateTimeZoned(property, value, culture, errors);
            case PropertyEditor.Number:
                return Number(property, value, culture, errors);
            case PropertyEditor.TrueFalse:
                if (value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    return JsonValue.Create(value.GetValue<bool>());
                }

                errors.Add(Error(ContentMessages.NotBoolean, property, culture));
                return null;
            case PropertyEditor.MediaPicker:
            case PropertyEditor.ContentPicker:
                return Keys(property, value, culture, errors);
            case PropertyEditor.Tags:
                return Tags(property, value, culture, errors);
            case PropertyEditor.Url:
                var url = Text(property, value, culture, errors, 2000);
                if (url is not null && !IsAbsoluteWebUrl(url.GetValue<string>()))
                {
                    errors.Add(Error(ContentMessages.InvalidUrl, property, culture));
                    return null;
                }

                return url;
            case PropertyEditor.Dropdown:
                var option = Text(property, value, culture, errors, 200);
                if (option is not null && !property.Options.Contains(option.GetValue<string>(), StringComparer.Ordinal))
                {
                    errors.Add(Error(ContentMessages.NotAnOption, property, culture, option.GetValue<string>()));
                    return null;
                }

                return option;
            case PropertyEditor.BlockList:
                return Blocks(property, value, culture, errors);
            default:
                throw new InvalidOperationException($"No validation for editor {property.Editor}.");
        }
    }

    private static JsonValue? Text(PropertyType property, JsonNode value, string? culture, List<ContentError> errors, int defaultMax)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(Error(ContentMessages.NotText, property, culture));
            return null;
        }

        var text = value.GetValue<string>().Trim();
        var max = property.MaxLength ?? defaultMax;
        if (text.Length > max)
        {
            errors.Add(Error(ContentMessages.TooLong, property, culture, max.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        return text.Length == 0 ? null : JsonValue.Create(text);
    }

    private static JsonObject? DateTimeZoned(PropertyType property, JsonNode value, string? culture, List<ContentError> errors)
    {
        if (value is JsonObject obj && obj["zone"]?.GetValueKind() == JsonValueKind.String
            && DateTimeZoneProviders.Tzdb.GetZoneOrNull(obj["zone"]!.GetValue<string>()) is null)
        {
            errors.Add(Error(ContentMessages.UnknownTimeZone, property, culture, obj["zone"]!.GetValue<string>()));
            return null;
        }

        if (ZonedValue.TryRead(value) is not { } zoned)
        {
            errors.Add(Error(ContentMessages.InvalidDateTime, property, culture));
            return null;
        }

        // A time in the spring-forward gap does not exist (the lenient reading would move it an hour on), so it is refused.
        // A time the autumn fall-back repeats is ambiguous and is kept: it is read with the earlier offset (summer time),
        // as ZonedValue reads it leniently, which is what people mean by "the first 03:30 that night".
        var local = ZonedValue.LocalPattern.Parse(((JsonObject)value)["local"]!.GetValue<string>()).Value;
        var mapping = zoned.Zone.MapLocal(local);
        if (mapping.Count == 0)
        {
            var jumpsFrom = mapping.EarlyInterval.IsoLocalEnd.TimeOfDay;
            var jumpsTo = mapping.LateInterval.IsoLocalStart.TimeOfDay;
            errors.Add(Error(ContentMessages.TimeInClockChange, property, culture,
                ZonedValue.LocalPattern.Format(local).Replace('T', ' '), zoned.Zone.Id,
                jumpsFrom.ToString("HH':'mm", CultureInfo.InvariantCulture), jumpsTo.ToString("HH':'mm", CultureInfo.InvariantCulture)));
            return null;
        }

        return ZonedValue.Create(local, zoned.Zone.Id);
    }

    private static JsonValue? Number(PropertyType property, JsonNode value, string? culture, List<ContentError> errors)
    {
        // A number from parsed JSON or built in code (an int, a double…): read it from its JSON text either way.
        if (value.GetValueKind() != JsonValueKind.Number
            || !decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(Error(ContentMessages.NotNumber, property, culture));
            return null;
        }

        if ((property.Min is { } min && number < min) || (property.Max is { } max && number > max))
        {
            errors.Add(Error(ContentMessages.NumberOutOfRange, property, culture,
                (property.Min ?? decimal.MinValue).ToString(CultureInfo.InvariantCulture),
                (property.Max ?? decimal.MaxValue).ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        return JsonValue.Create(number);
    }

    private static JsonArray? Keys(PropertyType property, JsonNode value, string? culture, List<ContentError> errors)
    {
        if (value is not JsonArray array
            || array.Any(item => item?.GetValueKind() != JsonValueKind.String || !Guid.TryParse(item.GetValue<string>(), out _)))
        {
            errors.Add(Error(ContentMessages.InvalidKeyList, property, culture));
            return null;
        }

        var keys = array.Select(item => Guid.Parse(item!.GetValue<string>())).Distinct().ToList();
        if (!property.Multiple && keys.Count > 1)
        {
            errors.Add(Error(ContentMessages.TooManyItems, property, culture));
            return null;
        }

        return keys.Count == 0 ? null : new JsonArray(keys.Select(k => (JsonNode?)JsonValue.Create(k.ToString("D"))).ToArray());
    }

    private static JsonArray? Tags(PropertyType property, JsonNode value, string? culture, List<ContentError> errors)
    {
        if (value is not JsonArray array
            || array.Any(item => item?.GetValueKind() != JsonValueKind.String || item.GetValue<string>().Trim().Length > TagLength))
        {
            errors.Add(Error(ContentMessages.InvalidTags, property, culture));
            return null;
        }

        var tags = array.Select(item => item!.GetValue<string>().Trim())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return tags.Count == 0 ? null : new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
    }

    private JsonArray? Blocks(PropertyType property, JsonNode value, string? culture, List<ContentError> errors)
    {
        if (value is not JsonArray array || property.Element is null || array.Any(item => item is not JsonObject))
        {
            errors.Add(Error(ContentMessages.InvalidBlocks, property, culture));
            return null;
        }

        var result = new JsonArray();
        for (var index = 0; index < array.Count; index++)
        {
            var block = (JsonObject)array[index]!;
            var clean = new JsonObject();
            foreach (var (alias, _) in block)
            {
                if (property.Element.Properties.All(p => p.Alias != alias))
                {
                    errors.Add(new ContentError(ContentMessages.UnknownProperty, property.Alias, culture, [$"{property.Alias}[{index}].{alias}"]));
                }
            }

            foreach (var inner in property.Element.Properties)
            {
                var (innerValue, innerErrors) = Validate(inner, block[inner.Alias], culture);
                errors.AddRange(innerErrors.Select(e => e with { Property = $"{property.Alias}[{index}].{e.Property}" }));
                if (innerValue is not null)
                {
                    clean[inner.Alias] = innerValue;
                }
            }

            result.Add(clean);
        }

        return result.Count == 0 ? null : result;
    }

    private static bool IsAbsoluteWebUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsEmpty(JsonNode? value) =>
        value is null
        || value.GetValueKind() == JsonValueKind.Null
        || (value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>()))
        || (value is JsonArray { Count: 0 });

    private static ContentError Error(string code, PropertyType property, string? culture, params string[] extra) =>
        new(code, property.Alias, culture, [property.Name, .. extra]);
}
