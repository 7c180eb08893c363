using System.Text.Json.Nodes;
using MayorsClub.Core.Content;

namespace MayorsClub.Web.ManagementApi.Documents;

/// <summary>
/// Reads the variants and values of a create or update request into the content core's terms, collecting what is
/// wrong with the request itself (the content rules are the core's). Messages are in the caller's language.
/// </summary>
public sealed class DocumentRequestReader(string culture)
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Required(string field) => Add(field, ManagementApiText.Required, field);

    public void Add(string field, string messageKey, params object[] args) =>
        _errors.Add(new FieldError(field, ManagementApiText.Get(messageKey, culture, args)));

    /// <summary>The shared values and the languages of a new document.</summary>
    public ContentValues ForCreate(List<DocumentVariantRequest>? variants, List<DocumentValueModel>? values)
    {
        var result = new ContentValues();
        if (variants is null or { Count: 0 })
        {
            Required("variants");
        }

        foreach (var (variant, _) in Variants(variants))
        {
            result.Cultures[variant.Culture!] = new CultureVariant { Name = variant.Name ?? "", Segment = variant.UrlSegment };
        }

        foreach (var (value, key) in Values(values))
        {
            if (value.Culture is null)
            {
                result.Invariant[value.Alias] = value.Value?.DeepClone();
            }
            else if (result.Cultures.TryGetValue(value.Culture, out var variant))
            {
                variant.Values[value.Alias] = value.Value?.DeepClone();
            }
            else
            {
                Add(key, ManagementApiText.VariantMissing, value.Culture);
            }
        }

        return result;
    }

    /// <summary>
    /// The languages to save and the shared values (null: unchanged) of an update, merged over the current draft:
    /// values sent replace those values (null clears one), values not sent keep their draft.
    /// </summary>
    public (Dictionary<string, CultureVariant> Cultures, Dictionary<string, JsonNode?>? Invariant) ForUpdate(
        ContentValues draft, List<DocumentVariantRequest>? variants, List<DocumentValueModel>? values)
    {
        var cultures = new Dictionary<string, CultureVariant>(StringComparer.Ordinal);
        foreach (var (variant, _) in Variants(variants))
        {
            var current = draft.Culture(variant.Culture!);
            cultures[variant.Culture!] = new CultureVariant
            {
                Name = variant.Name ?? "",
                Segment = variant.UrlSegment ?? current?.Segment,
                Values = new Dictionary<string, JsonNode?>(current?.Values.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone())) ?? [], StringComparer.Ordinal),
            };
        }

        Dictionary<string, JsonNode?>? invariant = null;
        foreach (var (value, key) in Values(values))
        {
            Dictionary<string, JsonNode?> target;
            if (value.Culture is null)
            {
                target = invariant ??= new Dictionary<string, JsonNode?>(draft.Invariant.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone())), StringComparer.Ordinal);
            }
            else if (cultures.TryGetValue(value.Culture, out var variant))
            {
                target = variant.Values;
            }
            else if (draft.Culture(value.Culture) is { } written)
            {
                // A value of a language already written, without naming the language again: keep its name and segment.
                var kept = new CultureVariant
                {
                    Name = written.Name,
                    Segment = written.Segment,
                    Values = new Dictionary<string, JsonNode?>(written.Values.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone())), StringComparer.Ordinal),
                };
                cultures[value.Culture] = kept;
                target = kept.Values;
            }
            else
            {
                Add(key, ManagementApiText.VariantMissing, value.Culture);
                continue;
            }

            if (value.Value is null)
            {
                target.Remove(value.Alias);
            }
            else
            {
                target[value.Alias] = value.Value.DeepClone();
            }
        }

        return (cultures, invariant);
    }

    /// <summary>The well-formed variants: a culture and a name each, once per culture, no audience segment.</summary>
    private IEnumerable<(DocumentVariantRequest Variant, int Index)> Variants(List<DocumentVariantRequest>? variants)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (variant, index) in (variants ?? []).Select((v, i) => (v, i)))
        {
            if (variant is null)
            {
                Required($"variants[{index}]");
                continue;
            }

            if (string.IsNullOrEmpty(variant.Culture))
            {
                Required($"variants[{index}].culture");
                continue;
            }

            if (variant.Segment is not null)
            {
                Add($"variants[{variant.Culture}].segment", ManagementApiText.SegmentsNotUsed);
            }

            if (!seen.Add(variant.Culture))
            {
                Add($"variants[{variant.Culture}]", ManagementApiText.DuplicateVariant, variant.Culture);
                continue;
            }

            yield return (variant, index);
        }
    }

    /// <summary>The well-formed values with their field keys: an alias each, once per alias and culture, no audience segment.</summary>
    private IEnumerable<(DocumentValueModel Value, string Key)> Values(List<DocumentValueModel>? values)
    {
        var seen = new HashSet<(string, string?)>();
        foreach (var (value, index) in (values ?? []).Select((v, i) => (v, i)))
        {
            if (value is null || string.IsNullOrEmpty(value.Alias))
            {
                Required($"values[{index}].alias");
                continue;
            }

            var key = value.Culture is null ? $"values[{value.Alias}]" : $"values[{value.Alias}|{value.Culture}]";
            if (value.Segment is not null)
            {
                Add(key, ManagementApiText.SegmentsNotUsed);
            }

            if (!seen.Add((value.Alias, value.Culture)))
            {
                Add(key, ManagementApiText.DuplicateValue, value.Alias);
                continue;
            }

            yield return (value, key);
        }
    }
}
