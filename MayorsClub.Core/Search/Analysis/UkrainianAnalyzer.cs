using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Hunspell;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace MayorsClub.Core.Search.Analysis;

/// <summary>
/// Ukrainian text: apostrophes unified, the standard (UAX #29) tokenizer, lower-casing (Ґ → ґ, never folded to г),
/// Ukrainian stop words, then <see cref="UkrainianStemFilter"/>. The dictionary is asked for when the first text is
/// analysed, so a site starts without waiting for it.
/// </summary>
public sealed class UkrainianAnalyzer : Analyzer
{
    private readonly UkrainianStemming _stemming;
    private readonly Func<Dictionary?> _dictionary;
    private readonly bool _longestStemOnly;

    public UkrainianAnalyzer(UkrainianStemming stemming, Func<Dictionary?> dictionary, bool longestStemOnly = false)
    {
        _stemming = stemming;
        _dictionary = dictionary;
        _longestStemOnly = longestStemOnly;
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => Apostrophes.Unify(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new StandardFilter(LuceneVersion.LUCENE_48, source);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, UkrainianStopWords.Set);
        if (_stemming != UkrainianStemming.Exact)
        {
            var dictionary = _stemming >= UkrainianStemming.Dictionary ? _dictionary() : null;
            stream = new UkrainianStemFilter(stream, _stemming, dictionary, _longestStemOnly);
        }

        return new TokenStreamComponents(source, stream);
    }
}
