namespace MayorsClub.Core.Members;

/// <summary>
/// The club's member groups, as in Umbraco's member groups. A member may be in several. The names are the groups'
/// aliases (stored in public access rules and claims); <see cref="Label"/> gives what people read.
/// </summary>
public static class MemberGroups
{
    /// <summary>Current and former mayors and heads of communities.</summary>
    public const string Mayors = "Mayors";

    /// <summary>Staff of a member community.</summary>
    public const string CommunityTeams = "CommunityTeams";

    /// <summary>The club's partner organisations.</summary>
    public const string Partners = "Partners";

    public static IReadOnlyList<string> All { get; } = [Mayors, CommunityTeams, Partners];

    public static bool IsGroup(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);

    public static string Label(string group, string culture) => (group, culture) switch
    {
        (Mayors, "uk") => "Міські голови",
        (Mayors, _) => "Mayors",
        (CommunityTeams, "uk") => "Команди громад",
        (CommunityTeams, _) => "Community teams",
        (Partners, "uk") => "Партнери",
        (Partners, _) => "Partners",
        _ => group,
    };

    // Fixed keys: the groups are rows the migration inserts, so every database has the same ones.
    internal static IReadOnlyList<MemberGroup> Seed { get; } =
    [
        new(Mayors) { Id = new Guid("6f1d6c1e-3a52-4a43-9d34-0c5a1e6f0a01"), NormalizedName = "MAYORS", ConcurrencyStamp = "mayors" },
        new(CommunityTeams) { Id = new Guid("6f1d6c1e-3a52-4a43-9d34-0c5a1e6f0a02"), NormalizedName = "COMMUNITYTEAMS", ConcurrencyStamp = "community-teams" },
        new(Partners) { Id = new Guid("6f1d6c1e-3a52-4a43-9d34-0c5a1e6f0a03"), NormalizedName = "PARTNERS", ConcurrencyStamp = "partners" },
    ];
}
