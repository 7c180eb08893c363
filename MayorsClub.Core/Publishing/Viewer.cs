namespace MayorsClub.Core.Publishing;

/// <summary>
/// Who reads the published content: every read of the read model names one, and <see cref="PublishedAccess"/> decides
/// what they may see. Anonymous visitors (and every cached page) are <see cref="Anonymous"/>; a signed-in member is
/// <see cref="Member"/> with the member groups they belong to.
/// </summary>
public sealed class Viewer
{
    private Viewer(Guid? memberKey, IReadOnlySet<string> groups)
    {
        MemberKey = memberKey;
        Groups = groups;
    }

    /// <summary>A visitor who has not signed in: never sees a members-only value.</summary>
    public static Viewer Anonymous { get; } = new(null, new HashSet<string>());

    /// <summary>A signed-in member of the club, with the member groups they belong to.</summary>
    public static Viewer Member(Guid memberKey, IEnumerable<string> groups) =>
        new(memberKey, new HashSet<string>(groups, StringComparer.OrdinalIgnoreCase));

    /// <summary>The member's key; null for an anonymous visitor.</summary>
    public Guid? MemberKey { get; }

    public IReadOnlySet<string> Groups { get; }

    public bool IsMember => MemberKey is not null;

    public override string ToString() => IsMember ? $"member {MemberKey}" : "anonymous";
}
