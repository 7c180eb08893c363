using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Hunspell;
using Lucene.Net.Analysis.TokenAttributes;

namespace MayorsClub.Core.Search.Analysis;

/// <summary>
/// Stems lower-cased Ukrainian words with the Hunspell dictionary (through Lucene's <see cref="HunspellStemFilter"/>)
/// and the light suffix stemmer, as <see cref="UkrainianStemming"/> says. Several stems of one word are emitted at
/// the same position. Words marked as keywords pass unchanged.
/// </summary>
public sealed class UkrainianStemFilter : TokenFilter
{
    /// <summary>
    /// How many words' dictionary stems are remembered per dictionary. Lucene.Net's Hunspell stemmer takes tens of
    /// microseconds a word (some 30,000 words a second on this project's machine), too slow for rebuilding an index of
    /// thousands of documents; the words of a site repeat, so remembered stems make it about as fast as the light stemmer.
    /// 100,000 words take some 18 MB.
    /// </summary>
    public const int RememberedWords = 100_000;

    private static readonly ConditionalWeakTable<Dictionary, ConcurrentDictionary<string, string[]>> AllStems = new();
    private static readonly ConditionalWeakTable<Dictionary, ConcurrentDictionary<string, string[]>> LongestStems = new();

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;
    private readonly IPositionIncrementAttribute _position;
    private readonly UkrainianStemming _stemming;
    private readonly OneWord? _word;
    private readonly TokenStream? _hunspell;
    private readonly ICharTermAttribute? _hunspellTerm;
    private readonly ConcurrentDictionary<string, string[]>? _remembered;
    private readonly List<string> _pending = [];
    private State? _state;

    public UkrainianStemFilter(TokenStream input, UkrainianStemming stemming, Dictionary? dictionary, bool longestStemOnly = false)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _stemming = dictionary is null && stemming >= UkrainianStemming.Dictionary ? UkrainianStemming.Light : stemming;
        if (dictionary is not null && _stemming >= UkrainianStemming.Dictionary)
        {
            // The dictionary's stemmer is internal to Lucene: it is reached through its filter over a one-word stream.
            _word = new OneWord();
            _hunspell = new HunspellStemFilter(_word, dictionary, dedup: true, longestOnly: longestStemOnly);
            _hunspellTerm = _hunspell.GetAttribute<ICharTermAttribute>();
            _remembered = (longestStemOnly ? LongestStems : AllStems).GetValue(dictionary, _ => new ConcurrentDictionary<string, string[]>(StringComparer.Ordinal));
        }
    }

    public override bool IncrementToken()
    {
        if (_pending.Count > 0)
        {
            RestoreState(_state);
            _term.SetEmpty().Append(_pending[0]);
            _pending.RemoveAt(0);
            _position.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_keyword.IsKeyword || _stemming == UkrainianStemming.Exact)
        {
            return true;
        }

        var word = _term.ToString();
        var stems = Stems(word);
        _term.SetEmpty().Append(stems[0]);
        if (stems.Count > 1)
        {
            _pending.AddRange(stems.Skip(1));
            _state = CaptureState();
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _state = null;
    }

    private List<string> Stems(string word)
    {
        var light = UkrainianLightStemmer.Stem(word);
        if (_stemming == UkrainianStemming.Light)
        {
            return [light];
        }

        var stems = new List<string>(DictionaryStems(word));
        var onlyItself = stems.Count == 1 && stems[0] == word; // unknown to the dictionary, or already its dictionary form
        if (_stemming == UkrainianStemming.DictionaryAndLight || (_stemming == UkrainianStemming.DictionaryThenLight && onlyItself))
        {
            if (!stems.Contains(light))
            {
                stems.Add(light);
            }
        }

        return stems;
    }

    private string[] DictionaryStems(string word)
    {
        if (_remembered!.TryGetValue(word, out var remembered))
        {
            return remembered;
        }

        var stems = new List<string>(2);
        _word!.Set(word);
        _hunspell!.Reset();
        while (_hunspell.IncrementToken())
        {
            var stem = _hunspellTerm!.ToString();
            if (!stems.Contains(stem))
            {
                stems.Add(stem);
            }
        }

        _hunspell.End();
        string[] found = stems.Count == 0 ? [word] : [.. stems];
        if (_remembered.Count >= RememberedWords)
        {
            _remembered.Clear(); // crude, but bounded: a flood of made-up words cannot keep the site's words out for good
        }

        _remembered.TryAdd(word, found);

        return found;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hunspell?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A token stream of one word, fed again for each word.</summary>
    private sealed class OneWord : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private string _word = "";
        private bool _done;

        public OneWord() => _term = AddAttribute<ICharTermAttribute>();

        public void Set(string word) => _word = word;

        public override bool IncrementToken()
        {
            if (_done)
            {
                return false;
            }

            ClearAttributes();
            _term.SetEmpty().Append(_word);
            _done = true;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _done = false;
        }
    }
}
