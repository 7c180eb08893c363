using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Search.Analysis;

public static class AnalysisServices
{
    /// <summary>The analyzers of each culture (<see cref="ISearchAnalyzers"/>), one per process.</summary>
    public static IServiceCollection AddMayorsClubSearchAnalysis(this IServiceCollection services)
    {
        services.AddSingleton<SiteAnalyzers>();
        services.AddSingleton<ISearchAnalyzers>(sp => sp.GetRequiredService<SiteAnalyzers>());
        return services;
    }
}
