namespace MayorsClub.Core.Publishing;

/// <summary>
/// A public access rule as the snapshot carries it: the member groups that may read a protected document (and
/// everything below it, unless a rule further down replaces it). Stored on the document as comma-separated group names.
/// </summary>
public sealed class AccessRule
{
    private AccessRule(IReadOnlySet<string> groups) => Groups = groups;

    /// <summary>The member groups (by name, case-insensitive) whose members read the protected values.</summary>
    public IReadOnlySet<string> Groups { get; }

    /// <summary>Whether a viewer reads the documents under this rule whole: a member in any of its groups.</summary>
    public bool Admits(Viewer viewer) => viewer.IsMember && viewer.Groups.Overlaps(Groups);

    /// <summary>The rule stored on a document ("Mayors,Partners"), or null for none (null, empty or only separators).</summary>
    public static AccessRule? Parse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return null;
        }

        var groups = new HashSet<string>(Split(stored), StringComparer.OrdinalIgnoreCase);
        return groups.Count == 0 ? null : new AccessRule(groups);
    }

    /// <summary>The stored form of a set of groups: trimmed, distinct, in the order given; null for none.</summary>
    public static string? Format(IEnumerable<string> groups)
    {
        var list = groups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return list.Count == 0 ? null : string.Join(",", list);
    }

    public static IEnumerable<string> Split(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static bool Same(AccessRule? a, AccessRule? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Groups.SetEquals(b.Groups));

    public override string ToString() => string.Join(",", Groups.Order(StringComparer.OrdinalIgnoreCase));
}
