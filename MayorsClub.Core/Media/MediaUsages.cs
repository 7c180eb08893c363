using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Media;

/// <summary>
/// Where a media item is used: documents whose draft or published values hold its key. Media pickers keep keys
/// as GUID strings, and rich text links to /media/{key}/…, so a search for the key's text finds both (in either
/// letter case). Documents in the recycle bin count too: they may be restored.
/// </summary>
public sealed class MediaUsages(MayorsClubDbContext db)
{
    public async Task<IReadOnlyList<MediaUsage>> FindAsync(Guid key, CancellationToken ct = default)
    {
        var lower = key.ToString("D");
        var upper = lower.ToUpperInvariant();
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.DraftJson.Contains(lower) || d.DraftJson.Contains(upper)
                || (d.PublishedJson != null && (d.PublishedJson.Contains(lower) || d.PublishedJson.Contains(upper))))
            .Select(d => new
            {
                d.Key,
                d.Trashed,
                InDraft = d.DraftJson.Contains(lower) || d.DraftJson.Contains(upper),
                InPublished = d.PublishedJson != null && (d.PublishedJson.Contains(lower) || d.PublishedJson.Contains(upper)),
                AnyCulturePublished = d.Cultures.Any(c => c.IsPublished),
                Names = d.Cultures.Select(c => new { c.Culture, c.Name }).ToList(),
            })
            .ToListAsync(ct);
        return documents
            .Select(d => new MediaUsage(d.Key, d.Names.ToDictionary(n => n.Culture, n => n.Name, StringComparer.Ordinal), d.InDraft, d.InPublished, d.Trashed) { AnyCulturePublished = d.AnyCulturePublished })
            .OrderBy(u => u.Trashed)
            .ThenBy(u => u.Name(Content.Cultures.Default), StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// Whether published content shows the item: a document outside the recycle bin, published in any culture, whose
    /// published values hold it. Changing such an item changes the live site, which needs the rights publishing needs.
    /// </summary>
    public async Task<bool> ShownByPublishedContentAsync(Guid key, CancellationToken ct = default) =>
        (await FindAsync(key, ct)).Any(u => u.Live);
}
