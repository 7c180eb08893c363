using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Web.Site.Rendering;

namespace MayorsClub.Tests.Integration;

/// <summary>Reading details on the public site: tags lead to their news, the language switch says where it goes, related news fill their row.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class SiteReadingDetailsTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private static readonly Guid MemorandumArticle = new("ccf8fa28-39d0-5292-826a-b42019869261");
    private static readonly Guid UkrainianOnlyArticle = new("285a5dc7-f0ab-5b1d-84a0-579409a6a35e");

    [Test]
    public async Task ArticleTags_LinkToTheTagsListOfNews_WhichHasOnlyThoseArticles()
    {
        var article = Snapshot.Get(MemorandumArticle)!;
        var newsList = Snapshot.Parent(article)!.Url("uk")!;
        var (_, html) = await GetPageAsync(UrlOf(MemorandumArticle, "uk"));
        var tagUrl = $"{newsList}?tag={Uri.EscapeDataString("партнерство")}";
        Assert.That(html, Does.Contain($"<a class=\"tag tag--link\" href=\"{tagUrl}\" rel=\"tag\">партнерство</a>"));

        var (status, list) = await GetPageAsync(tagUrl);

        Assert.That(status, Is.EqualTo(200));
        Assert.That(list, Does.Contain("<h1>Новини на тему «партнерство»</h1>"));
        Assert.That(list, Does.Contain(article.Name("uk")));
        var untagged = Snapshot.For(Viewer.Anonymous).NewsNewestFirst("uk").First(a => a.ParentId == article.ParentId && !Snapshot.For(Viewer.Anonymous).Of(a, "uk").Tags(NewsArticle.Tags).Contains("партнерство"));
        Assert.That(list, Does.Not.Contain(untagged.Name("uk")!), "an article without the tag");
        Assert.That(list, Does.Contain($"<link rel=\"canonical\" href=\"http://localhost{tagUrl}\">"));
        Assert.That(list, Does.Contain($"href=\"{newsList}\""), "a way back to all the news");
    }

    [Test]
    public async Task TagList_KeepsItsTagOnEveryPage_AndEachTagHasItsOwnPage()
    {
        var tag = Unique("тема");
        var pageSize = Snapshot.For(Viewer.Anonymous).Of(Snapshot.Get(NewsIndexKey)!, "uk").Integer(NewsIndex.PageSize) ?? 9;
        for (var i = 0; i <= pageSize; i++)
        {
            var values = Article(Unique("Новина з темою"));
            values.Cultures[Cultures.Ukrainian].Values[NewsArticle.Tags] = new JsonArray(tag);
            var created = await CreateAsync(NewsIndexKey, NewsArticle.Alias, values);
            Assert.That((await PublishAsync(created.Document!.Key, Cultures.Ukrainian)).Succeeded, Is.True);
        }

        var first = $"/uk/novyny/?tag={Uri.EscapeDataString(tag)}";
        var (_, page1) = await GetPageAsync(first);
        Assert.That(CardCount(page1), Is.EqualTo(pageSize));
        Assert.That(page1, Does.Contain($"href=\"{first}&amp;page=2\""), "the next page keeps the tag");

        var (status, page2) = await GetPageAsync($"{first}&page=2");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(CardCount(page2), Is.EqualTo(1));
        Assert.That(page2, Does.Contain($"<h1>Новини на тему «{tag}»</h1>"));

        using var past = await Client.GetAsync($"{first}&page=7");
        Assert.That(past.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(past.Headers.Location?.OriginalString, Is.EqualTo($"{first}&page=2"), "the last page, with its tag");

        // Answered from the page cache now: another tag is still another page.
        Assert.That((await GetPageAsync(first)).Html, Does.Contain($"«{tag}»"));
        var (_, other) = await GetPageAsync($"/uk/novyny/?tag={Uri.EscapeDataString("партнерство")}");
        Assert.That(other, Does.Contain("«партнерство»").And.Not.Contain(tag));
        var (_, unknown) = await GetPageAsync($"/uk/novyny/?tag={Uri.EscapeDataString(Unique("немає"))}");
        Assert.That(unknown, Does.Contain("Новин на цю тему поки немає."));
    }

    [Test]
    public async Task LanguageSwitch_OnAUkrainianOnlyArticle_SaysItLeadsToTheEnglishHomePage()
    {
        var (_, html) = await GetPageAsync(UrlOf(UkrainianOnlyArticle, "uk"));

        Assert.That(html, Does.Contain("class=\"language-switch\" href=\"/en/\" hreflang=\"en\" lang=\"en\" title=\"This article is only in Ukrainian — go to the English home page\""));
        Assert.That(html, Does.Contain("<span class=\"visually-hidden\">This article is only in Ukrainian — go to the English home page</span>"), "for screen readers too");
    }

    [Test]
    public async Task LanguageSwitch_OnAnEnglishOnlyArticle_SaysItLeadsToTheUkrainianHomePage()
    {
        var created = await CreateAsync(NewsIndexKey, NewsArticle.Alias, Article(null, Unique("English only")));
        Assert.That((await PublishAsync(created.Document!.Key, Cultures.English)).Succeeded, Is.True);

        var (_, html) = await GetPageAsync(UrlOf(created.Document.Key, "en"));

        Assert.That(html, Does.Contain("class=\"language-switch\" href=\"/uk/\" hreflang=\"uk\" lang=\"uk\" title=\"Ця публікація є лише англійською — перейти на головну сторінку українською\""));
    }

    [Test]
    public async Task LanguageSwitch_OnATwin_StillPromisesThisPage()
    {
        var (_, html) = await GetPageAsync(UrlOf(MemorandumArticle, "uk"));

        Assert.That(html, Does.Contain($"href=\"{UrlOf(MemorandumArticle, "en")}\" hreflang=\"en\" lang=\"en\" title=\"Read this page in English\""));
    }

    [Test]
    public async Task RelatedNews_WithOnePick_AreCompletedToAFullRow()
    {
        var article = Snapshot.Get(MemorandumArticle)!;
        Assert.That(article.Value(NewsArticle.RelatedNews, "uk").GetArrayLength(), Is.EqualTo(1), "the demo article picks one");

        var (_, html) = await GetPageAsync(UrlOf(MemorandumArticle, "uk"));

        var related = html[html.IndexOf("id=\"related-title\"", StringComparison.Ordinal)..];
        Assert.That(CardCount(related), Is.EqualTo(3));
    }

    private static int CardCount(string html) => CardPattern().Count(html);

    [GeneratedRegex("<article class=\"card card--news\"")]
    private static partial Regex CardPattern();
}
