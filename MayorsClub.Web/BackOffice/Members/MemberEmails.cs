using MayorsClub.Core.Content;
using MayorsClub.Core.Email;
using MayorsClub.Core.Members;
using MayorsClub.Web.BackOffice.Users;
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
        var culture = Cultures.IsSupported(member.PreferredCulture) ? member.PreferredCulture : Cultures.Default;
        var link = links.SetPassword(culture, member.Id, token);
        var name = string.IsNullOrWhiteSpace(member.Name) ? member.Email! : member.Name;
        var text = MembersText.Format(bodyKey, culture, name, link);
        outbox.Queue(member.Email!, string.IsNullOrWhiteSpace(member.Name) ? null : member.Name, MembersText.Get(subjectKey, culture), text,
            BackOfficeEmails.Html(text, link, culture));
    }
}
