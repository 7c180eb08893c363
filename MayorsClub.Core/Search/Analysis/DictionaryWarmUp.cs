using Microsoft.Extensions.Hosting;

namespace MayorsClub.Core.Search.Analysis;

/// <summary>
/// Starts reading the Ukrainian dictionary in the background as the site starts, so the first search or indexing does
/// not wait seconds for it. Start-up itself never waits; a process that already has it loaded returns at once.
/// </summary>
internal sealed class DictionaryWarmUp(SiteAnalyzers analyzers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(analyzers.LoadDictionary, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
