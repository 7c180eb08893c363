using System.Text.Json;
using System.Text.Json.Nodes;
using MayorsClub.Core.Content;

namespace MayorsClub.Web.BackOffice.Content;

/// <summary>The state of one language of a document, as the tree and the editor show it.</summary>
public enum CultureStatus
{
    NotCreated,
    Draft,
    Published,
    Changed,
    Unpublished,
}

/// <summary>A language's status plus what is pending for it (a schedule, a request for approval).</summary>
public sealed record CultureBadge(string Culture, CultureStatus Status, bool Scheduled, bool AwaitingApproval)
{
    public static CultureBadge Of(DocumentState? document, string culture)
    {
        if (document?.Cultures.GetValueOrDefault(culture) is not { } state)
        {
            return new CultureBadge(culture, CultureStatus.NotCreated, false, false);
        }

        var status = state switch
        {
            { IsPublished: true, EditedSincePublish: true } => CultureStatus.Changed,
            { IsPublished: true } => CultureStatus.Published,
            { PublishedUtc: not null } => CultureStatus.Unpublished,
            _ => CultureStatus.Draft,
        };
        return new CultureBadge(culture, status, state.PublishAtUtc is not null || state.UnpublishAtUtc is not null, state.ApprovalRequestedUtc is not null);
    }

    public string StatusKey => Status switch
    {
        CultureStatus.Published => ContentText.StatePublished,
        CultureStatus.Changed => ContentText.StateChanged,
        CultureStatus.Unpublished => ContentText.StateUnpublished,
        CultureStatus.Draft => ContentText.StateDraft,
        _ => ContentText.StateNotCreated,
    };

    /// <summary>The status in words, with what is pending: "published, scheduled".</summary>
    public string Describe(string ui)
    {
        var parts = new List<string> { ContentText.Get(StatusKey, ui) };
        if (Scheduled)
        {
            parts.Add(ContentText.Get(ContentText.StateScheduled, ui));
        }

        if (AwaitingApproval)
        {
            parts.Add(ContentText.Get(ContentText.StateAwaitingApproval, ui));
        }

        return string.Join(", ", parts);
    }

    public string CssState => Status.ToString().ToLowerInvariant();
}

/// <summary>How a tree is shown: to open documents, or to choose one in a content picker.</summary>
public enum TreeMode
{
    Navigate,
    Pick,
}

/// <summary>A node of the content tree; <see cref="Children"/> is filled when the node is shown open.</summary>
public sealed record TreeNode(ContentTreeQuery.Item Item, DocumentType? Type, TreeList? Children)
{
    public DocumentState State => Item.State;

    public string Name(string ui) => DisplayName(State, ui);

    public bool CanHaveChildren => Item.ChildCount > 0;

    public bool CanCreateChild => Type is { AllowedChildren.Count: > 0 };

    /// <summary>A document's name in the editor's language, else in the other one.</summary>
    public static string DisplayName(DocumentState state, string ui) =>
        state.Cultures.GetValueOrDefault(ui)?.Name
        ?? state.Cultures.Values.Select(c => c.Name).FirstOrDefault(n => n.Length > 0)
        ?? state.Key.ToString("D")[..8];
}

/// <summary>One level of the tree: a page of children of a parent (null: the roots).</summary>
public sealed record TreeList(string Ui, TreeMode Mode, Guid? ParentKey, IReadOnlyList<TreeNode> Nodes, int Total, int Skip, Guid? CurrentKey)
{
    public const int PageSize = 200;

    public int Shown => Skip + Nodes.Count;

    public bool HasMore => Shown < Total;
}

/// <summary>The tree beside each page of the content section.</summary>
public sealed record TreePanel(string Ui, TreeList Roots, bool CanPublish);

/// <summary>The content section's start page.</summary>
public sealed record ContentHome(string Ui, TreePanel Tree, IReadOnlyList<DocumentType> RootTypes, string? Notice);

/// <summary>Choosing what kind of document to create under a parent.</summary>
public sealed record ChooseTypePage(string Ui, TreePanel Tree, Guid? ParentKey, string? ParentName, IReadOnlyList<DocumentType> Types);

/// <summary>A simple page with one message (not found, nothing to preview…).</summary>
public sealed record MessagePage(string Ui, string Title, string Message, string? BackUrl);

/// <summary>The document editor: for a new document (no <see cref="Document"/>) or an existing one.</summary>
public sealed class EditorPage
{
    public required string Ui { get; init; }
    public required DocumentType Type { get; init; }
    public required TreePanel Tree { get; init; }

