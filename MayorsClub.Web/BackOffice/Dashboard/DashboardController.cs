using MayorsClub.Core.Applications;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Members;
using MayorsClub.Web.BackOffice.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace MayorsClub.Web.BackOffice.Dashboard;

/// <summary>
/// The back office's start page: quick "create" links, what the editor and everyone edited lately, what is scheduled,
/// what waits for approval, and which published documents lack the other language; for editors and administrators also
/// new members and members awaiting approval.
/// </summary>
public sealed class DashboardController(
    EditorialOverview overview, DocumentTypeRegistry types, MemberDirectory members, ApplicationReview applications, IAuthorizationService authorization,
    IClock clock) : BackOfficeController
{
    /// <summary>How many entries each panel lists.</summary>
    public const int PanelSize = 10;

    /// <summary>How far back the "new members" panel looks.</summary>
    public static readonly TimeSpan NewMembersPeriod = TimeSpan.FromDays(30);

    /// <summary>The members panels, for those who may see the members section (null for writers).</summary>
    public sealed record MemberPanels(IReadOnlyList<MemberSummary> New, IReadOnlyList<MemberSummary> AwaitingApproval);

    /// <summary>The applications panel, for reviewers (administrators and the committee): how many are new, the latest of them.</summary>
    public sealed record ApplicationPanel(int NewCount, IReadOnlyList<ApplicationSummary> Latest);

    /// <summary>A quick action: create a document of a type under the place it belongs.</summary>
    public sealed record CreateLink(string ContentType, string TypeName, string Url);

    public sealed record DashboardPage(
        string UiCulture,
        IReadOnlyList<CreateLink> Create,
        IReadOnlyList<EditorialOverview.Entry> Mine,
        IReadOnlyList<EditorialOverview.Entry> Everyone,
        IReadOnlyList<EditorialOverview.ScheduledChange> Scheduled,
        IReadOnlyList<EditorialOverview.ApprovalRequest> AwaitingApproval,
        IReadOnlyList<EditorialOverview.MissingTranslation> MissingTranslations,
        MemberPanels? Members,
        bool ShowsContent,
        ApplicationPanel? Applications = null);

    [HttpGet(BackOfficeSecurity.BasePath)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, BackOfficeSecurity.EditContent)).Succeeded)
        {
            // The committee: no content panels, only what its sections add.
            return View(new DashboardPage(UiCulture, [], [], [], [], [], [], null, ShowsContent: false, await ApplicationPanelAsync(ct)));
        }

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
            await overview.MissingTranslationsAsync(PanelSize, ct),
            await MemberPanelsAsync(ct),
            ShowsContent: true,
            await ApplicationPanelAsync(ct)));
    }

    private async Task<MemberPanels?> MemberPanelsAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, BackOfficeSecurity.Publish)).Succeeded)
        {
            return null;
        }

        var since = clock.GetCurrentInstant().ToDateTimeUtc() - NewMembersPeriod;
        return new MemberPanels(await members.NewSinceAsync(since, PanelSize, ct), await members.AwaitingApprovalAsync(PanelSize, ct));
    }

    private async Task<ApplicationPanel?> ApplicationPanelAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, BackOfficeSecurity.ReviewApplications)).Succeeded)
        {
            return null;
        }

        var (count, latest) = await applications.NewAsync(PanelSize, ct);
        return new ApplicationPanel(count, latest);
    }

    /// <summary>A document type's name in the interface language.</summary>
    private string TypeName(string alias, string ui) =>
        types.Find(alias) is { } type ? ContentText.Label(type.Name, ui) : alias;
}
