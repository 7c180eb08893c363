using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>What visitors see after editors publish, unpublish, schedule and roll back, per culture.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class PublishingOnTheSiteTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    [Test]
    public async Task ArticlesPublishedAtTheSameTime_AreAllOnTheSite_WhenEachPublishReturns()
    {
        var titles = Enumerable.Range(1, 6).Select(n => Unique($"Одночасна новина {n}")).ToList();
        var articles = new List<DocumentState>();
        foreach (var title in titles)
        {
            articles.Add(await CreatedArticleAsync(title));
        }

        // Each publish returns only once a snapshot with its change is in place, even when rebuilds are shared.
        var published = await Task.WhenAll(articles.Select(async article =>
        {
            var result = await PublishAsync(article.Key, Cultures.Ukrainian);
            return result.Succeeded && Snapshot.Get(article.Key)?.IsVisibleIn(Cultures.Ukrainian) == true;
        }));

        Assert.That(published, Is.All.True);
        for (var i = 0; i < articles.Count; i++)
        {
            var page = await GetPageAsync(UrlOf(articles[i].Key, Cultures.Ukrainian));
            Assert.That(page.Html, Does.Contain(titles[i]));
        }
    }

    [Test]
    public async Task ChangingAnArticleInPlace_DropsThePagesThatShowIt_AndKeepsTheOthersCached()
    {
        // The oldest date of all: last in the news list, so no other page's list shows it.
        var article = await PublishedArticleDatedAsync(Unique("Стара новина"), "1999-12-31");
        var articleUrl = UrlOf(article.Key, Cultures.Ukrainian);
        var eventUrl = Snapshot.OfType(Event.Alias, Cultures.Ukrainian).First().Url(Cultures.Ukrainian)!;
        await GetPageAsync(articleUrl);
        await GetPageAsync(eventUrl);
        Assert.That(await AnsweredFromTheCacheAsync(eventUrl), Is.True, "the event page is cached before the change");

        var summary = Unique("Новий короткий виклад");
        var saved = await SaveAsync(article.Key, (await GetAsync(article.Key))!.Version, Cultures.Ukrainian,
            ArticleText(article.Cultures[Cultures.Ukrainian].Name, summary, "<p>Текст новини українською.</p>"));
        Assert.That(saved.Succeeded && (await PublishAsync(article.Key, Cultures.Ukrainian)).Succeeded, Is.True);

        Assert.That((await GetPageAsync(articleUrl)).Html, Does.Contain(summary), "the changed article's page is rendered again");
        Assert.That(await AnsweredFromTheCacheAsync(eventUrl), Is.True, "a page that did not read the article stays cached");
    }

    [Test]
    public async Task AnArticleMovedToTheTopOfTheListByItsDate_IsOnTheCachedListPageAtOnce()
    {
        var title = Unique("Новина, що стала найновішою");
        var article = await PublishedArticleDatedAsync(title, "1999-12-30");
        Assert.That((await GetPageAsync("/uk/novyny/")).Html, Does.Not.Contain(title));
        Assert.That(await AnsweredFromTheCacheAsync("/uk/novyny/"), Is.True);

        var saved = await SaveAsync(article.Key, (await GetAsync(article.Key))!.Version, Cultures.Ukrainian,
            ArticleText(title, "Короткий виклад новини.", "<p>Текст новини українською.</p>"),
            new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { [NewsArticle.Date] = "2099-01-01" });
        Assert.That(saved.Succeeded && (await PublishAsync(article.Key, Cultures.Ukrainian)).Succeeded, Is.True);

        // The list page never read this article, but its place in the list changed: every page is dropped.
        Assert.That((await GetPageAsync("/uk/novyny/")).Html, Does.Contain(title));
    }

    private async Task<DocumentState> PublishedArticleDatedAsync(string title, string date)
    {
        var created = await CreateAsync(NewsIndexKey, NewsArticle.Alias, Article(title, date: date));
        Assert.That(created.Succeeded && (await PublishAsync(created.Document!.Key, Cultures.Ukrainian)).Succeeded, Is.True);
        return (await GetAsync(created.Document!.Key))!;
    }

    /// <summary>The page cache's answers carry Age (seconds since the page was rendered); a fresh render does not.</summary>
    private async Task<bool> AnsweredFromTheCacheAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), url);
        return response.Headers.Age is not null;
    }

    [Test]
    public async Task PublishUkrainianOnly_PageIsServedInUkrainian_AndIsMissingInEnglish()
    {
        var ukTitle = Unique("Громади обмінялися досвідом");
        var enTitle = Unique("Communities shared their experience");
        var article = await CreatedArticleAsync(ukTitle, enTitle);

        Assert.That((await PublishAsync(article.Key, Cultures.Ukrainian)).Succeeded);

        var ukUrl = UrlOf(article.Key, Cultures.Ukrainian);
        Assert.That(ukUrl, Does.StartWith("/uk/novyny/hromady-obminialysia-dosvidom-"));
        var uk = await GetPageAsync(ukUrl);
        Assert.That(uk.Status, Is.EqualTo(200));
        Assert.That(uk.Html, Does.Contain(ukTitle));

        var englishSegment = article.Cultures[Cultures.English].UrlSegment;
        var en = await GetPageAsync($"/en/news/{englishSegment}/");
        Assert.That(en.Status, Is.EqualTo(404));
        Assert.That(en.Html, Does.Contain("Page not found").And.Contain("lang=\"en\""));

        Assert.That((await GetPageAsync("/en/news/")).Html, Does.Not.Contain(enTitle));
        Assert.That((await GetPageAsync("/uk/novyny/")).Html, Does.Contain(ukTitle));
    }

    [Test]
    public async Task PublishEnglishTheNextDay_PageAppearsInEnglishAndInTheEnglishList()
    {
        var enTitle = Unique("Mayors met investors");
        var article = await CreatedArticleAsync(Unique("Мери зустрілися з інвесторами"));
        await PublishAsync(article.Key, Cultures.Ukrainian);

        Site.Clock.AdvanceHours(24);
        var saved = await SaveAsync(article.Key, (await GetAsync(article.Key))!.Version, Cultures.English,
            ArticleText(enTitle, "Summary in English.", "<p>Body in English.</p>"));
        Assert.That(saved.Succeeded, Is.True, string.Join("; ", saved.Errors));
        Assert.That(Snapshot.Get(article.Key)!.IsVisibleIn(Cultures.English), Is.False, "saving a draft publishes nothing");

        Assert.That((await PublishAsync(article.Key, Cultures.English)).Succeeded);

        var en = await GetPageAsync(UrlOf(article.Key, Cultures.English));
        Assert.That(en.Status, Is.EqualTo(200));
        Assert.That(en.Html, Does.Contain(enTitle).And.Contain("lang=\"en\""));
        Assert.That((await GetPageAsync("/en/news/")).Html, Does.Contain(enTitle));
    }

    [Test]
    public async Task Unpublish_PageIsGoneInThatCultureOnly_AndLeavesTheList()
    {
        var ukTitle = Unique("Новина на зняття");
        var enTitle = Unique("News to take down");
        var article = await CreatedArticleAsync(ukTitle, enTitle);
        await PublishAsync(article.Key, Cultures.Ukrainian, Cultures.English);
        var ukUrl = UrlOf(article.Key, Cultures.Ukrainian);
        var enUrl = UrlOf(article.Key, Cultures.English);

        Assert.That((await UnpublishAsync(article.Key, Cultures.Ukrainian)).Succeeded);

        Assert.That((await GetPageAsync(ukUrl)).Status, Is.EqualTo(404));
        Assert.That((await GetPageAsync("/uk/novyny/")).Html, Does.Not.Contain(ukTitle));
        Assert.That((await GetPageAsync(enUrl)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Rollback_WithPublish_TheSiteShowsTheEarlierTitleAgain()
    {
        var original = Unique("Перша назва");
        var changed = Unique("Змінена назва");
        var article = await CreatedArticleAsync(original);
        await PublishAsync(article.Key, Cultures.Ukrainian);
        var beforeChange = (await GetAsync(article.Key))!.Version;

        var saved = await SaveAsync(article.Key, beforeChange, Cultures.Ukrainian, ArticleText(changed, "Інший виклад.", "<p>Інший текст.</p>"));
        await PublishAsync(article.Key, Cultures.Ukrainian);
        Assert.That((await GetPageAsync(UrlOf(article.Key, Cultures.Ukrainian))).Html, Does.Contain(changed));

        var current = (await GetAsync(article.Key))!.Version;
        var rolledBack = await WithServices(s => s.GetRequiredService<DocumentPublisher>().RollbackAndPublishAsync(
            new DocumentPublisher.RollbackAndPublishCommand(article.Key, beforeChange, current, Editor)));

        Assert.That(rolledBack.Succeeded, Is.True, string.Join("; ", rolledBack.Errors));
        var page = await GetPageAsync(UrlOf(article.Key, Cultures.Ukrainian));
        Assert.That(page.Html, Does.Contain(original).And.Not.Contain(changed));
        Assert.That(saved.Succeeded);
    }

    [Test]
    public async Task PageViews_SendNoDatabaseCommands()
    {
        var article = await CreatedArticleAsync(Unique("Новина без запитів"), Unique("News without queries"));
        await PublishAsync(article.Key, Cultures.Ukrainian, Cultures.English);
        string[] urls = ["/uk/", "/en/", "/uk/novyny/", UrlOf(article.Key, Cultures.Ukrainian), UrlOf(article.Key, Cultures.English), "/uk/nemaie-takoi/"];
        foreach (var url in urls)
        {
            await GetPageAsync(url); // first views compile the Razor views
        }

        await EmptyPageCacheAsync(); // the views below are rendered from the snapshot, not answered from the cache
        using var counter = new DatabaseCommandCounter();
        foreach (var url in urls)
        {
            await GetPageAsync(url);
        }

        Assert.That(counter.Commands, Is.Empty);

        // The counter does see commands when there are some.
        await GetAsync(article.Key);
        Assert.That(counter.Count, Is.GreaterThan(0));
    }

    [Test]
    public async Task ScheduledPublish_ShowsThePageOnlyOnceItsTimeHasCome()
    {
        var article = await CreatedArticleAsync(Unique("Запланована новина"));
        var at = Site.Clock.GetCurrentInstant().ToDateTimeUtc().AddHours(2);
        var scheduled = await WithServices(s => s.GetRequiredService<DocumentPublisher>().ScheduleAsync(
            new DocumentPublisher.ScheduleCommand(article.Key, Cultures.Ukrainian, at, at.AddDays(1), Editor)));
        Assert.That(scheduled.Succeeded, Is.True, string.Join("; ", scheduled.Errors));

        await RunSchedulesAsync();
        Assert.That(Snapshot.Get(article.Key), Is.Null);

        Site.Clock.AdvanceHours(3);
        await RunSchedulesAsync();
        Assert.That((await GetPageAsync(UrlOf(article.Key, Cultures.Ukrainian))).Status, Is.EqualTo(200));

        var url = UrlOf(article.Key, Cultures.Ukrainian);
        Site.Clock.AdvanceHours(24);
        await RunSchedulesAsync();
        Assert.That((await GetPageAsync(url)).Status, Is.EqualTo(404));
        var state = await GetAsync(article.Key);
        Assert.That(state!.Cultures[Cultures.Ukrainian].PublishAtUtc, Is.Null);
        Assert.That(state.Cultures[Cultures.Ukrainian].UnpublishAtUtc, Is.Null);
    }

    [Test]
    public async Task PageUnderAnUnpublishedParent_IsNotServed()
    {
        var parent = await CreateAsync(HomeKey, ContentPage.Alias, Page(Unique("Розділ")));
        var child = await CreateAsync(parent.Document!.Key, ContentPage.Alias, Page(Unique("Підрозділ")));
        Assert.That((await PublishAsync(child.Document!.Key, Cultures.Ukrainian)).Errors.Single().Code,
            Is.EqualTo(ContentMessages.ParentNotPublished), "a child cannot go live before its parent");

        await PublishAsync(parent.Document.Key, Cultures.Ukrainian);
        await PublishAsync(child.Document.Key, Cultures.Ukrainian);
        var childUrl = UrlOf(child.Document.Key, Cultures.Ukrainian);
        Assert.That(childUrl, Is.EqualTo($"{UrlOf(parent.Document.Key, Cultures.Ukrainian)}{child.Document.Cultures[Cultures.Ukrainian].UrlSegment}/"));
        Assert.That((await GetPageAsync(childUrl)).Status, Is.EqualTo(200));

        await UnpublishAsync(parent.Document.Key, Cultures.Ukrainian);
        Assert.That((await GetPageAsync(childUrl)).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task TrashAndRestore_TakeThePageOffTheSiteAndBringItBack()
    {
        var article = await CreatedArticleAsync(Unique("Новина в кошик"));
        await PublishAsync(article.Key, Cultures.Ukrainian);
        var url = UrlOf(article.Key, Cultures.Ukrainian);

        await WithServices(s => s.GetRequiredService<DocumentTree>().TrashAsync(article.Key, Editor, EditorRights.Publish));
        Assert.That((await GetPageAsync(url)).Status, Is.EqualTo(404));
        var trashed = await WithServices(s => s.GetRequiredService<DocumentTree>().TrashedAsync());
        Assert.That(trashed.Select(d => d.Key), Does.Contain(article.Key));

        await WithServices(s => s.GetRequiredService<DocumentTree>().RestoreAsync(article.Key, Editor));
        Assert.That((await GetPageAsync(url)).Status, Is.EqualTo(200));
    }

    [TestCase(null, null, "uk")]
    [TestCase("en", null, "en")]
    [TestCase(null, "en-US,en;q=0.9", "en")]
    [TestCase(null, "de-DE,uk;q=0.8,en;q=0.5", "uk")]
    [TestCase(null, "de-DE", "uk")]
    [TestCase("uk", "en-US", "uk")]
    public async Task Root_RedirectsToCookieThenBrowserLanguageThenUkrainian(string? cookie, string? acceptLanguage, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"mc_culture={cookie}");
        }

        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        using var response = await Client.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(302));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/{expected}/"));
    }

    [TestCase("/uk/nemaie-takoi-storinky/", "Сторінку не знайдено", "uk")]
    [TestCase("/en/no-such-page/", "Page not found", "en")]
    [TestCase("/de/", "Сторінку не знайдено", "uk")]
    public async Task UnknownPage_IsALocalized404(string url, string text, string lang)
    {
        var page = await GetPageAsync(url);

        Assert.That(page.Status, Is.EqualTo(404));
        Assert.That(page.Html, Does.Contain(text).And.Contain($"lang=\"{lang}\""));
    }

    [Test]
    public async Task Healthz_IsOkOnceReady()
    {
        var health = await GetPageAsync("/healthz");

        Assert.That(health.Status, Is.EqualTo(200));
    }

    private async Task RunSchedulesAsync() =>
        await WithServices(s => s.GetRequiredService<DocumentPublisher>().RunDueSchedulesAsync());

    private static ContentValues Page(string ukName) => new()
    {
        Cultures = { [Cultures.Ukrainian] = new CultureVariant { Name = ukName, Values = { [ContentPage.Body] = "<p>Текст сторінки.</p>" } } },
    };
}
