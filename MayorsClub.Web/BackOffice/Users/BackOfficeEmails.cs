using System.Net;
using System.Text;
using MayorsClub.Core.Content;
using MayorsClub.Core.Email;
using MayorsClub.Core.Users;
using Microsoft.AspNetCore.WebUtilities;

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

    /// <summary>Identity's tokens carry characters that do not survive in URLs and mail clients; the link carries them base64url-encoded.</summary>
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? encoded)
    {
        if (string.IsNullOrWhiteSpace(encoded) || encoded.Length > 4000)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string LinkPath(string path, BackOfficeUser user, string token) =>
        $"{path}?user={Uri.EscapeDataString(user.Id)}&token={EncodeToken(token)}";

    private void Queue(BackOfficeUser user, string subject, string text, string link, string culture) =>
        outbox.Queue(user.Email!, string.IsNullOrWhiteSpace(user.DisplayName) ? null : user.DisplayName, subject, text, Html(text, link, culture));

    /// <summary>The HTML part of an e-mail: the same text, paragraph by paragraph, with the link made clickable.</summary>
    internal static string Html(string text, string link, string culture)
    {
        var paragraphs = text.Split("\n\n").Select(p => p == link || p.EndsWith("\n" + link, StringComparison.Ordinal)
            ? WebUtility.HtmlEncode(p[..^link.Length]).Replace("\n", "<br>", StringComparison.Ordinal) + $"<a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a>"
            : WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal));
        return $"<!DOCTYPE html><html lang=\"{culture}\"><body>{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}</body></html>";
    }

    private static string CultureOf(BackOfficeUser user) => Cultures.IsSupported(user.UiCulture) ? user.UiCulture : Cultures.Default;

    private static string NameOf(BackOfficeUser user) => string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email! : user.DisplayName;
}
