using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using MayorsClub.Core.Search.Analysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static MayorsClub.Tests.Unit.SearchAnalysisTestKit;

namespace MayorsClub.Tests.Unit;

/// <summary>The site's Ukrainian analyzer over real word families: every form of a word meets its others.</summary>
[TestFixture]
public class UkrainianAnalyzerTests
{
    private static Analyzer Ukrainian => Site.For("uk");

    [TestCase("громада", "громада", "громади", "громаді", "громаду", "громадою", "громадо", "громад", "громадам", "громадами", "громадах")]
    [TestCase("школа", "школа", "школи", "школі", "школу", "школою", "школо", "шкіл", "школам", "школами", "школах")]
    [TestCase("укриття", "укриття", "укриттю", "укриттям", "укритті", "укриттів", "укриттями", "укриттях")]
    [TestCase("село", "село", "села", "селу", "селом", "селі", "сіл", "селам", "селами", "селах")]
    public void Every_case_of_a_noun_singular_and_plural_gives_its_dictionary_form(string lemma, params string[] forms)
    {
        foreach (var form in forms)
        {
            Assert.That(Terms(Ukrainian, form), Does.Contain(lemma), form);
        }
    }

    [TestCase("розвивати", "розвивати", "розвиваю", "розвиває", "розвиваємо", "розвивають", "розвивав", "розвивала", "розвивали")]
    [TestCase("відновлювати", "відновлювати", "відновлює", "відновлюють", "відновлювали")]
    public void The_forms_of_a_verb_give_its_infinitive(string lemma, params string[] forms)
    {
        foreach (var form in forms)
        {
            Assert.That(Terms(Ukrainian, form), Does.Contain(lemma), form);
        }
    }

    [Test]
    public void The_forms_of_an_adjective_give_its_masculine_form()
    {
        foreach (var form in new[] { "український", "українська", "українське", "українські", "українського", "української", "українському", "українських", "українським", "українською" })
        {
            Assert.That(Terms(Ukrainian, form), Does.Contain("український"), form);
        }
    }

    [Test]
    public void A_query_in_other_word_forms_meets_the_text()
    {
        Assert.That(Terms(Ukrainian, "укриття у школі"), Is.SupersetOf(Terms(Ukrainian, "укриттів у школах")));
        Assert.That(Terms(Ukrainian, "громади"), Is.SubsetOf(Terms(Ukrainian, "громадам")).And.SubsetOf(Terms(Ukrainian, "громадою")));
    }

    [Test]
    public void Every_spelling_of_the_apostrophe_indexes_the_same_and_keeps_the_word_whole()
    {
        var typewriter = Terms(Ukrainian, "м'ята");
        Assert.That(typewriter, Does.Contain("м'ята"));
        foreach (var spelling in new[] { "м’ята", "мʼята", "м`ята", "М‘ЯТА" })
        {
            Assert.That(Terms(Ukrainian, spelling), Is.EqualTo(typewriter), spelling);
        }

        Assert.That(Terms(Ukrainian, "пам’яті"), Does.Contain("пам'ять"));
        Assert.That(Terms(Site.Plain("uk"), "об’єднання"), Is.EqualTo(new[] { "об'єднання" }));
    }

    [Test]
    public void Absurd_text_is_analysed_without_fuss()
    {
        Assert.That(Terms(Ukrainian, "title:( \"*?~^ ||| ::: ---"), Has.Count.EqualTo(1)); // "title"
        Assert.That(Terms(Ukrainian, new string('ж', 10_000)), Is.Empty); // over 255 letters is no word: the tokenizer skips it
        Assert.That(Terms(Ukrainian, string.Concat(Enumerable.Repeat("громадами ", 5_000))), Has.All.EqualTo("громада"));
    }

    [Test]
    public void Stress_marks_are_ignored()
    {
        Assert.That(Terms(Ukrainian, "укри\u0301ттів"), Is.EqualTo(Terms(Ukrainian, "укриттів")));
    }

    [Test]
    public void Every_term_points_at_the_words_as_written_for_highlighting()
    {
        const string text = "Мʼята у ШКОЛАХ";
        Assert.That(Sources(Ukrainian, text), Is.EqualTo(new[] { ("м'ята", "Мʼята"), ("м'ятий", "Мʼята"), ("школа", "ШКОЛАХ") }));
    }

    [Test]
    public void Ghe_with_upturn_stays_itself()
    {
        foreach (var form in new[] { "ґанок", "ґанку", "ґанком", "ґанки", "ґанків", "ҐАНОК" })
        {
            Assert.That(Terms(Ukrainian, form), Does.Contain("ґанок"), form);
        }

        foreach (var form in new[] { "Ґалаґан", "Ґалаґана", "Ґалаґанові", "ҐАЛАҐАНОМ" })
        {
            Assert.That(Terms(Ukrainian, form), Does.Contain("ґалаґан"), form);
        }

        Assert.That(Terms(Ukrainian, "ґрунт ґанок"), Has.None.Contains("г"));
    }

