using MayorsClub.Core.Operations;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.Operations;

/// <summary>
/// Graceful shutdown, first step: from the moment the node is told to stop (SIGTERM, or StopApplication), /healthz/ready
/// says 503 "stopping" while the node keeps serving everything for "MayorsClub:Operations:DrainSeconds", so the load
/// balancer moves away; then the host stops Kestrel, which finishes the requests in flight within the shutdown timeout.
/// </summary>
/// <remarks>
/// The host calls every <see cref="IHostedLifecycleService.StoppingAsync"/> before it stops any service, Kestrel
/// included: the wait here holds all of them back, and background work keeps running through the drain.
/// </remarks>
public sealed class ShutdownDrain(IHostApplicationLifetime lifetime, IOptions<OperationsOptions> options, ILogger<ShutdownDrain> logger)
    : IHostedLifecycleService
{
    private volatile bool _stopping;

    public bool IsStopping => _stopping;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // On SIGTERM the lifetime's token is cancelled before the host begins to stop its services.
        lifetime.ApplicationStopping.Register(() => _stopping = true);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var drain = TimeSpan.FromSeconds(options.Value.DrainSeconds);
        if (drain <= TimeSpan.Zero)
        {
            return;
        }

        logger.LogInformation("Stopping: serving for {Seconds} s more while the load balancer moves away (/healthz/ready says 503)", drain.TotalSeconds);
        try
        {
            await Task.Delay(drain, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout ended the drain early.
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
