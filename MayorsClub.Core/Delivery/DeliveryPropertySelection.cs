namespace MayorsClub.Core.Delivery;

/// <summary>
/// Which properties a Delivery API parameter names, in Umbraco v2's syntax: <c>properties[$all]</c>,
/// <c>properties[a,b]</c>, nested <c>properties[a[properties[x]]]</c>. Used for <c>expand</c> (which pickers write their
/// items' properties) and <c>fields</c> (which properties are written at all).
/// </summary>
public sealed class DeliveryPropertySelection
{
    private readonly Dictionary<string, DeliveryPropertySelection> _named;

    private DeliveryPropertySelection(bool all, Dictionary<string, DeliveryPropertySelection> named)
    {
        All = all;
        _named = named;
    }

    /// <summary>No property named (no <c>expand</c>).</summary>
    public static DeliveryPropertySelection None { get; } = new(false, new(StringComparer.Ordinal));

    /// <summary><c>properties[$all]</c>: every property, nothing named below it.</summary>
    public static DeliveryPropertySelection Everything { get; } = new(true, new(StringComparer.Ordinal));

    /// <summary><c>$all</c>.</summary>
    public bool All { get; }

    /// <summary>Whether nothing is named.</summary>
    public bool IsNone => !All && _named.Count == 0;

    /// <summary>Whether the property is named (or <c>$all</c>).</summary>
    public bool Includes(string alias) => All || _named.ContainsKey(alias);

    /// <summary>What is named below the property (<c>a[properties[x]]</c> → x); <see cref="None"/> when nothing is.</summary>
    public DeliveryPropertySelection Below(string alias) => _named.GetValueOrDefault(alias) ?? None;

    /// <summary>Parses the parameter's value; null when it does not follow the syntax. Empty or absent: <see cref="None"/>.</summary>
    public static DeliveryPropertySelection? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return None;
        }

        if (value.Length > 2000)
        {
            return null;
        }

        var at = 0;
        var parsed = ParseProperties(value.Trim(), ref at, depth: 0);
        return parsed is not null && at == value.Trim().Length ? parsed : null;
    }

    private static DeliveryPropertySelection? ParseProperties(string text, ref int at, int depth)
    {
        const string keyword = "properties[";
        if (depth > 8 || string.CompareOrdinal(text, at, keyword, 0, keyword.Length) != 0)
        {
            return null;
        }

        at += keyword.Length;
        if (string.CompareOrdinal(text, at, "$all]", 0, 5) == 0)
        {
            at += 5;
            return Everything;
        }

        var named = new Dictionary<string, DeliveryPropertySelection>(StringComparer.Ordinal);
        while (true)
        {
            var start = at;
            while (at < text.Length && (char.IsAsciiLetterOrDigit(text[at]) || text[at] == '_'))
            {
                at++;
            }

            if (at == start || at >= text.Length)
            {
                return null;
            }

            var alias = text[start..at];
            var below = None;
            if (text[at] == '[')
            {
                at++;
                below = ParseProperties(text, ref at, depth + 1)!;
                if (below is null || at >= text.Length || text[at] != ']')
                {
                    return null;
                }

                at++;
            }

            named[alias] = below;
            if (at >= text.Length)
            {
                return null;
            }

            if (text[at] == ',')
            {
                at++;
                continue;
            }

            if (text[at] == ']')
            {
                at++;
                return new DeliveryPropertySelection(false, named);
            }

            return null;
        }
    }
}
