using System.Globalization;

namespace MayorsClub.Core.Delivery;

/// <summary>The <c>fetch</c> selector: children, descendants or ancestors of a document given by id or path.</summary>
public enum DeliverySelectorKind
{
    Children,
    Descendants,
    Ancestors,
}

/// <param name="Target">The document: a GUID, or a route path in the request's culture ("/novyny/").</param>
public sealed record DeliverySelector(DeliverySelectorKind Kind, string Target);

/// <summary>The comparison of a date filter: <c>&gt;</c>, <c>&gt;:</c>, <c>&lt;</c>, <c>&lt;:</c>.</summary>
public enum DeliveryDateComparison
{
    After,
    AfterOrAt,
    Before,
    BeforeOrAt,
}

/// <summary>One <c>filter</c> parameter.</summary>
public abstract record DeliveryFilter
{
    /// <summary><c>contentType:a,b</c> (any of them) or <c>contentType:!a</c> (none of them).</summary>
    public sealed record ContentType(IReadOnlyList<string> Aliases, bool Negated) : DeliveryFilter;

    /// <summary><c>name:word</c>: the name in the request's culture contains it (case-insensitive); <c>name:!word</c> does not.</summary>
    public sealed record Name(string Text, bool Negated) : DeliveryFilter;

    /// <summary><c>createDate&gt;2026-01-01</c>, <c>updateDate&lt;:…</c>, and the calendar's <c>eventStart…</c>.</summary>
    public sealed record Date(DeliveryDateField Field, DeliveryDateComparison Comparison, DateTimeOffset Value) : DeliveryFilter
    {
        public bool Admits(DateTimeOffset value) => Comparison switch
        {
            DeliveryDateComparison.After => value > Value,
            DeliveryDateComparison.AfterOrAt => value >= Value,
            DeliveryDateComparison.Before => value < Value,
            _ => value <= Value,
        };
    }

    /// <summary>The calendar's <c>eventType:conference</c> (several: any of them).</summary>
    public sealed record EventType(IReadOnlyList<string> Types) : DeliveryFilter;

    /// <summary>The calendar's <c>city:Львів</c>, compared folded as the calendar does.</summary>
    public sealed record City(string Key) : DeliveryFilter;

    /// <summary>The calendar's <c>online:true|false</c>.</summary>
    public sealed record Online(bool Value) : DeliveryFilter;
}

public enum DeliveryDateField
{
    CreateDate,
    UpdateDate,
    EventStart,
}

public enum DeliverySortField
{
    CreateDate,
    UpdateDate,
    Name,
    SortOrder,
    Level,
    EventStart,
}

public sealed record DeliverySort(DeliverySortField Field, bool Descending)
{
    public string Key => $"{Field}:{(Descending ? "desc" : "asc")}";
}

/// <summary>Why a query's parameters were refused: Umbraco's three, and a value that does not parse.</summary>
public enum DeliveryQueryError
{
    None,
    SelectorOptionNotFound,
    FilterOptionNotFound,
    SortOptionNotFound,
    InvalidFilterValue,
}

/// <summary>A parsed <c>GET /content</c> query (without paging).</summary>
public sealed record DeliveryContentQuery(DeliverySelector? Selector, IReadOnlyList<DeliveryFilter> Filters, IReadOnlyList<DeliverySort> Sorts, string? Words)
{
    /// <summary>Parses the query's parameters as Umbraco's Delivery API v2 reads them, plus the calendar's filters.</summary>
    public static (DeliveryContentQuery? Query, DeliveryQueryError Error, string? Detail) Parse(
        string? fetch, IReadOnlyList<string> filters, IReadOnlyList<string> sorts, string? words)
    {
        DeliverySelector? selector = null;
        if (!string.IsNullOrWhiteSpace(fetch))
        {
            selector = ParseSelector(fetch.Trim());
            if (selector is null)
            {
                return (null, DeliveryQueryError.SelectorOptionNotFound, fetch);
            }
        }

        var parsedFilters = new List<DeliveryFilter>(filters.Count);
        foreach (var filter in filters)
        {
            if (string.IsNullOrWhiteSpace(filter))
            {
                continue;
            }

            var (parsed, error) = ParseFilter(filter.Trim());
            if (parsed is null)
            {
                return (null, error, filter);
            }

            parsedFilters.Add(parsed);
        }

        var parsedSorts = new List<DeliverySort>(sorts.Count);
        foreach (var sort in sorts)
        {
            if (string.IsNullOrWhiteSpace(sort))
            {
                continue;
            }

            if (ParseSort(sort.Trim()) is not { } parsed)
            {
                return (null, DeliveryQueryError.SortOptionNotFound, sort);
            }

            parsedSorts.Add(parsed);
        }

        var text = string.IsNullOrWhiteSpace(words) ? null : words.Trim();
        return (new DeliveryContentQuery(selector, parsedFilters, parsedSorts, text), DeliveryQueryError.None, null);
    }

