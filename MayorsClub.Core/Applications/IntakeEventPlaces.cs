using System.Collections.Concurrent;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Applications;

/// <summary>
/// The places taken at each event, as the event pages show them ("places left"): read from the database at most once a
/// minute per event and updated by every registration this process stores, so rendering a page rarely costs a query.
/// What other web nodes store, or a rejection releases, shows within the minute (the page cache may keep a page for its
/// hour); the intake itself always counts in the database.
/// </summary>
public sealed class IntakeEventPlaces(IServiceScopeFactory scopes)
{
    private static readonly long FreshForMilliseconds = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private readonly ConcurrentDictionary<Guid, (int Taken, long ReadAt)> _taken = new();

    public async ValueTask<int> TakenAsync(Guid eventKey, CancellationToken ct)
    {
        if (_taken.TryGetValue(eventKey, out var known) && Environment.TickCount64 - known.ReadAt < FreshForMilliseconds)
        {
            return known.Taken;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        var taken = await db.EventPlaces.AsNoTracking().Where(p => p.EventKey == eventKey).Select(p => (int?)p.Taken).FirstOrDefaultAsync(ct) ?? 0;
        Remember(eventKey, taken);
        return taken;
    }

    /// <summary>An event's places changed (a registration stored, or places released): its cached pages are out of date.</summary>
    public event Action<Guid>? Changed;

    /// <summary>What the intake has just read or committed.</summary>
    internal void Remember(Guid eventKey, int taken)
    {
        var changed = _taken.TryGetValue(eventKey, out var known) && known.Taken != taken;
        _taken[eventKey] = (taken, Environment.TickCount64);
        if (changed)
        {
            Changed?.Invoke(eventKey);
        }
    }

    /// <summary>Read the event's places again next time (after a change made elsewhere, e.g. a rejection releasing them).</summary>
    public void Forget(Guid eventKey)
    {
        _taken.TryRemove(eventKey, out _);
        Changed?.Invoke(eventKey);
    }
}
