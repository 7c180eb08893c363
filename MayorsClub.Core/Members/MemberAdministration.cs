using System.ComponentModel.DataAnnotations;
using MayorsClub.Core.Audit;
using MayorsClub.Core.Content;
using MayorsClub.Core.Users;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace MayorsClub.Core.Members;

/// <summary>What editors do to members, as the audit log stores it (the back office shows them in the editor's language).</summary>
public static class MemberAuditActions
{
    public const string Create = "create member";
    public const string Update = "edit member";
    public const string ChangeGroups = "change member groups";
    public const string Approve = "approve member";
    public const string Lock = "lock member";
    public const string Unlock = "unlock member";
    public const string SendResetLink = "send member reset link";
    public const string Delete = "delete member";
}

/// <summary>Why a member command was refused: the keys of the back office's member texts, so the web app can say it in either language.</summary>
public static class MemberErrors
{
    public const string NameRequired = "members.error.nameRequired";
    public const string TooLong = "members.error.tooLong";
    public const string EmailInvalid = "members.error.email";
    public const string EmailTaken = "members.error.emailTaken";
    public const string RegionUnknown = "members.error.region";
    public const string PhoneInvalid = "members.error.phone";
    public const string LanguageUnknown = "members.error.language";
    public const string GroupRequired = "members.error.noGroup";
    public const string GroupUnknown = "members.error.unknownGroup";
    public const string NotFound = "members.notFound";
    public const string Conflict = "members.error.conflict";
}

/// <summary>One refused field and why (<see cref="MemberErrors"/>). Fields: name, email, position, community, region, phone, preferredCulture, groups, id.</summary>
public sealed record MemberError(string Field, string Code);

public enum MemberStatus
{
    Done,
    Invalid,
    NotFound,
    EmailTaken,

    /// <summary>Someone else changed the member at the same moment; nothing was saved.</summary>
    Conflict,
}

public sealed record MemberResult(MemberStatus Status, IReadOnlyList<MemberError> Errors, Guid? Id = null)
{
    public bool Succeeded => Status == MemberStatus.Done;

    public static MemberResult Done(Guid id) => new(MemberStatus.Done, [], id);

    public static MemberResult NotFound() => new(MemberStatus.NotFound, [new MemberError("id", MemberErrors.NotFound)]);

    public static MemberResult Conflict() => new(MemberStatus.Conflict, [new MemberError("id", MemberErrors.Conflict)]);
}

/// <summary>A member's fields as an editor gives them. Null groups (an update) leaves the groups as they are.</summary>
public sealed record MemberFields(
    string? Name, string? Email, string? Position, string? Community, string? Region, string? Phone, string? PreferredCulture,
    IReadOnlyCollection<string>? Groups);

/// <summary>The e-mails member commands send, written by the web app (it knows the site's address and the words); queued in the command's transaction.</summary>
public interface IMemberMail
{
    /// <summary>The invitation of a new member, with a set-password link for this password-reset token.</summary>
    void QueueInvitation(Member member, string token);

    /// <summary>A set-password link an editor sends (the member forgot their password, or the invitation expired).</summary>
    void QueueResetLink(Member member, string token);
}

