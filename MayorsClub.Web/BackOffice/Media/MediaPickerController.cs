using Microsoft.AspNetCore.Authorization;
using MayorsClub.Core.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.BackOffice.Media;

/// <summary>
/// The media library as the content editor's picker dialog browses it (an htmx partial): a folder's subfolders and
/// the files the field may hold, filtered by name. Uploads from the dialog go to the media section's upload action.
/// </summary>
[Authorize(Policy = BackOfficeSecurity.EditContent)]
public sealed class MediaPickerController(MediaLibrary library, IOptions<MediaOptions> options) : BackOfficeController
{
    public const string BrowsePath = MediaController.BasePath + "/picker";

    [HttpGet(BrowsePath)]
    public async Task<IActionResult> Browse(Guid? folder, MediaPickerKind kind = MediaPickerKind.Images, string? q = null, CancellationToken ct = default)
    {
        var items = await library.ListAsync(folder, ct);
        if (items is null)
        {
            // The folder was deleted or moved away meanwhile: start again from the root.
            folder = null;
            items = await library.ListAsync(null, ct) ?? [];
        }

        var path = await library.PathAsync(folder, ct);
        return PartialView("~/BackOffice/Views/Media/_Picker.cshtml", MediaPickerPage.Of(UiCulture, kind, path, items, q, options.Value));
    }
}