    /// <summary>The document as saved; null while creating.</summary>
    public DocumentState? Document { get; init; }

    /// <summary>Where a new document goes (null: the root).</summary>
    public Guid? ParentKey { get; init; }

    /// <summary>The documents from the root down to the parent, for the breadcrumb.</summary>
    public IReadOnlyList<ContentTreeQuery.Item> Ancestors { get; init; } = [];

    /// <summary>What the form shows: the saved draft, or what the editor typed when a save was refused.</summary>
    public required ContentValues Values { get; init; }

    /// <summary>Whether a public access rule (on this document or above it) limits the published page to some member groups.</summary>
    public bool UnderAccessRule { get; init; }

    public int Version { get; init; }

    public IReadOnlyList<ContentError> Errors { get; init; } = [];

    /// <summary>Messages that belong to no field (already localized).</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>What just happened (saved, published…), already localized.</summary>
    public string? Notice { get; init; }

    /// <summary>Set when the save lost a race: the version someone else saved.</summary>
    public int? ConflictVersion { get; init; }

    public bool CanPublish { get; init; }

    /// <summary>An administrator: may also move a top-level document (the home page) to the recycle bin.</summary>
    public bool CanAdminister { get; init; }

    /// <summary>The form shows what the editor typed and was not saved (a refused save): leaving the page warns.</summary>
    public bool UnsavedInput { get; init; }

    /// <summary>The languages ticked for publishing or approval.</summary>
    public IReadOnlyList<string> ChosenCultures { get; init; } = [];

    /// <summary>Names of the documents that content pickers point to.</summary>
    public IReadOnlyDictionary<Guid, string> DocumentNames { get; init; } = new Dictionary<Guid, string>();

    /// <summary>The media items that media pickers point to (a key missing here is a file no longer in the library).</summary>
    public IReadOnlyDictionary<Guid, MayorsClub.Core.Media.MediaItem> Media { get; init; } = new Dictionary<Guid, MayorsClub.Core.Media.MediaItem>();

    /// <summary>Each published language's address on the site.</summary>
    public IReadOnlyDictionary<string, string> LiveUrls { get; init; } = new Dictionary<string, string>();

    public bool IsNew => Document is null;

    public string T(string key) => ContentText.Get(key, Ui);

    public string Label(string englishName) => ContentText.Label(englishName, Ui);

    public string Title => Document is null
        ? ContentText.Format(ContentText.NewDocument, Ui, Label(Type.Name))
        : TreeNode.DisplayName(Document, Ui);

    public string FormAction => Document is null ? "/umbraco/content/create" : $"/umbraco/content/{Document.Key}/save";

    public CultureBadge Badge(string culture) => CultureBadge.Of(Document, culture);

    /// <summary>The groups of the document type in the order their first property appears.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<PropertyType> Properties)> Groups =>
        Type.Properties.GroupBy(p => p.Group).Select(g => (g.Key, (IReadOnlyList<PropertyType>)g.ToList())).ToList();

    /// <summary>The messages for one field ("shared" or a culture; "name", "segment", an alias or "speakers[0].name").</summary>
    public IReadOnlyList<string> ErrorsFor(string scope, string path) =>
        Errors.Where(e => (e.Culture ?? EditorForm.SharedScope) == scope && e.Property == path).Select(e => ContentText.Message(e, Ui))
            .Concat(FieldMessages.GetValueOrDefault($"{scope}:{path}") ?? [])
            .ToList();

    /// <summary>Messages of the back office itself (not of the core) for a field, by "{scope}:{path}" ("uk:schedule", "shared:cultures").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldMessages { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Where an error is shown, for the summary's link; null when it belongs to no field.</summary>
    public string? AnchorOf(ContentError error)
    {
        if (error.Property is null)
        {
            return null;
        }

        var scope = error.Culture ?? EditorForm.SharedScope;
        if (error.Property is "name" or "segment")
        {
            return $"{error.Property}-{scope}";
        }

        if (error.Property == "schedule")
        {
            return $"schedule-{scope}";
        }

        var alias = error.Property.Split('[')[0];
        return Type.FindProperty(alias) is { } property && (property.VariesByCulture ? scope != EditorForm.SharedScope : scope == EditorForm.SharedScope)
            ? EditorForm.FieldId(scope, error.Property)
            : null;
    }

    public string? NameOf(string culture) => Values.Culture(culture)?.Name;

    public string? SegmentOf(string culture) => Values.Culture(culture)?.Segment;

