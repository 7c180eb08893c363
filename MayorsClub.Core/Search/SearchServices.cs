using MayorsClub.Core.Changes;
using MayorsClub.Core.Search.Analysis;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Search;

public static class SearchServices
{
    /// <summary>
    /// The site search: the analyzers, the index under <c>{DataPath}/Index</c>, its indexer (a change feed subscriber and
    /// a background service that builds a missing or outdated index at start), the queries and the calendar's words filter.
    /// </summary>
    public static IServiceCollection AddMayorsClubSearch(this IServiceCollection services)
    {
        services.AddMayorsClubSearchAnalysis();
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<IPublishedChangeSubscriber>(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<SiteSearch>();
        services.AddSingleton<IEventTextSearch>(sp => sp.GetRequiredService<SiteSearch>());
        return services;
    }
}
