using System.Globalization;
using MayorsClub.Core.Content;
using MayorsClub.Core.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MayorsClub.Web.BackOffice.Media;

/// <summary>
/// The media section at /umbraco/media: folders, uploads (the browser script streams each file with a progress
/// bar; a plain form works without it), an item's alternative texts, focal point, replacement, usages, and delete.
/// Anyone in the back office may look, upload and edit what nothing published uses; changing who may see a file, changing
/// or replacing a file published pages show (the core's rule), and deleting need an editor or an administrator.
/// </summary>
[Authorize(Policy = BackOfficeSecurity.EditContent)]
public sealed class MediaController(
    MediaLibrary library,
    MediaUploader uploader,
    MediaEditor editor,
    MediaRemover remover,
    MediaFileReader files,
    IAuthorizationService authorization,
    IOptions<MediaOptions> options) : BackOfficeController
{
    public const string BasePath = BackOfficeSecurity.BasePath + "/media";

    public sealed record UploadOutcome(string FileName, MediaResult Result);

    public sealed record IndexPage(
        string UiCulture,
        MediaItem? Folder,
        IReadOnlyList<MediaItem> Path,
        IReadOnlyList<MediaItem> Items,
        IReadOnlyList<MediaItem> AllFolders,
        IReadOnlyList<UploadOutcome> Uploads,
        IReadOnlyList<string> Errors,
        string? Notice,
        bool CanDelete,
        MediaOptions Limits);

    public sealed class EditForm
    {
        public string? Name { get; set; }

        public Dictionary<string, string?> Alt { get; set; } = new(StringComparer.Ordinal);

        public string? FocalX { get; set; }

        public string? FocalY { get; set; }

        public bool MembersOnly { get; set; }

        public int Version { get; set; }
    }

    public sealed record EditPage(
        string UiCulture,
        MediaItem Item,
        IReadOnlyList<MediaItem> Path,
        IReadOnlyList<MediaItem> AllFolders,
        IReadOnlyList<MediaUsage> Usages,
        EditForm Form,
        IReadOnlyList<string> Errors,
        string? Notice,
        bool CanDelete,
        bool AskToConfirmDelete,
        UploadOutcome? Replacement);

    [HttpGet(BasePath)]
    public async Task<IActionResult> Index(Guid? folder, string? notice, CancellationToken ct)
    {
        var page = await IndexPageAsync(folder, [], [], NoticeText(notice), ct);
        return page is null ? NotFoundPage() : View("Index", page);
    }

    [HttpPost(BasePath + "/upload")]
    [MediaUpload]
    public async Task<IActionResult> Upload(CancellationToken ct)
    {
        var folderKey = ParseKey(Request.Query["folder"]);
        var membersOnly = false;
        var outcomes = new List<UploadOutcome>();
        var readError = await ReadUploadAsync(
            (name, value) => membersOnly = name == "membersOnly" ? value.Split(',').Contains("true") : membersOnly,
            async (fileName, content) =>
            {
                var result = await uploader.UploadAsync(new MediaUploader.UploadCommand(content, fileName, folderKey, membersOnly, CurrentUser), ct);
                outcomes.Add(new UploadOutcome(MediaNames.CleanFileName(fileName), result));
            },
            ct);
        if (readError is not null || outcomes.Count == 0)
        {
            outcomes.Add(readError ?? NoFileChosen);
        }

        var status = outcomes.FirstOrDefault(o => !o.Result.Succeeded) is { } refused ? StatusOf(refused.Result) : StatusCodes.Status201Created;
        if (WantsJson)
        {
            return new ObjectResult(new { files = outcomes.Select(UploadJson).ToList() }) { StatusCode = status };
        }

        if (outcomes.All(o => o.Result.Succeeded))
        {
            return Redirect(FolderUrl(folderKey));
        }

        var page = await IndexPageAsync(folderKey, outcomes, [], null, ct);
        return page is null ? NotFoundPage() : PageWithStatus("Index", page, status);
    }

    [HttpPost(BasePath + "/folders")]
    public async Task<IActionResult> CreateFolder([FromForm] Guid? parent, [FromForm] string? name, CancellationToken ct)
    {
        var result = await editor.CreateFolderAsync(new MediaEditor.CreateFolderCommand(parent, name, CurrentUser), ct);
        return result.Succeeded ? Redirect(FolderUrl(parent)) : await IndexWithErrorsAsync(parent, result, ct);
    }

    [HttpGet(BasePath + "/{key:guid}")]
    public async Task<IActionResult> Edit(Guid key, string? notice, CancellationToken ct)
    {
        var item = await library.GetAsync(key, ct);
        if (item is null)
        {
            return NotFoundPage();
        }

        if (item.IsFolder)
        {
            return Redirect(FolderUrl(key));
        }

        return View("Edit", await EditPageAsync(item, FormOf(item), [], NoticeText(notice), false, null, ct));
    }

    /// <summary>Saves a file's name, alternative texts, focal point and audience, or a folder's name.</summary>
    [HttpPost(BasePath + "/{key:guid}")]
    public async Task<IActionResult> Save(Guid key, [FromForm] EditForm form, CancellationToken ct)
    {
        var item = await library.GetAsync(key, ct);
        if (item is null)
        {
            return NotFoundPage();
        }

        var result = await editor.UpdateAsync(new MediaEditor.UpdateCommand(
            key, form.Version, form.Name, form.Alt, FocalPointOf(form), item.Format?.IsImage == true ? form.MembersOnly : null, CurrentUser, Rights), ct);
        if (result.Succeeded)
        {
            return Redirect(item.IsFolder ? FolderUrl(key, "saved") : $"{BasePath}/{key}?notice=saved");
        }

        if (WantsJson)
        {
            return ErrorJson(result);
        }

        if (item.IsFolder)
        {
            return await IndexWithErrorsAsync(key, result, ct);
        }

        var current = result.Status == MediaStatus.NotFound ? item : await library.GetAsync(key, ct) ?? item;
        var page = await EditPageAsync(current, form, Messages(result), null, false, null, ct);
        return PageWithStatus("Edit", page, StatusOf(result));
    }

    /// <summary>A new file for the item: same key, same links; its public URL's version token changes.</summary>
    [HttpPost(BasePath + "/{key:guid}/replace")]
    [MediaUpload]
    public async Task<IActionResult> Replace(Guid key, CancellationToken ct)
    {
        UploadOutcome? outcome = null;
        var readError = await ReadUploadAsync(
            (_, _) => { },
            async (fileName, content) =>
            {
                if (outcome is null)
                {
                    outcome = new UploadOutcome(MediaNames.CleanFileName(fileName),
                        await uploader.ReplaceAsync(new MediaUploader.ReplaceCommand(key, content, fileName, CurrentUser, Rights), ct));
                }
            },
            ct);
        outcome = readError ?? outcome ?? NoFileChosen;
        if (WantsJson)
        {
            return new ObjectResult(new { files = new[] { UploadJson(outcome) } }) { StatusCode = outcome.Result.Succeeded ? StatusCodes.Status200OK : StatusOf(outcome.Result) };
        }

        if (outcome.Result.Succeeded)
        {
            return Redirect($"{BasePath}/{key}?notice=replaced");
        }

        var item = await library.GetAsync(key, ct);
        if (item is null || item.IsFolder)
        {
            return NotFoundPage();
        }

        return PageWithStatus("Edit", await EditPageAsync(item, FormOf(item), [], null, false, outcome, ct), StatusOf(outcome.Result));
    }

    [HttpPost(BasePath + "/{key:guid}/move")]
    public async Task<IActionResult> Move(Guid key, [FromForm] Guid? folder, CancellationToken ct)
    {
        var result = await editor.MoveAsync(new MediaEditor.MoveCommand(key, folder, CurrentUser), ct);
        if (result.Succeeded)
        {
            return Redirect(result.Item!.IsFolder ? FolderUrl(key, "saved") : $"{BasePath}/{key}?notice=saved");
        }

        return await ItemWithErrorsAsync(key, result, ct);
    }

    /// <summary>Deletes an empty folder, or a file no document uses; a used file only with <paramref name="confirm"/>, after the usages were shown.</summary>
    [HttpPost(BasePath + "/{key:guid}/delete")]
    [Authorize(Policy = BackOfficeSecurity.Publish)]
    public async Task<IActionResult> Delete(Guid key, [FromForm] bool confirm, CancellationToken ct)
    {
        var result = await remover.DeleteAsync(new MediaRemover.DeleteCommand(key, confirm, CurrentUser, Rights), ct);
        if (result.Succeeded)
        {
            return WantsJson ? Ok(new { ok = true }) : Redirect(FolderUrl(result.Item!.ParentKey, "deleted"));
        }

        if (WantsJson)
        {
            return ErrorJson(result);
        }

        if (result.Status == MediaStatus.InUse)
        {
            var page = await EditPageAsync(result.Item!, FormOf(result.Item!), Messages(result), null, true, null, ct);
            return PageWithStatus("Edit", page, StatusCodes.Status409Conflict);
        }

        return await ItemWithErrorsAsync(key, result, ct);
    }

    /// <summary>The file itself for the back office (previews, downloads), members-only files included.</summary>
    [HttpGet(BasePath + "/{key:guid}/file")]
    public async Task<IActionResult> File(Guid key, CancellationToken ct)
    {
        var file = await files.FindAsync(key, includeMembersOnly: true, ct);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-cache";
        var isImage = MediaFormat.FromContentType(file.ContentType)?.IsImage == true;
        return PhysicalFile(file.PhysicalPath, file.ContentType, isImage ? null : file.FileName, new DateTimeOffset(file.UpdatedUtc),
            new EntityTagHeaderValue($"\"{file.Token}\""), enableRangeProcessing: true);
    }

    private static UploadOutcome NoFileChosen => new("", MediaResult.Invalid(new MediaError(MediaText.NoFileChosen, "file")));

    private async Task<UploadOutcome?> ReadUploadAsync(Action<string, string> onField, Func<string?, Stream, Task> onFile, CancellationToken ct)
    {
        try
        {
            return await UploadReader.ReadAsync(Request, onField, onFile, ct)
                ? null
                : NoFileChosen;
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = MediaOptions.InMegabytes(options.Value.LargestFile);
            return new UploadOutcome("", MediaResult.Refused(MediaStatus.TooLarge, new MediaError(MediaText.RequestTooLarge, "file", [limit.ToString(CultureInfo.InvariantCulture)])));
        }
        catch (Exception error) when (error is InvalidDataException or BadHttpRequestException or IOException)
        {
            return new UploadOutcome("", MediaResult.Invalid(new MediaError(MediaText.UnreadableUpload, "file")));
        }
    }

    private async Task<IndexPage?> IndexPageAsync(Guid? folderKey, IReadOnlyList<UploadOutcome> uploads, IReadOnlyList<string> errors, string? notice, CancellationToken ct)
    {
        var items = await library.ListAsync(folderKey, ct);
        if (items is null)
        {
            return null;
        }

        var path = await library.PathAsync(folderKey, ct);
        return new IndexPage(UiCulture, path.Count > 0 ? path[^1] : null, path, items, await library.FoldersAsync(ct), uploads, errors, notice, await CanDeleteAsync(), options.Value);
    }

    private async Task<EditPage> EditPageAsync(MediaItem item, EditForm form, IReadOnlyList<string> errors, string? notice, bool askToConfirm, UploadOutcome? replacement, CancellationToken ct) =>
        new(UiCulture, item, await library.PathAsync(item.ParentKey, ct), await library.FoldersAsync(ct), await library.UsagesAsync(item.Key, ct),
            form, errors, notice, await CanDeleteAsync(), askToConfirm, replacement);

    private async Task<IActionResult> IndexWithErrorsAsync(Guid? folderKey, MediaResult result, CancellationToken ct)
    {
        if (WantsJson)
        {
            return ErrorJson(result);
        }

        var page = await IndexPageAsync(folderKey, [], Messages(result), null, ct) ?? await IndexPageAsync(null, [], Messages(result), null, ct);
        return PageWithStatus("Index", page!, StatusOf(result));
    }

    private async Task<IActionResult> ItemWithErrorsAsync(Guid key, MediaResult result, CancellationToken ct)
    {
        var item = await library.GetAsync(key, ct);
        if (item is null)
        {
            return NotFoundPage();
        }

        if (item.IsFolder || WantsJson)
        {
            return await IndexWithErrorsAsync(item.IsFolder ? key : item.ParentKey, result, ct);
        }

        return PageWithStatus("Edit", await EditPageAsync(item, FormOf(item), Messages(result), null, false, null, ct), StatusOf(result));
    }

    private ViewResult PageWithStatus(string view, object model, int status)
    {
        var result = View(view, model);
        result.StatusCode = status;
        return result;
    }

    private ViewResult NotFoundPage()
    {
        var page = new IndexPage(UiCulture, null, [], [], [], [], [MediaMessages.Format(MediaMessages.NotFound, UiCulture, [])], null, false, options.Value);
        return PageWithStatus("Index", page, StatusCodes.Status404NotFound);
    }

    private ObjectResult ErrorJson(MediaResult result) => new(new
    {
        ok = false,
        messages = Messages(result),
        usages = result.Usages?.Select(u => new { documentKey = u.DocumentKey, name = u.Name(UiCulture), u.InDraft, u.InPublished, u.Trashed }),
    })
    { StatusCode = StatusOf(result) };

    private object UploadJson(UploadOutcome outcome) => new
    {
        fileName = outcome.FileName,
        ok = outcome.Result.Succeeded,
        key = outcome.Result.Item?.Key,
        name = outcome.Result.Item?.Name,
        contentType = outcome.Result.Item?.ContentType,
        width = outcome.Result.Item?.Width,
        height = outcome.Result.Item?.Height,
        membersOnly = outcome.Result.Item?.MembersOnly,
        url = outcome.Result.Item?.PublicUrl,
        editUrl = outcome.Result.Item is { } item ? $"{BasePath}/{item.Key}" : null,
        message = outcome.Result.Succeeded ? null : string.Join(" ", Messages(outcome.Result)),
    };

    /// <summary>Messages of a refusal in the editor's language (media messages, or this section's own for request-level failures).</summary>
    private List<string> Messages(MediaResult result) =>
        result.Errors.Select(e => MediaMessages.Codes.Contains(e.Code)
                ? e.Message(UiCulture)
                : MediaText.Format(e.Code, UiCulture, (e.Args ?? []).Cast<object>().ToArray()))
            .ToList();

    private static int StatusOf(MediaResult result) => result.Status switch
    {
        MediaStatus.Success => StatusCodes.Status200OK,
        MediaStatus.NotFound => StatusCodes.Status404NotFound,
        MediaStatus.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        MediaStatus.TooLarge => StatusCodes.Status413PayloadTooLarge,
        MediaStatus.Conflict or MediaStatus.InUse => StatusCodes.Status409Conflict,
        MediaStatus.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    private static EditForm FormOf(MediaItem item) => new()
    {
        Name = item.Name,
        Alt = Cultures.All.ToDictionary(c => c, c => item.AltText.GetValueOrDefault(c), StringComparer.Ordinal),
        FocalX = item.FocalPoint?.X.ToString("0.###", CultureInfo.InvariantCulture),
        FocalY = item.FocalPoint?.Y.ToString("0.###", CultureInfo.InvariantCulture),
        MembersOnly = item.MembersOnly,
        Version = item.Version,
    };

    /// <summary>Both empty: no focal point. Anything that is not two numbers is refused as out of range.</summary>
    private static FocalPoint? FocalPointOf(EditForm form)
    {
        if (string.IsNullOrWhiteSpace(form.FocalX) && string.IsNullOrWhiteSpace(form.FocalY))
        {
            return null;
        }

        return double.TryParse(form.FocalX, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.TryParse(form.FocalY, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? new FocalPoint(x, y)
            : new FocalPoint(double.NaN, double.NaN);
    }

    private string? NoticeText(string? notice) => notice switch
    {
        "saved" => T(MediaText.Saved),
        "deleted" => T(MediaText.Deleted),
        "replaced" => T(MediaText.Replaced),
        _ => null,
    };

    private new string T(string key) => MediaText.Get(key, UiCulture);

    private EditorRights Rights => EditorRightsExtensions.ForGroups(User.IsInRole);

    private async Task<bool> CanDeleteAsync() => (await authorization.AuthorizeAsync(User, BackOfficeSecurity.Publish)).Succeeded;

    private bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    private static Guid? ParseKey(string? value) => Guid.TryParse(value, out var key) ? key : null;

    public static string FolderUrl(Guid? folder, string? notice = null)
    {
        var query = new List<string>();
        if (folder is { } key)
        {
            query.Add($"folder={key}");
        }

        if (notice is not null)
        {
            query.Add($"notice={notice}");
        }

        return query.Count == 0 ? BasePath : $"{BasePath}?{string.Join("&", query)}";
    }
}
