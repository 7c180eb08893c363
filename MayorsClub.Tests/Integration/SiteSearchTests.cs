using System.Diagnostics;
using System.Text.RegularExpressions;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Search;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The site search and the calendar's words filter over the index: what is published is found within a second, what is
/// taken off the site is gone, and the index survives a missing or damaged folder.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class SiteSearchTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private static readonly DateTimeZone Kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];

    private SiteSearch Search => Site.Services.GetRequiredService<SiteSearch>();

    private IEventTextSearch EventWords => Site.Services.GetRequiredService<IEventTextSearch>();

    [OneTimeSetUp]
    public async Task WaitForTheIndex() => await WaitForIndexAsync();

    [Test]
    public async Task APublishedArticle_IsFoundWithinASecond_AndIsGoneOnceUnpublished()
    {
        var word = MadeUpWord("сапфір");
        var article = await CreatedArticleAsync($"Громади обговорили {word}", $"Communities discussed {word}");

        // "громадам" (dative plural): a form the title ("Громади") does not hold.
        var elapsed = await PublishedAndFoundAsync(article.Key, "uk", $"громадам {word}");
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "found by a word form within a second of the publish returning");

        var hit = Search.Search(new SearchQuery("uk", word)).Hits.Single();
        Assert.Multiple(() =>
        {
            Assert.That(hit.Key, Is.EqualTo(article.Key));
            Assert.That(hit.Kind, Is.EqualTo(SearchKinds.News));
            Assert.That(hit.Url, Is.EqualTo(UrlOf(article.Key, "uk")));
            Assert.That(Search.Search(new SearchQuery("en", word)).Hits.Single().Url, Is.EqualTo(UrlOf(article.Key, "en")));
        });

        Assert.That((await UnpublishAsync(article.Key, "uk")).Succeeded, Is.True);
        await PollAsync(() => Search.Search(new SearchQuery("uk", word)).Total == 0, "unpublished in Ukrainian: gone from the Ukrainian search");
        Assert.That(Search.Search(new SearchQuery("en", word)).Total, Is.EqualTo(1), "still published in English");
    }

    [Test]
    public async Task TheCalendarsWordsFilter_AdmitsTheMatchingEventsOnly()
    {
        var word = MadeUpWord("смарагд");
        var matching = await PublishedEventAsync($"Форум {word}", "Форум громад про відбудову.");
        var other = await PublishedEventAsync(MadeUpWord("Конференція"), "Конференція про енергетику.");

        await PollAsync(() => EventWords.Match("uk", word).Admits(matching), "the event is matched");
        var matches = EventWords.Match("uk", $"форуму {word}");
        Assert.Multiple(() =>
        {
            Assert.That(matches.IsRebuilding, Is.False);
            Assert.That(matches.Keys, Is.EquivalentTo(new[] { matching }));
            Assert.That(matches.Admits(other), Is.False);
            Assert.That(EventWords.Match("uk", "  ").Keys, Is.Null, "no words: every event");
            Assert.That(EventWords.Match("uk", "*** ~ \"").Keys, Is.Null, "only symbols: every event");
        });
    }

    [Test]
    public async Task TheResultsPage_CountsAndPagesTheResults_FiltersByKind_AndMarksTheWords()
    {
        var word = MadeUpWord("бурштин");
        for (var i = 1; i <= 12; i++)
        {
            var values = Article($"Новина {i} про {word}", $"News {i}");
            values.Cultures["uk"].Values[NewsArticle.Summary] = $"Громада обговорила {word} і планує наступні кроки.";
            var created = await CreateAsync(NewsIndexKey, NewsArticle.Alias, values);
            Assert.That((await PublishAsync(created.Document!.Key, "uk", "en")).Succeeded, Is.True);
        }

        await PollAsync(() => Search.Search(new SearchQuery("uk", word)).Total == 12, "all twelve are indexed");

        var (status, first) = await GetPageAsync($"/uk/search?q={Uri.EscapeDataString(word)}");
        Assert.That(status, Is.EqualTo(200));
        Assert.Multiple(() =>
        {
            Assert.That(Regex.Count(first, "class=\"search-result\""), Is.EqualTo(10), "ten on the first page");
            Assert.That(first, Does.Contain("Знайдено: 12 результатів"));
            Assert.That(first, Does.Contain($"<mark>{word}</mark>"), "the word is marked in the snippet");
            Assert.That(first, Does.Contain("<meta name=\"robots\" content=\"noindex\">"));
            Assert.That(first, Does.Contain($"href=\"/uk/search?q={Uri.EscapeDataString(word)}&amp;page=2\""), "the pager keeps the words");
        });

        var (_, second) = await GetPageAsync($"/uk/search?q={Uri.EscapeDataString(word)}&page=2");
        Assert.That(Regex.Count(second, "class=\"search-result\""), Is.EqualTo(2), "two on the second page");

        var (_, events) = await GetPageAsync($"/uk/search?q={Uri.EscapeDataString(word)}&kind=event");
        Assert.That(events, Does.Contain($"За запитом «{word}» нічого не знайдено."), "no events hold the word");
        var (_, news) = await GetPageAsync($"/uk/search?q={Uri.EscapeDataString(word)}&kind=news");
        Assert.That(news, Does.Contain("Знайдено: 12 результатів"));

        using var response = await Client.GetAsync($"/uk/search?q={Uri.EscapeDataString(word)}");
        Assert.That(response.Headers.CacheControl?.Public, Is.True, "anonymous results may be kept by caches");
        using var personal = new HttpRequestMessage(HttpMethod.Get, $"/uk/search?q={Uri.EscapeDataString(word)}");
        personal.Headers.Add("Cookie", "mc_member=anything");
        using var member = await Client.SendAsync(personal);
        Assert.That(member.Headers.CacheControl?.NoStore, Is.True, "a signed-in reader's page (their name in the header) is kept by no one");
    }

    [Test]
    public async Task TheHeaderSearchBox_IsOnEveryPage_AndSuggestsTitlesAsOneTypes()
    {
        var word = MadeUpWord("гобелен");
        var article = await CreatedArticleAsync($"Виставка {word} у громаді", $"An exhibition of {word}");
        await PublishedAndFoundAsync(article.Key, "uk", word);

        var (_, home) = await GetPageAsync("/en/");
        Assert.That(home, Does.Contain("role=\"search\"").And.Contain("action=\"/en/search\"").And.Contain("hx-get=\"/en/search/suggest\""));

        var (status, suggestions) = await GetPageAsync($"/uk/search/suggest?q={Uri.EscapeDataString("Виставка " + word[..^2])}");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(suggestions, Does.Contain($"href=\"{UrlOf(article.Key, "uk")}\""), "the article is suggested from the start of its word");
        Assert.That((await GetPageAsync("/uk/search/suggest?q=")).Html, Is.Empty, "nothing typed, nothing suggested");
    }

    [Test]
    public async Task ATypoInALongWord_StillFinds_AndTheStartOfAWord_IsSuggested()
    {
        var word = MadeUpWord("гранітний");
        var article = await CreatedArticleAsync($"Пам’ятник {word}", $"A {word} monument");
        await PublishedAndFoundAsync(article.Key, "uk", word);

        var typo = word[..4] + "о" + word[5..];
        Assert.Multiple(() =>
        {
            Assert.That(Search.Search(new SearchQuery("uk", typo)).Hits.Select(h => h.Key), Does.Contain(article.Key), $"one letter wrong: {typo}");
            Assert.That(Search.Search(new SearchQuery("uk", word[..7])).Hits.Select(h => h.Key), Does.Not.Contain(article.Key), "a search wants whole words");
            Assert.That(Search.Suggest("uk", word[..7]).Select(s => s.Url), Does.Contain(UrlOf(article.Key, "uk")), "a suggestion takes the start of one");
        });
    }

    [TestCase("", "Введіть слово")]
    [TestCase("title:(", "нічого не знайдено")]
    [TestCase("***", "Введіть слово")]
    [TestCase("~\" ( ) [ ] { } ^ \\ / : !", "Введіть слово")]
    [TestCase("🙂🎉🔥", "Введіть слово")]
    [TestCase("AND OR NOT -+ &&||", "нічого не знайдено")]
    public async Task AnAbsurdQuery_GetsAFriendlyAnswer(string words, string note)
    {
        var (status, html) = await GetPageAsync($"/uk/search?q={Uri.EscapeDataString(words)}");
        Assert.That(status, Is.EqualTo(200), html);
        Assert.That(html, Does.Contain(note));
    }

    [TestCase("2147483647")]
    [TestCase("-5")]
    [TestCase("0")]
    public async Task APageOutOfRange_LeadsToTheNearestPage(string page)
    {
        using var response = await Client.GetAsync($"/en/search?q=mayors&page={page}");
        Assert.That((int)response.StatusCode, Is.EqualTo(302));
        Assert.That(response.Headers.Location?.OriginalString, Does.StartWith("/en/search?q=mayors"));
    }

    [TestCase("abc")]
    [TestCase("1.5")]
    public async Task APageThatIsNoNumber_GetsTheLocalizedBadRequestPage(string page)
    {
        var (status, html) = await GetPageAsync($"/uk/search?q=mayors&page={page}");
        Assert.That(status, Is.EqualTo(400));
        Assert.That(html, Does.Contain("Некоректний запит"));
    }

    [Test]
    public async Task AThousandCharacterQuery_IsCutWithANote()
    {
        var (status, html) = await GetPageAsync($"/en/search?q={new string('я', 400)}%20{string.Concat(Enumerable.Repeat("word ", 120))}");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(html, Does.Contain($"searched for its first {SiteSearch.MaxChars} characters"));
    }

    [Test]
    public async Task MovingAndTrashingAPage_TakesItsSubtreeAlong()
    {
        var word = MadeUpWord("малахіт");
        var parent = await PublishedPageAsync(HomeKey, $"Розділ {word}");
        var child = await PublishedPageAsync(parent, $"Підрозділ {word}");
        var newHome = await PublishedPageAsync(HomeKey, MadeUpWord("Архів"));
        await PollAsync(() => Search.Search(new SearchQuery("uk", word)).Total == 2, "both pages found");

        var moved = await WithServices(s => s.GetRequiredService<DocumentTree>().MoveAsync(parent, newHome, Editor));
        Assert.That(moved.Succeeded, Is.True, string.Join("; ", moved.Errors));
        await PollAsync(() => Search.Search(new SearchQuery("uk", word)).Hits.Any(h => h.Key == child && h.Url == UrlOf(child, "uk")),
            "the child's result has its new address");
        Assert.That(UrlOf(child, "uk"), Does.StartWith(UrlOf(newHome, "uk")));

        var trashed = await WithServices(s => s.GetRequiredService<DocumentTree>().TrashAsync(parent, Editor, EditorRights.Publish));
        Assert.That(trashed.Succeeded, Is.True, string.Join("; ", trashed.Errors));
        await PollAsync(() => Search.Search(new SearchQuery("uk", word)).Total == 0, "both gone with the trashed parent");

        var restored = await WithServices(s => s.GetRequiredService<DocumentTree>().RestoreAsync(parent, Editor));
        Assert.That(restored.Succeeded, Is.True, string.Join("; ", restored.Errors));
        await PollAsync(() => Search.Search(new SearchQuery("uk", word)).Total == 2, "both back after the restore");
    }

    [Test]
    public async Task EventFilters_SelectByDatesTypeCityAndFormat()
    {
        var word = MadeUpWord("топаз");
        var lviv = await PublishedEventAsync($"Форум {word} у Львові", "Про громади.", type: "forum", city: "Львів", inDays: 10);
        var online = await PublishedEventAsync($"Вебінар {word}", "Про громади.", type: "webinar", online: true, inDays: 40);
        await PollAsync(() => Search.Search(new SearchQuery("uk", word)).Total == 2, "both events found");
        var now = Site.Clock.GetCurrentInstant();

        Guid[] Keys(SearchQuery query) => [.. Search.Search(query with { Kind = SearchKinds.Event }).Hits.Select(h => h.Key)];
        var all = new SearchQuery("uk", word);
        Assert.Multiple(() =>
        {
            Assert.That(Keys(all with { City = " львів " }), Is.EqualTo(new[] { lviv }), "city, whatever its case and spaces");
            Assert.That(Keys(all with { EventType = "webinar" }), Is.EqualTo(new[] { online }));
            Assert.That(Keys(all with { Online = true }), Is.EqualTo(new[] { online }));
            Assert.That(Keys(all with { Online = false }), Is.EqualTo(new[] { lviv }));
            Assert.That(Keys(all with { From = now.Plus(Duration.FromDays(20)) }), Is.EqualTo(new[] { online }), "from a date: what ends after it");
            Assert.That(Keys(all with { To = now.Plus(Duration.FromDays(20)) }), Is.EqualTo(new[] { lviv }), "to a date: what starts before it");
        });
    }

    [Test]
    public async Task ADeletedIndexFolder_IsRebuiltAfterARestart_WhileSearchesAnswer()
    {
        var word = MadeUpWord("аметист");
        var article = await CreatedArticleAsync($"Звіт про {word}", $"Report on {word}");
        await PublishedAndFoundAsync(article.Key, "uk", word);

        await RestartSiteAsync(data => Directory.Delete(Path.Combine(data, "Index"), recursive: true));
        var (status, meanwhile) = await GetPageAsync($"/uk/search?q={Uri.EscapeDataString(word)}");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(meanwhile, Does.Contain("Пошук саме оновлюється").Or.Contain($"href=\"{UrlOf(article.Key, "uk")}\""), "the rebuilding note, or results");

        await PollAsync(() => Site.Services.GetRequiredService<SearchIndexer>().LastRebuild is not null, "rebuilt", TimeSpan.FromSeconds(30));
        Assert.That(Search.Search(new SearchQuery("uk", word)).Total, Is.EqualTo(1), "found again once rebuilt");
    }

    [Test]
    public async Task ADamagedIndexFile_IsRebuiltAfterARestart()
    {
        var word = MadeUpWord("опал");
        var article = await CreatedArticleAsync($"Огляд {word}", $"Overview of {word}");
        await PublishedAndFoundAsync(article.Key, "uk", word);

        await RestartSiteAsync(data =>
        {
            foreach (var file in Directory.GetFiles(Path.Combine(data, "Index"), "segments*"))
            {
                File.WriteAllBytes(file, [.. Enumerable.Repeat((byte)0x5A, 64)]);
            }
        });

        await PollAsync(() => Site.Services.GetRequiredService<SearchIndexer>().LastRebuild is not null, "rebuilt", TimeSpan.FromSeconds(30));
        Assert.That(Search.Search(new SearchQuery("uk", word)).Total, Is.EqualTo(1), "found again once rebuilt");
    }

    [Test]
    public async Task AKeptIndex_IsReusedAfterARestart_WithoutARebuild()
    {
        await RestartSiteAsync();
        await WaitForIndexAsync();
        Assert.That(Site.Services.GetRequiredService<SearchIndexer>().LastRebuild, Is.Null, "the index matched the content");
    }

    private async Task<Guid> PublishedPageAsync(Guid parent, string ukTitle)
    {
        var values = new ContentValues();
        values.Cultures["uk"] = new CultureVariant { Name = ukTitle, Values = { [ContentPage.Body] = "<p>Текст сторінки.</p>" } };
        var created = await CreateAsync(parent, ContentPage.Alias, values);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        Assert.That((await PublishAsync(created.Document!.Key, "uk")).Succeeded, Is.True);
        return created.Document!.Key;
    }

    private async Task<TimeSpan> PublishedAndFoundAsync(Guid key, string culture, string word)
    {
        Assert.That((await PublishAsync(key, "uk", "en")).Succeeded, Is.True);
        var published = Stopwatch.StartNew();
        await PollAsync(() => Search.Search(new SearchQuery(culture, word)).Total > 0, "found after publishing");
        return published.Elapsed;
    }

    private async Task<Guid> PublishedEventAsync(string ukTitle, string ukSummary, string type = "forum", string? city = null, bool online = false,
        int inDays = 20)
    {
        var start = Site.Clock.GetCurrentInstant().InZone(Kyiv).LocalDateTime.PlusDays(inDays);
        var values = new ContentValues();
        values.Invariant[Event.Start] = ZonedValue.Create(start, Kyiv.Id);
        values.Invariant[Event.End] = ZonedValue.Create(start.PlusHours(3), Kyiv.Id);
        values.Invariant[Event.EventType] = type;
        values.Invariant[Event.IsOnline] = online;
        values.Cultures["uk"] = new CultureVariant { Name = ukTitle, Values = { [Event.Summary] = ukSummary } };
        if (city is not null)
        {
            values.Cultures["uk"].Values[Event.City] = city;
        }

        var calendar = Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Key;
        var created = await CreateAsync(calendar, Event.Alias, values);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        Assert.That((await PublishAsync(created.Document!.Key, "uk")).Succeeded, Is.True);
        return created.Document!.Key;
    }

    /// <summary>A word no demo text holds: a stem and letters made from a new GUID.</summary>
    private static string MadeUpWord(string stem)
    {
        const string letters = "бвгджзклмнпрстфх";
        return stem + string.Concat(Guid.NewGuid().ToString("N")[..5].Select(c => letters[Convert.ToInt32(c.ToString(), 16)]));
    }

    private async Task WaitForIndexAsync() =>
        await PollAsync(() => !Site.Services.GetRequiredService<SearchIndex>().IsRebuilding, "the index is built", TimeSpan.FromSeconds(30));

    private static async Task PollAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > (within ?? TimeSpan.FromSeconds(5)))
            {
                Assert.Fail($"Not true within {(within ?? TimeSpan.FromSeconds(5)).TotalSeconds} s: {what}");
            }

            await Task.Delay(20);
        }
    }
}
