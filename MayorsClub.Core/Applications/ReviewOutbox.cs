using MayorsClub.Core.Email;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MayorsClub.Core.Applications;

/// <summary>An e-mail in the outbox as the back office shows it: never its body (links in it carry sign-in tokens).</summary>
public sealed record OutboxEntry(
    long Id, string To, string? ToName, string Subject, int Attempts, string? LastError, DateTime CreatedUtc, DateTime NextAttemptUtc,
    DateTime? SentUtc, bool GaveUp);

/// <summary>The outbox for reviewers: what waits or failed, what went out lately, and "retry now".</summary>
public sealed class ReviewOutbox(MayorsClubDbContext db, EmailSignal signal, IClock clock)
{
    public const int MaxListed = 200;
    public static readonly TimeSpan SentPeriod = TimeSpan.FromDays(7);
    public const string RetryAuditAction = "retry e-mail";

    /// <param name="Waiting">Not sent yet: pending, retrying after a failure, or given up; oldest first.</param>
    /// <param name="WaitingTotal">How many wait in all (the list shows at most <see cref="MaxListed"/>).</param>
    /// <param name="Sent">Sent in the last 7 days, newest first.</param>
    public sealed record Overview(IReadOnlyList<OutboxEntry> Waiting, int WaitingTotal, IReadOnlyList<OutboxEntry> Sent);

    public async Task<Overview> GetAsync(CancellationToken ct)
    {
        var since = clock.GetCurrentInstant().ToDateTimeUtc() - SentPeriod;
        var waiting = db.OutboxMessages.AsNoTracking().Where(m => m.SentUtc == null);
        var total = await waiting.CountAsync(ct);
        // Failed ones first (they need a look), then by age.
        var listed = await waiting.OrderByDescending(m => m.Attempts > 0).ThenBy(m => m.Id).Take(MaxListed).Select(Entry).ToListAsync(ct);
        var sent = await db.OutboxMessages.AsNoTracking().Where(m => m.SentUtc != null && m.SentUtc >= since)
            .OrderByDescending(m => m.Id).Take(MaxListed).Select(Entry).ToListAsync(ct);
        return new Overview(listed, total, sent);
    }

    /// <summary>Makes a waiting or given-up message due now and wakes the dispatcher; false when it is unknown or already sent.</summary>
    public async Task<bool> RetryNowAsync(long id, string actor, CancellationToken ct)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id && m.SentUtc == null, ct);
        if (message is null)
        {
            return false;
        }

        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        message.NextAttemptUtc = now;
        message.GaveUp = false;
        db.AuditEntries.Add(new AuditEntryEntity { Utc = now, User = actor, Action = RetryAuditAction, Details = $"#{id}" });
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return true;
    }

    private static readonly System.Linq.Expressions.Expression<Func<OutboxMessage, OutboxEntry>> Entry = m =>
        new OutboxEntry(m.Id, m.ToAddress, m.ToName, m.Subject, m.Attempts, m.LastError, m.CreatedUtc, m.NextAttemptUtc, m.SentUtc, m.GaveUp);
}
