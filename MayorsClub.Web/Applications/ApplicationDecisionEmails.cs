using MayorsClub.Core.Applications;
using MayorsClub.Core.Content;
using MayorsClub.Core.Email;
using MayorsClub.Web.BackOffice.Applications;
using MayorsClub.Web.Infrastructure;

namespace MayorsClub.Web.Applications;

/// <summary>
/// The decision e-mails, in the applicant's language, plain text and the club's HTML: an approved membership or
/// partnership says a separate e-mail brings the set-password link (or that their account already exists); an approved
/// event registration confirms the place; a rejection carries the committee's message when there is one.
/// </summary>
public sealed class ApplicationDecisionEmails(EmailOutbox outbox) : IApplicationDecisionMail
{
    public void QueueDecision(ApplicationDetail application, ApplicationDecision decision, string? message, MemberAccountOutcome member)
    {
        if (application.ApplicantEmail.Length == 0)
        {
            return; // erased: nobody to write to
        }

        var culture = Cultures.IsSupported(application.Culture) ? application.Culture : Cultures.Default;
        var (subjectKey, bodyKey) = decision switch
        {
            ApplicationDecision.Approve => (ApplicationsText.EmailApprovedSubject, member switch
            {
                MemberAccountOutcome.Created => ApplicationsText.EmailApprovedMemberCreated,
                MemberAccountOutcome.Existing => ApplicationsText.EmailApprovedMemberExisting,
                _ when application.Form == ApplicationForms.EventName => ApplicationsText.EmailApprovedEvent,
                _ => ApplicationsText.EmailApproved,
            }),
            ApplicationDecision.Reject => (ApplicationsText.EmailRejectedSubject, ApplicationsText.EmailRejected),
            _ => (ApplicationsText.EmailClosedSubject, ApplicationsText.EmailClosed),
        };

        var what = ApplicationsText.FormLabel(application.Form, culture);
        var text = ApplicationsText.Format(bodyKey, culture, application.ApplicantName, application.Reference, what);
        if (message is not null)
        {
            text += "\n\n" + ApplicationsText.Format(ApplicationsText.EmailMessage, culture, message);
        }

        text += "\n\n" + ApplicationsText.Get(ApplicationsText.EmailSignature, culture);
        outbox.Queue(application.ApplicantEmail, application.ApplicantName,
            ApplicationsText.Format(subjectKey, culture, application.Reference), text, EmailLayout.Html(text, culture));
    }
}
