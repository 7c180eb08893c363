using Lucene.Net.Analysis;

namespace MayorsClub.Core.Search.Analysis;

/// <summary>
/// The text analysis of each culture the site is written in: what the index stores for a text field and what a query's
/// words are turned into. Index and query of one culture use the same chain, so their terms meet.
/// </summary>
public interface ISearchAnalyzers
{
    /// <summary>The analyzer for full words of the culture ("uk" or "en"; any other culture gets the English one).</summary>
    Analyzer For(string culture);

    /// <summary>
    /// The culture's words before stemming (lower-cased, apostrophes unified, no stop words dropped): the field that
    /// typo tolerance (fuzzy) and as-you-type prefixes match against.
    /// </summary>
    Analyzer Plain(string culture);
}
