using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MayorsClub.Core.Members;

/// <summary>What the back office shows of a member: the account's fields, groups and state.</summary>
/// <param name="IsLocked">Locked by the club (an editor's "lock"), until an editor unlocks it.</param>
/// <param name="LockedOutUntil">Locked out for a while after failed sign-ins (not by the club), or null.</param>
/// <param name="HasPassword">False until the member has set a password from the invitation.</param>
public sealed record MemberSummary(
    Guid Id, string Name, string Email, string Position, string Community, string Region, string Phone, string PreferredCulture,
    IReadOnlyList<string> Groups, bool IsApproved, bool IsLocked, DateTimeOffset? LockedOutUntil, bool HasPassword,
    DateTime CreatedUtc, DateTime? LastSignInUtc);

/// <summary>
/// Lists and finds members for the back office and the Management API: search by name, e-mail or community, filter by
/// group and state, a page at a time. Text is matched in memory rather than in SQL because SQLite folds the case of
/// Latin letters only, and names are mostly Cyrillic; the club has hundreds of members, not millions.
/// </summary>
public sealed class MemberDirectory(MayorsClubDbContext db, IClock clock)
{
    public const int MaxTake = 500;

    /// <param name="Text">Part of the name, e-mail or community, in any case; empty for all.</param>
    /// <param name="Group">A group's name (<see cref="MemberGroups"/>); empty for all.</param>
    /// <param name="Approved">False: only members awaiting approval; true: only approved ones; null: both.</param>
    /// <param name="Locked">True: only locked members (by the club, or for now after failed sign-ins); false: only the others; null: both.</param>
    public sealed record Query(string? Text, string? Group, bool? Approved, bool? Locked, int Skip, int Take);

    public sealed record Page(IReadOnlyList<MemberSummary> Items, int Total);

    /// <summary>Members matching the query, by name, then e-mail.</summary>
    public async Task<Page> ListAsync(Query query, CancellationToken ct)
    {
        var text = query.Text?.Trim() ?? "";
        var matching = (await AllAsync(ct)).Where(m =>
                (text.Length == 0 || m.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || m.Email.Contains(text, StringComparison.OrdinalIgnoreCase)
                    || m.Community.Contains(text, StringComparison.OrdinalIgnoreCase))
                && (string.IsNullOrEmpty(query.Group) || m.Groups.Contains(query.Group, StringComparer.Ordinal))
                && (query.Approved is null || m.IsApproved == query.Approved)
                && (query.Locked is null || (m.IsLocked || m.LockedOutUntil is not null) == query.Locked))
            .OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new Page(matching.Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 0, MaxTake)).ToList(), matching.Count);
    }

    /// <summary>Members who joined since a time, newest first (the dashboard's "new members").</summary>
    public async Task<IReadOnlyList<MemberSummary>> NewSinceAsync(DateTime sinceUtc, int take, CancellationToken ct) =>
        (await AllAsync(ct)).Where(m => m.CreatedUtc >= sinceUtc).OrderByDescending(m => m.CreatedUtc).Take(take).ToList();

    /// <summary>Members not yet approved, oldest first (they have waited longest).</summary>
    public async Task<IReadOnlyList<MemberSummary>> AwaitingApprovalAsync(int take, CancellationToken ct) =>
        (await AllAsync(ct)).Where(m => !m.IsApproved).OrderBy(m => m.CreatedUtc).Take(take).ToList();

    public async Task<MemberSummary?> GetAsync(Guid id, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return null;
        }

        var groups = await (from membership in db.MemberGroupMemberships
                            join grp in db.MemberGroups on membership.RoleId equals grp.Id
                            where membership.UserId == id
                            select grp.Name).ToListAsync(ct);
        return Summarize(member, groups!);
    }

    /// <summary>How many passkeys a member has registered (the delete page says they go with the account).</summary>
    public Task<int> PasskeyCountAsync(Guid id, CancellationToken ct) => db.MemberPasskeys.CountAsync(p => p.UserId == id, ct);

    /// <summary>Every member with their groups: two queries, not one per member.</summary>
    private async Task<List<MemberSummary>> AllAsync(CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().ToListAsync(ct);
        var groups = (await (from membership in db.MemberGroupMemberships
                             join grp in db.MemberGroups on membership.RoleId equals grp.Id
                             select new { membership.UserId, grp.Name }).ToListAsync(ct))
            .ToLookup(g => g.UserId, g => g.Name!);
        return members.Select(m => Summarize(m, groups[m.Id])).ToList();
    }

    private MemberSummary Summarize(Member member, IEnumerable<string> groups)
    {
        var now = clock.GetCurrentInstant().ToDateTimeOffset();
        var locked = MemberAdministration.IsLockedByClub(member);
        return new MemberSummary(
            member.Id, member.Name, member.Email ?? "", member.Position, member.Community, member.Region, member.PhoneNumber ?? "",
            member.PreferredCulture, MemberGroups.All.Where(groups.Contains).ToList(), member.IsApproved, locked,
            !locked && member.LockoutEnd is { } end && end > now ? end : null,
            member.PasswordHash is not null, member.CreatedUtc, member.LastSignInUtc);
    }
}
