using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MayorsClub.Web.ManagementApi.Documents;

// Shaped like Umbraco's Management API where that is natural: documentType {alias}, parent {id},
// variants [{culture, segment, name, state…}], values [{alias, culture, segment, value}].

[Description("A document, named by its id.")]
public sealed record DocumentReference([property: Required, Description("The document's id (key).")] Guid Id);

[Description("A document type, named by its alias.")]
public sealed record DocumentTypeReference([property: Required, Description("The document type's alias, e.g. newsArticle.")] string Alias);

[Description("One property value: shared by both languages (culture null) or of one language.")]
public sealed record DocumentValueModel(
    [property: Required, Description("The property's alias, e.g. summary.")] string Alias,
    [property: Description("The value as the property's editor stores it: text, a number, true/false, a list or an object; null clears it.")] JsonNode? Value,
    [property: Description("null (or left out) for a value shared by both languages; \"uk\" or \"en\" for a value of that language.")] string? Culture = null,
    [property: Description("Umbraco's audience segment: not used on this site, always null.")] string? Segment = null);

[Description("The state of one language of a document.")]
[JsonConverter(typeof(JsonStringEnumConverter<DocumentVariantState>))]
public enum DocumentVariantState
{
    /// <summary>Written, never published (or unpublished).</summary>
    Draft,
    /// <summary>Published, and the draft is what is published.</summary>
    Published,
    /// <summary>Published, and the draft has changes not yet published.</summary>
    PublishedPendingChanges,
    /// <summary>The document is in the recycle bin.</summary>
    Trashed,
}

[Description("One language of a document as an editor sees it.")]
public sealed record DocumentVariantResponse(
    [property: Description("uk or en.")] string Culture,
    [property: Description("Umbraco's audience segment: not used on this site, always null.")] string? Segment,
    [property: Description("The document's name in this language.")] string Name,
    [property: Description("This language's segment of the page address (from the name, or the editor's own).")] string UrlSegment,
    DocumentVariantState State,
    [property: Description("When this language was last published (UTC).")] DateTime? PublishDate,
    [property: Description("When this language is scheduled to be published (UTC).")] DateTime? ScheduledPublishDate,
    [property: Description("When this language is scheduled to be unpublished (UTC).")] DateTime? ScheduledUnpublishDate,
    [property: Description("The page's address on the site while visitors can see it in this language, else null.")] string? Url,
    [property: Description("When a writer asked for this language to be published (UTC), if they did.")] DateTime? PublishRequestedDate,
    [property: Description("Who asked for it to be published.")] string? PublishRequestedBy);

[Description("A document: its place in the tree, its draft in each language and its version.")]
public sealed record DocumentResponse(
    [property: Description("The document's id (key).")] Guid Id,
    DocumentTypeReference DocumentType,
    [property: Description("The parent document; null at the root of the tree.")] DocumentReference? Parent,
    [property: Description("The document's version: send it back with a change, so that nobody's work is overwritten unseen.")] int Version,
    int SortOrder,
    bool IsTrashed,
    [property: Description("When the document last changed (UTC).")] DateTime UpdateDate,
    string UpdatedBy,
    [property: Description("The languages written so far.")] IReadOnlyList<DocumentVariantResponse> Variants,
    [property: Description("The draft's values: shared ones (culture null) and each language's own.")] IReadOnlyList<DocumentValueModel> Values);

[Description("A language of a document to create or save: its name and, optionally, its own address segment.")]
public sealed record DocumentVariantRequest(
    [property: Required, Description("uk or en.")] string? Culture,
    [property: Required, Description("The document's name in this language.")] string? Name,
    [property: Description("This language's own address segment (Latin letters, digits, hyphens). Omit it to keep the current one (made from the name for a new language); send \"\" to make it from the name again.")] string? UrlSegment = null,
    [property: Description("Umbraco's audience segment: not used on this site, leave it null.")] string? Segment = null);

[Description("A new document. Name at least one language in variants; values of a language need that language in variants.")]
public sealed record CreateDocumentRequest(
    [property: Required] DocumentTypeReference? DocumentType,
    [property: Required] List<DocumentVariantRequest>? Variants,
    List<DocumentValueModel>? Values = null,
    [property: Description("Where to create it; null (or left out) at the root of the tree.")] DocumentReference? Parent = null,
    [property: Description("The new document's id; leave it out for a new one.")] Guid? Id = null);

