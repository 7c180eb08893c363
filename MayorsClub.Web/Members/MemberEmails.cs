using MayorsClub.Core.Content;
using MayorsClub.Core.Email;
using MayorsClub.Core.Members;
using MayorsClub.Web.Infrastructure;

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
        outbox.Queue(member.Email!, AddresseeOf(member), MemberText.Get(MemberText.ResetSubject, culture), text, EmailLinks.Html(text, link, culture));
    }

    public static string CultureOf(Member member) => Cultures.IsSupported(member.PreferredCulture) ? member.PreferredCulture : Cultures.Default;

    /// <summary>How an e-mail greets the member: their name, or their address when they gave no name.</summary>
    public static string NameOf(Member member) => string.IsNullOrWhiteSpace(member.Name) ? member.Email! : member.Name;

    /// <summary>The name on the envelope, if there is one.</summary>
    public static string? AddresseeOf(Member member) => string.IsNullOrWhiteSpace(member.Name) ? null : member.Name;
}
