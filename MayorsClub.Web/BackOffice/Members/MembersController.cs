using MayorsClub.Core.Content;
using MayorsClub.Core.Members;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MayorsClub.Web.BackOffice.Members;

/// <summary>
/// The members section (editors and administrators): the list with search and filters, adding a member with an
/// invitation, editing fields and groups, approving, locking and unlocking, sending a reset link, deleting.
/// </summary>
[Authorize(Policy = BackOfficeSecurity.Publish)]
public sealed class MembersController(MemberAdministration administration, MemberDirectory directory) : BackOfficeController
{
    public const string Path = "/umbraco/members";
    public const int PageSize = 50;

    public sealed class MemberForm
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Position { get; set; }
        public string? Community { get; set; }
        public string? Region { get; set; }
        public string? Phone { get; set; }
        public string? PreferredCulture { get; set; }
        public List<string> Groups { get; set; } = [];

        public static MemberForm Of(MemberSummary member) => new()
        {
            Name = member.Name, Email = member.Email, Position = member.Position, Community = member.Community, Region = member.Region,
            Phone = member.Phone, PreferredCulture = member.PreferredCulture, Groups = member.Groups.ToList(),
        };

        public MemberFields ToFields() => new(Name, Email, Position, Community, Region, Phone, PreferredCulture, Groups ?? []);
    }

    public sealed record ListPage(
        string UiCulture, IReadOnlyList<MemberSummary> Members, int Total, int Page, int Pages, string? Text, string? Group, string? State, string? Notice);

    /// <param name="Errors">Messages by field (name, email… and "form" for the summary).</param>
    public sealed record FormPage(string UiCulture, MemberSummary? Member, MemberForm Form, IReadOnlyDictionary<string, string> Errors, string? Notice);

    public sealed record DeletePage(string UiCulture, MemberSummary Member, int Passkeys);

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["created"] = MembersText.DoneCreated,
        ["saved"] = MembersText.DoneSaved,
        ["approved"] = MembersText.DoneApproved,
        ["locked"] = MembersText.DoneLocked,
        ["unlocked"] = MembersText.DoneUnlocked,
        ["reset"] = MembersText.DoneResetSent,
    };

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        base.OnActionExecuting(context);
        ViewData["Section"] = "members";
    }

    [HttpGet(Path)]
    public async Task<IActionResult> Index([FromQuery] string? q, [FromQuery] string? group, [FromQuery] string? state,
        [FromQuery] string? deleted, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 200)];
        var knownGroup = MemberGroups.IsGroup(group) ? group : null;
        var (approved, locked, knownState) = state switch
        {
            "awaiting" => ((bool?)false, (bool?)null, (string?)state),
            "locked" => (null, true, state),
            _ => (null, null, null),
        };
        MemberDirectory.Query Query(int current) => new(text, knownGroup, approved, locked, (current - 1) * PageSize, PageSize);
        var current = Math.Clamp(page, 1, int.MaxValue / PageSize); // bounded so the offset cannot overflow
        var found = await directory.ListAsync(Query(current), ct);
        var pages = Math.Max(1, (found.Total + PageSize - 1) / PageSize);
        if (current > pages)
        {
            current = pages; // a page past the end (the list got shorter): the last one
            found = await directory.ListAsync(Query(current), ct);
        }
        var notice = string.IsNullOrWhiteSpace(deleted) ? null : MembersText.Format(MembersText.DoneDeleted, UiCulture, deleted[..Math.Min(deleted.Length, 256)]);
        return View(new ListPage(UiCulture, found.Items, found.Total, current, pages, text, knownGroup, knownState, notice));
    }

    [HttpGet(Path + "/create")]
    public IActionResult Create() =>
        View(new FormPage(UiCulture, null, new MemberForm { PreferredCulture = Cultures.Default, Groups = [MemberGroups.Mayors] }, NoErrors, null));

    [HttpPost(Path + "/create")]
    public async Task<IActionResult> Create(MemberForm form, CancellationToken ct)
    {
        var result = await administration.CreateAsync(form.ToFields(), CurrentUser, ct);
        return result.Succeeded
            ? LocalRedirect($"{Path}/{result.Id}?done=created")
            : Refused(nameof(Create), null, form, result);
    }

    [HttpGet(Path + "/{id:guid}")]
    public async Task<IActionResult> Details(Guid id, string? done, CancellationToken ct)
    {
        if (await directory.GetAsync(id, ct) is not { } member)
        {
            return NotFoundPage();
        }

        var notice = done is not null && Notices.TryGetValue(done, out var key) ? MembersText.Format(key, UiCulture, member.Email) : null;
        return View(new FormPage(UiCulture, member, MemberForm.Of(member), NoErrors, notice));
    }

    [HttpPost(Path + "/{id:guid}")]
    public async Task<IActionResult> Details(Guid id, MemberForm form, CancellationToken ct)
    {
        var result = await administration.UpdateAsync(id, form.ToFields(), CurrentUser, ct);
        if (result.Succeeded)
        {
            return Done(id, "saved");
        }

        return await directory.GetAsync(id, ct) is { } member ? Refused(nameof(Details), member, form, result) : NotFoundPage();
    }

    [HttpPost(Path + "/{id:guid}/approve")]
    public async Task<IActionResult> Approve(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await administration.ApproveAsync(id, CurrentUser, ct), "approved", ct);

    [HttpPost(Path + "/{id:guid}/lock")]
    public async Task<IActionResult> Lock(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await administration.LockAsync(id, CurrentUser, ct), "locked", ct);

    [HttpPost(Path + "/{id:guid}/unlock")]
    public async Task<IActionResult> Unlock(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await administration.UnlockAsync(id, CurrentUser, ct), "unlocked", ct);

    [HttpPost(Path + "/{id:guid}/send-reset")]
    public async Task<IActionResult> SendReset(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await administration.SendResetLinkAsync(id, CurrentUser, ct), "reset", ct);

    [HttpGet(Path + "/{id:guid}/delete")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct) =>
        await directory.GetAsync(id, ct) is { } member
            ? View(new DeletePage(UiCulture, member, await directory.PasskeyCountAsync(id, ct)))
            : NotFoundPage();

    [HttpPost(Path + "/{id:guid}/delete")]
    [ActionName(nameof(Delete))]
    public async Task<IActionResult> DeleteConfirmed(Guid id, CancellationToken ct)
    {
        var member = await directory.GetAsync(id, ct);
        var result = await administration.DeleteAsync(id, CurrentUser, ct);
        return result.Succeeded && member is not null
            ? LocalRedirect($"{Path}?deleted={Uri.EscapeDataString(member.Email)}")
            : await AfterAsync(id, result, "", ct);
    }

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    /// <summary>Done: back to the member's page with a confirmation (POST-redirect-GET). Refused: the page again saying why, or 404.</summary>
    private async Task<IActionResult> AfterAsync(Guid id, MemberResult result, string done, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            return Done(id, done);
        }

        return result.Status != MemberStatus.NotFound && await directory.GetAsync(id, ct) is { } member
            ? Refused(nameof(Details), member, MemberForm.Of(member), result)
            : NotFoundPage();
    }

    private LocalRedirectResult Done(Guid id, string done) => LocalRedirect($"{Path}/{id}?done={done}");

    /// <summary>The form again with what was typed and a message by each refused field: 400, or 409 for an address another member has or a concurrent change.</summary>
    private ViewResult Refused(string viewName, MemberSummary? member, MemberForm form, MemberResult result)
    {
        if (result.Status == MemberStatus.NotFound)
        {
            return NotFoundPage();
        }

        var errors = result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => MembersText.Get(g.First().Code, UiCulture));
        errors["form"] = MembersText.Get(result.Status switch
        {
            MemberStatus.EmailTaken => MemberErrors.EmailTaken,
            MemberStatus.Conflict => MemberErrors.Conflict,
            _ => MembersText.FixTheFields,
        }, UiCulture);
        form.Groups ??= [];
        var view = View(viewName, new FormPage(UiCulture, member, form, errors, null));
        view.StatusCode = result.Status is MemberStatus.EmailTaken or MemberStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return view;
    }

    private ViewResult NotFoundPage()
    {
        var view = View("NotFound", MembersText.Get(MemberErrors.NotFound, UiCulture));
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }
}