[Description("Changes to a document's draft. Languages named in variants get that name; values sent replace those values (null clears one); values not sent keep their draft. Nothing is published.")]
public sealed record UpdateDocumentRequest(
    [property: Required, Description("The version the change starts from (from the document as last read). Another version means someone else saved meanwhile: 409.")] int? Version,
    List<DocumentVariantRequest>? Variants = null,
    List<DocumentValueModel>? Values = null);

[Description("Languages to publish now (with the shared values).")]
public sealed record PublishDocumentRequest(
    [property: Required, Description("uk, en or both.")] List<string>? Cultures,
    [property: Description("The version you checked; if given and the document changed since, nothing is published (409).")] int? Version = null);

[Description("Languages to take off the site.")]
public sealed record UnpublishDocumentRequest(
    [property: Required, Description("uk, en or both.")] List<string>? Cultures,
    [property: Description("The version you checked; if given and the document changed since, nothing is unpublished (409).")] int? Version = null);

[Description("When to publish and unpublish one language. Both null cancel what was scheduled.")]
public sealed record CultureSchedule(
    [property: Required, Description("uk or en.")] string? Culture,
    [property: Description("When to publish it (UTC: end with Z, or give an offset); null for no scheduled publish.")] DateTime? PublishAt = null,
    [property: Description("When to unpublish it (UTC: end with Z, or give an offset); null for no scheduled unpublish.")] DateTime? UnpublishAt = null);

[Description("Schedules for one or both languages, all set or none.")]
public sealed record ScheduleDocumentRequest([property: Required] List<CultureSchedule>? Schedules);

[Description("Where to move a document (with everything below it).")]
public sealed record MoveDocumentRequest([property: Description("The new parent; null (or left out) for the root of the tree.")] DocumentReference? Parent = null);

[Description("A child and its place among its siblings.")]
public sealed record DocumentSortItem([property: Required] Guid Id, [property: Required] int SortOrder);

[Description("The new order of all the children of one parent (or of the roots).")]
public sealed record SortDocumentsRequest(
    [property: Required, Description("Every child once, with its new place.")] List<DocumentSortItem>? Sorting,
    [property: Description("The parent whose children are sorted; null (or left out) for the roots.")] DocumentReference? Parent = null);

[Description("Make an earlier version the current draft again (as a new version; history is never rewritten).")]
public sealed record RollbackDocumentRequest(
    [property: Required, Description("The document's current version, as last read.")] int? Version,
    [property: Description("Also publish the restored text in the languages that are published now (editors and administrators only).")] bool Publish = false);

[Description("One page of a longer list.")]
public sealed record PagedResponse<T>([property: Description("How many there are in all.")] int Total, IReadOnlyList<T> Items);

[Description("A document as the content tree shows it.")]
public sealed record DocumentTreeItemResponse(
    Guid Id,
    DocumentReference? Parent,
    DocumentTypeReference DocumentType,
    [property: Description("Whether it has children outside the recycle bin.")] bool HasChildren,
    bool IsTrashed,
    int SortOrder,
    IReadOnlyList<DocumentTreeVariantResponse> Variants);

[Description("A language of a tree item.")]
public sealed record DocumentTreeVariantResponse(string Culture, string Name, DocumentVariantState State);

[Description("One entry of a document's history.")]
public sealed record DocumentVersionItemResponse(
    [property: Description("The version's number.")] int Version,
    [property: Description("When it was made (UTC).")] DateTime Date,
    [property: Description("Who made it.")] string User,
    [property: Description("What made it: create, save, publish, rollback to N…")] string Action);

[Description("What a document held at one version.")]
public sealed record DocumentVersionResponse(
    DocumentReference Document,
    int Version,
    IReadOnlyList<DocumentVersionVariantResponse> Variants,
    IReadOnlyList<DocumentValueModel> Values);

[Description("A language of a document at one version.")]
public sealed record DocumentVersionVariantResponse(string Culture, string Name, string? UrlSegment);
