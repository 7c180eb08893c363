using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Content.Routing;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MayorsClub.Core.Content;

/// <summary>
/// What every content use case needs: loading a document, URL segments unique among siblings,
/// writing a version and an audit entry with each change, and committing with the version check.
/// </summary>
public sealed class ContentStore(MayorsClubDbContext db, DocumentTypeRegistry types, IClock clock)
{
    internal MayorsClubDbContext Db => db;
    public DocumentTypeRegistry Types => types;
    public DateTime UtcNow => clock.GetCurrentInstant().ToDateTimeUtc();

    internal Task<DocumentEntity?> FindAsync(Guid key, CancellationToken ct) =>
        db.Documents.Include(d => d.Cultures).SingleOrDefaultAsync(d => d.Key == key, ct);

    /// <summary>
    /// Loads a document that is about to change. Refused when it does not exist, is in the recycle bin,
    /// or was changed by someone else since the version the caller started from (null: no check).
    /// </summary>
    internal async Task<(DocumentEntity? Document, ContentResult? Refusal)> FindForChangeAsync(Guid key, int? expectedVersion, CancellationToken ct)
    {
        var document = await FindAsync(key, ct);
        if (document is null)
        {
            return (null, ContentResult.NotFound());
        }

        if (expectedVersion is { } expected && expected != document.Version)
        {
            return (null, ContentResult.Conflict(document.Version));
        }

        if (document.Trashed)
        {
            return (null, ContentResult.Invalid(new ContentError(ContentMessages.InTrash)));
        }

        return (document, null);
    }

