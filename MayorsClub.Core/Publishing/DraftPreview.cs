using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Publishing;

/// <summary>
/// What a document's saved draft would look like on the site: a one-off snapshot made of the current published
/// snapshot with the draft put in its place (and any unpublished ancestors' drafts, so the page has a URL).
/// Nothing is written, nothing is cached, visitors never see it.
/// </summary>
public sealed class DraftPreview(ContentStore store, PublishedSnapshotService snapshots)
{
    /// <summary>The preview snapshot and the draft document in it.</summary>
    public sealed record Preview(PublishedSnapshot Snapshot, PublishedDocument Document);

    public enum Outcome
    {
        Ready,
        NotFound,
        CultureNotWritten,
        NotAPage,
    }

    public async Task<(Outcome Outcome, Preview? Preview)> BuildAsync(Guid key, string culture, CancellationToken ct = default)
    {
        var document = await store.Db.Documents.AsNoTracking().Include(d => d.Cultures).SingleOrDefaultAsync(d => d.Key == key, ct);
        if (document is null || document.Trashed || !Cultures.IsSupported(culture))
        {
            return (Outcome.NotFound, null);
        }

        if (document.Cultures.All(c => c.Culture != culture))
        {
            return (Outcome.CultureNotWritten, null);
        }

        if (store.Types.Find(document.ContentType) is not { IsPage: true })
        {
            return (Outcome.NotAPage, null);
        }

        var ancestorIds = document.Path.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture))
            .Where(id => id != document.Id)
            .ToList();
        var ancestors = await store.Db.Documents.AsNoTracking().Include(d => d.Cultures)
            .Where(d => ancestorIds.Contains(d.Id))
            .ToListAsync(ct);

        var snapshot = PreviewSnapshotBuilder.Build(snapshots.Current, document, ancestors, culture, store.Types, store.UtcNow);
        return snapshot.Get(key) is { } preview && preview.Url(culture) is not null
            ? (Outcome.Ready, new Preview(snapshot, preview))
            : (Outcome.NotAPage, null);
    }
}

/// <summary>
/// Builds a preview snapshot: the published snapshot with drafts applied over it (<see cref="PublishedSnapshotBuilder.Apply"/>),
/// sharing everything else.
/// </summary>
internal static class PreviewSnapshotBuilder
{
    /// <param name="current">What visitors see now.</param>
    /// <param name="draft">The document to preview: its draft replaces what is published of it, in every culture it has.</param>
    /// <param name="ancestors">Its ancestors: where one is not visible in the culture, its draft stands in for that culture.</param>
    public static PublishedSnapshot Build(PublishedSnapshot current, DocumentEntity draft, IReadOnlyList<DocumentEntity> ancestors,
        string culture, Content.DocumentTypes.DocumentTypeRegistry types, DateTime utcNow)
    {
        var rows = new List<PublishedSnapshotBuilder.DocumentRow>();
        foreach (var ancestor in ancestors)
        {
            var published = current.Get(ancestor.Id);
            if (published is not null && published.IsVisibleIn(culture))
            {
                continue;
            }

            var row = ancestor.Cultures.SingleOrDefault(c => c.Culture == culture);
            if (row is null)
            {
                continue; // not written in this culture: the preview will have no URL
            }

            var values = published is null ? new ContentValues { Invariant = ContentValues.FromJson(ancestor.DraftJson).Invariant } : ContentValues.FromJson(published.Source.GetRawText());
            values.Cultures[culture] = ContentValues.FromJson(ancestor.DraftJson).Culture(culture) ?? new CultureVariant();
            var cultures = published?.Row.Cultures.Where(c => c.Culture != culture).ToList() ?? [];
            cultures.Add(new PublishedSnapshotBuilder.CultureRow(culture, row.Name, row.UrlSegment, row.PublishedUtc ?? utcNow));
            rows.Add(RowOf(ancestor, values, cultures));
        }

        rows.Add(RowOf(draft, ContentValues.FromJson(draft.DraftJson),
            draft.Cultures.Select(c => new PublishedSnapshotBuilder.CultureRow(c.Culture, c.Name, c.UrlSegment, c.PublishedUtc ?? utcNow)).ToList()));

        return PublishedSnapshotBuilder.Apply(current, rows, removed: [], media: null, types, current.Generation, utcNow);
    }

    private static PublishedSnapshotBuilder.DocumentRow RowOf(DocumentEntity document, ContentValues values, List<PublishedSnapshotBuilder.CultureRow> cultures) =>
        new(document.Id, document.Key, document.ParentId, document.ContentType, document.SortOrder, document.Level, document.CreatedUtc, document.UpdatedUtc,
            document.Version, PublishedSnapshotBuilder.Parse(values.ToJson()), cultures);
}
