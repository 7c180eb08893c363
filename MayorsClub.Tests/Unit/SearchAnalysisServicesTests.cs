using MayorsClub.Core.Search.Analysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using static MayorsClub.Tests.Unit.SearchAnalysisTestKit;

namespace MayorsClub.Tests.Unit;

/// <summary>The analysis as a site registers it: settings bound, its hosted warm-up started.</summary>
[TestFixture]
public class SearchAnalysisServicesTests
{
    [Test]
    public async Task The_registration_gives_the_sites_analyzers_with_the_configured_dictionary_and_starts()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{SearchAnalysisOptions.Section}:DictionaryPath"] = UkrainianDictionary.DefaultFolder })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory })
            .AddMayorsClubSearchAnalysis();
        await using var provider = services.BuildServiceProvider();

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var analyzers = provider.GetRequiredService<ISearchAnalyzers>();
        Assert.That(analyzers, Is.SameAs(provider.GetRequiredService<SiteAnalyzers>()));
        Assert.That(((SiteAnalyzers)analyzers).LoadDictionary(), Is.SameAs(UkrainianDictionary.For(UkrainianDictionary.DefaultFolder, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)));
        Assert.That(Terms(analyzers.For("uk"), "шкіл"), Does.Contain("школа"));
    }

    [Test]
    public void A_relative_dictionary_path_is_from_the_sites_root_folder()
    {
        var root = MayorsClub.Core.Setup.SitePaths.FindRoot(AppContext.BaseDirectory);
        Assert.That(SiteAnalyzers.DictionaryFolder(new SearchAnalysisOptions { DictionaryPath = "dictionaries/uk" }, AppContext.BaseDirectory),
            Is.EqualTo(Path.Combine(root, "dictionaries", "uk")));
        Assert.That(SiteAnalyzers.DictionaryFolder(new SearchAnalysisOptions(), AppContext.BaseDirectory), Is.EqualTo(UkrainianDictionary.DefaultFolder));
    }
}
