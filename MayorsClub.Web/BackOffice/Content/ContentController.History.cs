using MayorsClub.Core.Content;
using MayorsClub.Core.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace MayorsClub.Web.BackOffice.Content;

/// <summary>A document's versions, newest first.</summary>
public sealed record HistoryPage(string Ui, TreePanel Tree, DocumentState Document, IReadOnlyList<DocumentVersionInfo> Versions, bool CanPublish, IReadOnlyList<string> Errors);

/// <summary>An earlier version compared with the current draft, field by field.</summary>
public sealed record ComparePage(string Ui, TreePanel Tree, DocumentState Document, DocumentType Type, DocumentVersionInfo Version, IReadOnlyList<FieldChange> Changes, bool CanPublish);

public sealed partial class ContentController
{
    [HttpGet(BasePath + "/{key:guid}/history")]
    public async Task<IActionResult> History(Guid key, CancellationToken ct) => await HistoryPageAsync(key, [], ct);

    [HttpGet(BasePath + "/{key:guid}/history/{number:int}")]
    public async Task<IActionResult> CompareVersion(Guid key, int number, CancellationToken ct)
    {
        var document = await tree.GetAsync(key, ct);
        var versions = await history.VersionsAsync(key, ct);
        var version = versions?.FirstOrDefault(v => v.Number == number);
        var values = version is null ? null : await history.VersionAsync(key, number, ct);
        if (document is null || version is null || values is null)
        {
            return Message(StatusCodes.Status404NotFound, ContentText.Get(ContentText.VersionHistory, UiCulture),
                ContentText.Get(ContentText.VersionNotFound, UiCulture), document is null ? BasePath : $"{BasePath}/{key}/history");
        }

        var type = types.Get(document.ContentType);
        return View("Compare", new ComparePage(UiCulture, await TreePanelAsync(key, ct), document, type, version,
            VersionComparison.Compare(type, values, document.Draft), await CanPublishAsync()));
    }

    /// <summary>
    /// Makes an earlier version the draft again (a new version). With "and publish" (editors only) the languages that are
    /// live show the restored text at once.
    /// </summary>
    [HttpPost(BasePath + "/{key:guid}/history/{number:int}/rollback")]
    public async Task<IActionResult> Rollback(Guid key, int number, int version, bool publish, CancellationToken ct)
    {
        if (publish && !await CanPublishAsync())
        {
            return Forbid(BackOfficeSecurity.Scheme);
        }

        var result = publish
            ? await publisher.RollbackAndPublishAsync(new DocumentPublisher.RollbackAndPublishCommand(key, number, version, CurrentUser), ct)
            : await history.RollbackAsync(new DocumentHistory.RollbackCommand(key, number, version, CurrentUser), ct);
        if (result.Succeeded)
        {
            return RedirectToEditor(key, "rolledback");
        }

        return result.Status == ContentStatus.NotFound
            ? NotFoundPage()
            : await HistoryPageAsync(key, result.Errors.Select(e => ContentText.Message(e, UiCulture)).ToList(), ct);
    }

    private async Task<IActionResult> HistoryPageAsync(Guid key, List<string> errors, CancellationToken ct)
    {
        var document = await tree.GetAsync(key, ct);
        var versions = await history.VersionsAsync(key, ct);
        if (document is null || versions is null)
        {
            return NotFoundPage();
        }

        var view = View("History", new HistoryPage(UiCulture, await TreePanelAsync(key, ct), document, versions, await CanPublishAsync(), errors));
        view.StatusCode = errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return view;
    }
}
