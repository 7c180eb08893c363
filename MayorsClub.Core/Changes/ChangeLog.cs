using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MayorsClub.Core.Changes;

/// <summary>
/// Appends rows to the change feed with the change itself (one <c>SaveChanges</c>, one transaction), and after the
/// commit waits until this process has applied them (read-your-writes for the editor who made the change).
/// One per request scope, like the database context it writes with.
/// </summary>
public sealed class ChangeLog(MayorsClubDbContext db, IClock clock, ChangeFeedWorker worker)
{
    private readonly List<PublishedChangeEntity> _appended = [];

    /// <summary>Adds a row to the pending changes of the database context; it is written by the caller's next save.</summary>
    public void Append(PublishedChangeKind kind, IEnumerable<Guid>? documents = null, IEnumerable<string>? cultures = null, IEnumerable<Guid>? media = null)
    {
        var row = new PublishedChangeEntity
        {
            Kind = kind.ToString(),
            DocumentKeys = string.Join(",", (documents ?? []).Distinct().Select(k => k.ToString("D"))),
            Cultures = string.Join(",", (cultures ?? []).Distinct(StringComparer.Ordinal)),
            MediaKeys = string.Join(",", (media ?? []).Distinct().Select(k => k.ToString("D"))),
            Utc = clock.GetCurrentInstant().ToDateTimeUtc(),
        };
        db.PublishedChanges.Add(row);
        _appended.Add(row);
    }

    /// <summary>
    /// After the commit: wakes the worker and waits (within its time limit, never failing the command) until what this
    /// scope appended is visible in this process. Inside a transaction it does nothing: whoever commits it waits.
    /// Rows of a failed or rolled-back save are not waited for.
    /// </summary>
    public async Task WaitUntilVisibleAsync(CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is not null || _appended.Count == 0)
        {
            return;
        }

        var committed = _appended.Where(r => r.Id > 0 && db.Entry(r).State == EntityState.Unchanged).Select(r => r.Id).ToList();
        _appended.Clear();
        foreach (var sequence in committed)
        {
            await worker.WaitUntilAppliedAsync(sequence, ct);
        }
    }
}
