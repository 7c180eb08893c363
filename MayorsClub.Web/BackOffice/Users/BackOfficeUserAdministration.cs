using System.ComponentModel.DataAnnotations;
using MayorsClub.Core.Content;
using MayorsClub.Core.Audit;
using MayorsClub.Core.Users;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace MayorsClub.Web.BackOffice.Users;

public enum UserState
{
    Active,
    Invited,
    Locked,
    Disabled,
}

/// <summary>A back-office user as the users section lists them.</summary>
public sealed record UserSummary(
    string Id, string Email, string DisplayName, string UiCulture, IReadOnlyList<string> Groups, UserState State,
    DateTimeOffset? LockedUntil, bool TwoFactor, DateTime? LastSignInUtc, DateTime CreatedUtc);

/// <summary>The outcome of an administrator's action: done, or why not (a <see cref="UsersText"/> key) and the HTTP status that goes with it.</summary>
public sealed record UserActionResult(bool Succeeded, string? Error = null, int Status = StatusCodes.Status200OK, BackOfficeUser? User = null)
{
    public static UserActionResult Done(BackOfficeUser user) => new(true, User: user);

    public static UserActionResult Refused(string error, int status = StatusCodes.Status400BadRequest) => new(false, error, status);

    public static UserActionResult NotFound() => new(false, UsersText.UserNotFound, StatusCodes.Status404NotFound);
}

