using MayorsClub.Core.Audit;
using MayorsClub.Web.BackOffice.Users;
using Microsoft.AspNetCore.Mvc;

namespace MayorsClub.Web.BackOffice.Audit;

/// <summary>The audit log: who did what, when, to which document or user. Every back-office user may read it.</summary>
public sealed class AuditController(AuditLog log) : BackOfficeController
{
    public const string Path = "/umbraco/audit";

    public sealed record AuditPage(
        string UiCulture, AuditLog.Result Log, string? User, string? Action, string? From, string? To, string? Document, string? Error);

    [HttpGet(Path)]
    public async Task<IActionResult> Index(
        [FromQuery] string? user, [FromQuery(Name = "action")] string? actionFilter, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? document,
        [FromQuery] int page = 1, CancellationToken ct = default)
    {
        ViewData["Section"] = "audit";
        var goodFrom = AuditLog.TryParseDate(from, out var fromDate);
        var goodTo = AuditLog.TryParseDate(to, out var toDate);
        var filter = new AuditLog.Filter(Trim(user), Trim(actionFilter), fromDate, toDate, Trim(document), page);
        var result = await log.ReadAsync(filter, UiCulture, ct);
        var view = View(new AuditPage(UiCulture, result, filter.User, filter.Action, from, to, filter.Document,
            goodFrom && goodTo ? null : UsersText.Get(UsersText.BadDate, UiCulture)));
        if (!goodFrom || !goodTo)
        {
            view.StatusCode = StatusCodes.Status400BadRequest;
        }

        return view;
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 300)];
}