    private static DeliverySelector? ParseSelector(string fetch)
    {
        var colon = fetch.IndexOf(':');
        if (colon <= 0 || colon == fetch.Length - 1)
        {
            return null;
        }

        DeliverySelectorKind? kind = fetch[..colon].ToLowerInvariant() switch
        {
            "children" => DeliverySelectorKind.Children,
            "descendants" => DeliverySelectorKind.Descendants,
            "ancestors" => DeliverySelectorKind.Ancestors,
            _ => null,
        };
        return kind is { } k ? new DeliverySelector(k, fetch[(colon + 1)..].Trim()) : null;
    }

    private static (DeliveryFilter? Filter, DeliveryQueryError Error) ParseFilter(string filter)
    {
        foreach (var (prefix, field) in DateFields)
        {
            if (filter.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && filter.Length > prefix.Length && filter[prefix.Length] is '<' or '>')
            {
                var rest = filter[prefix.Length..];
                var (comparison, length) = rest switch
                {
                    _ when rest.StartsWith(">:", StringComparison.Ordinal) => (DeliveryDateComparison.AfterOrAt, 2),
                    _ when rest.StartsWith("<:", StringComparison.Ordinal) => (DeliveryDateComparison.BeforeOrAt, 2),
                    _ when rest[0] == '>' => (DeliveryDateComparison.After, 1),
                    _ => (DeliveryDateComparison.Before, 1),
                };
                return ParseDate(rest[length..]) is { } date
                    ? (new DeliveryFilter.Date(field, comparison, date), DeliveryQueryError.None)
                    : (null, DeliveryQueryError.InvalidFilterValue);
            }
        }

        var colon = filter.IndexOf(':');
        if (colon <= 0)
        {
            return (null, DeliveryQueryError.FilterOptionNotFound);
        }

        var value = filter[(colon + 1)..].Trim();
        var negated = value.StartsWith('!');
        if (negated)
        {
            value = value[1..].Trim();
        }

        // Option names are matched whatever their case, as Umbraco matches them.
        switch (filter[..colon].ToLowerInvariant())
        {
            case "contenttype":
                var aliases = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return aliases.Length == 0
                    ? (null, DeliveryQueryError.InvalidFilterValue)
                    : (new DeliveryFilter.ContentType(aliases, negated), DeliveryQueryError.None);
            case "name":
                return value.Length == 0
                    ? (null, DeliveryQueryError.InvalidFilterValue)
                    : (new DeliveryFilter.Name(value, negated), DeliveryQueryError.None);
            case "eventtype" when !negated:
                var types = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return types.Length == 0
                    ? (null, DeliveryQueryError.InvalidFilterValue)
                    : (new DeliveryFilter.EventType(types), DeliveryQueryError.None);
            case "city" when !negated:
                return Events.EventCalendar.CityKeyOf(value) is { } key
                    ? (new DeliveryFilter.City(key), DeliveryQueryError.None)
                    : (null, DeliveryQueryError.InvalidFilterValue);
            case "online" when !negated:
                return bool.TryParse(value, out var online)
                    ? (new DeliveryFilter.Online(online), DeliveryQueryError.None)
                    : (null, DeliveryQueryError.InvalidFilterValue);
            default:
                return (null, DeliveryQueryError.FilterOptionNotFound);
        }
    }

    private static readonly (string Prefix, DeliveryDateField Field)[] DateFields =
    [
        ("createDate", DeliveryDateField.CreateDate),
        ("updateDate", DeliveryDateField.UpdateDate),
        ("eventStart", DeliveryDateField.EventStart),
    ];

    /// <summary>A date ("2026-01-01") or date and time ("2026-01-01T10:00", with or without an offset; without one: UTC).</summary>
    private static DateTimeOffset? ParseDate(string text) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
        && text.Trim().Length >= 10 && char.IsAsciiDigit(text.Trim()[0])
            ? date
            : null;

    private static DeliverySort? ParseSort(string sort)
    {
        var colon = sort.IndexOf(':');
        var name = colon < 0 ? sort : sort[..colon];
        var direction = colon < 0 ? "asc" : sort[(colon + 1)..].Trim().ToLowerInvariant();
        DeliverySortField? field = name.ToLowerInvariant() switch
        {
            "createdate" => DeliverySortField.CreateDate,
            "updatedate" => DeliverySortField.UpdateDate,
            "name" => DeliverySortField.Name,
            "sortorder" => DeliverySortField.SortOrder,
            "level" => DeliverySortField.Level,
            "eventstart" => DeliverySortField.EventStart,
            _ => null,
        };
        if (field is null || direction is not ("asc" or "desc"))
        {
            return null;
        }

        return new DeliverySort(field.Value, direction == "desc");
    }
}
