using System.Text;
using MayorsClub.Core.Applications;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Email;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Infrastructure;
using NodaTime;

namespace MayorsClub.Web.Applications;

/// <summary>
/// A submission's two e-mails, queued in the intake's transaction: the committee's notification (every field labelled,
/// in Ukrainian, with a link to the application in the back office; replying answers the applicant) and the applicant's
/// acknowledgement in the language they used, with the reference and what happens next.
/// </summary>
public sealed class ApplicationIntakeEmails(
    EmailOutbox outbox,
    ApplicationSettings settings,
    PublishedSnapshotService snapshots,
    PublicAddress address,
    IHttpContextAccessor http,
    ILogger<ApplicationIntakeEmails> logger) : IApplicationIntakeMail
{
    /// <summary>The committee reads in Ukrainian.</summary>
    private const string CommitteeCulture = Cultures.Ukrainian;

    private static readonly DateTimeZone Kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];

    public static string ReviewPath(Guid key) => $"/umbraco/applications/{key}";

    public async Task QueueAsync(SubmittedApplication application, CancellationToken ct)
    {
        var committee = await CommitteeAddressesAsync(ct);
        if (committee.Count == 0)
        {
            logger.LogWarning("Application {Reference} has no committee address to notify: set one in the back office or the site's contact e-mail", application.Reference);
        }

        var link = address.Origin(http.HttpContext?.Request) + ReviewPath(application.Key);
        var (subject, text) = Notification(application, link);
        var html = EmailLayout.Html(text, CommitteeCulture, [link]);
        var replyTo = new Dictionary<string, string> { ["Reply-To"] = application.ApplicantEmail };
        foreach (var to in committee)
        {
            outbox.Queue(to, null, subject, text, html, replyTo);
        }

        var (ackSubject, ackText) = Acknowledgement(application);
        outbox.Queue(application.ApplicantEmail, application.ApplicantName, ackSubject, ackText,
            EmailLayout.Html(ackText, application.Culture, footer: ApplicationPageText.Get(ApplicationPageText.ApplicantFooter, application.Culture)));
    }

    /// <summary>The committee's addresses from the back office's settings; when none are set, the site's contact e-mail.</summary>
    private async Task<IReadOnlyList<string>> CommitteeAddressesAsync(CancellationToken ct)
    {
        var configured = (await settings.GetAsync(ct)).CommitteeAddresses;
        if (configured.Count > 0)
        {
            return configured;
        }

        var snapshot = snapshots.Current;
        return snapshot.Settings is { } site
            && site.Cultures.Keys.FirstOrDefault() is { } culture
            && snapshot.For(Viewer.Anonymous).Of(site, culture).Text(SiteSettings.ContactEmail) is { Length: > 0 } contact
                ? [contact.Trim()]
                : [];
    }

    /// <summary>The committee's e-mail: what came in, when, in which language, every field with its label, and the link.</summary>
    public static (string Subject, string Text) Notification(SubmittedApplication application, string link)
    {
        const string uk = CommitteeCulture;
        var kind = ApplicationPageText.Get(ApplicationPageText.Kind(application.Form.Name), uk);
        var when = Instant.FromDateTimeUtc(DateTime.SpecifyKind(application.SubmittedUtc, DateTimeKind.Utc)).InZone(Kyiv)
            .ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var language = application.Culture == Cultures.English ? "англійська" : "українська";
        var text = new StringBuilder();
        text.Append(ApplicationPageText.Format(ApplicationPageText.CommitteeIntro, uk, kind, application.Reference, when, language));
        if (application.EventName is not null)
        {
            text.Append("\n\n").Append(ApplicationPageText.Format(ApplicationPageText.CommitteeEvent, uk, application.EventName));
        }

        text.Append("\n\n");
        var lines = application.Form.Fields
            .Where(field => application.Values.ContainsKey(field.Name))
            .Select(field => $"{field.Label(uk)}: {Display(field, application.Values[field.Name], uk)}");
        text.AppendJoin('\n', lines);
        text.Append("\n\n").Append(ApplicationPageText.Format(ApplicationPageText.CommitteeLink, uk, link));
        var subject = ApplicationPageText.Format(ApplicationPageText.CommitteeSubject, uk, application.Reference,
            char.ToUpperInvariant(kind[0]) + kind[1..], application.ApplicantName);
        return (subject, text.ToString());
    }

    /// <summary>The applicant's acknowledgement, in their language.</summary>
    public static (string Subject, string Text) Acknowledgement(SubmittedApplication application)
    {
        var culture = application.Culture;
        var form = application.Form.Name;
        var subject = ApplicationPageText.Format(ApplicationPageText.AcknowledgementSubject(form), culture, application.Reference);
        var text = ApplicationPageText.Format(ApplicationPageText.ApplicantGreeting, culture, application.ApplicantName)
            + "\n\n" + ApplicationPageText.Format(ApplicationPageText.AcknowledgementBody(form), culture, application.Reference, application.EventNameForApplicant ?? "");
        return (subject, text);
    }

    /// <summary>A value as a person reads it: a choice by its name, a region by its name, consent as "yes".</summary>
    public static string Display(FormField field, string value, string culture) => field.Type switch
    {
        FieldType.Choice or FieldType.Region => field.Choices(culture).FirstOrDefault(c => c.Value == value).Name ?? value,
        FieldType.Consent => ApplicationPageText.Get(ApplicationPageText.Yes, culture),
        FieldType.TextArea => "\n" + value,
        _ => value,
    };
}
