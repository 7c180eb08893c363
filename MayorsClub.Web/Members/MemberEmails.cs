using System.Net;
using MayorsClub.Core.Content;
using MayorsClub.Core.Email;
using MayorsClub.Core.Members;

namespace MayorsClub.Web.Members;

/// <summary>The e-mails a member's account sends, in the member's preferred language, through the outbox.</summary>
public sealed class MemberEmails(EmailOutbox outbox, MemberLinks links)
{
    /// <summary>Queues the set-password link for a reset the member asked for (saved with the caller's next SaveChanges).</summary>
    public void QueuePasswordReset(Member member, string token)
    {
        var culture = CultureOf(member);
        var link = links.SetPassword(culture, member.Id, token);
        var text = MemberText.Format(MemberText.ResetBody, culture, NameOf(member), link);
        var html = $"<!DOCTYPE html><html lang=\"{culture}\"><body>"
            + string.Concat(text.Split("\n\n").Select(paragraph => paragraph == link
                ? $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"
                : $"<p>{WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)}</p>"))
            + "</body></html>";
        outbox.Queue(member.Email!, string.IsNullOrWhiteSpace(member.Name) ? null : member.Name, MemberText.Get(MemberText.ResetSubject, culture), text, html);
    }

    public static string CultureOf(Member member) => Cultures.IsSupported(member.PreferredCulture) ? member.PreferredCulture : Cultures.Default;

    private static string NameOf(Member member) => string.IsNullOrWhiteSpace(member.Name) ? member.Email! : member.Name;
}
