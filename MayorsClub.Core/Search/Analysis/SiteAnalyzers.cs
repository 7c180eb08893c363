using Lucene.Net.Analysis;
using MayorsClub.Core.Setup;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MayorsClub.Core.Search.Analysis;

/// <summary>
/// The site's analyzers: <see cref="UkrainianAnalyzer"/> (the dictionary and the light stemmer, see
/// <see cref="Stemming"/>) for "uk", <see cref="EnglishSiteAnalyzer"/> for every other culture, and one
/// <see cref="PlainAnalyzer"/> for fuzzy and prefix matching.
/// </summary>
public sealed class SiteAnalyzers : ISearchAnalyzers, IDisposable
{
    /// <summary>
    /// What the relevance set measured best (MayorsClub.Tests/Relevance, README): the dictionary's stems, all of them,
    /// and the light stem beside a word the dictionary only gives back as it is. Adding the light stem to every word
    /// found as many (recall@10 1.000 both) and matched more unrelated documents; the longest stem alone lost words.
    /// </summary>
    public const UkrainianStemming Stemming = UkrainianStemming.DictionaryThenLight;

    private readonly Analyzer _english = new EnglishSiteAnalyzer();
    private readonly Analyzer _ukrainian;
    private readonly Analyzer _plain = new PlainAnalyzer();
    private readonly string _folder;
    private readonly ILogger _logger;

    public SiteAnalyzers(IOptions<SearchAnalysisOptions> options, IHostEnvironment environment, ILogger<SiteAnalyzers> logger)
    {
        _folder = DictionaryFolder(options.Value, environment.ContentRootPath);
        _logger = logger;
        _ukrainian = new UkrainianAnalyzer(Stemming, LoadDictionary);
    }

    /// <summary>The Ukrainian dictionary, read on the first call in the process (null without it: light stemming alone).</summary>
    public Lucene.Net.Analysis.Hunspell.Dictionary? LoadDictionary() => UkrainianDictionary.For(_folder, _logger);

    public Analyzer For(string culture) => culture == "uk" ? _ukrainian : _english;

    public Analyzer Plain(string culture) => _plain;

    public static string DictionaryFolder(SearchAnalysisOptions options, string contentRoot) =>
        string.IsNullOrWhiteSpace(options.DictionaryPath)
            ? UkrainianDictionary.DefaultFolder
            : Path.GetFullPath(options.DictionaryPath, SitePaths.FindRoot(contentRoot));

    public void Dispose()
    {
        _english.Dispose();
        _ukrainian.Dispose();
        _plain.Dispose();
    }
}