/// <summary>
/// What editors do with members (back office and Management API alike): create with an invitation, edit fields and
/// groups, approve, lock, unlock, send a reset link, delete. Each is one transaction with its audit entry and its
/// e-mail, through Identity's user manager for members.
/// </summary>
public sealed class MemberAdministration(
    UserManager<Member> members, UserChanges changes, UserAudit audit, IMemberMail mail, IClock clock)
{
    /// <summary>Locked by the club: locked out until the end of time (as the back office disables its users; a date every database keeps exactly).</summary>
    public static readonly DateTimeOffset LockedUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 256;
    public const int MaxPhoneLength = 40;

    public static bool IsLockedByClub(Member member) => member.LockoutEnd is { Year: >= 9999 };

    /// <summary>Creates an approved member in the groups given and e-mails them an invitation to set their password, in their language.</summary>
    public Task<MemberResult> CreateAsync(MemberFields fields, string actor, CancellationToken ct) =>
        WithoutConflictsAsync(() => CreateCoreAsync(fields, actor, ct));

    private async Task<MemberResult> CreateCoreAsync(MemberFields fields, string actor, CancellationToken ct)
    {
        var (clean, errors) = Check(fields, requireGroups: true);
        if (errors.Count > 0)
        {
            return new MemberResult(MemberStatus.Invalid, errors);
        }

        if (await members.FindByEmailAsync(clean.Email!) is not null)
        {
            return EmailTaken();
        }

        var member = new Member
        {
            UserName = clean.Email,
            Email = clean.Email,
            IsApproved = true,
            CreatedUtc = clock.GetCurrentInstant().ToDateTimeUtc(),
        };
        Apply(member, clean);

        await using var transaction = await changes.BeginAsync(ct);
        var created = await members.CreateAsync(member);
        if (!created.Succeeded)
        {
            return RefusedAddress(created);
        }

        var groups = clean.Groups!.ToList();
        Ensure(await members.AddToRolesAsync(member, groups));
        mail.QueueInvitation(member, await members.GeneratePasswordResetTokenAsync(member));
        audit.Add(actor, MemberAuditActions.Create, member.Email!, string.Join(", ", groups));
        await transaction.CommitAsync(ct);
        return MemberResult.Done(member.Id);
    }

    /// <summary>
    /// Changes the fields, and the groups when given. New groups reach the member's open sessions at their next check
    /// (within a minute: the check re-reads the groups into the cookie). The security stamp is left alone for that, because
    /// a changed stamp signs the member out rather than refreshing the cookie; it changes with the e-mail address (the name
    /// they sign in with), as Identity's own SetEmailAsync does.
    /// </summary>
    public Task<MemberResult> UpdateAsync(Guid id, MemberFields fields, string actor, CancellationToken ct) =>
        WithoutConflictsAsync(() => UpdateCoreAsync(id, fields, actor, ct));

    private async Task<MemberResult> UpdateCoreAsync(Guid id, MemberFields fields, string actor, CancellationToken ct)
    {
        var member = await FindAsync(id);
        if (member is null)
        {
            return MemberResult.NotFound();
        }

        var (clean, errors) = Check(fields, requireGroups: fields.Groups is not null);
        if (errors.Count > 0)
        {
            return new MemberResult(MemberStatus.Invalid, errors);
        }

        var emailChanged = !string.Equals(member.Email, clean.Email, StringComparison.OrdinalIgnoreCase);
        if (emailChanged && await members.FindByEmailAsync(clean.Email!) is not null)
        {
            return EmailTaken();
        }

        await using var transaction = await changes.BeginAsync(ct);
        var before = Fields(member);
        Apply(member, clean);
        if (member.Email != clean.Email)
        {
            member.Email = clean.Email;
            member.UserName = clean.Email;
            member.EmailConfirmed &= !emailChanged; // a new address is unconfirmed; a change of case is the same address
        }

        var updated = await members.UpdateAsync(member);
        if (!updated.Succeeded)
        {
            return RefusedAddress(updated);
        }

        var changed = Fields(member).Where(field => before[field.Key] != field.Value).Select(field => field.Key).ToList();
        if (changed.Count > 0)
        {
            audit.Add(actor, MemberAuditActions.Update, member.Email!, string.Join(", ", changed));
        }

        if (clean.Groups is { } wanted)
        {
            var current = await members.GetRolesAsync(member);
            if (!current.Order().SequenceEqual(wanted.Order()))
            {
                Ensure(await members.RemoveFromRolesAsync(member, current.Except(wanted)));
                Ensure(await members.AddToRolesAsync(member, wanted.Except(current)));
                audit.Add(actor, MemberAuditActions.ChangeGroups, member.Email!, string.Join(", ", wanted));
            }
        }

        if (emailChanged)
        {
            Ensure(await members.UpdateSecurityStampAsync(member));
        }

        await transaction.CommitAsync(ct);
        return MemberResult.Done(member.Id);
    }

    /// <summary>Lets a member sign in (a member who applied, or one an editor had not approved).</summary>
    public Task<MemberResult> ApproveAsync(Guid id, string actor, CancellationToken ct) =>
        ChangeAsync(id, actor, MemberAuditActions.Approve, async member =>
        {
            member.IsApproved = true;
            Ensure(await members.UpdateAsync(member));
        }, ct);

    /// <summary>Locks the account until an editor unlocks it, and ends its open sessions at their next check.</summary>
    public Task<MemberResult> LockAsync(Guid id, string actor, CancellationToken ct) =>
        ChangeAsync(id, actor, MemberAuditActions.Lock, async member =>
        {
            Ensure(await members.SetLockoutEnabledAsync(member, true));
            Ensure(await members.SetLockoutEndDateAsync(member, LockedUntil));
            Ensure(await members.UpdateSecurityStampAsync(member));
        }, ct);

    /// <summary>Unlocks a member the club locked, or one locked out after failed sign-ins, and forgets the failures.</summary>
    public Task<MemberResult> UnlockAsync(Guid id, string actor, CancellationToken ct) =>
        ChangeAsync(id, actor, MemberAuditActions.Unlock, async member =>
        {
            Ensure(await members.SetLockoutEndDateAsync(member, null));
            Ensure(await members.ResetAccessFailedCountAsync(member));
        }, ct);

    /// <summary>E-mails the member a link to set a new password (their current password keeps working until they do).</summary>
    public Task<MemberResult> SendResetLinkAsync(Guid id, string actor, CancellationToken ct) =>
        ChangeAsync(id, actor, MemberAuditActions.SendResetLink, async member =>
            mail.QueueResetLink(member, await members.GeneratePasswordResetTokenAsync(member)), ct);

    /// <summary>Deletes the account with its group memberships, passkeys, sign-in tokens and claims (the database cascades them).</summary>
    public Task<MemberResult> DeleteAsync(Guid id, string actor, CancellationToken ct) =>
        ChangeAsync(id, actor, MemberAuditActions.Delete, async member =>
            Ensure(await members.DeleteAsync(member)), ct);

    private Task<MemberResult> ChangeAsync(Guid id, string actor, string action, Func<Member, Task> change, CancellationToken ct) =>
        WithoutConflictsAsync(() => ChangeCoreAsync(id, actor, action, change, ct));

    /// <summary>A command that met another one changing the same member (Identity's concurrency stamp) is refused whole, not failed.</summary>
    private static async Task<MemberResult> WithoutConflictsAsync(Func<Task<MemberResult>> command)
    {
        try
        {
            return await command();
        }
        catch (ConcurrentChangeException)
        {
            return MemberResult.Conflict();
        }
    }

    private async Task<MemberResult> ChangeCoreAsync(Guid id, string actor, string action, Func<Member, Task> change, CancellationToken ct)
    {
        var member = await FindAsync(id);
        if (member is null)
        {
            return MemberResult.NotFound();
        }

        await using var transaction = await changes.BeginAsync(ct);
        await change(member);
        audit.Add(actor, action, member.Email ?? member.Id.ToString());
        await transaction.CommitAsync(ct);
        return MemberResult.Done(member.Id);
    }

    private Task<Member?> FindAsync(Guid id) => members.FindByIdAsync(id.ToString());

    /// <summary>The fields cleaned (control and bidi characters removed, ends trimmed) and what is wrong with them.</summary>
    private static (MemberFields Clean, List<MemberError> Errors) Check(MemberFields fields, bool requireGroups)
    {
        var errors = new List<MemberError>();
        var name = NameText.Clean(fields.Name);
        var email = NameText.Clean(fields.Email);
        var position = NameText.Clean(fields.Position);
        var community = NameText.Clean(fields.Community);
        var region = NameText.Clean(fields.Region);
        var phone = NameText.Clean(fields.Phone);
        var culture = string.IsNullOrWhiteSpace(fields.PreferredCulture) ? Cultures.Default : fields.PreferredCulture.Trim();

        if (name.Length == 0)
        {
            errors.Add(new MemberError("name", MemberErrors.NameRequired));
        }

        foreach (var (field, value) in new[] { ("name", name), ("position", position), ("community", community) })
        {
            if (value.Length > MaxNameLength)
            {
                errors.Add(new MemberError(field, MemberErrors.TooLong));
            }
        }

        if (email.Length is 0 or > MaxEmailLength || !new EmailAddressAttribute().IsValid(email))
        {
            errors.Add(new MemberError("email", MemberErrors.EmailInvalid));
        }

        if (region.Length > 0 && !Regions.IsRegion(region))
        {
            errors.Add(new MemberError("region", MemberErrors.RegionUnknown));
        }

        if (phone.Length > MaxPhoneLength || phone.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '-' or '(' or ')' or '.')))
        {
            errors.Add(new MemberError("phone", MemberErrors.PhoneInvalid));
        }

        if (!Cultures.IsSupported(culture))
        {
            errors.Add(new MemberError("preferredCulture", MemberErrors.LanguageUnknown));
        }

        var groups = fields.Groups?.Select(g => g?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (groups is not null && groups.Any(g => !MemberGroups.IsGroup(g)))
        {
            errors.Add(new MemberError("groups", MemberErrors.GroupUnknown));
        }
        else if (requireGroups && (groups is null || groups.Count == 0))
        {
            errors.Add(new MemberError("groups", MemberErrors.GroupRequired));
        }

        return (new MemberFields(name, email, position, community, region, phone, culture, groups), errors);
    }

    private static void Apply(Member member, MemberFields clean)
    {
        member.Name = clean.Name!;
        member.Position = clean.Position!;
        member.Community = clean.Community!;
        member.Region = clean.Region!;
        member.PhoneNumber = clean.Phone!.Length > 0 ? clean.Phone : null;
        member.PreferredCulture = clean.PreferredCulture!;
    }

    /// <summary>
    /// The fields by name, to tell which changed: the audit log names them without their values, because every back-office
    /// user reads the log, and only editors and administrators may see members' details.
    /// </summary>
    private static Dictionary<string, string?> Fields(Member member) => new(StringComparer.Ordinal)
    {
        ["name"] = member.Name, ["email"] = member.Email, ["position"] = member.Position, ["community"] = member.Community,
        ["region"] = member.Region, ["phone"] = member.PhoneNumber, ["preferredCulture"] = member.PreferredCulture,
    };

    /// <summary>Identity's user checks refuse only the address (taken, or characters a sign-in name may not have), or a concurrent change.</summary>
    private static MemberResult RefusedAddress(IdentityResult result) =>
        IsConflict(result) ? MemberResult.Conflict()
        : result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)) ? EmailTaken()
        : new MemberResult(MemberStatus.Invalid, [new MemberError("email", MemberErrors.EmailInvalid)]);

    private static bool IsConflict(IdentityResult result) =>
        result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure));

    private static MemberResult EmailTaken() => new(MemberStatus.EmailTaken, [new MemberError("email", MemberErrors.EmailTaken)]);

    private static void Ensure(IdentityResult result)
    {
        if (IsConflict(result))
        {
            throw new ConcurrentChangeException();
        }

        result.ThrowIfRefused("a change to a member");
    }

    private sealed class ConcurrentChangeException : Exception;
}
