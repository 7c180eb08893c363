using MayorsClub.Core.Content;
using MayorsClub.Core.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MayorsClub.Web.BackOffice.Users;

/// <summary>The users section (administrators only): the list, invitations, groups, disabling and enabling.</summary>
[Authorize(Policy = BackOfficeSecurity.ManageUsers)]
public sealed class UsersController(BackOfficeUserAdministration administration, UserManager<BackOfficeUser> users, SignInManager<BackOfficeUser> signIn)
    : BackOfficeController
{
    public const string Path = "/umbraco/users";

    public sealed class InviteForm
    {
        public string Email { get; set; } = "";
        public string? DisplayName { get; set; }
        public string UiCulture { get; set; } = Cultures.Default;
        public List<string> Groups { get; set; } = [];
    }

    public sealed class GroupsForm
    {
        public List<string> Groups { get; set; } = [];
    }

    public sealed record ListPage(string UiCulture, IReadOnlyList<UserSummary> Users);

    public sealed record InvitePage(string UiCulture, InviteForm Form, string? Error);

    /// <param name="IsSelf">The administrator looking at their own account (they cannot disable it or leave Administrators).</param>
    public sealed record UserPage(string UiCulture, UserSummary User, bool IsSelf, string? Notice, string? Error);

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["invited"] = UsersText.Invited,
        ["resent"] = UsersText.InvitationResent,
        ["groups"] = UsersText.GroupsSaved,
        ["disabled"] = UsersText.Disabled,
        ["enabled"] = UsersText.Enabled,
    };

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        base.OnActionExecuting(context);
        ViewData["Section"] = "users";
    }

    [HttpGet(Path)]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new ListPage(UiCulture, await administration.ListAsync(ct)));

    [HttpGet(Path + "/invite")]
    public IActionResult Invite() =>
        View(new InvitePage(UiCulture, new InviteForm { UiCulture = UiCulture, Groups = [BackOfficeGroups.Writers] }, null));

    [HttpPost(Path + "/invite")]
    public async Task<IActionResult> Invite(InviteForm form, CancellationToken ct)
    {
        var result = await administration.InviteAsync(
            new BackOfficeUserAdministration.InviteCommand(form.Email ?? "", form.DisplayName, form.UiCulture, form.Groups ?? []),
            CurrentUser, await InviterNameAsync(), ct);
        if (!result.Succeeded)
        {
            var view = View(new InvitePage(UiCulture, form, U(result.Error!)));
            view.StatusCode = result.Status;
            return view;
        }

        return LocalRedirect($"{Path}/{Uri.EscapeDataString(result.User!.Id)}?done=invited");
    }

    [HttpGet(Path + "/{id}")]
    public async Task<IActionResult> Details(string id, string? done, CancellationToken ct)
    {
        var user = await administration.GetAsync(id, ct);
        if (user is null)
        {
            return NotFoundPage();
        }

        var notice = done is not null && Notices.TryGetValue(done, out var key) ? UsersText.Format(key, UiCulture, user.Email) : null;
        return View(new UserPage(UiCulture, user, IsSelf(id), notice, null));
    }

    [HttpPost(Path + "/{id}/groups")]
    public async Task<IActionResult> Groups(string id, GroupsForm form, CancellationToken ct)
    {
        var result = await administration.ChangeGroupsAsync(id, form.Groups ?? [], users.GetUserId(User)!, CurrentUser, ct);
        if (result.Succeeded && IsSelf(id))
        {
            await signIn.RefreshSignInAsync(result.User!); // their own new groups apply at once
        }

        return await AfterAsync(id, result, "groups", ct);
    }

    [HttpPost(Path + "/{id}/disable")]
    public async Task<IActionResult> Disable(string id, CancellationToken ct) =>
        await AfterAsync(id, await administration.DisableAsync(id, users.GetUserId(User)!, CurrentUser, ct), "disabled", ct);

    [HttpPost(Path + "/{id}/enable")]
    public async Task<IActionResult> Enable(string id, CancellationToken ct) =>
        await AfterAsync(id, await administration.EnableAsync(id, CurrentUser, ct), "enabled", ct);

    [HttpPost(Path + "/{id}/resend-invitation")]
    public async Task<IActionResult> ResendInvitation(string id, CancellationToken ct) =>
        await AfterAsync(id, await administration.ResendInvitationAsync(id, CurrentUser, await InviterNameAsync(), ct), "resent", ct);

    private string U(string key) => UsersText.Get(key, UiCulture);

    private bool IsSelf(string id) => users.GetUserId(User) == id;

    private async Task<string> InviterNameAsync()
    {
        var me = await users.GetUserAsync(User);
        return me is null || string.IsNullOrWhiteSpace(me.DisplayName) ? CurrentUser : me.DisplayName;
    }

    /// <summary>Done: back to the user's page with a confirmation (POST-redirect-GET). Refused: the page again with the reason.</summary>
    private async Task<IActionResult> AfterAsync(string id, UserActionResult result, string done, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            return LocalRedirect($"{Path}/{Uri.EscapeDataString(id)}?done={done}");
        }

        var user = await administration.GetAsync(id, ct);
        if (user is null)
        {
            return NotFoundPage();
        }

        var view = View(nameof(Details), new UserPage(UiCulture, user, IsSelf(id), null, U(result.Error!)));
        view.StatusCode = result.Status;
        return view;
    }

    private ViewResult NotFoundPage()
    {
        var view = View("NotFound", U(UsersText.UserNotFound));
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }
}