    [Test]
    public void Capitals_are_lower_cased()
    {
        Assert.That(Terms(Ukrainian, "ГРОМАДАМИ Житомирщини"), Is.EqualTo(Terms(Ukrainian, "громадами житомирщини")));
        Assert.That(Terms(Ukrainian, "Житомирщині"), Does.Contain("житомирщина"));
    }

    [Test]
    public void A_community_name_the_dictionary_does_not_know_still_meets_its_other_forms()
    {
        var forms = new[] { "Старосалтівська", "Старосалтівської", "Старосалтівській", "Старосалтівську", "Старосалтівською" };
        var shared = forms.Select(f => Terms(Ukrainian, f)).Aggregate((a, b) => a.Intersect(b).ToList());
        Assert.That(shared, Is.EqualTo(new[] { "старосалтівськ" }));

        Assert.That(Terms(Ukrainian, "Тростянеччини"), Does.Contain("тростянеччин"));
        Assert.That(Terms(Ukrainian, "Тростянеччина"), Does.Contain("тростянеччин"));
    }

    [Test]
    public void Stop_words_are_dropped_and_leave_their_positions()
    {
        Assert.That(Terms(Ukrainian, "вони та ми у школі, що на горі"), Does.Not.Contain("вони").And.Not.Contain("та").And.Not.Contain("у").And.Not.Contain("що").And.Not.Contain("на"));
        Assert.That(Tokens(Ukrainian, "укриттів у школі"), Is.EqualTo(new[] { ("укриття", 1), ("школа", 2) }));
    }

    [Test]
    public void Several_stems_of_one_word_stand_at_its_position()
    {
        var tokens = Tokens(Ukrainian, "української мови");
        Assert.That(tokens.Select(t => t.Term), Is.SupersetOf(new[] { "українська", "український", "мова" }));
        Assert.That(tokens.Count(t => t.Increment > 0), Is.EqualTo(2));
    }

    [Test]
    public void The_plain_analyzer_keeps_every_word_as_written_lower_cased()
    {
        Assert.That(Terms(Site.Plain("uk"), "Укриття у ШКОЛАХ Ґалаґана"), Is.EqualTo(new[] { "укриття", "у", "школах", "ґалаґана" }));
    }

    [Test]
    public void Without_the_dictionary_the_light_stemmer_works_alone_after_one_warning()
    {
        var empty = Directory.CreateTempSubdirectory("mayorsclub-no-dictionary-");
        var log = new WarningLog();
        try
        {
            var first = Build(empty.FullName, log).For("uk");
            var second = Build(empty.FullName, log).For("uk");
            Assert.That(Terms(first, "громадами у школах"), Is.EqualTo(new[] { "громад", "школ" }));
            Assert.That(Terms(second, "Громадою"), Is.EqualTo(new[] { "громад" }));
            Assert.That(log.Warnings, Has.Count.EqualTo(1));
            Assert.That(log.Warnings[0], Does.Contain(empty.FullName).And.Contain("light suffix stemmer alone"));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Test]
    public void The_dictionary_is_loaded_once_for_every_site_in_the_process()
    {
        var folder = UkrainianDictionary.DefaultFolder;
        Assert.That(UkrainianDictionary.For(folder, NullLogger.Instance), Is.Not.Null.And.SameAs(UkrainianDictionary.For(folder + "/", NullLogger.Instance)));
    }

    [TestCase("громадами", "громад")]
    [TestCase("громадою", "громад")]
    [TestCase("житомирщині", "житомирщин")]
    [TestCase("старосалтівського", "старосалтівськ")]
    [TestCase("енергоефективності", "енергоефективн")]
    [TestCase("енергоефективність", "енергоефективн")]
    [TestCase("бюджети", "бюджет")]
    [TestCase("депутатами", "депутат")]
    [TestCase("розвиваються", "розвив")]
    [TestCase("укриттями", "укритт")]
    [TestCase("ліс", "ліс")]
    [TestCase("села", "сел")]
    public void The_light_stemmer_strips_the_longest_ending_and_keeps_three_letters(string word, string stem)
    {
        Assert.That(UkrainianLightStemmer.Stem(word), Is.EqualTo(stem));
    }

    [Test]
    public void A_word_marked_as_keyword_is_not_stemmed()
    {
        var dictionary = UkrainianDictionary.For(UkrainianDictionary.DefaultFolder, NullLogger.Instance);
        var keywords = new CharArraySet(LuceneVersion.LUCENE_48, ["громадами"], ignoreCase: false);
        using var analyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new WhitespaceTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream stream = new SetKeywordMarkerFilter(source, keywords);
            stream = new UkrainianStemFilter(stream, UkrainianStemming.DictionaryThenLight, dictionary);
            return new TokenStreamComponents(source, stream);
        });

        Assert.That(Terms(analyzer, "громадами школами"), Is.EqualTo(new[] { "громадами", "школа" }));
    }

    /// <summary>The warnings written to a site's log.</summary>
    private sealed class WarningLog : ILogger<SiteAnalyzers>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