    public async Task<DocumentState?> GetAsync(Guid key, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Cultures).SingleOrDefaultAsync(d => d.Key == key, ct);
        return document is null ? null : await ToStateAsync(document, ct);
    }

    internal async Task<DocumentState> ToStateAsync(DocumentEntity document, CancellationToken ct)
    {
        Guid? parentKey = document.ParentId is { } parentId
            ? await db.Documents.Where(d => d.Id == parentId).Select(d => d.Key).SingleAsync(ct)
            : null;
        return ToState(document, parentKey);
    }

    /// <summary>The document's state, when its parent's key is already known (children of one parent, say).</summary>
    internal static DocumentState ToState(DocumentEntity document, Guid? parentKey) =>
        new(
            document.Id, document.Key, parentKey, document.ContentType, document.SortOrder, document.Version, document.Trashed,
            ContentValues.FromJson(document.DraftJson),
            document.Cultures.ToDictionary(
                c => c.Culture,
                c => new CultureState(c.Culture, c.Name, c.UrlSegment, c.IsPublished, c.EditedSincePublish, c.PublishedUtc, c.PublishAtUtc, c.UnpublishAtUtc,
                    c.ApprovalRequestedUtc, c.ApprovalRequestedBy),
                StringComparer.Ordinal),
            document.UpdatedUtc, document.UpdatedBy);

    /// <summary>
    /// Gives each culture of the draft a URL segment: the editor's own (refused if a sibling has it)
    /// or one made from the name (made unique with a number).
    /// </summary>
    internal async Task<IReadOnlyList<ContentError>> AssignSegmentsAsync(DocumentEntity document, ContentValues draft, CancellationToken ct)
    {
        // Every path that names a document comes here (create, save, restore, rollback to a version saved before
        // names were cleaned): the names and segments it keeps are clean ones.
        foreach (var variant in draft.Cultures.Values)
        {
            variant.Name = NameText.Clean(variant.Name);
            variant.Segment = variant.Segment is null ? null : NameText.Clean(variant.Segment);
            if (variant.Segment is { Length: 0 } or { Length: > Validation.ContentValidator.SegmentMaxLength })
            {
                variant.Segment = null;
            }
        }

        var errors = new List<ContentError>();
        var wanted = draft.Cultures.ToDictionary(
            c => c.Key,
            c => c.Value.Segment ?? Generated(c.Value.Name, document.Key),
            StringComparer.Ordinal);
        var taken = await SiblingSegmentsAsync(document.ParentId, document.Id, wanted, ct);
        foreach (var (culture, variant) in draft.Cultures)
        {
            var row = CultureRow(document, culture);
            row.Name = variant.Name;
            var used = taken.GetValueOrDefault(culture) ?? [];
            var segment = wanted[culture];
            if (variant.Segment is not null)
            {
                if (used.Contains(segment))
                {
                    errors.Add(new ContentError(ContentMessages.SegmentTaken, "segment", culture, [segment]));
                }

                row.UrlSegment = segment;
                continue;
            }

            var candidate = segment;
            for (var n = 2; used.Contains(candidate); n++)
            {
                candidate = $"{segment}-{n}";
            }

            row.UrlSegment = candidate;
        }

        return errors;
    }

    private static string Generated(string name, Guid key)
    {
        var generated = UkrainianTransliteration.ToUrlSegment(name);
        return generated.Length == 0 ? key.ToString("N")[..8] : generated;
    }

    /// <summary>
    /// The segments of the siblings, per culture, that could clash with the wanted ones: the segment itself and its
    /// numbered forms ("stem-2"). Asking only for those keeps a save fast however many siblings a folder holds.
    /// </summary>
    private async Task<Dictionary<string, HashSet<string>>> SiblingSegmentsAsync(int? parentId, int selfId,
        IReadOnlyDictionary<string, string> wanted, CancellationToken ct)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (culture, stem) in wanted)
        {
            // A prefix compared as a substring, not a LIKE pattern: nothing the editor types becomes a pattern.
            var numbered = stem + "-";
            var length = numbered.Length;
            var rows = await db.DocumentCultures
                .Where(c => c.DocumentId != selfId && c.Culture == culture
                    && (c.UrlSegment == stem || c.UrlSegment.Substring(0, length) == numbered
                        || c.PublishedUrlSegment == stem || (c.PublishedUrlSegment != null && c.PublishedUrlSegment.Substring(0, length) == numbered)))
                .Join(db.Documents.Where(d => d.ParentId == parentId && !d.Trashed), c => c.DocumentId, d => d.Id, (c, d) => new { c.UrlSegment, c.PublishedUrlSegment })
                .ToListAsync(ct);
            var set = result[culture] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                set.Add(row.UrlSegment);
                if (row.PublishedUrlSegment is not null)
                {
                    set.Add(row.PublishedUrlSegment);
                }
            }
        }

        return result;
    }

    internal static DocumentCultureEntity CultureRow(DocumentEntity document, string culture)
    {
        var row = document.Cultures.SingleOrDefault(c => c.Culture == culture);
        if (row is null)
        {
            row = new DocumentCultureEntity { Culture = culture };
            document.Cultures.Add(row);
        }

        return row;
    }

    /// <summary>Marks the document changed, records a version of its draft (numbered as the document's version) and an audit entry.</summary>
    internal void RecordChange(DocumentEntity document, string user, string action, string? culture)
    {
        var now = UtcNow;
        document.Version++;
        document.UpdatedUtc = now;
        document.UpdatedBy = user;
        db.DocumentVersions.Add(new DocumentVersionEntity
        {
            Document = document, Number = document.Version, CreatedUtc = now, CreatedBy = user, Action = action, DataJson = document.DraftJson,
        });
        Audit(user, action, document.Key, culture);
    }

    public void Audit(string user, string action, Guid? documentKey, string? culture, string? details = null) =>
        db.AuditEntries.Add(new AuditEntryEntity { Utc = UtcNow, User = user, Action = action, DocumentKey = documentKey, Culture = culture, Details = details });

    /// <summary>Saves all changes at once; false when another save of the same document got there first.</summary>
    public async Task<bool> CommitAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException error) when (error is DbUpdateConcurrencyException || IsDuplicateVersion(error))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Two saves racing from the same version both number their new version alike; whichever insert
    /// reaches the unique index second loses, just as the second UPDATE loses the version check.
    /// </summary>
    private static bool IsDuplicateVersion(DbUpdateException error) => error.InnerException switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        _ => false,
    };

    /// <summary>Forgets every change not yet saved (a refused command leaves nothing behind for a later save).</summary>
    public void Discard() => db.ChangeTracker.Clear();

    public async Task<int> CurrentVersionAsync(Guid key, CancellationToken ct) =>
        await db.Documents.AsNoTracking().Where(d => d.Key == key).Select(d => d.Version).SingleOrDefaultAsync(ct);
}
