using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using MayorsClub.Core.Content;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>sitemap.xml, robots.txt, the RSS feeds, browser revalidation (304) and the server's page cache.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class FeedsSitemapAndCachingTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace XhtmlNs = "http://www.w3.org/1999/xhtml";

    /// <summary>A second identity's cookie, as the members' will be: named nowhere in the site's code.</summary>
    private const string OtherIdentityCookie = "mc_test_member";

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddAuthentication().AddCookie("Test.Members", cookie => cookie.Cookie.Name = OtherIdentityCookie);

    [Test]
    public async Task Sitemap_ListsEveryVisiblePageOfBothCultures_WithItsTwinAsAlternate()
    {
        var bilingual = await CreatedArticleAsync(Unique("Двомовна новина"), Unique("Bilingual news"));
        var ukrainianOnly = await CreatedArticleAsync(Unique("Лише українська"), Unique("English draft only"));
        var draft = await CreatedArticleAsync(Unique("Чернетка"));
        await PublishAsync(bilingual.Key, Cultures.Ukrainian, Cultures.English);
        await PublishAsync(ukrainianOnly.Key, Cultures.Ukrainian);

        var sitemap = XDocument.Parse(await Client.GetStringAsync("/sitemap.xml"));
        var entries = sitemap.Root!.Elements(SitemapNs + "url").ToDictionary(
            u => new Uri(u.Element(SitemapNs + "loc")!.Value).AbsolutePath,
            u => u.Elements(XhtmlNs + "link").Select(l => (l.Attribute("hreflang")!.Value, new Uri(l.Attribute("href")!.Value).AbsolutePath)).ToList());

        var pages = Snapshot.All.SelectMany(d => Cultures.All.Select(d.Url)).OfType<string>().ToList();
        Assert.That(entries.Keys, Is.EquivalentTo(pages), "exactly the visible pages");
        Assert.That(entries[UrlOf(bilingual.Key, "uk")], Is.EquivalentTo(new[] { ("uk", UrlOf(bilingual.Key, "uk")), ("en", UrlOf(bilingual.Key, "en")) }));
        Assert.That(entries[UrlOf(ukrainianOnly.Key, "uk")], Is.Empty);
        Assert.That(entries.Keys, Has.None.Contains(draft.Cultures["uk"].UrlSegment));
        Assert.That(entries.Keys, Has.None.EndsWith($"/{ukrainianOnly.Cultures["en"].UrlSegment}/"));
    }

    [Test]
    public async Task Robots_PointsToTheSitemap_AndKeepsCrawlersOutOfTheBackOffice()
    {
        var robots = await Client.GetStringAsync("/robots.txt");

        Assert.That(robots, Does.Contain("Disallow: /umbraco/").And.Contain($"Sitemap: {Client.BaseAddress}sitemap.xml"));
    }

    [TestCase("uk")]
    [TestCase("en")]
    public async Task RssFeed_IsValidRss20_WithTheCulturesNewsNewestFirst(string culture)
    {
        var ukOnlyTitle = Unique("Свіжа новина лише українською");
        var ukOnly = await CreatedArticleAsync(ukOnlyTitle);
        await PublishAsync(ukOnly.Key, Cultures.Ukrainian);

        using var response = await Client.GetAsync($"/{culture}/rss.xml");
        var xml = await response.Content.ReadAsStringAsync();
        using var reader = XmlReader.Create(new StringReader(xml));
        var feed = SyndicationFeed.Load(reader);
        var rss = XDocument.Parse(xml).Root!;

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/rss+xml"));
        Assert.That((rss.Name.LocalName, rss.Attribute("version")?.Value), Is.EqualTo(("rss", "2.0")));
        Assert.That(rss.Element("channel")!.Element("language")!.Value, Is.EqualTo(culture));
        Assert.That(feed.Items.Count(), Is.InRange(1, 20));
        Assert.That(feed.Items.Select(i => i.PublishDate), Is.Ordered.Descending);
        Assert.That(feed.Items.All(i => i.Links.Single().Uri.IsAbsoluteUri && i.Links.Single().Uri.AbsolutePath.StartsWith($"/{culture}/", StringComparison.Ordinal)));
        Assert.That(rss.Descendants("item").All(i => i.Element("guid") is not null && i.Element("pubDate") is not null && i.Element("description") is not null));
        var titles = feed.Items.Select(i => i.Title.Text).ToList();
        Assert.That(titles.Contains(ukOnlyTitle), Is.EqualTo(culture == "uk"));
    }

    [Test]
    public async Task Revisit_WithTheETag_Gets304_UntilSomethingIsPublished()
    {
        using var first = await Client.GetAsync("/uk/novyny/");
        var etag = first.Headers.ETag!;
        Assert.That(first.Headers.CacheControl?.MustRevalidate, Is.True);
        Assert.That(first.Content.Headers.LastModified, Is.Not.Null);

        using var revisit = await RevisitAsync("/uk/novyny/", etag);
        Assert.That(revisit.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(await revisit.Content.ReadAsByteArrayAsync(), Is.Empty);

        var article = await CreatedArticleAsync(Unique("Новина після кешу"));
        await PublishAsync(article.Key, Cultures.Ukrainian);

        using var afterPublish = await RevisitAsync("/uk/novyny/", etag);
        Assert.That(afterPublish.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(afterPublish.Headers.ETag, Is.Not.EqualTo(etag));
    }

    [Test]
    public async Task Revisit_WithIfModifiedSince_Gets304()
    {
        using var first = await Client.GetAsync("/en/");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/en/");
        request.Headers.IfModifiedSince = first.Content.Headers.LastModified;

        using var revisit = await Client.SendAsync(request);

        Assert.That(revisit.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task CachedList_ShowsANewlyPublishedArticle_AndDropsAnUnpublishedOne()
    {
        var title = Unique("Новина повз кеш");
        await Client.GetStringAsync("/uk/novyny/"); // now cached
        var article = await CreatedArticleAsync(title);

        await PublishAsync(article.Key, Cultures.Ukrainian);
        Assert.That(await Client.GetStringAsync("/uk/novyny/"), Does.Contain(title));

        await UnpublishAsync(article.Key, Cultures.Ukrainian);
        Assert.That(await Client.GetStringAsync("/uk/novyny/"), Does.Not.Contain(title));
    }

    [Test]
    public async Task SecondVisit_IsAnsweredFromTheCache_WithTheSamePage_AndItsAge()
    {
        var article = await CreatedArticleAsync(Unique("Новина для кешу"));
        await PublishAsync(article.Key, Cultures.Ukrainian); // a new snapshot: nothing is cached

        using var rendered = await Client.GetAsync("/uk/novyny/");
        using var cached = await Client.GetAsync("/uk/novyny/");

        Assert.That(rendered.Headers.Age, Is.Null, "the first visit is rendered");
        Assert.That(cached.Headers.Age, Is.Not.Null, "the second comes from the cache");
        Assert.That(await cached.Content.ReadAsStringAsync(), Is.EqualTo(await rendered.Content.ReadAsStringAsync()));
        Assert.That(cached.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(cached.Headers.ETag, Is.EqualTo(rendered.Headers.ETag));
    }

    [Test]
    public async Task HeadOfACachedPage_HasTheHeadersAndNoBody()
    {
        var body = await Client.GetByteArrayAsync("/en/");
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/en/"));

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(head.Headers.Age, Is.Not.Null);
        Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(body.Length));
        Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task RequestsThatCarryAnIdentity_AreNeverAnsweredFromTheCache()
    {
        await Client.GetStringAsync("/uk/"); // cached for visitors
        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/uk/");
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "someone");
        using var withIdentityCookie = new HttpRequestMessage(HttpMethod.Get, "/uk/");
        withIdentityCookie.Headers.Add("Cookie", "mc_backoffice=someone");

        using var tokenAnswer = await Client.SendAsync(withToken);
        using var cookieAnswer = await Client.SendAsync(withIdentityCookie);

        Assert.That(tokenAnswer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(tokenAnswer.Headers.Age, Is.Null);
        Assert.That(cookieAnswer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(cookieAnswer.Headers.Age, Is.Null);
    }

    /// <summary>Every registered cookie scheme's cookie makes a request personal: the back office's, its two-factor one, and any identity added later.</summary>
    [TestCase(OtherIdentityCookie)]
    [TestCase("mc_backoffice_2fa")]
    public async Task RequestsWithAnyIdentitySchemesCookie_AreNeitherAnsweredFromTheCacheNorKept(string cookie)
    {
        await EmptyPageCacheAsync();
        using var personal = new HttpRequestMessage(HttpMethod.Get, "/en/");
        personal.Headers.Add("Cookie", cookie + "=someone");

        using var personalAnswer = await Client.SendAsync(personal);
        using var firstVisitor = await Client.GetAsync("/en/");
        using var secondVisitor = await Client.GetAsync("/en/");
        using var personalAgain = new HttpRequestMessage(HttpMethod.Get, "/en/");
        personalAgain.Headers.Add("Cookie", "mc_culture=en; " + cookie + "=someone");
        using var personalAgainAnswer = await Client.SendAsync(personalAgain);

        Assert.That(personalAnswer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(firstVisitor.Headers.Age, Is.Null, "the personal request's page was not kept");
        Assert.That(secondVisitor.Headers.Age, Is.Not.Null, "a visitor's page is kept");
        Assert.That(personalAgainAnswer.Headers.Age, Is.Null, "the kept page is not given to a personal request");
    }

    [Test]
    public async Task NotFoundPages_AreNotKept()
    {
        await Client.GetAsync("/uk/nemaie-takoi-storinky/");
        using var again = await Client.GetAsync("/uk/nemaie-takoi-storinky/");

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(again.Headers.Age, Is.Null);
    }

    [Test]
    public async Task ReadingAPage_RemembersItsLanguage_EvenWhenThePageComesFromTheCache()
    {
        await Client.GetStringAsync("/en/news/"); // cached for everyone from here on

        using var response = await Client.GetAsync("/en/news/");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/en/news/");
        again.Headers.Add("Cookie", "mc_culture=en");
        using var alreadyRemembered = await Client.SendAsync(again);

        Assert.That(response.Headers.GetValues("Set-Cookie").Single(), Does.StartWith("mc_culture=en;"));
        Assert.That(alreadyRemembered.Headers.Contains("Set-Cookie"), Is.False);
    }

    [TestCase("abc")]
    [TestCase("1.5")]
    [TestCase("99999999999999999999")]
    public async Task PageNumber_ThatIsNotAWholeNumber_IsALocalized400(string page)
    {
        var response = await GetPageAsync($"/uk/novyny/?page={page}");

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.Html, Does.Contain("Номер сторінки має бути цілим числом"));
    }

    [TestCase("-1")]
    [TestCase("0")]
    [TestCase("999999")]
    public async Task PageNumber_OutOfRange_RedirectsToTheNearestPageThatExists(string page)
    {
        using var response = await Client.GetAsync($"/en/news/?page={page}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var target = response.Headers.Location!.OriginalString;
        Assert.That(target, Does.StartWith("/en/news/"));
        using var landed = await Client.GetAsync(target);
        Assert.That(landed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the nearest page exists and does not redirect again");
    }

    private Task<HttpResponseMessage> RevisitAsync(string url, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return Client.SendAsync(request);
    }
}
