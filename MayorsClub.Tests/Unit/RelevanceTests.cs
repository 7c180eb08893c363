using System.Diagnostics;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using MayorsClub.Core.Search.Analysis;
using MayorsClub.Core.Setup;
using Microsoft.Extensions.Logging.Abstractions;

namespace MayorsClub.Tests.Unit;

/// <summary>
/// The Ukrainian relevance set (MayorsClub.Tests/Relevance/uk-relevance.json: short documents in the club's domain and
/// queries whose word forms differ from the documents') indexed with each way of stemming: each query is an OR of its
/// analysed terms, ranked by BM25; recall@10 and MRR@10 per configuration. The site's choice must be the best.
/// </summary>
[TestFixture]
public class RelevanceTests
{
    private const int Cutoff = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly (string Name, UkrainianStemming Stemming, bool LongestStemOnly)[] Configurations =
    [
        ("exact tokens (lower-cased)", UkrainianStemming.Exact, false),
        ("light stemmer alone", UkrainianStemming.Light, false),
        ("dictionary alone", UkrainianStemming.Dictionary, false),
        ("dictionary + light (all stems)", UkrainianStemming.DictionaryThenLight, false),
        ("dictionary + light (longest stem)", UkrainianStemming.DictionaryThenLight, true),
        ("dictionary and light always", UkrainianStemming.DictionaryAndLight, false),
    ];

    private RelevanceSet _set = null!;
    private readonly Dictionary<string, Outcome> _results = [];

    [OneTimeSetUp]
    public void Evaluate()
    {
        var path = Path.Combine(SitePaths.FindRoot(AppContext.BaseDirectory), "MayorsClub.Tests", "Relevance", "uk-relevance.json");
        _set = JsonSerializer.Deserialize<RelevanceSet>(File.ReadAllText(path), Json)!;

        var watch = Stopwatch.StartNew();
        var dictionary = UkrainianDictionary.For(UkrainianDictionary.DefaultFolder, NullLogger.Instance);
        TestContext.Progress.WriteLine($"dictionary ready in {watch.ElapsedMilliseconds} ms (loaded once per process; 0 if an earlier test loaded it)");
        Assert.That(dictionary, Is.Not.Null, "the build installs the Ukrainian dictionary beside the assemblies (dictionaries/uk)");

        foreach (var (name, stemming, longest) in Configurations)
        {
            using var analyzer = new UkrainianAnalyzer(stemming, () => dictionary, longest);
            _results[name] = Run(analyzer);
        }

        TestContext.Progress.WriteLine($"{_set.Documents.Count} documents, {_set.Queries.Count} queries ({DifferentForms().Count} share no word form with their relevant documents)");
        TestContext.Progress.WriteLine($"| configuration | recall@{Cutoff} | MRR@{Cutoff} | other documents matched |");
        TestContext.Progress.WriteLine("|---|---|---|---|");
        foreach (var (name, result) in _results)
        {
            TestContext.Progress.WriteLine($"| {name} | {result.Recall:0.000} | {result.Mrr:0.000} | {result.Noise:0.00} |");
        }

        foreach (var (name, result) in _results)
        {
            if (result.Missed.Count > 0 && result.Missed.Count < 10)
            {
                TestContext.Progress.WriteLine($"{name}: missed {string.Join(", ", result.Missed)}");
            }
        }
    }

    [Test]
    public void The_set_has_at_least_45_queries_whose_word_forms_differ_from_their_documents()
    {
        Assert.That(_set.Documents, Has.Count.GreaterThanOrEqualTo(60));
        Assert.That(DifferentForms(), Has.Count.GreaterThanOrEqualTo(45));
    }

    [Test]
    public void The_sites_stemming_finds_word_forms_far_better_than_exact_words()
    {
        var exact = _results["exact tokens (lower-cased)"].Recall;
        var site = _results["dictionary + light (all stems)"].Recall;
        Assert.That(SiteAnalyzers.Stemming, Is.EqualTo(UkrainianStemming.DictionaryThenLight));
        Assert.That(site - exact, Is.GreaterThanOrEqualTo(0.5), $"recall@{Cutoff}: exact {exact:0.000}, site {site:0.000}");
    }

    [Test]
    public void The_sites_stemming_is_the_best_of_those_measured()
    {
        var site = _results["dictionary + light (all stems)"];
        foreach (var (name, result) in _results)
        {
            Assert.That(site.Recall, Is.GreaterThanOrEqualTo(result.Recall), $"recall@{Cutoff} against {name}");
        }

        Assert.That(site.Recall, Is.GreaterThan(_results["light stemmer alone"].Recall), "the dictionary adds to the light stemmer");
        Assert.That(site.Recall, Is.GreaterThan(_results["dictionary alone"].Recall), "the light stemmer adds to the dictionary");
    }

    private Outcome Run(Analyzer analyzer)
    {
        using var directory = new RAMDirectory();
        var similarity = new BM25Similarity(); // Lucene 4.8's default is still TF-IDF: BM25 is set explicitly
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = similarity }))
        {
            foreach (var document in _set.Documents)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", document.Id, Field.Store.YES),
                    new TextField("text", document.Text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = similarity };
        double recall = 0, mrr = 0, noise = 0;
        var missed = new List<string>();
        foreach (var query in _set.Queries)
        {
            var or = new BooleanQuery();
            foreach (var term in SearchAnalysisTestKit.Terms(analyzer, query.Query))
            {
                or.Add(new TermQuery(new Term("text", term)), Occur.SHOULD);
            }

            var top = searcher.Search(or, Cutoff);
            var found = top.ScoreDocs.Select(hit => searcher.Doc(hit.Doc).Get("id")).ToList();
            var hits = query.Relevant.Count(found.Contains);
            noise += top.TotalHits - hits;
            recall += (double)hits / query.Relevant.Count;
            var first = found.FindIndex(query.Relevant.Contains);
            mrr += first < 0 ? 0 : 1.0 / (first + 1);
            if (hits < query.Relevant.Count)
            {
                missed.Add($"{query.Id} \"{query.Query}\" ({hits}/{query.Relevant.Count})");
            }
        }

        var count = _set.Queries.Count;
        return new Outcome(recall / count, mrr / count, noise / count, missed);
    }

    /// <summary>The queries none of whose lower-cased words appears as such in any of their relevant documents.</summary>
    private List<RelevanceQuery> DifferentForms()
    {
        using var exact = new UkrainianAnalyzer(UkrainianStemming.Exact, () => null);
        var words = _set.Documents.ToDictionary(d => d.Id, d => SearchAnalysisTestKit.Terms(exact, d.Text).ToHashSet());
        return _set.Queries
            .Where(q => !SearchAnalysisTestKit.Terms(exact, q.Query).Any(term => q.Relevant.Any(id => words[id].Contains(term))))
            .ToList();
    }

    /// <summary>recall@10, MRR@10, how many documents that do not answer the query it matches on average, and the queries with relevant documents missed.</summary>
    private sealed record Outcome(double Recall, double Mrr, double Noise, List<string> Missed);

    private sealed record RelevanceSet(List<RelevanceDocument> Documents, List<RelevanceQuery> Queries);

    private sealed record RelevanceDocument(string Id, string Text);

    private sealed record RelevanceQuery(string Id, string Query, List<string> Relevant);
}
