using MayorsClub.Core.Backup;
using MayorsClub.Web.BackOffice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MayorsClub.Web.Backup;

/// <summary>
/// The back office's backup page (administrators only): on SQLite a button that downloads the site's backup, made while
/// the site serves; on PostgreSQL the page says to use pg_dump. Antiforgery on the POST comes with every back-office page.
/// </summary>
[Authorize(Policy = BackOfficeSecurity.ManageUsers)] // the administrators' policy
public sealed class BackupController(SiteBackup backup) : BackOfficeController
{
    public const string Path = "/umbraco/backup";

    public sealed record BackupPage(string UiCulture, bool Available);

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        base.OnActionExecuting(context);
        ViewData["Section"] = "backup";
    }

    [HttpGet(Path)]
    public IActionResult Index() => View(new BackupPage(UiCulture, backup.IsAvailable));

    [HttpPost(Path)]
    public async Task<IActionResult> Download(CancellationToken ct)
    {
        if (!backup.IsAvailable)
        {
            var page = View(nameof(Index), new BackupPage(UiCulture, false));
            page.StatusCode = StatusCodes.Status409Conflict;
            return page;
        }

        // Written to a temporary file first (the zip needs its own pace, the response a length), deleted once sent.
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mayorsclub-backup-{Guid.NewGuid():N}.zip");
        try
        {
            var manifest = await backup.WriteAsync(file, CurrentUser, ct);
            var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            return File(stream, "application/zip", $"mayorsclub-backup-{manifest.CreatedUtc:yyyy-MM-dd-HHmm}.zip");
        }
        catch
        {
            System.IO.File.Delete(file);
            throw;
        }
    }
}

public static class BackupPageServices
{
    /// <summary>The site's backup (Core) and its back-office page (found with the back office's controllers).</summary>
    public static IServiceCollection AddMayorsClubBackupPage(this IServiceCollection services) => services.AddMayorsClubBackup();
}
