using System.Globalization;
using System.Net;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.VectorHighlight;
using Lucene.Net.Util;
using MayorsClub.Core.Operations;
using MayorsClub.Core.Search.Analysis;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MayorsClub.Core.Search;

/// <summary>What a visitor asks the site search: words, and optionally a kind and (for events) dates, type, city, format.</summary>
public sealed record SearchQuery(string Culture, string? Words)
{
    public string? Kind { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;

    /// <summary>Events that end at or after this instant.</summary>
    public Instant? From { get; init; }

    /// <summary>Events that start before this instant.</summary>
    public Instant? To { get; init; }

    public string? EventType { get; init; }
    public string? City { get; init; }
    public bool? Online { get; init; }
}

/// <summary>How a search went.</summary>
public enum SearchOutcome
{
    /// <summary>The words were searched (the hits may be none).</summary>
    Searched,

    /// <summary>Nothing searchable was typed (empty, only symbols or stop words): the page asks for words.</summary>
    NoWords,

    /// <summary>There is no index to search yet: the page says search is being rebuilt.</summary>
    Rebuilding,
}

/// <summary>One result: <see cref="Snippet"/> is HTML (the text encoded, the matched words in <c>&lt;mark&gt;</c>).</summary>
public sealed record SearchHit(Guid Key, string Kind, string Title, string Url, DateTimeOffset Date, string Snippet);

/// <summary>A page of results, the total count and what the words became.</summary>
public sealed record SearchResults(SearchOutcome Outcome, IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageSize, string Words,
    bool WordsCut, bool IndexRebuilding)
{
    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>A title that matches what a visitor is typing.</summary>
public sealed record SearchSuggestion(string Title, string Url, string Kind);

/// <summary>
/// The site search over the index. A visitor's text is never parsed as query syntax: it is cut to
/// <see cref="MaxChars"/>, split into words by the culture's plain analysis and each word turned into clauses built here
/// (its stems in title ≫ summary &gt; body, typo tolerance on the plain copies for longer words, a prefix for the word
/// being typed). Every word must match; BM25 ranks. The calendar's words filter (<see cref="IEventTextSearch"/>) is the
/// same query over events.
/// </summary>
public sealed class SiteSearch(SearchIndex index, SearchIndexer indexer, ISearchAnalyzers analyzers, ILogger<SiteSearch> logger, SiteMetrics metrics)
    : IEventTextSearch
{
    public const int MaxChars = 200;
    public const int MaxWords = 12;
    public const int MaxPage = 100;
    private const int SnippetChars = 160;

    private const float TitleBoost = 8f;
    private const float SummaryBoost = 3f;
    private const float BodyBoost = 1f;
    private const float FuzzyFactor = 0.4f;

    /// <summary>Whether there is an index to answer from (false until the first build is done).</summary>
    public bool CanSearch => index.CanSearch;

    /// <summary>A page of results for the query.</summary>
    public SearchResults Search(SearchQuery query)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return SearchNow(query);
        }
        finally
        {
            metrics.SearchAnswered(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    private SearchResults SearchNow(SearchQuery query)
    {
        var culture = Culture(query.Culture);
        var (text, cut) = Cut(query.Words);
        var pageSize = Math.Clamp(query.PageSize, 1, 50);
        var page = Math.Clamp(query.Page, 1, MaxPage);
        var words = Words(culture, text);
        if (Build(culture, words, prefixLast: false) is null)
        {
            return new SearchResults(SearchOutcome.NoWords, [], 0, page, pageSize, text, cut, index.IsRebuilding);
        }

        return WithSearcher(searcher =>
        {
            var top = searcher.Search(Build(culture, words, prefixLast: false, searcher.IndexReader)!, Filter(culture, query), page * pageSize);
            var hits = new List<SearchHit>(pageSize);
            var highlight = HighlightQuery(culture, words);
            foreach (var scoreDoc in top.ScoreDocs.Skip((page - 1) * pageSize))
            {
                hits.Add(Hit(searcher, scoreDoc.Doc, culture, highlight));
            }

            return new SearchResults(SearchOutcome.Searched, hits, top.TotalHits, page, pageSize, text, cut, index.IsRebuilding);
        }, () => new SearchResults(SearchOutcome.Rebuilding, [], 0, page, pageSize, text, cut, true));
    }

    /// <summary>Titles for what a visitor is typing: every word but the last matched as in a search, the last as a prefix.</summary>
    public IReadOnlyList<SearchSuggestion> Suggest(string culture, string? words, int max = 8)
    {
        culture = Culture(culture);
        var (text, _) = Cut(words);
        var typed = Words(culture, text);
        if (Build(culture, typed, prefixLast: true) is null)
        {
            return [];
        }

        return WithSearcher<IReadOnlyList<SearchSuggestion>>(searcher =>
        {
            var top = searcher.Search(Build(culture, typed, prefixLast: true, searcher.IndexReader)!, Filter(culture, new SearchQuery(culture, text)), Math.Clamp(max, 1, 20));
            return top.ScoreDocs.Select(d => searcher.Doc(d.Doc))
                .Select(d => new SearchSuggestion(d.Get(SearchFields.Title), d.Get(SearchFields.Url), d.Get(SearchFields.Kind)))
                .ToList();
        }, () => []);
    }

    /// <summary>The calendar's words filter: the keys of the culture's events that match every word.</summary>
    public EventTextMatches Match(string culture, string words)
    {
        culture = Culture(culture);
        var (text, _) = Cut(words);
        var typed = Words(culture, text);
        if (Build(culture, typed, prefixLast: false) is null)
        {
            return EventTextMatches.Everything;
        }

        return WithSearcher(searcher =>
        {
            var keys = new KeyCollector();
            searcher.Search(Build(culture, typed, prefixLast: false, searcher.IndexReader)!, Filter(culture, new SearchQuery(culture, text) { Kind = SearchKinds.Event }), keys);
            return new EventTextMatches(keys.Keys, false);
        }, () => EventTextMatches.Rebuilding);
    }

    /// <summary>
    /// The keys of the culture's documents that match every word, most relevant first (the Delivery API's <c>q</c>); at most
    /// <paramref name="max"/>; null while the index is being rebuilt.
    /// </summary>
    public IReadOnlyList<Guid>? Ranked(string culture, string words, int max = 5000)
    {
        culture = Culture(culture);
        var (text, _) = Cut(words);
        var typed = Words(culture, text);
        if (Build(culture, typed, prefixLast: false) is null)
        {
            return [];
        }

        return WithSearcher<IReadOnlyList<Guid>?>(searcher =>
        {
            var top = searcher.Search(Build(culture, typed, prefixLast: false, searcher.IndexReader)!, Filter(culture, new SearchQuery(culture, text)),
                Math.Clamp(max, 1, Math.Max(1, searcher.IndexReader.MaxDoc)));
            var keys = new List<Guid>(top.ScoreDocs.Length);
            var fields = new HashSet<string> { SearchFields.Key };
            foreach (var scoreDoc in top.ScoreDocs)
            {
                keys.Add(Guid.ParseExact(searcher.Doc(scoreDoc.Doc, fields).Get(SearchFields.Key), "N"));
            }

            return keys;
        }, () => null);
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> search, Func<T> rebuilding)
    {
        var searcher = index.Acquire();
        if (searcher is null)
        {
            return rebuilding();
        }

        try
        {
            return search(searcher);
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException)
        {
            // A damaged or vanished file: answer as during a rebuild, and rebuild.
            logger.LogError(error, "Searching the index failed; it will be rebuilt");
            indexer.RequestRebuild();
            return rebuilding();
        }
        finally
        {
            index.Release(searcher);
        }
    }

    private static string Culture(string culture) => culture == "uk" ? "uk" : "en";

    /// <summary>The visitor's text, cut at <see cref="MaxChars"/> characters (and whether it was).</summary>
    private static (string Text, bool Cut) Cut(string? words)
    {
        var text = (words ?? "").Trim();
        if (text.Length <= MaxChars)
        {
            return (text, false);
        }

        var cut = text[..MaxChars];
        if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        return (cut, true);
    }

    /// <summary>The visitor's words as the culture's plain analysis splits them, each with its stems (none for a stop word).</summary>
    private List<Word> Words(string culture, string text)
    {
        var words = new List<Word>();
        if (text.Length == 0)
        {
            return words;
        }

        foreach (var plain in Tokens(analyzers.Plain(culture), SearchFields.TitlePlain, text).Distinct(StringComparer.Ordinal).Take(MaxWords))
        {
            words.Add(new Word(plain, Tokens(analyzers.For(culture), SearchFields.Title, plain)));
        }

        return words;
    }

    private static List<string> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    /// <summary>
    /// Every word must match (by a stem, a near spelling, or as the prefix being typed); null when no word can. With the
    /// index's reader, near spellings are looked for only for a word whose stems the index does not hold (a typo): fuzzy
    /// matching walks the terms and costs more than the rest of a query.
    /// </summary>
    private static BooleanQuery? Build(string culture, List<Word> words, bool prefixLast, IndexReader? reader = null)
    {
        var query = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var prefix = prefixLast && i == words.Count - 1;
            var clause = new BooleanQuery(disableCoord: true);
            foreach (var stem in word.Stems.Distinct(StringComparer.Ordinal))
            {
                clause.Add(Boosted(new TermQuery(new Term(SearchFields.Title, stem)), TitleBoost), Occur.SHOULD);
                clause.Add(Boosted(new TermQuery(new Term(SearchFields.Summary, stem)), SummaryBoost), Occur.SHOULD);
                clause.Add(Boosted(new TermQuery(new Term(SearchFields.Body, stem)), BodyBoost), Occur.SHOULD);
            }

            if (MaxEdits(word.Plain) is > 0 and var edits && (word.Stems.Count > 0 || prefix) && (reader is null || !Known(reader, word)))
            {
                clause.Add(Boosted(new FuzzyQuery(new Term(SearchFields.TitlePlain, word.Plain), edits, 1), TitleBoost * FuzzyFactor), Occur.SHOULD);
                clause.Add(Boosted(new FuzzyQuery(new Term(SearchFields.SummaryPlain, word.Plain), edits, 1), SummaryBoost * FuzzyFactor), Occur.SHOULD);
            }

            if (prefix && LetterCount(word.Plain) >= 2)
            {
                clause.Add(Boosted(new PrefixQuery(new Term(SearchFields.TitlePlain, word.Plain)), TitleBoost), Occur.SHOULD);
                clause.Add(Boosted(new PrefixQuery(new Term(SearchFields.SummaryPlain, word.Plain)), SummaryBoost * FuzzyFactor), Occur.SHOULD);
            }

            if (clause.Clauses.Count > 0)
            {
                query.Add(clause, Occur.MUST);
            }
        }

        return query.Clauses.Count > 0 ? query : null;
    }

    /// <summary>Whether the index holds any of the word's stems in any analysed field.</summary>
    private static bool Known(IndexReader reader, Word word) =>
        word.Stems.Any(stem => SearchFields.Analysed.Any(field => reader.DocFreq(new Term(field, stem)) > 0));

    /// <summary>Typo tolerance: one edit for words of 5 letters or more, two from 8.</summary>
    private static int MaxEdits(string word) => LetterCount(word) switch
    {
        >= 8 => 2,
        >= 5 => 1,
        _ => 0,
    };

    private static int LetterCount(string word) => word.Count(char.IsLetter);

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    private static QueryWrapperFilter Filter(string culture, SearchQuery query)
    {
        var filter = new BooleanQuery
        {
            { new TermQuery(new Term(SearchFields.Culture, culture)), Occur.MUST },
        };
        if (SearchKinds.IsKnown(query.Kind))
        {
            filter.Add(new TermQuery(new Term(SearchFields.Kind, query.Kind)), Occur.MUST);
        }

        if (query.From is { } from)
        {
            filter.Add(NumericRangeQuery.NewInt64Range(SearchFields.End, from.ToUnixTimeMilliseconds(), null, true, true), Occur.MUST);
        }

        if (query.To is { } to)
        {
            filter.Add(NumericRangeQuery.NewInt64Range(SearchFields.Start, null, to.ToUnixTimeMilliseconds(), true, false), Occur.MUST);
        }

        if (!string.IsNullOrWhiteSpace(query.EventType))
        {
            filter.Add(new TermQuery(new Term(SearchFields.EventType, query.EventType.Trim())), Occur.MUST);
        }

        if (!string.IsNullOrWhiteSpace(query.City))
        {
            filter.Add(new TermQuery(new Term(SearchFields.City, SearchFields.NormaliseCity(query.City))), Occur.MUST);
        }

        if (query.Online is { } online)
        {
            filter.Add(new TermQuery(new Term(SearchFields.Online, online ? "1" : "0")), Occur.MUST);
        }

        return new QueryWrapperFilter(filter);
    }

    /// <summary>What the snippet marks: the words' stems in the analysed text, and their near spellings for longer words.</summary>
    private static Func<string, Query> HighlightQuery(string culture, List<Word> words) => field =>
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var word in words)
        {
            foreach (var stem in word.Stems.Distinct(StringComparer.Ordinal))
            {
                query.Add(new TermQuery(new Term(field, stem)), Occur.SHOULD);
            }
        }

        return query;
    };

