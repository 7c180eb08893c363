namespace MayorsClub.Core.Persistence;

/// <summary>A document in the content tree: its place, its current draft and what is published of it.</summary>
internal sealed class DocumentEntity
{
    public int Id { get; set; }
    public Guid Key { get; set; }
    public int? ParentId { get; set; }
    public string ContentType { get; set; } = "";
    public int SortOrder { get; set; }
    public int Level { get; set; }

    /// <summary>Ids from the root down to this document, comma separated and wrapped in commas: ",1,5,".</summary>
    public string Path { get; set; } = ",";
    public bool Trashed { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>
    /// The public access rule set on this document, as in Umbraco: the member groups (comma separated) that may view it
    /// and everything below it; null when the document sets no rule of its own.
    /// </summary>
    public string? PublicAccessGroups { get; set; }

    /// <summary>Raised by every change; a save must name the version it started from.</summary>
    public int Version { get; set; }

    /// <summary>The current draft (ContentValues as JSON).</summary>
    public string DraftJson { get; set; } = "{}";

    /// <summary>What visitors see (ContentValues as JSON, only the published cultures), or null.</summary>
    public string? PublishedJson { get; set; }

    public List<DocumentCultureEntity> Cultures { get; set; } = [];
}

/// <summary>The state of one language of a document.</summary>
internal sealed class DocumentCultureEntity
{
    public int DocumentId { get; set; }
    public string Culture { get; set; } = "";
    public string Name { get; set; } = "";
    public string UrlSegment { get; set; } = "";
    public bool IsPublished { get; set; }
    public string? PublishedName { get; set; }
    public string? PublishedUrlSegment { get; set; }
    public DateTime? FirstPublishedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }

    /// <summary>The draft of this culture differs from what is published.</summary>
    public bool EditedSincePublish { get; set; }
    public DateTime? PublishAtUtc { get; set; }
    public DateTime? UnpublishAtUtc { get; set; }

    /// <summary>A writer asked an editor to publish this culture; cleared when it is published.</summary>
    public DateTime? ApprovalRequestedUtc { get; set; }
    public string? ApprovalRequestedBy { get; set; }
}

/// <summary>A saved state of a document: every save, publish and rollback writes one.</summary>
internal sealed class DocumentVersionEntity
{
    public long Id { get; set; }
    public int DocumentId { get; set; }
    public DocumentEntity? Document { get; set; }
    public int Number { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public string Action { get; set; } = "";
    public string DataJson { get; set; } = "{}";
}

/// <summary>Who did what to which document, and when.</summary>
internal sealed class AuditEntryEntity
{
    public long Id { get; set; }
    public DateTime Utc { get; set; }
    public string User { get; set; } = "";
    public string Action { get; set; } = "";
    public Guid? DocumentKey { get; set; }
    public string? Culture { get; set; }
    public string? Details { get; set; }
}
