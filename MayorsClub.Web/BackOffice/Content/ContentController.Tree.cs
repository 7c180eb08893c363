using MayorsClub.Core.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MayorsClub.Web.BackOffice.Content;

/// <summary>The recycle bin, a choice of a new parent for a document.</summary>
public sealed record RecycleBinPage(string Ui, TreePanel Tree, IReadOnlyList<DocumentState> Items, IReadOnlyList<string> Errors, bool CanPublish,
    IReadOnlyDictionary<string, string> TypeNames);

/// <summary>Moving a document: the places it may go (null key: the root).</summary>
public sealed record MovePage(string Ui, TreePanel Tree, DocumentState Document, IReadOnlyList<MoveTarget> Targets, IReadOnlyList<string> Errors);

public sealed record MoveTarget(Guid? Key, string Path, bool IsCurrent);

/// <summary>Sorting the documents inside a parent (null: the roots).</summary>
public sealed record SortPage(string Ui, TreePanel Tree, Guid? ParentKey, string ParentName, IReadOnlyList<DocumentState> Children, IReadOnlyList<string> Errors);

public sealed partial class ContentController
{
    [HttpGet(BasePath + "/recycle-bin")]
    public async Task<IActionResult> RecycleBin(CancellationToken ct) =>
        View(new RecycleBinPage(UiCulture, await TreePanelAsync(null, ct), await tree.TrashedAsync(ct), [], await CanPublishAsync(), TypeNames));

    /// <summary>Brings a document back from the recycle bin to where it was.</summary>
    [HttpPost(BasePath + "/{key:guid}/restore")]
    [Authorize(Policy = BackOfficeSecurity.Publish)]
    public async Task<IActionResult> Restore(Guid key, CancellationToken ct)
    {
        var result = await tree.RestoreAsync(key, CurrentUser, ct);
        if (result.Succeeded)
        {
            return RedirectToEditor(key, "restored");
        }

        var view = View("RecycleBin", new RecycleBinPage(UiCulture, await TreePanelAsync(null, ct), await tree.TrashedAsync(ct),
            result.Errors.Select(e => ContentText.Message(e, UiCulture)).ToList(), await CanPublishAsync(), TypeNames));
        view.StatusCode = result.Status == ContentStatus.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        return view;
    }

    private Dictionary<string, string> TypeNames => types.All.ToDictionary(t => t.Alias, t => ContentText.Label(t.Name, UiCulture), StringComparer.Ordinal);

    [HttpGet(BasePath + "/{key:guid}/move")]
    [Authorize(Policy = BackOfficeSecurity.Publish)]
    public async Task<IActionResult> Move(Guid key, CancellationToken ct) => await MovePageAsync(key, [], ct);

    [HttpPost(BasePath + "/{key:guid}/move")]
    [Authorize(Policy = BackOfficeSecurity.Publish)]
    public async Task<IActionResult> MovePost(Guid key, string? parent, CancellationToken ct)
    {
        Guid? parentKey = Guid.TryParse(parent, out var chosen) ? chosen : null;
        var result = await tree.MoveAsync(key, parentKey, CurrentUser, ct);
        return result.Succeeded
            ? RedirectToEditor(key, "moved")
            : await MovePageAsync(key, result.Errors.Select(e => ContentText.Message(e, UiCulture)).ToList(), ct);
    }

    private async Task<IActionResult> MovePageAsync(Guid key, List<string> errors, CancellationToken ct)
    {
        var document = await tree.GetAsync(key, ct);
        if (document is null || document.Trashed)
        {
            return NotFoundPage();
        }

        var type = types.Get(document.ContentType);
        var parentTypes = types.All.Where(t => t.AllowsChild(type.Alias)).Select(t => t.Alias).ToList();
        var (places, names) = await treeQuery.PlacesAsync(parentTypes, ct);
        string NameOf(int id) => names.GetValueOrDefault(id) is { } n ? n.GetValueOrDefault(UiCulture) ?? n.Values.FirstOrDefault() ?? "…" : "…";

        var targets = new List<MoveTarget>();
        if (type.AllowedAtRoot)
        {
            targets.Add(new MoveTarget(null, ContentText.Get(ContentText.Root, UiCulture), document.ParentKey is null));
        }

        // Not into itself or anything below it.
        targets.AddRange(places
            .Where(p => !p.PathIds.Contains(document.Id))
            .Select(p => new MoveTarget(p.Key, string.Join(" › ", p.PathIds.Select(NameOf)), p.Key == document.ParentKey)));

        var view = View("Move", new MovePage(UiCulture, await TreePanelAsync(key, ct), document, targets, errors));
        view.StatusCode = errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return view;
    }

    [HttpGet(BasePath + "/sort")]
    [Authorize(Policy = BackOfficeSecurity.Publish)]
    public Task<IActionResult> SortRoots(CancellationToken ct) => SortPageAsync(null, [], ct);

    [HttpGet(BasePath + "/{key:guid}/sort")]
    [Authorize(Policy = BackOfficeSecurity.Publish)]
    public Task<IActionResult> Sort(Guid key, CancellationToken ct) => SortPageAsync(key, [], ct);

    [HttpPost(BasePath + "/sort")]
    [Authorize(Policy = BackOfficeSecurity.Publish)]
    public Task<IActionResult> SortRootsPost(CancellationToken ct) => SortAsync(null, ct);

    /// <summary>Saves the order of the documents inside a parent: the form names each child once, in the new order.</summary>
    [HttpPost(BasePath + "/{key:guid}/sort")]
    [Authorize(Policy = BackOfficeSecurity.Publish)]
    public Task<IActionResult> SortPost(Guid key, CancellationToken ct) => SortAsync(key, ct);

    private async Task<IActionResult> SortAsync(Guid? parent, CancellationToken ct)
    {
        var order = Request.Form["order"].Select(v => Guid.TryParse(v, out var k) ? k : Guid.Empty).ToList();
        var result = await tree.SortAsync(parent, order, CurrentUser, ct);
        if (result.Succeeded)
        {
            return parent is { } key ? RedirectToEditor(key, "sorted") : Redirect($"{BasePath}?done=sorted");
        }

        return await SortPageAsync(parent, result.Errors.Select(e => ContentText.Message(e, UiCulture)).ToList(), ct);
    }

    private async Task<IActionResult> SortPageAsync(Guid? parent, List<string> errors, CancellationToken ct)
    {
        string parentName = ContentText.Get(ContentText.Root, UiCulture);
        if (parent is { } key)
        {
            var document = await tree.GetAsync(key, ct);
            if (document is null || document.Trashed)
            {
                return NotFoundPage();
            }

            parentName = TreeNode.DisplayName(document, UiCulture);
        }

        var children = await treeQuery.ChildrenAsync(parent, 0, int.MaxValue, ct);
        var view = View("Sort", new SortPage(UiCulture, await TreePanelAsync(parent, ct), parent, parentName,
            children?.Items.Select(i => i.State).ToList() ?? [], errors));
        view.StatusCode = errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return view;
    }
}
