using MayorsClub.Core.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Web.BackOffice.Dashboard;

/// <summary>The back office's start page: what changed lately, what is scheduled, what waits for an editor.</summary>
public sealed class DashboardController(MayorsClubDbContext db) : BackOfficeController
{
    public sealed record Item(Guid Key, string Name, string Culture, DateTime When, string Who);

    public sealed record DashboardPage(string UiCulture, IReadOnlyList<Item> RecentlyEdited, IReadOnlyList<(Item Item, bool Publish)> Scheduled, IReadOnlyList<Item> AwaitingApproval);

    [HttpGet(BackOfficeSecurity.BasePath)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var documents = db.Documents.AsNoTracking().Where(d => !d.Trashed);
        var recent = await documents.OrderByDescending(d => d.UpdatedUtc).Take(10)
            .Select(d => new { d.Key, d.UpdatedUtc, d.UpdatedBy, Names = d.Cultures.Select(c => new { c.Culture, c.Name }).ToList() })
            .ToListAsync(ct);
        var cultures = db.DocumentCultures.AsNoTracking().Join(documents, c => c.DocumentId, d => d.Id, (c, d) => new { c, d.Key });
        var scheduled = await cultures.Where(x => x.c.PublishAtUtc != null || x.c.UnpublishAtUtc != null)
            .OrderBy(x => x.c.PublishAtUtc ?? x.c.UnpublishAtUtc).ThenBy(x => x.Key).Take(50).ToListAsync(ct);
        var waiting = await cultures.Where(x => x.c.ApprovalRequestedUtc != null).OrderBy(x => x.c.ApprovalRequestedUtc).Take(50).ToListAsync(ct);

        return View(new DashboardPage(
            UiCulture,
            recent.Select(d => new Item(d.Key, (d.Names.FirstOrDefault(n => n.Culture == UiCulture) ?? d.Names.First()).Name, "", d.UpdatedUtc, d.UpdatedBy)).ToList(),
            scheduled.SelectMany(x => new[]
                {
                    x.c.PublishAtUtc is { } at ? (new Item(x.Key, x.c.Name, x.c.Culture, at, ""), true) : default,
                    x.c.UnpublishAtUtc is { } until ? (new Item(x.Key, x.c.Name, x.c.Culture, until, ""), false) : default,
                })
                .Where(s => s.Item1 is not null).OrderBy(s => s.Item1.When).ToList(),
            waiting.Select(x => new Item(x.Key, x.c.Name, x.c.Culture, x.c.ApprovalRequestedUtc!.Value, x.c.ApprovalRequestedBy ?? "")).ToList()));
    }
}
