using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Tests.Unit;
using MayorsClub.Web.Delivery;
using MayorsClub.Web.Delivery.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The cache of anonymous Delivery API answers, seen only through <c>X-Cache</c> and the bodies: answers are primed (item
/// by id and by route, children of the news list, descendants of home, a contentType query, media), then an article is
/// edited and published, unpublished, moved or trashed, or a media item changes. The next GET of every answer the change
/// can alter is a MISS with the new content; an answer it cannot alter (an event, the events query) is still a HIT.
/// The editors' commands return after the snapshot and the change feed's subscribers (the cache among them) have run.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class DeliveryCacheEvictionTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Api = DeliveryApi.BasePath + "/content";
    private Guid _event;

    [OneTimeSetUp]
    public void FindAnEvent() => _event = Snapshot.OfType(Event.Alias, Cultures.Ukrainian).First().Key;

    private sealed record Answer(HttpStatusCode Status, string Cache, string Body);

    private async Task<Answer> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var cache = response.Headers.TryGetValues(DeliveryAnswers.CacheHeader, out var values) ? values.Single() : "(none)";
        var body = await response.Content.ReadAsStringAsync();
        // Unescaped, so that the text of a name can be looked for in it.
        var json = body.Length > 0 && response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true
            ? JsonNode.Parse(body)!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            : body;
        return new Answer(response.StatusCode, cache, json);
    }

    /// <summary>Each answer is made once (MISS) and then served from the cache (HIT).</summary>
    private async Task PrimeAsync(params string[] urls)
    {
        foreach (var url in urls)
        {
            var first = await GetAsync(url);
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), $"{url}: {first.Body}");
            Assert.That(first.Cache, Is.EqualTo("MISS").Or.EqualTo("HIT"), url);
            Assert.That((await GetAsync(url)).Cache, Is.EqualTo("HIT"), $"{url} is kept");
        }
    }

    private async Task<Answer> FreshAsync(string url)
    {
        var answer = await GetAsync(url);
        Assert.That(answer.Cache, Does.StartWith("MISS").Or.EqualTo("(none)"), $"{url} was dropped by the change");
        Assert.That(answer.Cache, Is.Not.EqualTo("HIT"), url);
        return answer;
    }

    private async Task StillKeptAsync(params string[] urls)
    {
        foreach (var url in urls)
        {
            Assert.That((await GetAsync(url)).Cache, Is.EqualTo("HIT"), $"{url}: the change cannot alter it, so it stays");
        }
    }

    private static List<Guid> Ids(string body) =>
        (JsonNode.Parse(body) is JsonArray items ? items : JsonNode.Parse(body)!["items"]!.AsArray()).Select(i => Guid.Parse((string)i!["id"]!)).ToList();

    private string Route(Guid key) => UrlOf(key, Cultures.Ukrainian)[(Cultures.Ukrainian.Length + 1)..];

    private async Task<Guid> PublishedArticleAsync(string title)
    {
        var created = await CreateAsync(NewsIndexKey, NewsArticle.Alias, Article(title, title + " en"));
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        var published = await PublishAsync(created.Document!.Key, Cultures.Ukrainian, Cultures.English);
        Assert.That(published.Succeeded, Is.True, string.Join("; ", published.Errors));
        return created.Document.Key;
    }

    private async Task<Guid> PublishedPageAsync(Guid parent, string title)
    {
        var values = new ContentValues();
        foreach (var culture in Cultures.All)
        {
            values.Cultures[culture] = new CultureVariant { Name = $"{title} {culture}", Values = { [ContentPage.Summary] = "Тизер.", [ContentPage.Body] = "<p>Текст.</p>" } };
        }

        var created = await CreateAsync(parent, ContentPage.Alias, values);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        Assert.That((await PublishAsync(created.Document!.Key, [.. Cultures.All])).Succeeded, Is.True);
        return created.Document.Key;
    }

    private string[] Unrelated => [$"{Api}/item/{_event}", $"{Api}?filter=contentType:{Event.Alias}&take=50"];

    [Test]
    public async Task PublishingAnEdit_DropsTheItemByIdAndRoute_TheNewsList_HomesDescendants_AndTheTypeQuery_NotTheUnrelated()
    {
        var article = await PublishedArticleAsync(Unique("Стара назва"));
        var byId = $"{Api}/item/{article}";
        var byRoute = $"{Api}/item{Route(article)}";
        var children = $"{Api}?fetch=children:{NewsIndexKey}&take=50";
        var descendants = $"{Api}?fetch=descendants:{HomeKey}&filter=contentType:{NewsArticle.Alias}&take=50";
        var ofType = $"{Api}?filter=contentType:{NewsArticle.Alias}&sort=name:asc&take=50";
        await PrimeAsync([byId, byRoute, children, descendants, ofType, .. Unrelated]);

        var state = (await GetAsync(article))!;
        var renamed = Unique("Нова назва");
        Assert.That((await SaveAsync(article, state.Version, Cultures.Ukrainian, ArticleText(renamed, "Новий виклад.", "<p>Новий текст.</p>"))).Succeeded, Is.True);
        await StillKeptAsync(byId, children);
        Assert.That((await GetAsync(byId)).Body, Does.Not.Contain(renamed), "a saved draft changes nothing the public reads");

        Assert.That((await PublishAsync(article, Cultures.Ukrainian)).Succeeded, Is.True);
        Assert.That((await FreshAsync(byRoute)).Status, Is.EqualTo(HttpStatusCode.NotFound), "the new name gave the article a new route");
        foreach (var url in new[] { byId, $"{Api}/item{Route(article)}", children, descendants, ofType })
        {
            var fresh = await FreshAsync(url);
            Assert.That(fresh.Status, Is.EqualTo(HttpStatusCode.OK), url);
            Assert.That(fresh.Body, Does.Contain(renamed).And.Contain("Новий виклад."), url);
        }

        await StillKeptAsync(Unrelated);
    }

    [Test]
    public async Task UnpublishingAnArticle_DropsItsItem_AndTheListsThatHeldIt()
    {
        var article = await PublishedArticleAsync(Unique("Зніметься"));
        var byId = $"{Api}/item/{article}";
        var byRoute = $"{Api}/item{Route(article)}";
        var children = $"{Api}?fetch=children:{NewsIndexKey}&take=50";
        var descendants = $"{Api}?fetch=descendants:{HomeKey}&filter=contentType:{NewsArticle.Alias}&take=50";
        var ofType = $"{Api}?filter=contentType:{NewsArticle.Alias}&sort=name:asc&take=50";
        await PrimeAsync([byId, byRoute, children, descendants, ofType, .. Unrelated]);
        Assert.That(Ids((await GetAsync(children)).Body), Does.Contain(article));

        Assert.That((await UnpublishAsync(article, Cultures.Ukrainian)).Succeeded, Is.True);
        Assert.That((await FreshAsync(byId)).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await FreshAsync(byRoute)).Status, Is.EqualTo(HttpStatusCode.NotFound));
        foreach (var url in new[] { children, descendants, ofType })
        {
            var fresh = await FreshAsync(url);
            Assert.That(fresh.Status, Is.EqualTo(HttpStatusCode.OK), url);
            Assert.That(Ids(fresh.Body), Does.Not.Contain(article), url);
        }

        await StillKeptAsync(Unrelated);
    }

    [Test]
    public async Task TrashingAnArticle_DropsItsItem_AndTheListsThatHeldIt()
    {
        var article = await PublishedArticleAsync(Unique("У кошик"));
        var byId = $"{Api}/item/{article}";
        var items = $"{Api}/items?id={article}&id={_event}";
        var children = $"{Api}?fetch=children:{NewsIndexKey}&take=50";
        var descendants = $"{Api}?fetch=descendants:{HomeKey}&filter=contentType:{NewsArticle.Alias}&take=50";
        await PrimeAsync([byId, items, children, descendants, .. Unrelated]);

        var trashed = await WithServices(s => s.GetRequiredService<DocumentTree>().TrashAsync(article, Editor, EditorRights.Publish));
        Assert.That(trashed.Succeeded, Is.True, string.Join("; ", trashed.Errors));
        Assert.That((await FreshAsync(byId)).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Ids((await FreshAsync(items)).Body), Is.EqualTo(new[] { _event }), "items leaves the trashed one out");
        Assert.That(Ids((await FreshAsync(children)).Body), Does.Not.Contain(article));
        Assert.That(Ids((await FreshAsync(descendants)).Body), Does.Not.Contain(article));
        await StillKeptAsync(Unrelated);
    }

    [Test]
    public async Task MovingAPage_DropsBothParentsChildren_AndItsOwnAnswers_WithTheNewRoute()
    {
        var from = await PublishedPageAsync(HomeKey, Unique("Звідки"));
        var to = await PublishedPageAsync(HomeKey, Unique("Куди"));
        var moved = await PublishedPageAsync(from, Unique("Переїзд"));
        var below = await PublishedPageAsync(moved, Unique("Під ним"));
        var (oldRoute, oldBelowRoute) = (Route(moved), Route(below));
        var byId = $"{Api}/item/{moved}";
        var belowById = $"{Api}/item/{below}";
        var byRoute = $"{Api}/item{oldRoute}";
        var fromChildren = $"{Api}?fetch=children:{from}";
        var toChildren = $"{Api}?fetch=children:{to}";
        var descendants = $"{Api}?fetch=descendants:{from}";
        await PrimeAsync([byId, belowById, byRoute, fromChildren, toChildren, descendants, .. Unrelated]);

        var result = await WithServices(s => s.GetRequiredService<DocumentTree>().MoveAsync(moved, to, Editor));
        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
        Assert.That(Route(moved), Is.Not.EqualTo(oldRoute));

        Assert.That((string?)JsonNode.Parse((await FreshAsync(byId)).Body)!["route"]!["path"], Is.EqualTo(Route(moved)));
        Assert.That((string?)JsonNode.Parse((await FreshAsync(belowById)).Body)!["route"]!["path"], Is.EqualTo(Route(below)).And.Not.EqualTo(oldBelowRoute),
            "a document below the moved one has a new route too");
        Assert.That((await FreshAsync(byRoute)).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Ids((await FreshAsync(fromChildren)).Body), Is.Empty);
        Assert.That(Ids((await FreshAsync(toChildren)).Body), Is.EqualTo(new[] { moved }));
        Assert.That(Ids((await FreshAsync(descendants)).Body), Is.Empty);
        await StillKeptAsync(Unrelated);
    }

    [Test]
    public async Task AMediaChange_DropsTheMediaItem_AndTheArticleThatPicksIt_NotTheArticleThatDoesNot()
    {
        var image = await WithServices(async s =>
        {
            using var png = new MemoryStream(MediaTestFiles.Png(8, 8));
            var result = await s.GetRequiredService<MediaUploader>().UploadAsync(new MediaUploader.UploadCommand(png, "cache.png", null, false, Editor));
            Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
            return result.Item!.Key;
        });
        var values = Article(Unique("З картинкою"));
        values.Invariant[NewsArticle.Image] = new JsonArray(image.ToString());
        var created = await CreateAsync(NewsIndexKey, NewsArticle.Alias, values);
        Assert.That((await PublishAsync(created.Document!.Key, Cultures.Ukrainian)).Succeeded, Is.True);
        var picking = $"{Api}/item/{created.Document.Key}";
        var plain = $"{Api}/item/{await PublishedArticleAsync(Unique("Без картинки"))}";
        var media = $"{DeliveryApi.BasePath}/media/item/{image}";
        await PrimeAsync([picking, plain, media, .. Unrelated]);

        var renamed = Unique("Перейменоване зображення");
        var update = await WithServices(s => s.GetRequiredService<MediaEditor>().UpdateAsync(new MediaEditor.UpdateCommand(
            image, null, renamed, new Dictionary<string, string?>(), null, null, Editor, EditorRights.Publish)));
        Assert.That(update.Succeeded, Is.True);

        Assert.That((string?)JsonNode.Parse((await FreshAsync(media)).Body)!["name"], Is.EqualTo(renamed));
        Assert.That((await FreshAsync(picking)).Body, Does.Contain(renamed), "the picked image is written into the article");
        await StillKeptAsync([plain, .. Unrelated]);
    }
}
