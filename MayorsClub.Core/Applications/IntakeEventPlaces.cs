using System.Collections.Concurrent;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Applications;

/// <summary>
/// The places taken at each event, as the event pages show them ("places left"): read from the database once per event,
/// then kept in memory and updated by every registration this process stores, so rendering a page costs no query.
/// Another web node's registrations show here from its next restart; the intake itself always counts in the database.
/// </summary>
public sealed class IntakeEventPlaces(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<Guid, int> _taken = new();

    public async ValueTask<int> TakenAsync(Guid eventKey, CancellationToken ct)
    {
        if (_taken.TryGetValue(eventKey, out var known))
        {
            return known;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        var taken = await db.EventPlaces.AsNoTracking().Where(p => p.EventKey == eventKey).Select(p => (int?)p.Taken).FirstOrDefaultAsync(ct) ?? 0;
        return _taken.GetOrAdd(eventKey, taken);
    }

    /// <summary>What the intake has just read or committed.</summary>
    internal void Remember(Guid eventKey, int taken) => _taken[eventKey] = taken;
}
