using MayorsClub.Core.Audit;
using MayorsClub.Core.Users;
using MayorsClub.Web.BackOffice.Users;
using MayorsClub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MayorsClub.Web.BackOffice.SignIn;

/// <summary>Which kind of e-mailed link sets a password.</summary>
public enum PasswordLink
{
    Invitation,
    Reset,
}

/// <summary>
/// Passwords set from an e-mailed link: "forgot password" requests (the same answer whether or not the address
/// is known) and the pages that the invitation and reset links open.
/// </summary>
public sealed class BackOfficePasswords(
    UserChanges changes, UserManager<BackOfficeUser> users, BackOfficeEmails emails, UserAudit audit,
    IOptions<IdentityOptions> identity, IClock clock)
{
    /// <summary>At most one reset e-mail per account in this time, however often it is asked for.</summary>
    public static readonly TimeSpan ResetEmailPause = TimeSpan.FromMinutes(2);

    private const string LastResetRequestToken = "PasswordResetRequestedUtc";

    public sealed record SetPasswordResult(bool Succeeded, bool LinkInvalid, IReadOnlyList<string> Errors);

    /// <summary>Sends a reset link if the address belongs to an enabled user. Says nothing about whether it did.</summary>
    public async Task RequestResetAsync(string email, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(email) || email.Length > 256 ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || user.IsDisabled())
        {
            return;
        }

        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        var last = await users.GetAuthenticationTokenAsync(user, BackOfficeUserAdministration.SignInRecordProvider, LastResetRequestToken);
        if (DateTime.TryParse(last, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
            && now - at < ResetEmailPause)
        {
            return;
        }

        var token = await users.GenerateUserTokenAsync(user, PasswordResetTokenProvider.ProviderName, PasswordResetTokenProvider.Purpose);
        await using var transaction = await changes.BeginAsync(ct);
        emails.QueuePasswordReset(user, token);
        await users.SetAuthenticationTokenAsync(user, BackOfficeUserAdministration.SignInRecordProvider, LastResetRequestToken, now.ToString("O"));
        await transaction.CommitAsync(ct);
    }

    /// <summary>The user a link is for, if the link is still good.</summary>
    public async Task<BackOfficeUser?> UserOfLinkAsync(PasswordLink kind, string? userId, string? encodedToken)
    {
        var token = EmailLinks.DecodeToken(encodedToken);
        if (token is null || string.IsNullOrWhiteSpace(userId) || userId.Length > 100)
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null || user.IsDisabled())
        {
            return null;
        }

        var (provider, purpose) = kind == PasswordLink.Invitation
            ? (InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose)
            : (PasswordResetTokenProvider.ProviderName, PasswordResetTokenProvider.Purpose);
        return await users.VerifyUserTokenAsync(user, provider, purpose, token) ? user : null;
    }

    /// <summary>Sets the password if the link is good and the password follows the rules; the link then stops working.</summary>
    public async Task<SetPasswordResult> SetPasswordAsync(PasswordLink kind, string? userId, string? encodedToken, string password, string culture, CancellationToken ct)
    {
        var user = await UserOfLinkAsync(kind, userId, encodedToken);
        if (user is null)
        {
            return new SetPasswordResult(false, true, [UsersText.Get(UsersText.LinkInvalid, culture)]);
        }

        await using var transaction = await changes.BeginAsync(ct);

        // The link's token was checked above; Identity's own reset sets the password after its rules and changes the security stamp.
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!reset.Succeeded)
        {
            return new SetPasswordResult(false, false, PasswordMessages.Describe(reset.Errors, identity.Value.Password, culture));
        }

        user.EmailConfirmed = true; // the link reached them
        user.LockoutEnd = null; // a lockout after failed sign-ins ends with the new password (a disabled user never gets here)
        user.AccessFailedCount = 0;
        await users.UpdateAsync(user);
        audit.Add(user.Email!, kind == PasswordLink.Invitation ? AuditActions.AcceptInvitation : AuditActions.ResetPassword, user);
        await transaction.CommitAsync(ct);
        return new SetPasswordResult(true, false, []);
    }
}