/// <summary>
/// What administrators do with back-office users: invite, change groups, disable and enable, resend an invitation.
/// Each change is one transaction with its audit entry and e-mail; an administrator cannot disable themselves,
/// and the last active administrator is never disabled or demoted.
/// </summary>
public sealed class BackOfficeUserAdministration(
    UserChanges changes, BackOfficeUserDirectory directory, UserManager<BackOfficeUser> users, UserAudit audit, BackOfficeEmails emails, IClock clock, TimeProvider time)
{
    public const string SignInRecordProvider = MayorsClub.Core.Setup.AdministratorAccess.SignInRecordProvider;
    public const string LastSignInToken = MayorsClub.Core.Setup.AdministratorAccess.LastSignInToken;

    public sealed record InviteCommand(string Email, string? DisplayName, string UiCulture, IReadOnlyCollection<string> Groups);

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct)
    {
        return (await directory.ListAsync(ct))
            .Select(u => Summarize(u.User, u.Groups, u.LastSignIn))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public async Task<UserSummary?> GetAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        var lastSignIn = await users.GetAuthenticationTokenAsync(user, SignInRecordProvider, LastSignInToken);
        return Summarize(user, (await users.GetRolesAsync(user)).ToList(), lastSignIn);
    }

    public async Task<UserActionResult> InviteAsync(InviteCommand command, string actor, string invitedBy, CancellationToken ct)
    {
        var email = command.Email.Trim();
        if (email.Length is 0 or > 256 || !new EmailAddressAttribute().IsValid(email))
        {
            return UserActionResult.Refused(UsersText.InvalidEmail);
        }

        var name = command.DisplayName?.Trim() ?? "";
        if (name.Length > 200)
        {
            return UserActionResult.Refused(UsersText.NameTooLong);
        }

        if (CheckGroups(command.Groups) is { } groupError)
        {
            return UserActionResult.Refused(groupError);
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return UserActionResult.Refused(UsersText.EmailTaken, StatusCodes.Status409Conflict);
        }

        var user = new BackOfficeUser
        {
            UserName = email,
            Email = email,
            DisplayName = name.Length > 0 ? name : email,
            UiCulture = Cultures.IsSupported(command.UiCulture) ? command.UiCulture : Cultures.Default,
            CreatedUtc = clock.GetCurrentInstant().ToDateTimeUtc(),
        };

        await using var transaction = await changes.BeginAsync(ct);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return UserActionResult.Refused(
                created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                    ? UsersText.EmailTaken
                    : UsersText.InvalidEmail,
                StatusCodes.Status400BadRequest);
        }

        Ensure(await users.AddToRolesAsync(user, command.Groups.Distinct()));
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        emails.QueueInvitation(user, invitedBy, token);
        audit.Add(actor, AuditActions.Invite, user, string.Join(", ", command.Groups.Distinct()));
        await transaction.CommitAsync(ct);
        return UserActionResult.Done(user);
    }

    public async Task<UserActionResult> ResendInvitationAsync(string id, string actor, string invitedBy, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserActionResult.NotFound();
        }

        if (await users.HasPasswordAsync(user))
        {
            return UserActionResult.Refused(UsersText.AlreadyAccepted, StatusCodes.Status409Conflict);
        }

        await using var transaction = await changes.BeginAsync(ct);
        Ensure(await users.UpdateSecurityStampAsync(user)); // the links sent before stop working
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        emails.QueueInvitation(user, invitedBy, token);
        audit.Add(actor, AuditActions.ResendInvitation, user);
        await transaction.CommitAsync(ct);
        return UserActionResult.Done(user);
    }

    public async Task<UserActionResult> ChangeGroupsAsync(string id, IReadOnlyCollection<string> groups, string actorId, string actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserActionResult.NotFound();
        }

        if (CheckGroups(groups) is { } groupError)
        {
            return UserActionResult.Refused(groupError);
        }

        var wanted = groups.Distinct().ToList();
        var current = await users.GetRolesAsync(user);
        var leavesAdministrators = current.Contains(BackOfficeGroups.Administrators) && !wanted.Contains(BackOfficeGroups.Administrators);
        if (leavesAdministrators && user.Id == actorId)
        {
            return UserActionResult.Refused(UsersText.CannotLeaveAdministrators);
        }

        await using var transaction = await changes.BeginAsync(ct);
        if (leavesAdministrators && !user.IsDisabled() && await ActiveAdministratorsAsync() <= 1)
        {
            return UserActionResult.Refused(UsersText.LastAdministrator, StatusCodes.Status409Conflict);
        }

        Ensure(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
        Ensure(await users.AddToRolesAsync(user, wanted.Except(current)));
        audit.Add(actor, AuditActions.ChangeGroups, user, string.Join(", ", wanted));
        await transaction.CommitAsync(ct);
        return UserActionResult.Done(user);
    }

    /// <summary>Locks the account out for good and changes its security stamp, so that its open sessions end at their next check.</summary>
    public async Task<UserActionResult> DisableAsync(string id, string actorId, string actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserActionResult.NotFound();
        }

        if (user.Id == actorId)
        {
            return UserActionResult.Refused(UsersText.CannotDisableYourself);
        }

        await using var transaction = await changes.BeginAsync(ct);
        if (!user.IsDisabled() && await users.IsInRoleAsync(user, BackOfficeGroups.Administrators) && await ActiveAdministratorsAsync() <= 1)
        {
            return UserActionResult.Refused(UsersText.LastAdministrator, StatusCodes.Status409Conflict);
        }

        Ensure(await users.SetLockoutEnabledAsync(user, true));
        Ensure(await users.SetLockoutEndDateAsync(user, BackOfficeUsersSetup.DisabledUntil));
        Ensure(await users.UpdateSecurityStampAsync(user));
        audit.Add(actor, AuditActions.Disable, user);
        await transaction.CommitAsync(ct);
        return UserActionResult.Done(user);
    }

    /// <summary>Enables a disabled account, or unlocks one locked after failed sign-ins.</summary>
    public async Task<UserActionResult> EnableAsync(string id, string actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserActionResult.NotFound();
        }

        var wasDisabled = user.IsDisabled();
        await using var transaction = await changes.BeginAsync(ct);
        Ensure(await users.SetLockoutEndDateAsync(user, null));
        Ensure(await users.ResetAccessFailedCountAsync(user));
        audit.Add(actor, AuditActions.Enable, user, wasDisabled ? null : "unlock");
        await transaction.CommitAsync(ct);
        return UserActionResult.Done(user);
    }

    private UserSummary Summarize(BackOfficeUser user, IReadOnlyList<string> groups, string? lastSignIn)
    {
        var now = time.GetUtcNow();
        var state = user.IsDisabled() ? UserState.Disabled
            : user.LockoutEnd is { } end && end > now ? UserState.Locked
            : user.PasswordHash is null ? UserState.Invited
            : UserState.Active;
        var ordered = BackOfficeGroups.All.Where(groups.Contains).ToList();
        DateTime? signedIn = DateTime.TryParse(lastSignIn, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;
        return new UserSummary(
            user.Id, user.Email ?? "", user.DisplayName, user.UiCulture, ordered, state,
            state == UserState.Locked ? user.LockoutEnd : null, user.TwoFactorEnabled, signedIn, user.CreatedUtc);
    }

    private async Task<int> ActiveAdministratorsAsync() =>
        (await users.GetUsersInRoleAsync(BackOfficeGroups.Administrators)).Count(u => !u.IsDisabled());

    private static string? CheckGroups(IReadOnlyCollection<string> groups) =>
        groups.Count == 0 ? UsersText.ChooseAGroup
        : groups.Any(g => !BackOfficeGroups.All.Contains(g)) ? UsersText.UnknownGroup
        : null;

    private static void Ensure(IdentityResult result) => result.ThrowIfRefused("a change to a back-office user");
}
