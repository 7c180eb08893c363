using MayorsClub.Core.Email;
using MayorsClub.Core.Members;
using MayorsClub.Web.Infrastructure;
using MayorsClub.Web.Members;

namespace MayorsClub.Web.BackOffice.Members;

/// <summary>
/// The e-mails editors send members (the invitation of a new member, a link to set a new password), in the member's
/// language, with the set-password link of the members' pages; queued in the outbox with the command that sends them.
/// </summary>
public sealed class MemberEmails(EmailOutbox outbox, MemberLinks links) : IMemberMail
{
    public void QueueInvitation(Member member, string token) =>
        Queue(member, token, MembersText.InvitationSubject, MembersText.InvitationBody);

    public void QueueResetLink(Member member, string token) =>
        Queue(member, token, MembersText.ResetSubject, MembersText.ResetBody);

    private void Queue(Member member, string token, string subjectKey, string bodyKey)
    {
        var culture = Web.Members.MemberEmails.CultureOf(member);
        var link = links.SetPassword(culture, member.Id, token);
        var text = MembersText.Format(bodyKey, culture, Web.Members.MemberEmails.NameOf(member), link);
        outbox.Queue(member.Email!, Web.Members.MemberEmails.AddresseeOf(member), MembersText.Get(subjectKey, culture), text, EmailLinks.Html(text, link, culture));
    }
}
