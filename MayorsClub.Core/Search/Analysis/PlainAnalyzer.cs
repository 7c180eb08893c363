using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace MayorsClub.Core.Search.Analysis;

/// <summary>
/// Words as written, for typo tolerance (fuzzy) and as-you-type prefixes: apostrophes unified, the standard tokenizer,
/// lower-casing; no stop words dropped and no stemming. The same for every culture.
/// </summary>
public sealed class PlainAnalyzer : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) => Apostrophes.Unify(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new StandardFilter(LuceneVersion.LUCENE_48, source);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        return new TokenStreamComponents(source, stream);
    }
}
