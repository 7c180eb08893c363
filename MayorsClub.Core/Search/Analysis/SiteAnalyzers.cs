using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace MayorsClub.Core.Search.Analysis;

/// <summary>
/// FIRST CUT, to be replaced by the analysis helper: Lucene's English analyzer (Porter, English stop words) for "en",
/// the standard tokenizer with lower-casing for "uk".
/// </summary>
public sealed class SiteAnalyzers : ISearchAnalyzers, IDisposable
{
    private readonly Analyzer _english = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
    private readonly Analyzer _ukrainian = new StandardAnalyzer(LuceneVersion.LUCENE_48, CharArraySet.Empty);

    private readonly Analyzer _plain = new StandardAnalyzer(LuceneVersion.LUCENE_48, CharArraySet.Empty);

    public Analyzer For(string culture) => culture == "uk" ? _ukrainian : _english;

    public Analyzer Plain(string culture) => _plain;

    public void Dispose()
    {
        _english.Dispose();
        _ukrainian.Dispose();
        _plain.Dispose();
    }
}
