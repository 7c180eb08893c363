using MayorsClub.Core.Applications;
using MayorsClub.Web.BackOffice.Applications;
using MayorsClub.Web.BackOffice.Members;
using MayorsClub.Web.ManagementApi.Documents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace MayorsClub.Web.ManagementApi.Applications;

/// <summary>
/// Applications, with the rights of the back office's applications section (administrators and the committee): list
/// with the same filters, read, decide (approve, reject, close), export. Over the same Core service as the back office;
/// refusals are ProblemDetails in the caller's language.
/// </summary>
public static class ApplicationEndpoints
{
    public const string Tag = "Application";
    public const int DefaultTake = 100;

    public sealed record ApplicationSummaryResponse(
        Guid Id, string Reference, string Form, string Status, string Culture, string ApplicantName, string ApplicantEmail,
        DateTime SubmittedUtc, DateTime UpdatedUtc, bool IsAnonymised);

    public sealed record PagedApplicationResponse(int Total, IReadOnlyList<ApplicationSummaryResponse> Items);

    public sealed record HistoryResponse(DateTime Utc, string User, string Action, string? Text, bool IsInternal);

    /// <param name="Values">The form's fields by name, as the applicant gave them (normalised: phones in E.164, e-mail in lower case).</param>
    /// <param name="Version">Name it in a decision: a decision made from an older version is refused with 409.</param>
    public sealed record ApplicationResponse(
        Guid Id, string Reference, string Form, string Status, string Culture, string ApplicantName, string ApplicantEmail,
        IReadOnlyDictionary<string, string> Values, DateTime SubmittedUtc, DateTime UpdatedUtc, int Version, Guid? EventKey,
        int? Participants, Guid? MemberId, DateTime? AnonymisedUtc, IReadOnlyList<HistoryResponse> History);

    /// <param name="Decision">approve, reject or close.</param>
    /// <param name="Message">Sent to the applicant with the decision, in the e-mail in their language; optional.</param>
    /// <param name="Version">The application's version the decision was made from.</param>
    public sealed record DecisionRequest(string? Decision, string? Message, int? Version);

    /// <param name="Member">After approving a membership or partnership: "created" (invited by e-mail) or "existing" (the group was added); else null.</param>
    public sealed record DecisionResponse(ApplicationResponse Application, string? Member, string? MemberGroup);

    public static void MapApplicationEndpoints(this IEndpointRouteBuilder api)
    {
        var applications = api.MapGroup("application").WithTags(Tag);
        applications.MapGet("", List).WithName("GetApplications")
            .WithSummary("Applications, newest first: form (membership, partnership, event, contact), status (new, review, approved, rejected, closed), from and to (Kyiv dates, YYYY-MM-DD, both included) and filter (part of the reference, name, e-mail or any field) narrow the list; skip and take page it (take 100 by default, 500 at most). Administrators and the committee.");
        applications.MapGet("export", Export).WithName("ExportApplications")
            .WithSummary("The filtered list (the same filters; no paging) as CSV (UTF-8 with a BOM) or Excel .xlsx: format=csv|xlsx. With one form chosen, a column per field. Administrators and the committee.");
        applications.MapGet("{id:guid}", Get).WithName("GetApplication")
            .WithSummary("An application: its fields, status, version and history. Administrators and the committee.");
        applications.MapPost("{id:guid}/decision", Decide).WithName("DecideApplication")
            .WithSummary("Approves, rejects or closes an application made from the version given, e-mailing the applicant in their language (closing only with a message). Approving a membership or partnership creates the member (or adds the group to the member with that e-mail) and invites them; rejecting an event registration frees its places. Administrators and the committee.");
    }

    private static async Task<Results<Ok<PagedApplicationResponse>, ValidationProblem>> List(
        string? form, string? status, string? from, string? to, string? filter, int? skip, int? take,
        ApplicationReview review, HttpContext http, CancellationToken ct)
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        var errors = new List<FieldError>();
        var query = Query(form, status, from, to, filter, culture, errors);
        if (skip is < 0)
        {
            errors.Add(new FieldError("skip", ManagementApiText.Get(ManagementApiText.BadRequest, culture)));
        }

        if (take is < 0 or > ApplicationReview.MaxTake)
        {
            errors.Add(new FieldError("take", ManagementApiText.Get(ManagementApiText.BadRequest, culture)));
        }

        if (errors.Count > 0)
        {
            return ContentProblems.Invalid(http, errors);
        }

        var page = await review.ListAsync(query with { Skip = skip ?? 0, Take = take ?? DefaultTake }, ct);
        return TypedResults.Ok(new PagedApplicationResponse(page.Total, page.Items.Select(a => new ApplicationSummaryResponse(
            a.Key, a.Reference, a.Form, a.Status, a.Culture, a.ApplicantName, a.ApplicantEmail, a.SubmittedUtc, a.UpdatedUtc, a.IsAnonymised)).ToList()));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(
        string? format, string? form, string? status, string? from, string? to, string? filter,
        ApplicationReview review, IClock clock, HttpContext http, CancellationToken ct)
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        var errors = new List<FieldError>();
        var query = Query(form, status, from, to, filter, culture, errors);
        if (!ApplicationExport.IsFormat(format))
        {
            errors.Add(new FieldError("format", ApplicationsText.Get(ApplicationsText.UnknownFormat, culture)));
        }

