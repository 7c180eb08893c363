using Lucene.Net.Analysis;
using static MayorsClub.Tests.Unit.SearchAnalysisTestKit;

namespace MayorsClub.Tests.Unit;

/// <summary>The site's English analyzer: Porter stems, possessives, English stop words.</summary>
[TestFixture]
public class EnglishAnalyzerTests
{
    private static Analyzer English => Site.For("en");

    [TestCase("community", "community", "communities")]
    [TestCase("shelter", "shelter", "shelters", "sheltered", "sheltering")]
    [TestCase("develop", "develop", "develops", "developed", "developing")]
    [TestCase("run", "run", "runs", "running")]
    public void Plural_and_verb_forms_meet(string word, params string[] forms)
    {
        var stem = Terms(English, word).Single();
        foreach (var form in forms)
        {
            Assert.That(Terms(English, form), Is.EqualTo(new[] { stem }), form);
        }
    }

    [Test]
    public void The_possessive_is_dropped_whatever_the_apostrophe()
    {
        var mayor = Terms(English, "mayor");
        Assert.That(Terms(English, "mayor's"), Is.EqualTo(mayor));
        Assert.That(Terms(English, "Mayor’s"), Is.EqualTo(mayor));
        Assert.That(Terms(English, "mayors"), Is.EqualTo(mayor));
    }

    [Test]
    public void Stop_words_are_dropped()
    {
        Assert.That(Terms(English, "The mayors of the cities and an association"), Is.EqualTo(new[] { "mayor", "citi", "associ" }));
    }

    [Test]
    public void Every_culture_but_Ukrainian_reads_English_and_the_plain_analyzer_keeps_stop_words()
    {
        Assert.That(Site.For("de"), Is.SameAs(English));
        Assert.That(Terms(Site.Plain("en"), "The Mayor’s shelters"), Is.EqualTo(new[] { "the", "mayor's", "shelters" }));
    }
}
