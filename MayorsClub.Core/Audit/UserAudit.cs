using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using NodaTime;

namespace MayorsClub.Core.Audit;

/// <summary>What the users section and account pages write to the audit log (who did what to which user).</summary>
public static class AuditActions
{
    public const string Invite = "invite user";
    public const string ResendInvitation = "resend invitation";
    public const string ChangeGroups = "change groups";
    public const string Disable = "disable user";
    public const string Enable = "enable user";
    public const string AcceptInvitation = "accept invitation";
    public const string ResetPassword = "reset password";
    public const string ChangePassword = "change password";
    public const string TwoFactorOn = "turn on two-factor";
    public const string TwoFactorOff = "turn off two-factor";
    public const string NewRecoveryCodes = "new recovery codes";
}

/// <summary>Adds audit entries to the unit of work; they are saved with the change they describe.</summary>
public sealed class UserAudit(UserChanges changes, IClock clock)
{
    /// <param name="actor">Who did it (their sign-in name).</param>
    /// <param name="action">One of <see cref="AuditActions"/>.</param>
    /// <param name="target">The user it was done to.</param>
    /// <param name="details">Anything more, e.g. the groups.</param>
    public void Add(string actor, string action, BackOfficeUser target, string? details = null) =>
        Add(actor, action, target.Email ?? "", details);

    /// <param name="subject">Whom it was done to, as the log names them (a back-office user's or a member's e-mail).</param>
    public void Add(string actor, string action, string subject, string? details = null)
    {
        var text = details is null ? subject : $"{subject}: {details}";
        changes.Db.AuditEntries.Add(new AuditEntryEntity
        {
            Utc = clock.GetCurrentInstant().ToDateTimeUtc(),
            User = actor,
            Action = action,
            Details = text is { Length: > 2000 } ? text[..2000] : text,
        });
    }
}
