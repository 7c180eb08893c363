namespace MayorsClub.Core.Applications;

/// <summary>
/// A submitted form (membership, partnership, event registration, contact), stored before anything else happens,
/// with the e-mails it causes queued in the same transaction. The fields as typed are kept as JSON under the form's
/// declaration; the applicant's name and e-mail are also columns, for the list, search and deletion on request.
/// </summary>
internal sealed class ApplicationEntity
{
    public long Id { get; set; }
    public Guid Key { get; set; }

    /// <summary>What the applicant is told, e.g. "MC-2026-0042": the year and that year's number.</summary>
    public string Reference { get; set; } = "";
    public int Year { get; set; }
    public int Number { get; set; }

    /// <summary>The form's name (membership, partnership, event, contact).</summary>
    public string Form { get; set; } = "";

    /// <summary>The language the applicant used: acknowledgement and decision e-mails are in it.</summary>
    public string Culture { get; set; } = "uk";

    /// <summary>new, review, approved, rejected or closed.</summary>
    public string Status { get; set; } = "new";
    public DateTime SubmittedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public string ApplicantName { get; set; } = "";
    public string ApplicantEmail { get; set; } = "";
    public string DataJson { get; set; } = "{}";

    /// <summary>An event registration's event and the places it asks for.</summary>
    public Guid? EventKey { get; set; }
    public int? Participants { get; set; }

    /// <summary>The member an approved membership or partnership application created.</summary>
    public Guid? MemberId { get; set; }

    /// <summary>When the retention job (or a request to delete) replaced the personal data.</summary>
    public DateTime? AnonymisedUtc { get; set; }

    /// <summary>Raised by every change; a decision names the version it started from.</summary>
    public int Version { get; set; }

    public List<ApplicationNoteEntity> Notes { get; set; } = [];
}

/// <summary>The history of an application: who did what and when (decisions, status changes, internal notes).</summary>
internal sealed class ApplicationNoteEntity
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public DateTime Utc { get; set; }
    public string User { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Text { get; set; }

    /// <summary>An internal note is never sent to the applicant.</summary>
    public bool IsInternal { get; set; }
}

/// <summary>The last reference number given in a year: raised in the submission's transaction.</summary>
internal sealed class ApplicationCounterEntity
{
    public int Year { get; set; }
    public int Last { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// The places taken at an event by registrations not rejected: raised in the registration's transaction with a
/// concurrency check, so two last-second registrations cannot both take the last place.
/// </summary>
internal sealed class EventPlacesEntity
{
    public Guid EventKey { get; set; }
    public int Taken { get; set; }
    public int Version { get; set; }
}

/// <summary>A setting editors change in the back office (the committee's addresses, the retention period).</summary>
internal sealed class SiteSettingEntity
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
}