    public JsonNode? ValueOf(PropertyType property, string scope) =>
        scope == EditorForm.SharedScope ? Values.Invariant.GetValueOrDefault(property.Alias) : Values.Culture(scope)?.Values.GetValueOrDefault(property.Alias);

    /// <summary>Which languages are ticked when the page opens: those already published, else those written.</summary>
    public bool IsChosen(string culture) =>
        ChosenCultures.Count > 0
            ? ChosenCultures.Contains(culture)
            : Document is not null && (Document.Cultures.Values.Any(c => c.IsPublished)
                ? Document.Cultures.GetValueOrDefault(culture)?.IsPublished == true
                : Document.Cultures.ContainsKey(culture));
}

/// <summary>One field of the editor: a property in a scope (a culture or "shared"), at a path (an alias, or inside a block).</summary>
public sealed record FieldModel(EditorPage Page, PropertyType Property, string Scope, string Path, JsonNode? Value)
{
    public string Name => EditorForm.FieldName(Scope, Path);

    public string Id => EditorForm.FieldId(Scope, Path);

    public string Label => Page.Label(Property.Name);

    public string CultureLabel => Scope == EditorForm.SharedScope ? Page.T(ContentText.Shared) : ContentText.CultureName(Scope, Page.Ui);

    public IReadOnlyList<string> Errors => Page.ErrorsFor(Scope, Path);

    public string ErrorId => $"{Id}-error";

    /// <summary>The value as text for an input: strings as they are, numbers invariant, lists joined.</summary>
    public string Text => Value switch
    {
        null => "",
        JsonArray array => string.Join(Property.Editor == PropertyEditor.Tags ? ", " : "\n", array.Select(i => i?.ToString())),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => Value.ToJsonString(),
    };

    public IReadOnlyList<string> Items => Value is JsonArray array ? array.Select(i => i?.ToString() ?? "").Where(i => i.Length > 0).ToList() : [];

    /// <summary>For a media picker: each item it holds, with the library's item when the key is one.</summary>
    public IReadOnlyList<(string Key, MayorsClub.Core.Media.MediaItem? Item)> MediaItems =>
        Items.Select(k => (k, Guid.TryParse(k, out var key) ? Page.Media.GetValueOrDefault(key) : null)).ToList();

    public bool IsChecked => Value?.GetValueKind() == JsonValueKind.True;

    public string Local => Value is JsonObject o && o["local"]?.GetValueKind() == JsonValueKind.String ? o["local"]!.GetValue<string>() : "";

    public string Zone => Value is JsonObject o && o["zone"]?.GetValueKind() == JsonValueKind.String ? o["zone"]!.GetValue<string>() : KyivTime.ZoneId;

    /// <summary>The blocks of a block list, each as its values.</summary>
    public IReadOnlyList<JsonObject> Blocks => Value is JsonArray array ? array.OfType<JsonObject>().ToList() : [];

    /// <summary>A field inside a block of this block list.</summary>
    public FieldModel Inner(PropertyType inner, string blockId, JsonObject? block) =>
        new(Page, inner, Scope, $"{Path}[{blockId}].{inner.Alias}", block?[inner.Alias]);

    /// <summary>The time zones offered: the usual ones for the club, and the field's own if it is another.</summary>
    public IReadOnlyList<string> Zones =>
        CommonZones.Contains(Zone, StringComparer.Ordinal) ? CommonZones : [.. CommonZones, Zone];

    public static IReadOnlyList<string> CommonZones { get; } =
    [
        "Europe/Kyiv", "UTC", "Europe/London", "Europe/Lisbon", "Europe/Dublin", "Europe/Paris", "Europe/Berlin", "Europe/Brussels",
        "Europe/Amsterdam", "Europe/Vienna", "Europe/Prague", "Europe/Warsaw", "Europe/Vilnius", "Europe/Riga", "Europe/Tallinn",
        "Europe/Helsinki", "Europe/Bucharest", "Europe/Chisinau", "Europe/Sofia", "Europe/Athens", "Europe/Istanbul", "Europe/Rome",
        "Europe/Madrid", "Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Zurich", "America/New_York", "America/Chicago",
        "America/Los_Angeles", "America/Toronto", "Asia/Tbilisi", "Asia/Dubai", "Asia/Tokyo", "Asia/Seoul", "Australia/Sydney",
    ];
}

/// <summary>The stand-in for a block's id in the template a script copies to add a block.</summary>
public static class BlockTemplate
{
    public const string Id = "__id__";
}
