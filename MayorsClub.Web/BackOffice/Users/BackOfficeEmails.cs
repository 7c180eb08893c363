using MayorsClub.Core.Content;
using MayorsClub.Core.Email;
using MayorsClub.Core.Users;
using MayorsClub.Web.Infrastructure;

namespace MayorsClub.Web.BackOffice.Users;

/// <summary>The invitation and password-reset e-mails, in the language the user chose, queued in the outbox with the change.</summary>
public sealed class BackOfficeEmails(EmailOutbox outbox, BackOfficeLinks links)
{
    public const string InvitationPath = "/umbraco/invitation";
    public const string ResetPasswordPath = "/umbraco/reset-password";

    public void QueueInvitation(BackOfficeUser user, string invitedBy, string token)
    {
        var culture = CultureOf(user);
        var link = links.Absolute(LinkPath(InvitationPath, user, token));
        Queue(user, UsersText.Get(UsersText.InvitationSubject, culture), UsersText.Format(UsersText.InvitationBody, culture, NameOf(user), invitedBy, link), link, culture);
    }

    public void QueuePasswordReset(BackOfficeUser user, string token)
    {
        var culture = CultureOf(user);
        var link = links.Absolute(LinkPath(ResetPasswordPath, user, token));
        Queue(user, UsersText.Get(UsersText.ResetSubject, culture), UsersText.Format(UsersText.ResetBody, culture, NameOf(user), link), link, culture);
    }

    private static string LinkPath(string path, BackOfficeUser user, string token) =>
        $"{path}?user={Uri.EscapeDataString(user.Id)}&token={EmailLinks.EncodeToken(token)}";

    private void Queue(BackOfficeUser user, string subject, string text, string link, string culture) =>
        outbox.Queue(user.Email!, string.IsNullOrWhiteSpace(user.DisplayName) ? null : user.DisplayName, subject, text, EmailLinks.Html(text, link, culture));

    private static string CultureOf(BackOfficeUser user) => Cultures.IsSupported(user.UiCulture) ? user.UiCulture : Cultures.Default;

    private static string NameOf(BackOfficeUser user) => string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email! : user.DisplayName;
}