    private SearchHit Hit(IndexSearcher searcher, int docId, string culture, Func<string, Query> highlight)
    {
        var doc = searcher.Doc(docId);
        var key = Guid.ParseExact(doc.Get(SearchFields.Key), "N");
        var date = DateTimeOffset.FromUnixTimeMilliseconds(doc.GetField(SearchFields.Date)?.GetInt64Value() ?? 0);
        var summary = doc.Get(SearchFields.Summary) ?? "";
        var body = doc.Get(SearchFields.Body) ?? "";
        var snippet = Highlight(searcher, docId, culture, SearchFields.Summary, summary, highlight)
            ?? Highlight(searcher, docId, culture, SearchFields.Body, body, highlight)
            ?? WebUtility.HtmlEncode(Shorten(summary.Length > 0 ? summary : body));
        return new SearchHit(key, doc.Get(SearchFields.Kind), doc.Get(SearchFields.Title), doc.Get(SearchFields.Url), date, snippet);
    }

    private string? Highlight(IndexSearcher searcher, int docId, string culture, string field, string text, Func<string, Query> highlight)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var query = highlight(field);
        if (searcher.IndexReader.GetTermVector(docId, field) is not null)
        {
            // The fast highlighter reads the term vectors' positions and offsets: no second analysis, no walk over every token.
            var fragments = Vectors.GetBestFragments(Vectors.GetFieldQuery(query, searcher.IndexReader), searcher.IndexReader, docId, field,
                SnippetChars, 2, new SimpleFragListBuilder(), new ScoreOrderFragmentsBuilder(), ["<mark>"], ["</mark>"], TextEncoder.Instance);
            return fragments is not { Length: > 0 } ? null : string.Join(" … ", fragments.Select(f => f.Trim()));
        }

