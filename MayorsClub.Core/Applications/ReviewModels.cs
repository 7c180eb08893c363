using MayorsClub.Core.Members;
using NodaTime;

namespace MayorsClub.Core.Applications;

/// <summary>One row of an application's history: who did what and when; internal notes are never sent to the applicant.</summary>
/// <param name="Action">One of <see cref="ApplicationActions"/>.</param>
/// <param name="Text">The note, or the message sent to the applicant with a decision; null when there was none or it was erased.</param>
public sealed record ApplicationHistoryEntry(DateTime Utc, string User, string Action, string? Text, bool IsInternal);

/// <summary>
/// An application as reviewers (and the announce helper's "create partner entry") read it: the form's fields by name
/// (<see cref="Values"/>, as the applicant gave them, normalised by the intake), its status and history.
/// </summary>
public sealed record ApplicationDetail(
    Guid Key,
    string Reference,
    string Form,
    string Status,
    string Culture,
    IReadOnlyDictionary<string, string> Values,
    string ApplicantName,
    string ApplicantEmail,
    DateTime SubmittedUtc,
    IReadOnlyList<ApplicationHistoryEntry> History,
    DateTime UpdatedUtc,
    int Version,
    Guid? EventKey,
    int? Participants,
    Guid? MemberId,
    DateTime? AnonymisedUtc)
{
    public bool IsAnonymised => AnonymisedUtc is not null;

    public string Value(string field) => Values.TryGetValue(field, out var value) ? value : "";
}

/// <summary>A line of the applications list.</summary>
public sealed record ApplicationSummary(
    Guid Key, string Reference, string Form, string Status, string Culture, string ApplicantName, string ApplicantEmail,
    DateTime SubmittedUtc, DateTime UpdatedUtc, bool IsAnonymised);

/// <summary>The list's filters: all optional. Dates are Kyiv calendar days, both ends included.</summary>
/// <param name="Text">Part of the reference, the applicant's name or e-mail, or any field's value, in any case.</param>
public sealed record ApplicationQuery(
    string? Form = null, string? Status = null, LocalDate? From = null, LocalDate? To = null, string? Text = null, int Skip = 0, int Take = 50);

public sealed record ApplicationPage(IReadOnlyList<ApplicationSummary> Items, int Total);

/// <summary>What a reviewer decides.</summary>
public enum ApplicationDecision
{
    Approve,
    Reject,
    Close,
}

public enum ReviewOutcome
{
    Done,
    NotFound,

    /// <summary>The application changed since the reviewer opened it; nothing was saved.</summary>
    Stale,

    /// <summary>Not possible for this application now (see <see cref="ReviewResult.Error"/>).</summary>
    Refused,
}

/// <summary>What happened to the approved applicant's member account.</summary>
public enum MemberAccountOutcome
{
    None,

    /// <summary>A new member, invited by e-mail to set a password.</summary>
    Created,

    /// <summary>A member with the applicant's e-mail already existed: the group was added to it, no second account.</summary>
    Existing,
}

/// <summary>
/// The result of a review command. After an approval, <see cref="Application"/> is the approved application (form and
/// values), so the back office can offer what follows (e.g. a partner's entry drafted from a partnership application).
/// </summary>
/// <param name="Error">A key of the back office's applications texts (<see cref="ReviewErrors"/>).</param>
/// <param name="MemberErrors">Why the member account could not be made (keys of the members texts).</param>
public sealed record ReviewResult(
    ReviewOutcome Outcome,
    string? Error = null,
    ApplicationDetail? Application = null,
    Guid? MemberId = null,
    MemberAccountOutcome Member = MemberAccountOutcome.None,
    string? MemberGroup = null,
    IReadOnlyList<MemberError>? MemberErrors = null)
{
    public bool Succeeded => Outcome == ReviewOutcome.Done;

    public static ReviewResult NotFound() => new(ReviewOutcome.NotFound, ReviewErrors.NotFound);

    public static ReviewResult Stale() => new(ReviewOutcome.Stale, ReviewErrors.Stale);

    public static ReviewResult Refused(string error) => new(ReviewOutcome.Refused, error);
}

/// <summary>Why a review command was refused: keys of the back office's applications texts, in both languages.</summary>
public static class ReviewErrors
{
    public const string NotFound = "applications.error.notFound";
    public const string Stale = "applications.error.stale";
    public const string NotAllowed = "applications.error.notAllowed";
    public const string Anonymised = "applications.error.anonymised";
    public const string MessageTooLong = "applications.error.messageTooLong";
    public const string NoteRequired = "applications.error.noteRequired";
    public const string MemberRefused = "applications.error.memberRefused";
    public const string UnknownDecision = "applications.error.unknownDecision";
}

/// <summary>The history's actions (stored in ApplicationNotes.Action) and the audit log's, which name them.</summary>
public static class ApplicationActions
{
    /// <summary>Written by the intake: the application arrived.</summary>
    public const string Submitted = "submitted";
    public const string Review = "review";
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Close = "close";
    public const string Note = "note";
    public const string MemberCreated = "member-created";
    public const string MemberGroupAdded = "member-group-added";
    public const string Erase = "erase";
    public const string Anonymise = "anonymise";

    public static IReadOnlyList<string> All { get; } = [Submitted, Review, Approve, Reject, Close, Note, MemberCreated, MemberGroupAdded, Erase, Anonymise];

    /// <summary>The audit log's action for a history action, e.g. "approve application".</summary>
    public static string Audit(string action) => action switch
    {
        Note => "note on application",
        MemberCreated or MemberGroupAdded => "member from application",
        _ => action + " application",
    };

    public static string Of(ApplicationDecision decision) => decision switch
    {
        ApplicationDecision.Approve => Approve,
        ApplicationDecision.Reject => Reject,
        _ => Close,
    };

    /// <summary>"approve", "reject" or "close" (the forms and the Management API), or null.</summary>
    public static ApplicationDecision? ParseDecision(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        Approve => ApplicationDecision.Approve,
        Reject => ApplicationDecision.Reject,
        Close => ApplicationDecision.Close,
        _ => null,
    };
}

/// <summary>
/// The e-mail that tells the applicant a decision, in their language, written by the web app (it knows the words and
/// the club's style); queued in the decision's transaction.
/// </summary>
public interface IApplicationDecisionMail
{
    /// <param name="application">The application after the decision.</param>
    /// <param name="message">What the reviewer wrote to the applicant, or null.</param>
    /// <param name="member">For an approved membership or partnership: whether an account was created (its invitation comes separately) or existed.</param>
    void QueueDecision(ApplicationDetail application, ApplicationDecision decision, string? message, MemberAccountOutcome member);
}
