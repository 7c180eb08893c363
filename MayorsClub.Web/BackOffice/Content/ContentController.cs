using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Content.Validation;
using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using ContentResult = MayorsClub.Core.Content.ContentResult;
using NodaTime;

namespace MayorsClub.Web.BackOffice.Content;

/// <summary>
/// The content section at /umbraco/content: the tree, creating documents, and the editor with save, publish per
/// language, approval, unpublish, schedule and the recycle bin; the version history is in the History part.
/// Writers save and send for approval; publishing, scheduling, moving, sorting and deleting need the Publish policy.
/// </summary>
[Authorize(Policy = BackOfficeSecurity.EditContent)]
public sealed partial class ContentController(
    DocumentEditor editor,
    DocumentPublisher publisher,
    DocumentHistory history,
    DocumentTree tree,
    ContentTreeQuery treeQuery,
    ContentValidator validator,
    DocumentTypeRegistry types,
    PublishedSnapshotService snapshots,
    MediaLibrary media,
    IAuthorizationService authorization,
    IClock clock) : BackOfficeController
{
    public const string BasePath = "/umbraco/content";

    private bool? _canPublish;

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        base.OnActionExecuting(context);
        ViewData["Section"] = "content";
    }

    [HttpGet(BasePath)]
    public async Task<IActionResult> Index(string? done, CancellationToken ct) =>
        View(new ContentHome(UiCulture, await TreePanelAsync(null, ct), types.All.Where(t => t.AllowedAtRoot).ToList(), Done(done)));

    /// <summary>One level of the tree, for htmx to put under a node when it is opened.</summary>
    [HttpGet(BasePath + "/tree")]
    public async Task<IActionResult> TreeChildren(Guid? parent, int skip = 0, TreeMode mode = TreeMode.Navigate, CancellationToken ct = default) =>
        PartialView("_TreeList", await TreeListAsync(parent, Math.Max(skip, 0), mode, new HashSet<Guid>(), null, ct));

    [HttpGet(BasePath + "/create")]
    public async Task<IActionResult> Create(Guid? parent, string? type, CancellationToken ct)
    {
        var (found, allowed, ancestors) = await AllowedTypesAsync(parent, ct);
        if (!found)
        {
            return NotFoundPage();
        }

        if (type is null && allowed.Count != 1)
        {
            var parentName = ancestors.Count > 0 ? TreeNode.DisplayName(ancestors[^1].State, UiCulture) : null;
            return View("ChooseType", new ChooseTypePage(UiCulture, await TreePanelAsync(parent, ct), parent, parentName, allowed));
        }

        var documentType = allowed.FirstOrDefault(t => t.Alias == (type ?? allowed[0].Alias));
        if (documentType is null)
        {
            return Message(StatusCodes.Status400BadRequest, T(BackOfficeText.Content), ContentText.Get(ContentText.NoAllowedTypes, UiCulture), BasePath);
        }

        var values = new ContentValues();
        var today = clock.GetCurrentInstant().InZone(KyivTime.Zone).Date;
        foreach (var date in documentType.Properties.Where(p => p.Editor == PropertyEditor.Date && !p.VariesByCulture))
        {
            values.Invariant[date.Alias] = ZonedValue.DatePattern.Format(today);
        }

        return View("Editor", await NewEditorAsync(documentType, parent, ancestors, values, [], ct));
    }

    [HttpPost(BasePath + "/create")]
    public async Task<IActionResult> CreatePost(Guid? parent, string? type, CancellationToken ct)
    {
        var (found, allowed, ancestors) = await AllowedTypesAsync(parent, ct);
        var documentType = allowed.FirstOrDefault(t => t.Alias == type);
        if (!found || documentType is null)
        {
            return Message(StatusCodes.Status400BadRequest, T(BackOfficeText.Content), ContentText.Get(ContentText.NoAllowedTypes, UiCulture), BasePath);
        }

        var form = EditorForm.Read(Request.Form, documentType);
        var values = new ContentValues { Invariant = form.Values.Invariant, Cultures = form.CulturesToSave([]) };
        var result = await editor.CreateAsync(new DocumentEditor.CreateCommand(parent, documentType.Alias, values, CurrentUser), ct);
        if (result.Succeeded)
        {
            return RedirectToEditor(result.Document!.Key, "created");
        }

        var view = View("Editor", await NewEditorAsync(documentType, parent, ancestors, form.Values, result.Errors, ct));
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }

    [HttpGet(BasePath + "/{key:guid}")]
    public async Task<IActionResult> Edit(Guid key, string? done, CancellationToken ct)
    {
        var document = await tree.GetAsync(key, ct);
        return document is null
            ? NotFoundPage()
            : await EditorAsync(document, document.Draft, new EditorState { Notice = Done(done), Version = document.Version }, ct);
    }

    [HttpPost(BasePath + "/{key:guid}/save")]
    public async Task<IActionResult> Save(Guid key, CancellationToken ct)
    {
        var (document, form) = await ReadFormAsync(key, ct);
        if (document is null)
        {
            return NotFoundPage();
        }

        var (_, failure) = await SaveFormAsync(document, form!, ct);
        return failure ?? RedirectToEditor(key, "saved");
    }

    [HttpPost(BasePath + "/{key:guid}/publish")]
    [Authorize(Policy = BackOfficeSecurity.Publish)]
    public Task<IActionResult> SaveAndPublish(Guid key, CancellationToken ct) =>
        SaveAndAsync(key, "published", (save, cultures) =>
            publisher.SaveAndPublishAsync(new DocumentPublisher.SaveAndPublishCommand(save, cultures), ct), ct);

    /// <summary>A writer's "save and send for approval"; an editor approves by publishing.</summary>
    [HttpPost(BasePath + "/{key:guid}/submit")]
    public Task<IActionResult> SaveAndSubmit(Guid key, CancellationToken ct) =>
        SaveAndAsync(key, "submitted", (save, cultures) =>
            publisher.SaveAndSubmitForApprovalAsync(new DocumentPublisher.SaveAndSubmitCommand(save, cultures), ct), ct);

    /// <summary>
    /// Saves the form and publishes or asks for approval in the ticked languages, as one command of the core: when any
    /// part is refused nothing is saved, and the form comes back as typed with the messages.
    /// </summary>
    private async Task<IActionResult> SaveAndAsync(Guid key, string done,
        Func<DocumentEditor.SaveCommand, IReadOnlyList<string>, Task<ContentResult>> command, CancellationToken ct)
    {
        var (document, form) = await ReadFormAsync(key, ct);
        if (document is null)
        {
            return NotFoundPage();
        }

        if (form!.ChosenCultures.Count == 0)
        {
            // Nothing is saved: the form comes back as typed, with the question next to the language boxes.
            return await EditorAsync(document, form.Values, new EditorState
            {
                Status = StatusCodes.Status400BadRequest,
                Version = form.ExpectedVersion,
                Chosen = form.ChosenCultures,
                UnsavedInput = true,
                FieldMessages = new Dictionary<string, IReadOnlyList<string>> { ["shared:cultures"] = [ContentText.Get(ContentText.ChooseCulture, UiCulture)] },
            }, ct);
        }

        var save = new DocumentEditor.SaveCommand(document.Key, form.ExpectedVersion, form.CulturesToSave(document.Cultures.Keys), form.Values.Invariant, CurrentUser);
        var result = await command(save, form.ChosenCultures);
        return result.Succeeded ? RedirectToEditor(key, done) : await RefusedFormAsync(document, form, result, ct);
    }

    private async Task<(DocumentState? Document, EditorForm? Form)> ReadFormAsync(Guid key, CancellationToken ct)
    {
        var document = await tree.GetAsync(key, ct);
        return document is null ? (null, null) : (document, EditorForm.Read(Request.Form, types.Get(document.ContentType)));
    }

    /// <summary>
    /// Saves what the editor typed, from the version they started from. A refusal comes back as the editor page with
    /// their input kept: 400 with the messages beside the fields, or 409 when someone else saved in between.
    /// An unchanged form writes no new version.
    /// </summary>
    private async Task<(DocumentState? Saved, IActionResult? Failure)> SaveFormAsync(DocumentState document, EditorForm form, CancellationToken ct)
    {
        var type = types.Get(document.ContentType);
        var cultures = form.CulturesToSave(document.Cultures.Keys);
        if (form.ExpectedVersion == document.Version && !document.Trashed && IsUnchanged(document, type, form, cultures))
        {
            return (document, null);
        }

        var result = await editor.SaveAsync(new DocumentEditor.SaveCommand(document.Key, form.ExpectedVersion, cultures, form.Values.Invariant, CurrentUser), ct);
        if (result.Succeeded)
        {
            return (result.Document, null);
        }

        return (null, await RefusedFormAsync(document, form, result, ct));
    }

    /// <summary>
    /// A refused change of the form: the editor page with the input kept, 400 with the messages beside the fields,
    /// 403 when the rights are missing, or 409 when someone else saved in between.
    /// </summary>
    private async Task<IActionResult> RefusedFormAsync(DocumentState document, EditorForm form, ContentResult result, CancellationToken ct)
    {
        if (result.Status == ContentStatus.NotFound)
        {
            return NotFoundPage();
        }

        var current = await tree.GetAsync(document.Key, ct) ?? document;
        var conflict = result.Status == ContentStatus.Conflict;
        return await EditorAsync(current, form.Values, new EditorState
        {
            Status = result.Status switch
            {
                ContentStatus.Conflict => StatusCodes.Status409Conflict,
                ContentStatus.NotAllowed => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            },
            Version = form.ExpectedVersion,
            Errors = result.Errors,
            ConflictVersion = conflict ? current.Version : null,
            Chosen = form.ChosenCultures,
            UnsavedInput = true,
        }, ct);
    }

    private bool IsUnchanged(DocumentState document, DocumentType type, EditorForm form, Dictionary<string, CultureVariant> cultures)
    {
        var merged = document.Draft.Clone();
        foreach (var (culture, variant) in cultures)
        {
            merged.Cultures[culture] = variant;
        }

        merged.Invariant = new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(form.Values.Invariant, StringComparer.Ordinal);
        var (clean, errors) = validator.Validate(type, merged);
        return errors.Count == 0 && clean.ToJson() == document.Draft.ToJson();
    }

    [HttpPost(BasePath + "/{key:guid}/unpublish")]
    [Authorize(Policy = BackOfficeSecurity.Publish)]
    public async Task<IActionResult> Unpublish(Guid key, string? culture, CancellationToken ct) =>
        await AfterChangeAsync(key, await publisher.UnpublishAsync(new DocumentPublisher.UnpublishCommand(key, culture ?? "", CurrentUser), ct), "unpublished", ct);

    /// <summary>Sets (or, with empty fields, clears) when a language is published and taken down, in Kyiv time.</summary>
    [HttpPost(BasePath + "/{key:guid}/schedule")]
    [Authorize(Policy = BackOfficeSecurity.Publish)]
    public async Task<IActionResult> Schedule(Guid key, string? culture, string? publishAt, string? unpublishAt, CancellationToken ct)
    {
        culture ??= "";
        if (!KyivTime.TryParse(publishAt, out var at) | !KyivTime.TryParse(unpublishAt, out var until))
        {
            var document = await tree.GetAsync(key, ct);
            return document is null
                ? NotFoundPage()
                : await EditorAsync(document, document.Draft, new EditorState
                {
                    Status = StatusCodes.Status400BadRequest,
                    Version = document.Version,
                    FieldMessages = new Dictionary<string, IReadOnlyList<string>> { [$"{culture}:schedule"] = [ContentText.Get(ContentText.ScheduleInvalid, UiCulture)] },
                }, ct);
        }

        var result = await publisher.ScheduleAsync(new DocumentPublisher.ScheduleCommand(key, culture, at, until, CurrentUser), ct);
        return await AfterChangeAsync(key, result, "scheduled", ct);
    }

    [HttpPost(BasePath + "/{key:guid}/trash")]
    [Authorize(Policy = BackOfficeSecurity.Publish)]
    public async Task<IActionResult> Trash(Guid key, CancellationToken ct)
    {
        var result = await tree.TrashAsync(key, CurrentUser, Rights, ct);
        return result.Succeeded ? Redirect($"{BasePath}?done=trashed") : await AfterChangeAsync(key, result, "trashed", ct);
    }

    /// <summary>After a change made from the editor's side panel: back to the editor, with the messages when it was refused.</summary>
    private async Task<IActionResult> AfterChangeAsync(Guid key, ContentResult result, string done, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            return RedirectToEditor(key, done);
        }

        var document = await tree.GetAsync(key, ct);
        return document is null || result.Status == ContentStatus.NotFound
            ? NotFoundPage()
            : await EditorAsync(document, document.Draft, new EditorState
            {
                Status = result.Status switch
                {
                    ContentStatus.Conflict => StatusCodes.Status409Conflict,
                    ContentStatus.NotAllowed => StatusCodes.Status403Forbidden,
                    _ => StatusCodes.Status400BadRequest,
                },
                Version = document.Version,
                Errors = result.Errors,
            }, ct);
    }

    /// <summary>How the editor page is shown beyond the document and the values in the form.</summary>
    private sealed class EditorState
    {
        public int Status { get; init; } = StatusCodes.Status200OK;
        public int Version { get; init; }
        public IReadOnlyList<ContentError> Errors { get; init; } = [];
        public string? Notice { get; init; }
        public int? ConflictVersion { get; init; }
        public IReadOnlyList<string> Chosen { get; init; } = [];
        public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldMessages { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
        public bool UnsavedInput { get; init; }
    }

    private async Task<IActionResult> EditorAsync(DocumentState document, ContentValues values, EditorState state, CancellationToken ct)
    {
        var type = types.Get(document.ContentType);
        var path = await treeQuery.PathAsync(document.Key, ct);
        var snapshot = snapshots.Current.Get(document.Key);
        var page = new EditorPage
        {
            Ui = UiCulture,
            Type = type,
            Tree = await TreePanelAsync(document.Key, ct),
            Document = document,
            ParentKey = document.ParentKey,
            Ancestors = path.Where(p => p.State.Key != document.Key).ToList(),
            Values = values,
            Version = state.Version,
            Errors = state.Errors,
            Notice = state.Notice,
            ConflictVersion = state.ConflictVersion,
            CanPublish = await CanPublishAsync(),
            CanAdminister = Rights.MayAdminister(),
            UnsavedInput = state.UnsavedInput,
            ChosenCultures = state.Chosen,
            FieldMessages = state.FieldMessages,
            DocumentNames = await PickedNamesAsync(type, values, ct),
            Media = await PickedMediaAsync(type, values, ct),
            UnderAccessRule = snapshot?.IsProtected == true,
            LiveUrls = Cultures.All.Where(c => snapshot?.Url(c) is not null).ToDictionary(c => c, c => snapshot!.Url(c)!, StringComparer.Ordinal),
        };
        var view = View("Editor", page);
        view.StatusCode = state.Status;
        return view;
    }

    private async Task<EditorPage> NewEditorAsync(DocumentType type, Guid? parent, IReadOnlyList<ContentTreeQuery.Item> ancestors, ContentValues values,
        IReadOnlyList<ContentError> errors, CancellationToken ct) => new()
        {
            Ui = UiCulture,
            Type = type,
            Tree = await TreePanelAsync(parent, ct),
            ParentKey = parent,
            Ancestors = ancestors,
            Values = values,
            Errors = errors,
            CanPublish = await CanPublishAsync(),
            UnsavedInput = errors.Count > 0,
            DocumentNames = await PickedNamesAsync(type, values, ct),
            Media = await PickedMediaAsync(type, values, ct),
        };

    /// <summary>Names of the documents the content pickers of the form point to, in the editor's language.</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> PickedNamesAsync(DocumentType type, ContentValues values, CancellationToken ct)
    {
        var keys = new List<Guid>();
        foreach (var property in type.Properties.Where(p => p.Editor == PropertyEditor.ContentPicker))
        {
            var nodes = property.VariesByCulture
                ? values.Cultures.Values.Select(c => c.Values.GetValueOrDefault(property.Alias))
                : [values.Invariant.GetValueOrDefault(property.Alias)];
            keys.AddRange(nodes.OfType<System.Text.Json.Nodes.JsonArray>().SelectMany(a => a)
                .Select(n => Guid.TryParse(n?.ToString(), out var key) ? key : Guid.Empty)
                .Where(k => k != Guid.Empty));
        }

        var names = await treeQuery.NamesAsync(keys, ct);
        return names.ToDictionary(
            n => n.Key,
            n => n.Value.GetValueOrDefault(UiCulture) ?? n.Value.Values.FirstOrDefault() ?? "");
    }

    /// <summary>The media items the media pickers of the form point to, blocks' pickers included.</summary>
    private async Task<IReadOnlyDictionary<Guid, MediaItem>> PickedMediaAsync(DocumentType type, ContentValues values, CancellationToken ct)
    {
        var keys = new HashSet<Guid>();
        void Collect(IEnumerable<PropertyType> properties, Func<string, IEnumerable<System.Text.Json.Nodes.JsonNode?>> valuesOf)
        {
            foreach (var property in properties)
            {
                if (property.Editor == PropertyEditor.MediaPicker)
                {
                    keys.UnionWith(valuesOf(property.Alias).OfType<System.Text.Json.Nodes.JsonArray>().SelectMany(a => a)
                        .Select(n => Guid.TryParse(n?.ToString(), out var key) ? key : Guid.Empty).Where(k => k != Guid.Empty));
                }
                else if (property is { Editor: PropertyEditor.BlockList, Element: { } element })
                {
                    var blocks = valuesOf(property.Alias).OfType<System.Text.Json.Nodes.JsonArray>().SelectMany(a => a).OfType<System.Text.Json.Nodes.JsonObject>().ToList();
                    Collect(element.Properties, alias => blocks.Select(b => b[alias]));
                }
            }
        }

        Collect(type.Properties, alias => [values.Invariant.GetValueOrDefault(alias), .. values.Cultures.Values.Select(c => c.Values.GetValueOrDefault(alias))]);
        return keys.Count == 0 ? new Dictionary<Guid, MediaItem>() : (await media.GetManyAsync(keys, ct)).ToDictionary(m => m.Key);
    }

    /// <summary>The types that may be created under a parent (or at the root), and the path down to the parent.</summary>
    private async Task<(bool Found, IReadOnlyList<DocumentType> Allowed, IReadOnlyList<ContentTreeQuery.Item> Ancestors)> AllowedTypesAsync(Guid? parent, CancellationToken ct)
    {
        if (parent is not { } parentKey)
        {
            return (true, types.All.Where(t => t.AllowedAtRoot).ToList(), []);
        }

        var path = await treeQuery.PathAsync(parentKey, ct);
        if (path.Count == 0 || path[^1].State.Trashed)
        {
            return (false, [], []);
        }

        var parentType = types.Find(path[^1].State.ContentType);
        var allowed = parentType?.AllowedChildren.Select(types.Find).OfType<DocumentType>().ToList() ?? [];
        return (true, allowed, path);
    }

    private async Task<TreePanel> TreePanelAsync(Guid? current, CancellationToken ct)
    {
        var open = current is { } key ? (await treeQuery.PathAsync(key, ct)).Select(i => i.State.Key).ToHashSet() : [];
        return new TreePanel(UiCulture, await TreeListAsync(null, 0, TreeMode.Navigate, open, current, ct), await CanPublishAsync());
    }

    private async Task<TreeList> TreeListAsync(Guid? parent, int skip, TreeMode mode, IReadOnlySet<Guid> open, Guid? current, CancellationToken ct)
    {
        var (items, total) = await treeQuery.ChildrenAsync(parent, skip, TreeList.PageSize, ct) ?? ([], 0);
        var nodes = new List<TreeNode>(items.Count);
        foreach (var item in items)
        {
            var children = item.ChildCount > 0 && open.Contains(item.State.Key)
                ? await TreeListAsync(item.State.Key, 0, mode, open, current, ct)
                : null;
            nodes.Add(new TreeNode(item, types.Find(item.State.ContentType), children));
        }

        return new TreeList(UiCulture, mode, parent, nodes, total, skip, current);
    }

    private EditorRights Rights => EditorRightsExtensions.ForGroups(User.IsInRole);

    private async Task<bool> CanPublishAsync() =>
        _canPublish ??= (await authorization.AuthorizeAsync(User, BackOfficeSecurity.Publish)).Succeeded;

    private RedirectResult RedirectToEditor(Guid key, string done) => Redirect($"{BasePath}/{key}?done={done}");

    /// <summary>The message for "?done=…" after a redirect, in the editor's language.</summary>
    private string? Done(string? done) => done switch
    {
        "saved" => ContentText.Get(ContentText.DoneSaved, UiCulture),
        "created" => ContentText.Get(ContentText.DoneCreated, UiCulture),
        "published" => ContentText.Get(ContentText.DonePublished, UiCulture),
        "submitted" => ContentText.Get(ContentText.DoneSubmitted, UiCulture),
        "unpublished" => ContentText.Get(ContentText.DoneUnpublished, UiCulture),
        "scheduled" => ContentText.Get(ContentText.DoneScheduled, UiCulture),
        "rolledback" => ContentText.Get(ContentText.DoneRolledBack, UiCulture),
        "moved" => ContentText.Get(ContentText.DoneMoved, UiCulture),
        "access-set" => ContentText.Get(ContentText.DoneAccessSet, UiCulture),
        "access-removed" => ContentText.Get(ContentText.DoneAccessRemoved, UiCulture),
        "sorted" => ContentText.Get(ContentText.DoneSorted, UiCulture),
        "restored" => ContentText.Get(ContentText.DoneRestored, UiCulture),
        "trashed" => ContentText.Get(ContentText.DoneTrashed, UiCulture),
        _ => null,
    };

    private ViewResult NotFoundPage() =>
        Message(StatusCodes.Status404NotFound, ContentText.Get(ContentText.NotFound, UiCulture), ContentText.Get(ContentText.NotFound, UiCulture), BasePath);

    private ViewResult Message(int status, string title, string message, string? back)
    {
        var view = View("Message", new MessagePage(UiCulture, title, message, back));
        view.StatusCode = status;
        return view;
    }
}
