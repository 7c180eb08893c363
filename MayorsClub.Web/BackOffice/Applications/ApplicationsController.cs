using MayorsClub.Core.Applications;
using MayorsClub.Core.Members;
using MayorsClub.Web.BackOffice.Members;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using NodaTime;
using NodaTime.Text;

namespace MayorsClub.Web.BackOffice.Applications;

/// <summary>
/// The applications section (administrators and the committee): the list with filters in the query string, export of
/// the filtered list, an application's page (fields, history, notes, decisions), deleting an applicant's data on
/// request, and the intake's settings (administrators only).
/// </summary>
[Authorize(Policy = BackOfficeSecurity.ReviewApplications)]
public sealed class ApplicationsController(ApplicationReview review, ApplicationSettings settings, IAuthorizationService authorization, IClock clock)
    : BackOfficeController
{
    public const string Path = "/umbraco/applications";
    public const int PageSize = 50;

    /// <summary>The list's filters as the query string carries them.</summary>
    public sealed record Filter(string? Form, string? Status, string? From, string? To, string? Q)
    {
        public Dictionary<string, string?> Query(int? page = null, string? format = null) => new()
        {
            ["form"] = Form, ["status"] = Status, ["from"] = From, ["to"] = To, ["q"] = Q,
            ["page"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["format"] = format,
        };

        public string Link(string path, int? page = null, string? format = null) =>
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, Query(page, format).Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    public sealed record ListPage(
        string UiCulture, IReadOnlyList<ApplicationSummary> Items, int Total, int Page, int Pages, Filter Filter,
        IReadOnlyDictionary<string, string> Errors, bool MayChangeSettings);

    public sealed record DetailPage(
        string UiCulture, ApplicationDetail Application, string? Notice, string? Error, string? Message, string? Note);

    public sealed record ErasePage(string UiCulture, ApplicationDetail Application);

    public sealed record SettingsPage(string UiCulture, string Addresses, string Months, IReadOnlyDictionary<string, string> Errors, string? Notice);

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        base.OnActionExecuting(context);
        ViewData["Section"] = "applications";
    }

    [HttpGet(Path)]
    public async Task<IActionResult> Index(
        [FromQuery] string? form, [FromQuery] string? status, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? q,
        [FromQuery] int page = 1, CancellationToken ct = default)
    {
        var (filter, query, errors) = Parse(form, status, from, to, q);
        return await ListAsync(filter, query, errors, page, ct);
    }

    private async Task<IActionResult> ListAsync(Filter filter, ApplicationQuery query, Dictionary<string, string> errors, int page, CancellationToken ct)
    {
        var current = Math.Clamp(page, 1, int.MaxValue / PageSize); // bounded so the offset cannot overflow
        var found = await review.ListAsync(query with { Skip = (current - 1) * PageSize, Take = PageSize }, ct);
        var pages = Math.Max(1, (found.Total + PageSize - 1) / PageSize);
        if (current > pages)
        {
            current = pages;
            found = await review.ListAsync(query with { Skip = (current - 1) * PageSize, Take = PageSize }, ct);
        }

        var mayChangeSettings = (await authorization.AuthorizeAsync(User, BackOfficeSecurity.ManageUsers)).Succeeded;
        var view = View(nameof(Index), new ListPage(UiCulture, found.Items, found.Total, current, pages, filter, errors, mayChangeSettings));
        view.StatusCode = errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return view;
    }

    /// <summary>The filtered list as CSV or .xlsx (the same filters as the list; paging ignored).</summary>
    [HttpGet(Path + "/export")]
    public async Task<IActionResult> Export(
        [FromQuery] string? format, [FromQuery] string? form, [FromQuery] string? status, [FromQuery] string? from, [FromQuery] string? to,
        [FromQuery] string? q, CancellationToken ct = default)
    {
        var (filter, query, errors) = Parse(form, status, from, to, q);
        if (!ApplicationExport.IsFormat(format))
        {
            errors["format"] = ApplicationsText.Get(ApplicationsText.UnknownFormat, UiCulture);
        }

        if (errors.Count > 0)
        {
            return await ListAsync(filter, query, errors, 1, ct); // the list again, saying what is wrong
        }

        var applications = await review.ExportAsync(query, ct);
        var bytes = ApplicationExport.Write(format!, applications, query.Form, UiCulture);
        return File(bytes, format == ApplicationExport.Xlsx ? ApplicationExport.XlsxType : ApplicationExport.CsvType,
            ApplicationExport.FileName(format!, clock.GetCurrentInstant().ToDateTimeUtc()));
    }

    [HttpGet(Path + "/{key:guid}")]
    public async Task<IActionResult> Details(Guid key, [FromQuery] string? done, [FromQuery] string? member, [FromQuery] string? group, CancellationToken ct)
    {
        if (await review.GetAsync(key, ct) is not { } application)
        {
            return NotFoundPage();
        }

        return View(new DetailPage(UiCulture, application, Notice(application, done, member, group), null, null, null));
    }

    [HttpPost(Path + "/{key:guid}/review")]
    public async Task<IActionResult> MarkInReview(Guid key, [FromForm] int version, CancellationToken ct) =>
        await AfterAsync(key, await review.MarkInReviewAsync(key, version, CurrentUser, ct), "review", null, null, ct);

    [HttpPost(Path + "/{key:guid}/decision")]
    public async Task<IActionResult> Decide(Guid key, [FromForm] string? decision, [FromForm] string? message, [FromForm] int version, CancellationToken ct)
    {
        if (ApplicationActions.ParseDecision(decision) is not { } parsed)
        {
            return await RefusedAsync(key, ReviewResult.Refused(ReviewErrors.UnknownDecision), message, null, ct);
        }

        var result = await review.DecideAsync(key, parsed, message, version, CurrentUser, ct);
        if (!result.Succeeded)
        {
            return await RefusedAsync(key, result, message, null, ct);
        }

        var done = ApplicationActions.Of(parsed);
        var link = $"{Path}/{key}?done={done}";
        if (result.Member != MemberAccountOutcome.None)
        {
            link += $"&member={(result.Member == MemberAccountOutcome.Created ? "created" : "existing")}&group={result.MemberGroup}";
        }

        return LocalRedirect(link);
    }

    [HttpPost(Path + "/{key:guid}/note")]
    public async Task<IActionResult> Note(Guid key, [FromForm] string? text, CancellationToken ct) =>
        await AfterAsync(key, await review.AddNoteAsync(key, text, CurrentUser, ct), "note", null, text, ct);

    [HttpGet(Path + "/{key:guid}/erase")]
    public async Task<IActionResult> Erase(Guid key, CancellationToken ct) =>
        await review.GetAsync(key, ct) is { } application ? View(new ErasePage(UiCulture, application)) : NotFoundPage();

    [HttpPost(Path + "/{key:guid}/erase")]
    [ActionName(nameof(Erase))]
    public async Task<IActionResult> EraseConfirmed(Guid key, [FromForm] int version, CancellationToken ct) =>
        await AfterAsync(key, await review.EraseAsync(key, version, CurrentUser, ct), "erased", null, null, ct);

    [HttpGet(Path + "/settings")]
    [Authorize(Policy = BackOfficeSecurity.ManageUsers)]
    public async Task<IActionResult> Settings([FromQuery] string? done, CancellationToken ct)
    {
        var values = await settings.GetAsync(ct);
        return View(new SettingsPage(UiCulture, string.Join('\n', values.CommitteeAddresses),
            values.RetentionMonths.ToString(System.Globalization.CultureInfo.InvariantCulture), NoErrors,
            done == "saved" ? ApplicationsText.Get(ApplicationsText.SettingsSaved, UiCulture) : null));
    }

    [HttpPost(Path + "/settings")]
    [Authorize(Policy = BackOfficeSecurity.ManageUsers)]
    public async Task<IActionResult> Settings([FromForm] string? addresses, [FromForm] string? months, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var parsed = ApplicationSettings.ParseAddresses(addresses);
        if (parsed is null)
        {
            errors["addresses"] = ApplicationsText.Get(ApplicationsText.InvalidAddresses, UiCulture);
        }
        else if (parsed.Count > ApplicationSettingsValues.MaxCommitteeAddresses)
        {
            errors["addresses"] = ApplicationsText.Get(ApplicationsText.TooManyAddresses, UiCulture);
        }

        if (!int.TryParse(months?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var retention)
            || retention is < ApplicationSettingsValues.MinRetentionMonths or > ApplicationSettingsValues.MaxRetentionMonths)
        {
            errors["months"] = ApplicationsText.Get(ApplicationsText.InvalidMonths, UiCulture);
        }

        if (errors.Count > 0)
        {
            errors["form"] = ApplicationsText.Get(ApplicationsText.FixTheFields, UiCulture);
            var view = View(new SettingsPage(UiCulture, addresses ?? "", months ?? "", errors, null));
            view.StatusCode = StatusCodes.Status400BadRequest;
            return view;
        }

        await settings.SaveAsync(new ApplicationSettingsValues(parsed!, retention), CurrentUser, ct);
        return LocalRedirect(Path + "/settings?done=saved");
    }

    /// <summary>The filters from the query string: unknown forms and statuses are ignored; a date that is not one is said so.</summary>
    internal (Filter Filter, ApplicationQuery Query, Dictionary<string, string> Errors) Parse(string? form, string? status, string? from, string? to, string? q)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var knownForm = ApplicationForms.Find(form)?.Name;
        var knownStatus = ApplicationStatus.IsStatus(status) ? status : null;
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, ApplicationReview.MaxTextFilter)];
        LocalDate? Date(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var parsed = LocalDatePattern.Iso.Parse(value.Trim());
            if (parsed.Success)
            {
                return parsed.Value;
            }

            errors[field] = ApplicationsText.Get(ApplicationsText.InvalidDate, UiCulture);
            return null;
        }

        var fromDate = Date(from, "from");
        var toDate = Date(to, "to");
        var filter = new Filter(knownForm, knownStatus, from?.Trim(), to?.Trim(), text);
        return (filter, new ApplicationQuery(knownForm, knownStatus, fromDate, toDate, text), errors);
    }

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    private string? Notice(ApplicationDetail application, string? done, string? member, string? group)
    {
        var key = done switch
        {
            "review" => ApplicationsText.DoneReview,
            ApplicationActions.Approve => ApplicationsText.DoneApproved,
            ApplicationActions.Reject => ApplicationsText.DoneRejected,
            ApplicationActions.Close => ApplicationsText.DoneClosed,
            "note" => ApplicationsText.DoneNote,
            "erased" => ApplicationsText.DoneErased,
            _ => null,
        };
        if (key is null)
        {
            return null;
        }

        var notice = ApplicationsText.Format(key, UiCulture, application.Reference);
        if (done == ApplicationActions.Approve && member is "created" or "existing" && MemberGroups.IsGroup(group))
        {
            notice += " " + ApplicationsText.Format(member == "created" ? ApplicationsText.DoneMemberCreated : ApplicationsText.DoneMemberExisting,
                UiCulture, application.ApplicantEmail, MemberGroups.Label(group!, UiCulture));
        }

        return notice;
    }

    /// <summary>Done: back to the application's page with a confirmation. Refused: the page again saying why, with what was typed.</summary>
    private async Task<IActionResult> AfterAsync(Guid key, ReviewResult result, string done, string? message, string? note, CancellationToken ct) =>
        result.Succeeded ? LocalRedirect($"{Path}/{key}?done={done}") : await RefusedAsync(key, result, message, note, ct);

    private async Task<IActionResult> RefusedAsync(Guid key, ReviewResult result, string? message, string? note, CancellationToken ct)
    {
        if (result.Outcome == ReviewOutcome.NotFound || await review.GetAsync(key, ct) is not { } application)
        {
            return NotFoundPage();
        }

        var error = ApplicationsText.Get(result.Error ?? ReviewErrors.NotAllowed, UiCulture);
        if (result.MemberErrors is { Count: > 0 } memberErrors)
        {
            error = ApplicationsText.Format(ReviewErrors.MemberRefused, UiCulture,
                string.Join(" ", memberErrors.Select(e => MembersText.Get(e.Code, UiCulture)).Distinct()));
        }

        var view = View(nameof(Details), new DetailPage(UiCulture, application, null, error, message, note));
        view.StatusCode = result.Outcome == ReviewOutcome.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return view;
    }

    private ViewResult NotFoundPage()
    {
        var view = View("NotFound", ApplicationsText.Get(ReviewErrors.NotFound, UiCulture));
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }
}
