namespace MayorsClub.Core.Applications;

/// <summary>What became of a submission.</summary>
public abstract record IntakeResult
{
    private IntakeResult()
    {
    }

    /// <summary>Stored, with its e-mails queued: the applicant is given the reference.</summary>
    public sealed record Accepted(string Reference, Guid Key) : IntakeResult;

    /// <summary>Some fields failed their checks; nothing was stored.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, FieldError> Errors) : IntakeResult;

    /// <summary>The event's registration is closed (by the editor, its deadline, or because it has ended).</summary>
    public sealed record EventClosed : IntakeResult;

    /// <summary>Not enough places are left for the participants asked for.</summary>
    public sealed record EventFull(int Remaining) : IntakeResult;

    /// <summary>No published event has the key the form carried.</summary>
    public sealed record EventUnknown : IntakeResult;
}

/// <summary>A submission as its e-mails need it (the values normalised, as stored).</summary>
/// <param name="EventName">An event registration's event, in Ukrainian (the committee's language) when it has that name.</param>
/// <param name="EventNameForApplicant">The same event in the applicant's language.</param>
public sealed record SubmittedApplication(
    ApplicationForm Form,
    string Culture,
    string Reference,
    Guid Key,
    IReadOnlyDictionary<string, string> Values,
    string ApplicantName,
    string ApplicantEmail,
    DateTime SubmittedUtc,
    string? EventName,
    string? EventNameForApplicant);

/// <summary>
/// Queues a submission's e-mails through the outbox (the committee's notification and the applicant's acknowledgement),
/// to be saved in the intake's transaction. Implemented by the web application, which knows the site's address and
/// the club's e-mail style.
/// </summary>
public interface IApplicationIntakeMail
{
    Task QueueAsync(SubmittedApplication application, CancellationToken ct);
}
