using System.Text;
using System.Text.Json;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using static MayorsClub.Core.Publishing.PublishedSnapshotBuilder;

namespace MayorsClub.Tests.Unit;

/// <summary>
/// Applying a change to a snapshot (what the change feed does after each publish) gives the same snapshot as building
/// it from all the rows again, and costs what the change touches, not what the site holds.
/// </summary>
public sealed class PublishedSnapshotApplyTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 2, 0, 0, DateTimeKind.Utc);
    private static readonly JsonElement NoValues = Parse("{}");

    /// <summary>Dated values (news, sessions, events): few dates, so that ties are broken by the tree order.</summary>
    private static readonly JsonElement[] Dated =
    [
        .. new[] { "2026-05-11", "2026-05-12", "2026-05-13" }.Select(date => Parse(new ContentValues { Invariant = { [NewsArticle.Date] = date } }.ToJson())),
        .. new[] { 10, 11 }.Select(day => Parse(new ContentValues
        {
            Invariant =
            {
                [ExpertSession.Date] = ZonedValue.Create(new NodaTime.LocalDateTime(2026, 12, day, 10, 0), "Europe/Kyiv"),
                [Event.Start] = ZonedValue.Create(new NodaTime.LocalDateTime(2026, 12, day, 10, 0), "Europe/Kyiv"),
            },
        }.ToJson())),
    ];
    private static readonly string[] Languages = [Cultures.Ukrainian, Cultures.English];
    private readonly DocumentTypeRegistry _types = new();

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void ApplyingRandomChangesOneByOne_GivesWhatAFullBuildGives(int seed)
    {
        var site = new RandomSite(seed);
        var snapshot = Build(site.Published, _types, 1, Now);
        var operations = new Dictionary<string, int>();
        var reachable = 0;
        var carried = 0;
        for (var step = 0; step < 400; step++)
        {
            var change = site.NextChange();
            operations[change.Name] = operations.GetValueOrDefault(change.Name) + 1;
            snapshot = Apply(snapshot, change.Changed, change.Removed, media: null, _types, step + 2, Now);
            carried += snapshot.OrderedLists > 0 ? 1 : 0;
            var full = Build(site.Published, _types, step + 2, Now);

            reachable += full.All.Count;
            var expected = Describe(full, site.AllIds);
            var actual = Describe(snapshot, site.AllIds);
            if (actual != expected)
            {
                Assert.Fail($"step {step} ({change.Name}) with seed {seed}: the applied snapshot differs from a full build\n"
                    + FirstDifference(expected, actual));
            }
        }

        TestContext.Out.WriteLine(string.Join(", ", operations.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")) + $"; {reachable / 400} documents on average; lists carried over after {carried} changes");
        Assert.That(operations.Keys, Is.SupersetOf(new[] { "publish culture", "unpublish culture", "rename parent", "move subtree", "sort", "trash", "add" }));
        Assert.That(carried, Is.GreaterThan(50), "changes after which the ordered lists were carried over rather than sorted again");
        Assert.That(reachable / 400, Is.GreaterThan(15), "the site did not wither away: on average it had this many documents");
    }

    [Test]
    public void ApplyingAOneDocumentChange_MakesAsManyDocumentsOnASiteOf10000AsOnASiteOf100()
    {
        Assert.That(DocumentsMadeByEditingOneArticle(articles: 100), Is.EqualTo(1));
        Assert.That(DocumentsMadeByEditingOneArticle(articles: 10_000), Is.EqualTo(1));
    }

    [Test]
    public void RenamingAList_MakesItsArticlesAgain_AndNothingElse()
    {
        var (snapshot, rows) = NewsSite(articles: 10_000, lists: 100);
        var list = rows.Single(r => r.Id == 1000 + 7);
        var renamed = list with { Version = list.Version + 1, Cultures = [new CultureRow("uk", "Інша назва", "insha-nazva", Now)] };

        var before = PublishedDocument.CreatedOnThisThread;
        var next = Apply(snapshot, [renamed], [], null, _types, 2, Now);
        var made = PublishedDocument.CreatedOnThisThread - before;

        Assert.That(made, Is.EqualTo(1 + 100), "the list and its 100 articles");
        Assert.That(next.Children(next.Get(renamed.Id)!).Select(a => a.Url("uk")), Has.All.StartWith("/uk/novyny/insha-nazva/"));
        Assert.That(next.GetByUrl("uk", "/uk/novyny/spysok-7/"), Is.Null);
        Assert.That(next.Get(20_000), Is.SameAs(snapshot.Get(20_000)), "an article of another list is shared, not copied");
    }

    [Test]
    public void RemovingAList_LeavesItsArticlesOut_AndPublishingItAgainBringsThemBack()
    {
        var (snapshot, rows) = NewsSite(articles: 1_000, lists: 10);
        var list = rows.Single(r => r.Id == 1000 + 3);
        var article = snapshot.Children(snapshot.Get(list.Id)!)[0];

        var without = Apply(snapshot, [], [list.Id], null, _types, 2, Now);
        Assert.That(without.Get(article.Id), Is.Null);
        Assert.That(without.GetByUrl("uk", article.Url("uk")!), Is.Null);

        var again = Apply(without, [list with { Version = list.Version + 1 }], [], null, _types, 3, Now);
        Assert.That(again.Get(article.Id)?.Url("uk"), Is.EqualTo(article.Url("uk")));
        Assert.That(again.GetByUrl("uk", article.Url("uk")!)?.Id, Is.EqualTo(article.Id));
    }

    private int DocumentsMadeByEditingOneArticle(int articles)
    {
        var (snapshot, rows) = NewsSite(articles, lists: 10);
        var article = rows[^1];
        var edited = article with { Version = article.Version + 1, Cultures = [.. article.Cultures, new CultureRow("en", "News", $"news-{article.Id}", Now)] };

        var before = PublishedDocument.CreatedOnThisThread;
        var next = Apply(snapshot, [edited], [], null, _types, 2, Now);
        var made = PublishedDocument.CreatedOnThisThread - before;

        Assert.That(next.Get(article.Id)!.IsVisibleIn("en"), Is.True);
        Assert.That(next.GetByUrl("en", $"/en/news/list-{article.ParentId - 1000}/news-{article.Id}/")?.Id, Is.EqualTo(article.Id));
        Assert.That(next.Get(rows[^2].Id), Is.SameAs(snapshot.Get(rows[^2].Id)), "the other articles are shared");
        return made;
    }

    /// <summary>Home (1), news (2), lists (1001…), articles (20000…) spread over the lists.</summary>
    private (PublishedSnapshot Snapshot, List<DocumentRow> Rows) NewsSite(int articles, int lists)
    {
        var rows = new List<DocumentRow>
        {
            Row(1, null, Home.Alias, 0, ("uk", "holovna"), ("en", "home")),
            Row(2, 1, NewsIndex.Alias, 0, ("uk", "novyny"), ("en", "news")),
        };
        for (var i = 0; i < lists; i++)
        {
            rows.Add(Row(1000 + i, 2, NewsIndex.Alias, i, ("uk", $"spysok-{i}"), ("en", $"list-{i}")));
        }

        for (var i = 0; i < articles; i++)
        {
            rows.Add(Row(20_000 + i, 1000 + (i % lists), NewsArticle.Alias, i, ("uk", $"novyna-{i}")));
        }

        return (Build(rows, _types, 1, Now), rows);
    }

    private static DocumentRow Row(int id, int? parentId, string type, int sortOrder, params (string Culture, string Segment)[] cultures) =>
        new(id, Guid.NewGuid(), parentId, type, sortOrder, 0, Now, Now, 1, NoValues,
            cultures.Select(c => new CultureRow(c.Culture, c.Segment, c.Segment, Now)).ToList());

    /// <summary>
    /// Everything a reader can learn from the snapshot: every document depth first with its parent, cultures, names, URLs
    /// and children in order; the lookups by id and key for every document there ever was; every URL of both cultures.
    /// </summary>
    private static string Describe(PublishedSnapshot snapshot, IEnumerable<(int Id, Guid Key)> ids)
    {
        var text = new StringBuilder();
        text.AppendLine($"roots {string.Join(",", snapshot.Roots.Select(r => r.Id))}; home {snapshot.Home?.Id}; settings {snapshot.Settings?.Id}");
        foreach (var document in snapshot.All)
        {
            text.Append($"{document.Id} {document.Key} parent {document.ParentId}/{snapshot.Parent(document)?.Id} sort {document.SortOrder}:");
            foreach (var culture in document.Cultures.Values.OrderBy(c => c.Culture, StringComparer.Ordinal))
            {
                text.Append($" [{culture.Culture} {culture.Name} {culture.UrlSegment} {culture.Url} {culture.PublishedUtc:O}]");
            }

            text.AppendLine($" children {string.Join(",", snapshot.Children(document).Select(c => c.Id))}");
            foreach (var culture in Languages)
            {
                text.AppendLine($"  in {culture}: {string.Join(",", snapshot.For(Viewer.Anonymous).ChildrenIn(document, culture).Select(c => c.Id))}");
            }
        }

        foreach (var (id, key) in ids.OrderBy(i => i.Id))
        {
            text.AppendLine($"get {id}: {snapshot.Get(id)?.Id} {snapshot.Get(key)?.Id}, kept {snapshot.Documents.ContainsKey(id)}");
        }

        foreach (var culture in Languages)
        {
            foreach (var url in snapshot.ByUrl[culture].Keys.Order(StringComparer.Ordinal))
            {
                text.AppendLine($"url {culture} {url}: {snapshot.GetByUrl(culture, url)?.Id}");
            }

            foreach (var type in new[] { ContentPage.Alias, NewsArticle.Alias })
            {
                text.AppendLine($"{type} in {culture}: {string.Join(",", snapshot.OfType(type, culture).Select(d => d.Id))}");
            }

            // The ordered lists, carried over from one applied snapshot to the next where the change allows it.
            var view = snapshot.For(Viewer.Anonymous);
            text.AppendLine($"news in {culture}: {string.Join(",", view.NewsNewestFirst(culture).Select(d => d.Id))}");
            text.AppendLine($"sessions in {culture}: {string.Join(",", view.ExpertSessionsNewestFirst(culture).Select(d => d.Id))}");
            text.AppendLine($"events in {culture}: {string.Join(",", view.UpcomingEvents(culture, NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0)).Select(d => d.Id))}");
        }

        return text.ToString();
    }

    private static string FirstDifference(string expected, string actual)
    {
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            if (i >= e.Length || i >= a.Length || e[i] != a[i])
            {
                return $"line {i}\nfull build: {(i < e.Length ? e[i] : "(end)")}\napplied:    {(i < a.Length ? a[i] : "(end)")}";
            }
        }

        return "";
    }

    private sealed record Change(string Name, List<DocumentRow> Changed, List<int> Removed);

    /// <summary>
    /// A site as the database holds it: every document (published or not) and which are published, changed at random the
    /// way editors change it. Each change says which rows the change feed would hand the snapshot: the published rows
    /// it names (for a move, at random the subtree too) and the ids no longer published.
    /// </summary>
    private sealed class RandomSite
    {
        private readonly Random _random;
        private readonly Dictionary<int, DocumentRow> _documents = [];
        private readonly HashSet<int> _published = [];
        private const int HomeId = 1;
        private int _nextId = HomeId;
        private int _nextSegment;

        public RandomSite(int seed)
        {
            _random = new Random(seed);
            var home = Add(null, Home.Alias, Languages);
            Add(null, SiteSettings.Alias, Languages);
            for (var i = 0; i < 5; i++)
            {
                var section = Add(home, i == 0 ? NewsIndex.Alias : ContentPage.Alias, Pick());
                for (var j = 0; j < 8; j++)
                {
                    var child = Add(section, i == 0 ? NewsArticle.Alias : ContentPage.Alias, Pick());
                    if (i > 0 && j < 2)
                    {
                        Add(child, ContentPage.Alias, Pick());
                    }
                }
            }
        }

        public List<DocumentRow> Published => _published.Select(id => _documents[id]).ToList();

        public IEnumerable<(int Id, Guid Key)> AllIds => _documents.Values.Select(d => (d.Id, d.Key));

        public Change NextChange()
        {
            if (_published.Count == 0)
            {
                return Publish("add", Any());
            }

            switch (_random.Next(8))
            {
                case 0:
                {
                    var row = Any();
                    var missing = Languages.Where(l => row.Cultures.All(c => c.Culture != l)).ToList();
                    if (missing.Count == 0 && _published.Contains(row.Id))
                    {
                        goto case 1;
                    }

                    var cultures = missing.Count == 0 ? row.Cultures : [.. row.Cultures, Culture(missing[_random.Next(missing.Count)])];
                    return Publish("publish culture", row with { Cultures = cultures });
                }

                case 1:
                {
                    var row = AnyPublished(butHome: true);
                    var drop = _random.Next(Math.Max(1, row.Cultures.Count));
                    var cultures = row.Cultures.Where((_, i) => i != drop).ToList();
                    return cultures.Count == 0 ? Unpublish("unpublish culture", row.Id) : Publish("unpublish culture", row with { Cultures = cultures });
                }

                case 2:
                {
                    var parents = _published.Where(id => _documents.Values.Any(d => d.ParentId == id)).ToList();
                    var row = parents.Count > 0 ? _documents[parents[_random.Next(parents.Count)]] : AnyPublished();
                    var cultures = row.Cultures.Select(c => _random.Next(2) == 0 ? c with { UrlSegment = $"renamed-{_nextSegment++}" } : c).ToList();
                    return Publish("rename parent", row with { Cultures = cultures });
                }

                case 3:
                {
                    var row = AnyPublished(butHome: true);
                    var subtree = Subtree(row.Id);
                    // Mostly under a published document; now and then to the top, or under one that is not published.
                    var parents = _documents.Keys.Where(id => !subtree.Contains(id) && (_published.Contains(id) || _random.Next(10) == 0))
                        .Select(id => (int?)id).ToList();
                    var moved = row with { ParentId = parents.Count == 0 || _random.Next(20) == 0 ? null : parents[_random.Next(parents.Count)], Version = row.Version + 1 };
                    _documents[row.Id] = moved;
                    var changed = new List<DocumentRow> { moved };
                    if (_random.Next(2) == 0)
                    {
                        changed.AddRange(subtree.Where(id => id != row.Id && _published.Contains(id)).Select(id => _documents[id]));
                    }

                    return new Change("move subtree", changed, []);
                }

                case 4:
                {
                    var parent = _random.Next(4) == 0 ? (int?)null : AnyPublished().ParentId;
                    var children = _documents.Values.Where(d => d.ParentId == parent).Select(d => d.Id).OrderBy(_ => _random.Next()).ToList();
                    var changed = new List<DocumentRow>();
                    for (var i = 0; i < children.Count; i++)
                    {
                        // Ties too: the order is then by id.
                        var row = _documents[children[i]] with { SortOrder = _random.Next(3) == 0 ? 0 : i };
                        _documents[row.Id] = row;
                        if (_published.Contains(row.Id))
                        {
                            changed.Add(row);
                        }
                    }

                    return new Change("sort", changed, []);
                }

                case 5:
                {
                    var row = AnyPublished(butHome: true);
                    var removed = _random.Next(4) == 0 ? Subtree(row.Id).Where(_published.Contains).ToList() : [row.Id];
                    _published.ExceptWith(removed);
                    return new Change("trash", [], removed);
                }

                default:
                {
                    if (_random.Next(3) == 0 && _documents.Keys.Where(id => !_published.Contains(id)).ToList() is { Count: > 0 } unpublished)
                    {
                        var again = _documents[unpublished[_random.Next(unpublished.Count)]];
                        return Publish("add", again with { Cultures = again.Cultures.Count > 0 ? again.Cultures : [Culture("uk")] });
                    }

                    var parent = _random.Next(10) == 0 ? (int?)_nextId + 1000 : Any().Id;
                    var id = Add(parent, _random.Next(4) switch { 0 => ContentPage.Alias, 1 => ExpertSession.Alias, 2 => Event.Alias, _ => NewsArticle.Alias }, Pick());
                    return new Change("add", [_documents[id]], []);
                }
            }
        }

        private Change Publish(string name, DocumentRow row)
        {
            row = row with { Version = row.Version + 1 };
            _documents[row.Id] = row;
            _published.Add(row.Id);
            return new Change(name, [row], []);
        }

        private Change Unpublish(string name, int id)
        {
            _published.Remove(id);
            return new Change(name, [], [id]);
        }

        private HashSet<int> Subtree(int id)
        {
            var subtree = new HashSet<int> { id };
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var document in _documents.Values)
                {
                    if (document.ParentId is { } parent && subtree.Contains(parent) && subtree.Add(document.Id))
                    {
                        grew = true;
                    }
                }
            }

            return subtree;
        }

        private DocumentRow Any() => _documents.Values.ElementAt(_random.Next(_documents.Count));

        /// <param name="butHome">Leave the home page alone (moved away or trashed, it would take the whole site with it).</param>
        private DocumentRow AnyPublished(bool butHome = false)
        {
            var candidates = _published.Where(id => !butHome || id != HomeId).ToList();
            return candidates.Count == 0 ? Any() : _documents[candidates[_random.Next(candidates.Count)]];
        }

        private string[] Pick() => _random.Next(4) switch
        {
            0 => ["uk"],
            1 => ["en"],
            _ => Languages,
        };

        private CultureRow Culture(string culture)
        {
            var segment = $"s{_nextSegment++}";
            return new CultureRow(culture, $"{culture} {segment}", segment, Now.AddMinutes(_random.Next(3)));
        }

        private int Add(int? parent, string type, IEnumerable<string> cultures)
        {
            var id = _nextId++;
            var values = type is NewsArticle.Alias or ExpertSession.Alias or Event.Alias && _random.Next(5) > 0 ? Dated[_random.Next(Dated.Length)] : NoValues;
            _documents[id] = new DocumentRow(id, Guid.NewGuid(), parent, type, _random.Next(20), 0, Now, Now, 1, values,
                cultures.Select(Culture).ToList());
            _published.Add(id);
            return id;
        }
    }
}