        // An index without term vectors for the field (none today): analyse the text again.
        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), TextEncoder.Instance, scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, SnippetChars),
            MaxDocCharsToAnalyze = 50_000,
        };
        using var tokens = analyzers.For(culture).GetTokenStream(field, text);
        var found = highlighter.GetBestFragments(tokens, text, 2);
        return found.Length == 0 ? null : string.Join(" … ", found.Select(f => f.Trim()));
    }

    private static readonly FastVectorHighlighter Vectors = new(phraseHighlight: false, fieldMatch: true);

    private static string Shorten(string text)
    {
        if (text.Length <= SnippetChars * 2)
        {
            return text;
        }

        var end = text.LastIndexOf(' ', SnippetChars * 2);
        return text[..(end > SnippetChars ? end : SnippetChars * 2)] + " …";
    }

    private sealed record Word(string Plain, List<string> Stems);

    /// <summary>Encodes the snippet's text for HTML, leaving Cyrillic as it is (Lucene's own encoder writes it as entities).</summary>
    private sealed class TextEncoder : IEncoder
    {
        public static readonly TextEncoder Instance = new();

        private static readonly System.Text.Encodings.Web.HtmlEncoder Html =
            System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

        public string EncodeText(string originalText) => Html.Encode(originalText);
    }

    /// <summary>Collects the document keys of every hit from their doc values (no stored fields read).</summary>
    private sealed class KeyCollector : ICollector
    {
        private readonly BytesRef _bytes = new();
        private BinaryDocValues? _keys;

        public HashSet<Guid> Keys { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _keys = context.AtomicReader.GetBinaryDocValues(SearchFields.KeyValues);

        public void Collect(int doc)
        {
            if (_keys is null)
            {
                return;
            }

            _keys.Get(doc, _bytes);
            if (_bytes.Length == 16)
            {
                Keys.Add(new Guid(new ReadOnlySpan<byte>(_bytes.Bytes, _bytes.Offset, 16)));
            }
        }
    }
}
