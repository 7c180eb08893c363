using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace MayorsClub.Core.Search.Analysis;

/// <summary>
/// English text: apostrophes unified, the standard tokenizer, the possessive 's dropped, lower-casing, English stop
/// words, Porter stemming.
/// </summary>
public sealed class EnglishSiteAnalyzer : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) => Apostrophes.Unify(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new StandardFilter(LuceneVersion.LUCENE_48, source);
        stream = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, stream);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
