using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Web.BackOffice.Content;
using Microsoft.AspNetCore.Mvc;

namespace MayorsClub.Web.BackOffice.Dashboard;

/// <summary>
/// The back office's start page: quick "create" links, what the editor and everyone edited lately, what is scheduled,
/// what waits for approval, and which published documents lack the other language.
/// </summary>
public sealed class DashboardController(EditorialOverview overview, DocumentTypeRegistry types) : BackOfficeController
{
    /// <summary>How many entries each panel lists.</summary>
    public const int PanelSize = 10;

    /// <summary>A quick action: create a document of a type under the place it belongs.</summary>
    public sealed record CreateLink(string ContentType, string TypeName, string Url);

    public sealed record DashboardPage(
        string UiCulture,
        IReadOnlyList<CreateLink> Create,
        IReadOnlyList<EditorialOverview.Entry> Mine,
        IReadOnlyList<EditorialOverview.Entry> Everyone,
        IReadOnlyList<EditorialOverview.ScheduledChange> Scheduled,
        IReadOnlyList<EditorialOverview.ApprovalRequest> AwaitingApproval,
        IReadOnlyList<EditorialOverview.MissingTranslation> MissingTranslations);

    [HttpGet(BackOfficeSecurity.BasePath)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var create = new List<CreateLink>();
        foreach (var alias in new[] { NewsArticle.Alias, Event.Alias })
        {
            if (await overview.ParentForAsync(alias, ct) is { } parent)
            {
                create.Add(new CreateLink(alias, TypeName(alias, UiCulture),
                    $"{ContentController.BasePath}/create?parent={parent}&type={alias}"));
            }
        }

        return View(new DashboardPage(
            UiCulture,
            create,
            await overview.RecentlyEditedByAsync(CurrentUser, PanelSize, ct),
            await overview.RecentlyEditedAsync(PanelSize, ct),
            await overview.ScheduledAsync(PanelSize, ct),
            await overview.AwaitingApprovalAsync(PanelSize, ct),
            await overview.MissingTranslationsAsync(PanelSize, ct)));
    }

    /// <summary>A document type's name in the interface language.</summary>
    private string TypeName(string alias, string ui) =>
        types.Find(alias) is { } type ? ContentText.Label(type.Name, ui) : alias;
}