        if (errors.Count > 0)
        {
            return ContentProblems.Invalid(http, errors);
        }

        var bytes = ApplicationExport.Write(format!, await review.ExportAsync(query, ct), query.Form, culture);
        return TypedResults.File(bytes, format == ApplicationExport.Xlsx ? ApplicationExport.XlsxType : ApplicationExport.CsvType,
            ApplicationExport.FileName(format!, clock.GetCurrentInstant().ToDateTimeUtc()));
    }

    private static async Task<Results<Ok<ApplicationResponse>, NotFound<ProblemDetails>>> Get(
        Guid id, ApplicationReview review, HttpContext http, CancellationToken ct) =>
        await review.GetAsync(id, ct) is { } application ? TypedResults.Ok(ToResponse(application)) : NotFound(http);

    private static async Task<Results<Ok<DecisionResponse>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Decide(
        Guid id, DecisionRequest request, ApplicationReview review, HttpContext http, CancellationToken ct)
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        var errors = new List<FieldError>();
        var decision = ApplicationActions.ParseDecision(request.Decision);
        if (decision is null)
        {
            errors.Add(new FieldError("decision", ApplicationsText.Get(ReviewErrors.UnknownDecision, culture)));
        }

        if (request.Version is null)
        {
            errors.Add(new FieldError("version", ApplicationsText.Get(ApplicationsText.VersionRequired, culture)));
        }

        if (errors.Count > 0)
        {
            return ContentProblems.Invalid(http, errors);
        }

        var result = await review.DecideAsync(id, decision!.Value, request.Message, request.Version!.Value, DocumentEndpoints.UserOf(http), ct);
        switch (result.Outcome)
        {
            case ReviewOutcome.Done:
                var member = result.Member switch
                {
                    MemberAccountOutcome.Created => "created",
                    MemberAccountOutcome.Existing => "existing",
                    _ => null,
                };
                return TypedResults.Ok(new DecisionResponse(ToResponse(result.Application!), member, result.MemberGroup));
            case ReviewOutcome.NotFound:
                return NotFound(http);
            case ReviewOutcome.Stale:
                http.Response.Headers.ContentLanguage = culture;
                var current = await review.GetAsync(id, ct);
                return ContentProblems.Conflict(http, ApplicationsText.Get(ReviewErrors.Stale, culture), current?.Version);
            default:
                var message = result.MemberErrors is { Count: > 0 } memberErrors
                    ? ApplicationsText.Format(ReviewErrors.MemberRefused, culture, string.Join(" ", memberErrors.Select(e => MembersText.Get(e.Code, culture)).Distinct()))
                    : ApplicationsText.Get(result.Error ?? ReviewErrors.NotAllowed, culture);
                var field = result.Error == ReviewErrors.MessageTooLong ? "message" : "decision";
                return ContentProblems.Invalid(http, [new FieldError(field, message)]);
        }
    }

    /// <summary>The filters; what is wrong with them is added to <paramref name="errors"/>.</summary>
    private static ApplicationQuery Query(string? form, string? status, string? from, string? to, string? filter, string culture, List<FieldError> errors)
    {
        if (!string.IsNullOrEmpty(form) && ApplicationForms.Find(form) is null)
        {
            errors.Add(new FieldError("form", ApplicationsText.Get(ApplicationsText.UnknownForm, culture)));
        }

        if (!string.IsNullOrEmpty(status) && !ApplicationStatus.IsStatus(status))
        {
            errors.Add(new FieldError("status", ApplicationsText.Get(ApplicationsText.UnknownStatus, culture)));
        }

        LocalDate? Date(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var parsed = LocalDatePattern.Iso.Parse(value.Trim());
            if (!parsed.Success)
            {
                errors.Add(new FieldError(field, ApplicationsText.Get(ApplicationsText.InvalidDate, culture)));
                return null;
            }

            return parsed.Value;
        }

        var text = filter?.Trim() is { Length: > 0 } trimmed ? trimmed[..Math.Min(trimmed.Length, ApplicationReview.MaxTextFilter)] : null;
        return new ApplicationQuery(string.IsNullOrEmpty(form) ? null : form, string.IsNullOrEmpty(status) ? null : status,
            Date(from, "from"), Date(to, "to"), text);
    }

    private static NotFound<ProblemDetails> NotFound(HttpContext http)
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        http.Response.Headers.ContentLanguage = culture;
        return TypedResults.NotFound(ContentProblems.Problem(StatusCodes.Status404NotFound,
            ManagementApiText.Get(ManagementApiText.NotFoundTitle, culture), ApplicationsText.Get(ReviewErrors.NotFound, culture)));
    }

    private static ApplicationResponse ToResponse(ApplicationDetail a) => new(
        a.Key, a.Reference, a.Form, a.Status, a.Culture, a.ApplicantName, a.ApplicantEmail, a.Values, a.SubmittedUtc, a.UpdatedUtc, a.Version,
        a.EventKey, a.Participants, a.MemberId, a.AnonymisedUtc,
        a.History.Select(h => new HistoryResponse(h.Utc, h.User, h.Action, h.Text, h.IsInternal)).ToList());
}
