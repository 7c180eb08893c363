using MayorsClub.Core.Content;
using MayorsClub.Core.Members;
using MayorsClub.Core.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MayorsClub.Web.BackOffice.Content;

/// <summary>A document's public access rule: the member groups it is for, and the rule above it that applies when it has none.</summary>
public sealed record PublicAccessPage(string Ui, TreePanel Tree, DocumentState Document, PublicAccessState Access, IReadOnlyList<string> Errors);

public sealed partial class ContentController
{
    [HttpGet(BasePath + "/{key:guid}/public-access")]
    [Authorize(Policy = BackOfficeSecurity.Publish)]
    public async Task<IActionResult> PublicAccess(Guid key, [FromServices] PublicAccessRules rules, CancellationToken ct) =>
        await PublicAccessPageAsync(key, rules, [], ct);

    [HttpPost(BasePath + "/{key:guid}/public-access")]
    [Authorize(Policy = BackOfficeSecurity.Publish)]
    public async Task<IActionResult> PublicAccessPost(Guid key, string[]? groups, string? remove, [FromServices] PublicAccessRules rules, CancellationToken ct)
    {
        var rights = EditorRightsExtensions.ForGroups(User.IsInRole);
        var result = remove is not null
            ? await rules.RemoveAsync(key, CurrentUser, rights, ct)
            : await rules.SetAsync(key, groups ?? [], CurrentUser, rights, ct);
        if (result.Succeeded)
        {
            return RedirectToEditor(key, remove is not null ? "access-removed" : "access-set");
        }

        var page = await PublicAccessPageAsync(key, rules, result.Errors.Select(e => ContentText.Message(e, UiCulture)).ToList(), ct);
        if (page is ViewResult view)
        {
            view.StatusCode = result.Status == ContentStatus.NotAllowed ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        }

        return page;
    }

    private async Task<IActionResult> PublicAccessPageAsync(Guid key, PublicAccessRules rules, List<string> errors, CancellationToken ct)
    {
        var document = await tree.GetAsync(key, ct);
        if (document is null || document.Trashed || await rules.GetAsync(key, ct) is not { } access)
        {
            return NotFoundPage();
        }

        return View("PublicAccess", new PublicAccessPage(UiCulture, await TreePanelAsync(key, ct), document, access, errors));
    }

    /// <summary>The member groups' names in the editor's language, in the groups' order.</summary>
    internal static string GroupLabels(IEnumerable<string> groups, string ui) =>
        string.Join(", ", groups.Select(g => MemberGroups.Label(g, ui)));
}
