using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// A small headless front end written against Umbraco's Content Delivery API documentation, with nothing but
/// <see cref="HttpClient"/> and System.Text.Json: it renders the news list, an article and the events of a month in either
/// culture from the API alone. Each rendering is then held against the site's own page for the same documents.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class DeliveryHeadlessClientTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private static readonly HtmlParser Parser = new();
    private Guid _article;

    [OneTimeSetUp]
    public async Task PublishAnArticleWithAPicture()
    {
        var image = await WithServices(async s =>
        {
            using var png = new MemoryStream(MediaTestFiles.Png(640, 360));
            var result = await s.GetRequiredService<MediaUploader>().UploadAsync(new MediaUploader.UploadCommand(png, "bridge.png", null, false, Editor));
            Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
            return result.Item!.Key;
        });
        var values = Article(Unique("Міст через Дністер"), Unique("A bridge over the Dniester"), "2026-04-02");
        values.Cultures[Cultures.Ukrainian].Values[NewsArticle.Body] = "<p>Громада <strong>відкрила</strong> міст.</p><p><a href=\"https://example.org/\">Звіт</a></p>";
        values.Cultures[Cultures.English].Values[NewsArticle.Body] = "<p>The community <strong>opened</strong> a bridge.</p>";
        values.Invariant[NewsArticle.Image] = new JsonArray(image.ToString());
        var created = await CreateAsync(NewsIndexKey, NewsArticle.Alias, values);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        Assert.That((await PublishAsync(created.Document!.Key, Cultures.Ukrainian, Cultures.English)).Succeeded, Is.True);
        _article = created.Document.Key;
    }

    /// <summary>The client: what a front end written from Umbraco's documentation does, in one culture.</summary>
    private sealed class HeadlessClient(HttpClient http, string culture)
    {
        private const string Api = "/umbraco/delivery/api/v2/content";

        public sealed record Link(string Name, string Href, DateTimeOffset CreateDate);

        private async Task<JsonElement> GetAsync(string pathAndQuery)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Api + pathAndQuery);
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(culture));
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{pathAndQuery}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        private string Href(JsonElement item) => $"/{culture}{item.GetProperty("route").GetProperty("path").GetString()}";

        private Link LinkOf(JsonElement item) =>
            new(item.GetProperty("name").GetString()!, Href(item), item.GetProperty("createDate").GetDateTimeOffset());

        public async Task<(string Html, List<Link> Links)> NewsListAsync(Guid newsIndex)
        {
            var page = await GetAsync($"?fetch=children:{newsIndex}&sort=createDate:desc&take=10");
            var links = page.GetProperty("items").EnumerateArray().Select(LinkOf).ToList();
            var html = new StringBuilder("<ul class=\"news\">");
            foreach (var link in links)
            {
                html.Append($"<li><a href=\"{WebUtility.HtmlEncode(link.Href)}\">{WebUtility.HtmlEncode(link.Name)}</a></li>");
            }

            return (html.Append("</ul>").ToString(), links);
        }

        public async Task<string> ArticleAsync(Guid id)
        {
            var item = await GetAsync($"/item/{id}");
            var properties = item.GetProperty("properties");
            var image = properties.GetProperty("image").EnumerateArray().First().GetProperty("url").GetString();
            return $"<article><h1>{WebUtility.HtmlEncode(item.GetProperty("name").GetString())}</h1>" +
                $"<p class=\"lead\">{WebUtility.HtmlEncode(properties.GetProperty("summary").GetString())}</p>" +
                $"<img src=\"{WebUtility.HtmlEncode(image)}\">" +
                $"<div class=\"body\">{properties.GetProperty("body").GetProperty("markup").GetString()}</div></article>";
        }

        public async Task<(string Html, List<Link> Links)> EventsOfAsync(YearMonth month)
        {
            var first = month.OnDayOfMonth(1);
            var next = first.PlusMonths(1);
            var page = await GetAsync($"?filter=contentType:event&filter=eventStart>:{first:yyyy-MM-dd}&filter=eventStart<{next:yyyy-MM-dd}&sort=eventStart:asc&take=100");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            var starts = items.Select(i => i.GetProperty("properties").GetProperty("start").GetString()!).ToList();
            Assert.That(starts, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal), "sorted by eventStart");
            var html = new StringBuilder("<ol class=\"events\">");
            foreach (var (item, start) in items.Zip(starts))
            {
                html.Append($"<li><time datetime=\"{start}\">{start[..10]}</time> <a href=\"{WebUtility.HtmlEncode(Href(item))}\">{WebUtility.HtmlEncode(item.GetProperty("name").GetString())}</a></li>");
            }

            return (html.Append("</ol>").ToString(), items.Select(LinkOf).ToList());
        }

        /// <summary>The month of the next event from a day on, or null.</summary>
        public async Task<YearMonth?> MonthOfNextEventAsync(LocalDate from)
        {
            var page = await GetAsync($"?filter=contentType:event&filter=eventStart>:{from:yyyy-MM-dd}&sort=eventStart:asc&take=1");
            var start = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("properties").GetProperty("start").GetString()).FirstOrDefault();
            return start is null ? null : new YearMonth(int.Parse(start[..4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(start[5..7], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static async Task<AngleSharp.Dom.IDocument> ParseAsync(string html) => await Parser.ParseDocumentAsync(html);

    private async Task<AngleSharp.Dom.IDocument> SitePageAsync(string url)
    {
        var (status, html) = await GetPageAsync(url);
        Assert.That(status, Is.EqualTo(200), url);
        return await ParseAsync(html);
    }

    [TestCase("uk")]
    [TestCase("en")]
    public async Task TheNewsList_IsTheNewestTen_LinkingToTheSitesPagesOfTheSameArticles(string culture)
    {
        var (html, links) = await new HeadlessClient(Client, culture).NewsListAsync(NewsIndexKey);
        Assert.That(links, Has.Count.EqualTo(10), "the demo has more than ten articles");
        Assert.That(links.Select(l => l.CreateDate), Is.Ordered.Descending);
        var rendered = await ParseAsync(html);
        Assert.That(rendered.QuerySelectorAll("li a").Select(a => a.TextContent), Is.EqualTo(links.Select(l => l.Name)));
        foreach (var link in links)
        {
            var page = await SitePageAsync(link.Href);
            Assert.That(page.QuerySelector("h1")!.TextContent.Trim(), Is.EqualTo(link.Name), link.Href);
            Assert.That(page.DocumentElement.GetAttribute("lang"), Does.StartWith(culture), link.Href);
        }
    }

    [TestCase("uk")]
    [TestCase("en")]
    public async Task AnArticle_RendersItsNameSummaryRichTextAndPicture_AsTheSitesPageShowsThem(string culture)
    {
        var rendered = await ParseAsync(await new HeadlessClient(Client, culture).ArticleAsync(_article));
        var page = await SitePageAsync(UrlOf(_article, culture));

        Assert.That(rendered.QuerySelector("h1")!.TextContent, Is.EqualTo(page.QuerySelector("article h1")!.TextContent.Trim()));
        Assert.That(rendered.QuerySelector(".lead")!.TextContent, Is.EqualTo(page.QuerySelector("article .lead")!.TextContent.Trim()));
        var body = rendered.QuerySelector(".body")!;
        var siteBody = page.QuerySelector(".article__body")!;
        Assert.That(body.TextContent.Trim(), Is.EqualTo(siteBody.TextContent.Trim()));
        Assert.That(body.QuerySelectorAll("strong").Select(s => s.TextContent), Is.EqualTo(siteBody.QuerySelectorAll("strong").Select(s => s.TextContent)).And.Not.Empty);
        Assert.That(body.QuerySelectorAll("a").Select(a => a.GetAttribute("href")), Is.EqualTo(siteBody.QuerySelectorAll("a").Select(a => a.GetAttribute("href"))));

        var src = rendered.QuerySelector("img")!.GetAttribute("src")!;
        Assert.That(src.Split('?')[0], Does.EndWith("/bridge.png"));
        Assert.That(page.QuerySelector(".article__figure img")!.GetAttribute("src")!.Split('?')[0], Is.EqualTo(src.Split('?')[0]), "the same file");
        using var file = await Client.GetAsync(src);
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK), src);
        Assert.That(file.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
    }

    [TestCase("uk")]
    [TestCase("en")]
    public async Task TheEventsOfAMonth_AreTheOnesTheSitesMonthViewShows(string culture)
    {
        var client = new HeadlessClient(Client, culture);
        var today = Site.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Kyiv"]).Date;
        var month = await client.MonthOfNextEventAsync(today.PlusDays(1));
        Assert.That(month, Is.Not.Null, "the demo has upcoming events");

        var (html, links) = await client.EventsOfAsync(month!.Value);
        Assert.That(links, Is.Not.Empty);
        var calendar = await SitePageAsync($"{Snapshot.OfType(EventsCalendar.Alias, culture).Single().Url(culture)}?view=month&month={month:uuuu-MM}");
        var shown = calendar.QuerySelectorAll(".month-grid__event:not(.month-grid__event--continued) a")
            .Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.That(links.Select(l => l.Href), Is.EquivalentTo(shown), "the same events, by their links");
        var rendered = await ParseAsync(html);
        foreach (var link in links)
        {
            var onSite = calendar.QuerySelectorAll(".month-grid__event a").First(a => a.GetAttribute("href") == link.Href);
            Assert.That(onSite.TextContent, Does.Contain(link.Name), "the site shows the same name");
            Assert.That(rendered.QuerySelector($"a[href='{link.Href}']")!.TextContent, Is.EqualTo(link.Name));
        }
    }
}
