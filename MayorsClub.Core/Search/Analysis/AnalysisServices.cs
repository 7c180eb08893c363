using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Search.Analysis;

public static class AnalysisServices
{
    /// <summary>
    /// The analyzers of each culture (<see cref="ISearchAnalyzers"/>), one per site; the Ukrainian dictionary behind
    /// them is loaded once per process (<see cref="UkrainianDictionary"/>), in the background from the site's start.
    /// Settings: "MayorsClub:Search".
    /// </summary>
    public static IServiceCollection AddMayorsClubSearchAnalysis(this IServiceCollection services)
    {
        services.AddOptions<SearchAnalysisOptions>().BindConfiguration(SearchAnalysisOptions.Section);
        services.AddSingleton<SiteAnalyzers>();
        services.AddSingleton<ISearchAnalyzers>(sp => sp.GetRequiredService<SiteAnalyzers>());
        services.AddHostedService<DictionaryWarmUp>();
        return services;
    }
}
