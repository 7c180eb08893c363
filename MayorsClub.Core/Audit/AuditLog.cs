using System.Globalization;
using System.Text.RegularExpressions;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MayorsClub.Core.Audit;

/// <summary>Reads the audit log, newest first, a page at a time, filtered by who, what, when and which document.</summary>
/// <remarks>The back office's audit section reads through this; the entries are written by the services that make the changes.</remarks>
public sealed partial class AuditLog(MayorsClubDbContext db)
{
    public const int PageSize = 50;

    /// <param name="Document">Part of a document's name in either language, or its key.</param>
    /// <param name="FromDate">First day, inclusive (UTC).</param>
    /// <param name="ToDate">Last day, inclusive (UTC).</param>
    public sealed record Filter(string? User, string? Action, DateOnly? FromDate, DateOnly? ToDate, string? Document, int Page);

    public sealed record Entry(long Id, DateTime Utc, string User, string Action, Guid? DocumentKey, string? DocumentName, string? Culture, string? Details);

    public sealed record Result(IReadOnlyList<Entry> Entries, int Page, int Pages, int Total, IReadOnlyList<string> Users, IReadOnlyList<string> Actions);

    public async Task<Result> ReadAsync(Filter filter, string uiCulture, CancellationToken ct)
    {
        var storedActions = await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().ToListAsync(ct);
        var actionGroups = storedActions.GroupBy(Generalize).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var people = await db.AuditEntries.AsNoTracking().Select(a => a.User).Distinct().ToListAsync(ct);

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            query = query.Where(a => a.User == filter.User);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var matching = actionGroups.GetValueOrDefault(filter.Action) ?? [];
            query = query.Where(a => matching.Contains(a.Action));
        }

        if (filter.FromDate is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.Utc >= start);
        }

        if (filter.ToDate is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.Utc < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.Document))
        {
            var keys = await DocumentKeysAsync(filter.Document.Trim(), ct);
            query = query.Where(a => a.DocumentKey != null && keys.Contains(a.DocumentKey.Value));
        }

        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var rows = await query.OrderByDescending(a => a.Utc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);

        var shownKeys = rows.Where(r => r.DocumentKey != null).Select(r => r.DocumentKey!.Value).Distinct().ToList();
        var names = (await db.Documents.AsNoTracking().Where(d => shownKeys.Contains(d.Key))
                .Select(d => new { d.Key, Names = d.Cultures.Select(c => new { c.Culture, c.Name }).ToList() })
                .ToListAsync(ct))
            .ToDictionary(d => d.Key, d => (d.Names.FirstOrDefault(n => n.Culture == uiCulture) ?? d.Names.FirstOrDefault())?.Name);

        return new Result(
            rows.Select(r => new Entry(r.Id, r.Utc, r.User, r.Action, r.DocumentKey,
                r.DocumentKey is { } key ? names.GetValueOrDefault(key) : null, r.Culture, r.Details)).ToList(),
            page, pages, total,
            people.Order(StringComparer.OrdinalIgnoreCase).ToList(),
            actionGroups.Keys.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>"rollback to 7" and "rollback to 12" (and "rollback to 7 and publish" and its kin) are one kind of action each in the filter.</summary>
    public static string Generalize(string action) => VersionNumber().Replace(action, "", 1);

    /// <summary>The version number in an action like "rollback to 7 and publish", or null.</summary>
    public static string? NumberIn(string action) => VersionNumber().Match(action) is { Success: true } found ? found.Value.Trim() : null;

    public static bool TryParseDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Documents whose key is the text or whose name in either language contains it, ignoring case. Matched here rather than
    /// in SQL because SQLite folds the case of Latin letters only, and names are mostly Cyrillic.
    /// </summary>
    private async Task<List<Guid>> DocumentKeysAsync(string text, CancellationToken ct)
    {
        if (Guid.TryParse(text, out var key))
        {
            return [key];
        }

        var all = await db.DocumentCultures.AsNoTracking()
            .Join(db.Documents, c => c.DocumentId, d => d.Id, (c, d) => new { d.Key, c.Name })
            .ToListAsync(ct);
        return all.Where(x => x.Name.Contains(text, StringComparison.CurrentCultureIgnoreCase)).Select(x => x.Key).Distinct().ToList();
    }

    [GeneratedRegex(@" \d+(?=$| )")]
    private static partial Regex VersionNumber();
}
