using MayorsClub.Core.Applications;
using MayorsClub.Web.BackOffice.Applications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MayorsClub.Web.BackOffice.Outbox;

/// <summary>
/// The outbox (administrators and the committee): e-mails waiting or failed, with "retry now", and those sent in the
/// last 7 days. Never the bodies: they carry set-password and confirmation links.
/// </summary>
[Authorize(Policy = BackOfficeSecurity.ReviewApplications)]
public sealed class OutboxController(ReviewOutbox outbox) : BackOfficeController
{
    public const string Path = "/umbraco/outbox";

    public sealed record OutboxPage(string UiCulture, ReviewOutbox.Overview Overview, string? Notice, string? Error);

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        base.OnActionExecuting(context);
        ViewData["Section"] = "outbox";
    }

    [HttpGet(Path)]
    public async Task<IActionResult> Index([FromQuery] long? retried, CancellationToken ct) =>
        View(new OutboxPage(UiCulture, await outbox.GetAsync(ct),
            retried is { } id ? ApplicationsText.Format(ApplicationsText.OutboxRetried, UiCulture, id) : null, null));

    [HttpPost(Path + "/{id:long}/retry")]
    public async Task<IActionResult> Retry(long id, CancellationToken ct)
    {
        if (await outbox.RetryNowAsync(id, CurrentUser, ct))
        {
            return LocalRedirect($"{Path}?retried={id}");
        }

        var view = View(nameof(Index), new OutboxPage(UiCulture, await outbox.GetAsync(ct), null, ApplicationsText.Get(ApplicationsText.OutboxNotWaiting, UiCulture)));
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }
}
