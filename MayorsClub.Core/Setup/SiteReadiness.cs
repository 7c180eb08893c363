namespace MayorsClub.Core.Setup;

/// <summary>Whether the site is ready to serve: database migrated and snapshot loaded. Read by /healthz.</summary>
public sealed class SiteReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public Exception? Failure => _ready.Task.Exception?.InnerException;

    /// <summary>Completes when the site becomes ready; faults when start-up failed.</summary>
    public Task WhenReady => _ready.Task;

    internal void MarkReady() => _ready.TrySetResult();

    internal void MarkFailed(Exception error) => _ready.TrySetException(error);
}
