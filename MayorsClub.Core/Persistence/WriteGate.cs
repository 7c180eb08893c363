namespace MayorsClub.Core.Persistence;

/// <summary>
/// Lets a hot write path (form submissions) queue for the database without blocking threads. SQLite admits one writer at
/// a time, and Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE: a writer that finds the database busy
/// waits inside SQLite on a thread-pool thread, so a burst of submissions would tie up the pool. On SQLite the gate lets
/// one such writer of this process in at a time and the rest wait asynchronously; PostgreSQL locks rows and needs none.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim? _gate;

    public WriteGate(bool serialize) => _gate = serialize ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<Turn> EnterAsync(CancellationToken ct)
    {
        if (_gate is null)
        {
            return default;
        }

        await _gate.WaitAsync(ct);
        return new Turn(_gate);
    }

    public void Dispose() => _gate?.Dispose();

    /// <summary>The writer's turn; disposing it lets the next one in.</summary>
    public readonly struct Turn(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
