namespace MayorsClub.Core.Content;

/// <summary>What an editor sees of a document: its place, draft, version and the state of each language.</summary>
public sealed record DocumentState(
    int Id,
    Guid Key,
    Guid? ParentKey,
    string ContentType,
    int SortOrder,
    int Version,
    bool Trashed,
    ContentValues Draft,
    IReadOnlyDictionary<string, CultureState> Cultures,
    DateTime UpdatedUtc,
    string UpdatedBy);

/// <summary>The state of one language of a document.</summary>
public sealed record CultureState(
    string Culture,
    string Name,
    string UrlSegment,
    bool IsPublished,
    bool EditedSincePublish,
    DateTime? PublishedUtc,
    DateTime? PublishAtUtc,
    DateTime? UnpublishAtUtc,
    DateTime? ApprovalRequestedUtc = null,
    string? ApprovalRequestedBy = null);

/// <summary>One entry of a document's history.</summary>
public sealed record DocumentVersionInfo(int Number, DateTime CreatedUtc, string CreatedBy, string Action);
