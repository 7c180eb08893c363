using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Members;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Tests.Unit;
using MayorsClub.Web.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The Content Delivery API v2 as a headless client reads it, on the demo content and a few documents of its own: items by
/// id, route and ids, queries (fetch, filter, sort, paging, q, the calendar's filters), the item JSON field by field, the
/// headers (Accept-Language, Preview with named keys, Start-Item, public access off), output options (expand, fields,
/// fallback, rich text as JSON), protected documents and members-only values, and bad input answered with 4xx ProblemDetails.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class DeliveryContentTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Api = "/umbraco/delivery/api/v2/content";
    private const string PreviewKey = "preview-key-for-the-tests-0123456789abcdef";
    private const string RotatedKey = "rotated-key-for-the-tests-0123456789abcdef";

    private readonly string _tag = Guid.NewGuid().ToString("N")[..6];
    private Guid _related;
    private Guid _article;
    private Guid _image;
    private Guid _protectedPage;
    private Guid _pageBelow;
    private Guid _session;
    private Guid _forum;
    private Guid _webinar;
    private string _city = null!;
    private YearMonth _month;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["MayorsClub:DeliveryApi:ApiKeys:tests"] = PreviewKey,
        ["MayorsClub:DeliveryApi:ApiKeys:rotated"] = RotatedKey,
        ["MayorsClub:DeliveryApi:MaxTake"] = "50",
    };

    [OneTimeSetUp]
    public async Task SeedContent()
    {
        _image = (await WithServices(async services =>
        {
            using var content = new MemoryStream(MediaTestFiles.Png(320, 180));
            var result = await services.GetRequiredService<MediaUploader>().UploadAsync(new MediaUploader.UploadCommand(content, "mist.png", null, false, "test"));
            Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
            return result.Item!;
        })).Key;

        _related = await PublishedAsync(NewsIndexKey, NewsArticle.Alias, Article($"Пов'язана новина {_tag}", $"Related news {_tag}", "2026-03-01"));

        var article = Article($"Громади відбудовують мости {_tag}", $"Communities rebuild bridges {_tag}", "2026-05-11");
        article.Invariant[NewsArticle.Image] = new JsonArray(_image.ToString());
        article.Invariant[NewsArticle.RelatedNews] = new JsonArray(_related.ToString());
        article.Invariant[NewsArticle.SourceUrl] = "https://example.org/source";
        article.Cultures["uk"].Values[NewsArticle.Tags] = new JsonArray("відбудова", "громади");
        article.Cultures["uk"].Values[NewsArticle.Body] = "<p>Перший <strong>абзац</strong>.</p><p><a href=\"https://example.org/\">посилання</a></p>";
        _article = await PublishedAsync(NewsIndexKey, NewsArticle.Alias, article);

        _protectedPage = await PublishedAsync(HomeKey, ContentPage.Alias, Page($"Для мерів {_tag}"));
        _pageBelow = await PublishedAsync(_protectedPage, ContentPage.Alias, Page($"Нижче {_tag}"));
        var rule = await WithServices(s => s.GetRequiredService<PublicAccessRules>().SetAsync(_protectedPage, [MemberGroups.Mayors], Editor, EditorRights.Publish));
        Assert.That(rule.Status, Is.EqualTo(ContentStatus.Success), string.Join("; ", rule.Errors));

        var kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];
        var session = new ContentValues();
        session.Invariant[ExpertSession.Date] = ZonedValue.Create(new LocalDateTime(2026, 4, 2, 11, 0), kyiv.Id);
        session.Invariant[ExpertSession.VideoEmbedUrl] = $"https://www.youtube.com/watch?v=members{_tag}";
        foreach (var culture in Cultures.All)
        {
            session.Cultures[culture] = new CultureVariant
            {
                Name = $"Сесія {_tag} {culture}",
                Values = { [ExpertSession.Summary] = "Публічний виклад.", [ExpertSession.Description] = "<p>Опис.</p>" },
            };
        }

        _session = await PublishedAsync(Snapshot.OfType(ExpertSessionIndex.Alias, "uk").Single().Key, ExpertSession.Alias, session);

        _city = $"Мостиськ{_tag}";
        _month = Site.Clock.GetCurrentInstant().InZone(kyiv).Date.ToYearMonth().PlusMonths(3);
        _forum = await EventAsync($"Форум {_tag}", "forum", online: false, _month.OnDayOfMonth(5).At(new LocalTime(10, 0)));
        _webinar = await EventAsync($"Вебінар {_tag}", "webinar", online: true, _month.OnDayOfMonth(20).At(new LocalTime(18, 0)));
    }

    private async Task<Guid> PublishedAsync(Guid parent, string type, ContentValues values)
    {
        var created = await CreateAsync(parent, type, values);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        var published = await PublishAsync(created.Document!.Key, [.. values.Cultures.Keys]);
        Assert.That(published.Succeeded, Is.True, string.Join("; ", published.Errors));
        return created.Document.Key;
    }

    private static ContentValues Page(string title)
    {
        var values = new ContentValues();
        foreach (var culture in Cultures.All)
        {
            values.Cultures[culture] = new CultureVariant
            {
                Name = $"{title} {culture}",
                Values = { [ContentPage.Summary] = "Тизер.", [ContentPage.Body] = "<p>Лише для мерів.</p>" },
            };
        }

        return values;
    }

    private async Task<Guid> EventAsync(string name, string type, bool online, LocalDateTime start)
    {
        var values = new ContentValues();
        values.Invariant[Event.Start] = ZonedValue.Create(start, "Europe/Kyiv");
        values.Invariant[Event.End] = ZonedValue.Create(start.PlusHours(2), "Europe/Kyiv");
        values.Invariant[Event.EventType] = type;
        values.Invariant[Event.IsOnline] = online;
        foreach (var culture in Cultures.All)
        {
            values.Cultures[culture] = new CultureVariant
            {
                Name = $"{name} {culture}",
                Values = { [Event.Summary] = "Подія.", [Event.City] = online ? "" : _city },
            };
        }

        return await PublishedAsync(Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Key, Event.Alias, values);
    }

    private sealed record Answer(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Response)
    {
        public string Title => Json.GetProperty("title").GetString()!;
    }

    private async Task<Answer> GetAsync(string url, string? culture = null, Dictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (culture is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", culture);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.LessThan(500), $"{url}: {body}");
        var json = body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        if ((int)response.StatusCode >= 400)
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), $"{url}: {body}");
        }

        return new Answer(response.StatusCode, json, response);
    }

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    private static string PathBelowHome(string url, string culture) => url[(culture.Length + 1)..];

    [Test]
    public async Task AnArticleById_IsWrittenFieldByField_InEachCulture()
    {
        var document = Snapshot.Get(_article)!;
        var home = Snapshot.Home!;
        foreach (var culture in Cultures.All)
        {
            var answer = await GetAsync($"{Api}/item/{_article}", culture);
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Response.Headers.Vary.ToString(), Does.Contain("Accept-Language").And.Contain("Api-Key").And.Contain("Start-Item"));
            var item = answer.Json;
            Assert.That(item.GetProperty("contentType").GetString(), Is.EqualTo(NewsArticle.Alias));
            Assert.That(item.GetProperty("name").GetString(), Is.EqualTo(document.Name(culture)));
            Assert.That(item.GetProperty("id").GetGuid(), Is.EqualTo(_article));
            Assert.That(DateTimeOffset.Parse(item.GetProperty("createDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime,
                Is.EqualTo(document.CreatedUtc).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(item.GetProperty("updateDate").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$"));

            var route = item.GetProperty("route");
            Assert.That(route.GetProperty("path").GetString(), Is.EqualTo(PathBelowHome(document.Url(culture)!, culture)));
            Assert.That(route.GetProperty("path").GetString(), Does.StartWith(PathBelowHome(Snapshot.Get(NewsIndexKey)!.Url(culture)!, culture)));
            Assert.That(route.GetProperty("startItem").GetProperty("id").GetGuid(), Is.EqualTo(home.Key));
            Assert.That(route.GetProperty("startItem").GetProperty("path").GetString(), Is.EqualTo(home.Cultures[culture].UrlSegment));

            var cultures = item.GetProperty("cultures");
            Assert.That(cultures.EnumerateObject().Select(c => c.Name), Is.EquivalentTo(Cultures.All));
            Assert.That(cultures.GetProperty("en").GetProperty("path").GetString(), Is.EqualTo(PathBelowHome(document.Url("en")!, "en")));

            var properties = item.GetProperty("properties");
            Assert.That(properties.GetProperty("date").GetString(), Is.EqualTo("2026-05-11T00:00:00"));
            Assert.That(properties.GetProperty("summary").GetString(), Is.Not.Empty);
            Assert.That(properties.GetProperty("body").GetProperty("markup").GetString(), Does.StartWith("<p>"));
            Assert.That(properties.GetProperty("body").GetProperty("blocks").GetArrayLength(), Is.Zero);
            Assert.That(properties.GetProperty("sourceUrl").GetString(), Is.EqualTo("https://example.org/source"));
            Assert.That(properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()),
                culture == "uk" ? Is.EqualTo(new[] { "відбудова", "громади" }) : Is.Empty);

            var image = properties.GetProperty("image").EnumerateArray().Single();
            Assert.That(image.GetProperty("id").GetGuid(), Is.EqualTo(_image));
            Assert.That(image.GetProperty("mediaType").GetString(), Is.EqualTo("Image"));
            Assert.That(image.GetProperty("width").GetInt32(), Is.EqualTo(320));
            Assert.That(image.GetProperty("url").GetString(), Does.StartWith($"/media/{_image}"));
            Assert.That(image.TryGetProperty("crops", out _) && image.TryGetProperty("focalPoint", out _) && image.TryGetProperty("bytes", out _), Is.True);

            var related = properties.GetProperty("relatedNews").EnumerateArray().Single();
            Assert.That(related.GetProperty("id").GetGuid(), Is.EqualTo(_related));
            Assert.That(related.GetProperty("route").GetProperty("path").GetString(), Is.EqualTo(PathBelowHome(Snapshot.Get(_related)!.Url(culture)!, culture)));
            Assert.That(related.GetProperty("properties").EnumerateObject(), Is.Empty, "a linked item's properties only when expanded");
            Assert.That(related.TryGetProperty("cultures", out _), Is.False);
        }
    }

    [Test]
    public async Task AnItemByRoute_IsFoundInTheRequestsCulture_WithOrWithoutSlashes()
    {
        var document = Snapshot.Get(_article)!;
        foreach (var culture in Cultures.All)
        {
            var path = PathBelowHome(document.Url(culture)!, culture);
            foreach (var asked in new[] { path, path.TrimEnd('/'), path.Trim('/') })
            {
                var answer = await GetAsync($"{Api}/item/{asked.TrimStart('/')}", culture);
                Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), asked);
                Assert.That(answer.Json.GetProperty("id").GetGuid(), Is.EqualTo(_article));
            }

            var encoded = string.Join('/', path.Trim('/').Split('/').Select(Uri.EscapeDataString));
            Assert.That((await GetAsync($"{Api}/item/{encoded}/", culture)).Status, Is.EqualTo(HttpStatusCode.OK));
        }

        var home = await GetAsync($"{Api}/item/", "en");
        Assert.That(home.Json.GetProperty("id").GetGuid(), Is.EqualTo(HomeKey));
        Assert.That(home.Json.GetProperty("route").GetProperty("path").GetString(), Is.EqualTo("/"));

        // The Ukrainian route read in English, an unknown route, Cyrillic that names nothing: 404, never 500.
        Assert.That((await GetAsync($"{Api}/item{PathBelowHome(document.Url("uk")!, "uk")}", "en")).Status,
            Is.EqualTo(document.Url("uk") == document.Url("en")?.Replace("/en/", "/uk/", StringComparison.Ordinal) ? HttpStatusCode.OK : HttpStatusCode.NotFound));
        Assert.That((await GetAsync($"{Api}/item/no-such-page-{_tag}/")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await GetAsync($"{Api}/item/{Uri.EscapeDataString("новини")}/{Uri.EscapeDataString("щось")}")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await GetAsync($"{Api}/item/{Guid.NewGuid()}")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await GetAsync($"{Api}/item/%ff..%2f..%2e%2e/")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ItemsByIds_LeaveOutUnknownIds_AndRefuseBadOnes()
    {
        var answer = await GetAsync($"{Api}/items?id={_article}&id={Guid.NewGuid()}&id={_related}", "en");
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Json.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Is.EqualTo(new[] { _article, _related }));
        Assert.That(answer.Json[0].GetProperty("name").GetString(), Is.EqualTo(Snapshot.Get(_article)!.Name("en")));

        var bad = await GetAsync($"{Api}/items?id=not-a-guid");
        Assert.That(bad.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await GetAsync($"{Api}/items")).Json.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Children_SortedAndPaged_AsUmbracoPagesThem()
    {
        var newsPath = PathBelowHome(Snapshot.Get(NewsIndexKey)!.Url("uk")!, "uk");
        var byId = await GetAsync($"{Api}?fetch=children:{NewsIndexKey}&sort=createDate:desc&take=5");
        var byPath = await GetAsync($"{Api}?fetch=children:{newsPath}&sort=createDate:desc&take=5");
        Assert.That(byId.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Ids(byPath.Json), Is.EqualTo(Ids(byId.Json)));
        var expected = Snapshot.Children(Snapshot.Get(NewsIndexKey)!).Where(d => d.IsVisibleIn("uk")).ToList();
        Assert.That(byId.Json.GetProperty("total").GetInt32(), Is.EqualTo(expected.Count));
        Assert.That(Ids(byId.Json), Is.EqualTo(expected.OrderByDescending(d => d.CreatedUtc).Take(5).Select(d => d.Key)));

        var ascending = await GetAsync($"{Api}?fetch=children:{NewsIndexKey}&sort=createDate:asc&skip=1&take=3");
        Assert.That(Ids(ascending.Json), Is.EqualTo(expected.OrderBy(d => d.CreatedUtc).Skip(1).Take(3).Select(d => d.Key)));
        var byName = await GetAsync($"{Api}?fetch=children:{NewsIndexKey}&sort=name:asc&sort=createDate:desc&take=50", "en");
        Assert.That(byName.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()), Is.Ordered.Using((IComparer<string?>)StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("en-GB"), true)));
        var bySortOrder = await GetAsync($"{Api}?fetch=children:{NewsIndexKey}&sort=sortOrder:asc&take=50");
        Assert.That(Ids(bySortOrder.Json), Is.EqualTo(expected.Take(50).Select(d => d.Key)));

        // Paging bounds: nothing taken still counts; too much is cut to MaxTake; negative or unreadable is refused.
        var none = await GetAsync($"{Api}?fetch=children:{NewsIndexKey}&take=0");
        Assert.That((none.Json.GetProperty("total").GetInt32(), none.Json.GetProperty("items").GetArrayLength()), Is.EqualTo((expected.Count, 0)));
        var all = await GetAsync($"{Api}?take=10000");
        Assert.That(all.Json.GetProperty("total").GetInt32(), Is.GreaterThan(10));
        Assert.That(all.Json.GetProperty("items").GetArrayLength(), Is.EqualTo(Math.Min(50, all.Json.GetProperty("total").GetInt32())));
        var defaults = await GetAsync(Api);
        Assert.That(defaults.Json.GetProperty("items").GetArrayLength(), Is.EqualTo(10));
        foreach (var paging in new[] { "skip=-1", "take=-5", "take=abc", "skip=1.5", "take=1&take=2" })
        {
            var refused = await GetAsync($"{Api}?{paging}");
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest), paging);
        }
    }

    [Test]
    public async Task DescendantsAndAncestors_FollowTheTree()
    {
        var descendants = await GetAsync($"{Api}?fetch=descendants:{HomeKey}&filter=contentType:newsArticle&take=50");
        Assert.That(Ids(descendants.Json), Does.Contain(_article).And.Contain(_related));
        Assert.That(descendants.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("contentType").GetString()), Is.All.EqualTo(NewsArticle.Alias));

        var ancestors = await GetAsync($"{Api}?fetch=ancestors:{_article}");
        Assert.That(Ids(ancestors.Json), Is.EqualTo(new[] { HomeKey, NewsIndexKey }));
        var ancestorsByPath = await GetAsync($"{Api}?fetch=ancestors:{PathBelowHome(Snapshot.Get(_article)!.Url("en")!, "en")}", "en");
        Assert.That(Ids(ancestorsByPath.Json), Is.EqualTo(new[] { HomeKey, NewsIndexKey }));

        Assert.That((await GetAsync($"{Api}?fetch=children:{Guid.NewGuid()}")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await GetAsync($"{Api}?fetch=children:/no-such-section-{_tag}/")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Filters_Combine_AndUnknownOptionsAreRefusedWithUmbracosTitles()
    {
        var byName = await GetAsync($"{Api}?filter=name:{_tag}&filter=contentType:newsArticle&take=50");
        Assert.That(Ids(byName.Json), Is.EquivalentTo(new[] { _article, _related }));
        var notRelated = await GetAsync($"{Api}?filter=name:{_tag.ToUpperInvariant()}&filter=contentType:!event&filter=contentType:!expertSession&filter=contentType:!contentPage&take=50");
        Assert.That(Ids(notRelated.Json), Is.EquivalentTo(new[] { _article, _related }), "case-insensitive, negations");
        var eitherType = await GetAsync($"{Api}?filter=name:{_tag}&filter=contentType:newsArticle,event&take=50");
        Assert.That(Ids(eitherType.Json), Is.EquivalentTo(new[] { _article, _related, _forum, _webinar }), "several types in one filter: any of them");

        var created = Snapshot.Get(_article)!.CreatedUtc;
        var after = await GetAsync($"{Api}?filter=name:{_tag}&filter=createDate>{created.AddSeconds(-1):yyyy-MM-ddTHH:mm:ss}Z&filter=contentType:newsArticle");
        Assert.That(Ids(after.Json), Does.Contain(_article));
        var before = await GetAsync($"{Api}?filter=name:{_tag}&filter=updateDate<2000-01-01");
        Assert.That(before.Json.GetProperty("total").GetInt32(), Is.Zero);
        var upTo = await GetAsync($"{Api}?filter=name:{_tag}&filter=createDate<:2999-01-01&filter=createDate>:2000-01-01&take=50");
        Assert.That(upTo.Json.GetProperty("total").GetInt32(), Is.EqualTo(5), "two articles, a session, two events (the protected pages left out)");

        Assert.That((await GetAsync($"{Api}?filter=colour:red")).Title, Is.EqualTo("Filter option not found"));
        Assert.That((await GetAsync($"{Api}?filter=colour:red", "uk")).Json.GetProperty("detail").GetString(), Does.Contain("фільтрів"));
        Assert.That((await GetAsync($"{Api}?filter=colour:red", "en")).Json.GetProperty("detail").GetString(), Does.Contain("'filter' options"));
        Assert.That((await GetAsync($"{Api}?sort=colour:asc")).Title, Is.EqualTo("Sort option not found"));
        Assert.That((await GetAsync($"{Api}?sort=name:sideways")).Title, Is.EqualTo("Sort option not found"));
        Assert.That((await GetAsync($"{Api}?fetch=cousins:{HomeKey}")).Title, Is.EqualTo("Selector option not found"));
        foreach (var bad in new[] { "createDate>yesterday", "updateDate<:", "online:maybe", "eventStart>2026-13-45" })
        {
            var refused = await GetAsync($"{Api}?filter={Uri.EscapeDataString(bad)}");
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest), bad);
        }
    }

    [Test]
    public async Task TheCalendarsFilters_FindEventsByStartTypeCityAndFormat()
    {
        var first = _month.OnDayOfMonth(1);
        var last = _month.OnDayOfMonth(_month.Calendar.GetDaysInMonth(_month.Year, _month.Month));
        var month = await GetAsync($"{Api}?filter=eventStart>:{first:yyyy-MM-dd}&filter=eventStart<{last.PlusDays(1):yyyy-MM-dd}&filter=name:{_tag}&sort=eventStart:asc");
        Assert.That(Ids(month.Json), Is.EqualTo(new[] { _forum, _webinar }));
        var latestFirst = await GetAsync($"{Api}?filter=eventStart>{first:yyyy-MM-dd}&filter=name:{_tag}&sort=eventStart:desc");
        Assert.That(Ids(latestFirst.Json), Is.EqualTo(new[] { _webinar, _forum }));
        var secondHalf = await GetAsync($"{Api}?filter=eventStart>{_month.OnDayOfMonth(10):yyyy-MM-dd}T00:00:00%2B03:00&filter=name:{_tag}");
        Assert.That(Ids(secondHalf.Json), Is.EqualTo(new[] { _webinar }));

        Assert.That(Ids((await GetAsync($"{Api}?filter=eventType:forum&filter=name:{_tag}")).Json), Is.EqualTo(new[] { _forum }));
        Assert.That(Ids((await GetAsync($"{Api}?filter=online:true&filter=name:{_tag}")).Json), Is.EqualTo(new[] { _webinar }));
        Assert.That(Ids((await GetAsync($"{Api}?filter=online:false&filter=name:{_tag}")).Json), Is.EqualTo(new[] { _forum }));
        var city = await GetAsync($"{Api}?filter={Uri.EscapeDataString("city:  " + _city.ToUpperInvariant())}");
        Assert.That(Ids(city.Json), Is.EqualTo(new[] { _forum }), "the city folded as the calendar folds it");

        var forum = await GetAsync($"{Api}/item/{_forum}");
        Assert.That(forum.Json.GetProperty("properties").GetProperty("start").GetString(),
            Is.EqualTo($"{_month.OnDayOfMonth(5):yyyy-MM-dd}T10:00:00" + DateTimeZoneProviders.Tzdb["Europe/Kyiv"].GetUtcOffset(_month.OnDayOfMonth(5).At(new LocalTime(10, 0)).InZoneLeniently(DateTimeZoneProviders.Tzdb["Europe/Kyiv"]).ToInstant()).ToString("m", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(forum.Json.GetProperty("properties").GetProperty("isOnline").GetBoolean(), Is.False);

        // A block list (the demo events' speakers) as Umbraco writes one.
        var events = await GetAsync($"{Api}?filter=contentType:event&take=50&fields=properties[speakers]");
        var speakers = events.Json.GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("properties").GetProperty("speakers").GetProperty("items"))
            .First(items => items.GetArrayLength() > 0)[0];
        Assert.That(speakers.GetProperty("settings").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var content = speakers.GetProperty("content");
        Assert.That(content.GetProperty("contentType").GetString(), Is.EqualTo("speaker"));
        Assert.That(content.GetProperty("id").GetGuid(), Is.Not.EqualTo(Guid.Empty));
        Assert.That(content.GetProperty("properties").GetProperty("name").GetString(), Is.Not.Empty);
        Assert.That(content.GetProperty("properties").GetProperty("photo").ValueKind, Is.EqualTo(JsonValueKind.Array));
    }

    [Test]
    public async Task FullTextSearch_FindsUkrainianWordForms_AndCombinesWithFetchAndFilter()
    {
        JsonElement found = default;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            found = (await GetAsync($"{Api}?q={Uri.EscapeDataString("громадами мостів " + _tag)}")).Json;
            if (found.GetProperty("total").GetInt32() > 0)
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.That(Ids(found), Is.EqualTo(new[] { _article }), "word forms of 'громади' and 'мости'");
        var english = await GetAsync($"{Api}?q={Uri.EscapeDataString("bridge " + _tag)}", "en");
        Assert.That(Ids(english.Json), Is.EqualTo(new[] { _article }));
        Assert.That(english.Response.Headers.CacheControl?.NoStore, Is.True, "an answer that follows the index is not kept");
        var inNews = await GetAsync($"{Api}?q={_tag}&fetch=children:{NewsIndexKey}&sort=createDate:asc&filter=contentType:newsArticle");
        Assert.That(Ids(inNews.Json), Is.EqualTo(new[] { _related, _article }));
        var elsewhere = await GetAsync($"{Api}?q={Uri.EscapeDataString("мостів " + _tag)}&fetch=children:{Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Key}");
        Assert.That(elsewhere.Json.GetProperty("total").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task ExpandAndFields_ChooseWhatIsWritten_AndMalformedOnesAreRefused()
    {
        var expanded = await GetAsync($"{Api}/item/{_article}?expand=properties[$all]");
        var related = expanded.Json.GetProperty("properties").GetProperty("relatedNews")[0];
        Assert.That(related.GetProperty("properties").GetProperty("summary").GetString(), Is.Not.Empty);
        Assert.That(related.GetProperty("properties").GetProperty("relatedNews").GetArrayLength(), Is.Zero);

        var named = await GetAsync($"{Api}/item/{_article}?expand=properties[relatedNews[properties[summary]]]&fields=properties[relatedNews[properties[summary]],date]");
        var properties = named.Json.GetProperty("properties");
        Assert.That(properties.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "date", "relatedNews" }));
        Assert.That(properties.GetProperty("relatedNews")[0].GetProperty("properties").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "summary" }));

        var onlySummary = await GetAsync($"{Api}?fetch=children:{NewsIndexKey}&fields=properties[summary]&take=3");
        Assert.That(onlySummary.Json.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("properties").EnumerateObject().Select(p => p.Name)), Is.All.EqualTo("summary"));

        foreach (var bad in new[] { "properties[", "properties[a,]", "relatedNews", "properties[$all", "properties[a[b]]", "properties]]" })
        {
            Assert.That((await GetAsync($"{Api}/item/{_article}?expand={Uri.EscapeDataString(bad)}")).Status, Is.EqualTo(HttpStatusCode.BadRequest), bad);
            Assert.That((await GetAsync($"{Api}/item/{_article}?fields={Uri.EscapeDataString(bad)}")).Status, Is.EqualTo(HttpStatusCode.BadRequest), bad);
        }
    }

    [Test]
    public async Task Fallback_FillsEmptyPropertiesFromTheOtherCulture_AndSaysWhich()
    {
        var plain = await GetAsync($"{Api}/item/{_article}", "en");
        Assert.That(plain.Json.GetProperty("properties").GetProperty("tags").GetArrayLength(), Is.Zero);
        Assert.That(plain.Json.TryGetProperty("fallback", out _), Is.False);

        var filled = await GetAsync($"{Api}/item/{_article}?fallback=culture:uk", "en");
        Assert.That(filled.Json.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "відбудова", "громади" }));
        Assert.That(filled.Json.GetProperty("fallback").GetProperty("culture").GetString(), Is.EqualTo("uk"));
        Assert.That(filled.Json.GetProperty("fallback").GetProperty("properties").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "tags" }));
        Assert.That(filled.Json.GetProperty("name").GetString(), Is.EqualTo(Snapshot.Get(_article)!.Name("en")), "the name stays the culture's");

        Assert.That((await GetAsync($"{Api}/item/{_article}?fallback=culture:de")).Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task RichText_AsUmbracosElementTree_WhenConfigured()
    {
        var answer = await WithOptionAsync(o => o.RichTextOutputAsJson = true, () => GetAsync($"{Api}/item/{_article}"));
        var body = answer.Json.GetProperty("properties").GetProperty("body");
        Assert.That(body.GetProperty("tag").GetString(), Is.EqualTo("#root"));
        Assert.That(body.GetProperty("blocks").GetArrayLength(), Is.Zero);
        var paragraph = body.GetProperty("elements")[0];
        Assert.That(paragraph.GetProperty("tag").GetString(), Is.EqualTo("p"));
        Assert.That(paragraph.GetProperty("elements")[0].GetProperty("tag").GetString(), Is.EqualTo("#text"));
        Assert.That(paragraph.GetProperty("elements")[0].GetProperty("text").GetString(), Is.EqualTo("Перший "));
        Assert.That(paragraph.GetProperty("elements")[1].GetProperty("tag").GetString(), Is.EqualTo("strong"));
        var link = body.GetProperty("elements")[1].GetProperty("elements")[0];
        Assert.That(link.GetProperty("attributes").GetProperty("href").GetString(), Is.EqualTo("https://example.org/"));

        var markup = await GetAsync($"{Api}/item/{_article}");
        Assert.That(markup.Json.GetProperty("properties").GetProperty("body").GetProperty("markup").GetString(), Does.Contain("<strong>абзац</strong>"));
    }

    [Test]
    public async Task ProtectedDocuments_AreRefusedAnonymously_AndLeftOutOfQueries_MembersOnlyValuesAbsent()
    {
        foreach (var key in new[] { _protectedPage, _pageBelow })
        {
            Assert.That((await GetAsync($"{Api}/item/{key}")).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await GetAsync($"{Api}/item{PathBelowHome(Snapshot.Get(key)!.Url("uk")!, "uk")}")).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await GetAsync($"{Api}/items?id={_article}&id={key}")).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var everything = await GetAsync($"{Api}?filter=name:{_tag}&take=50");
        Assert.That(Ids(everything.Json), Does.Not.Contain(_protectedPage).And.Not.Contain(_pageBelow));
        Assert.That((await GetAsync($"{Api}?fetch=descendants:{HomeKey}&take=50&filter=name:{_tag}")).Json.GetProperty("total").GetInt32(), Is.EqualTo(5));
        Assert.That((await GetAsync($"{Api}?fetch=children:{_protectedPage}")).Json.GetProperty("total").GetInt32(), Is.Zero);

        var session = await GetAsync($"{Api}/item/{_session}?expand=properties[$all]");
        Assert.That(session.Status, Is.EqualTo(HttpStatusCode.OK));
        var names = session.Json.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(names, Does.Contain(ExpertSession.Summary));
        Assert.That(names, Does.Not.Contain(ExpertSession.VideoEmbedUrl).And.Not.Contain(ExpertSession.Video).And.Not.Contain(ExpertSession.Materials));
        Assert.That(session.Json.GetRawText(), Does.Not.Contain($"members{_tag}"));

        // A bearer token that is no member's: 401, whatever it asks for.
        Assert.That((await GetAsync($"{Api}/item/{_article}", headers: new() { ["Authorization"] = "Bearer nonsense" })).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Preview_ReadsEveryDraft_OnlyWithAValidKey()
    {
        var draft = await CreateAsync(NewsIndexKey, NewsArticle.Alias, Article($"Чернетка {_tag}", $"Draft {_tag}"));
        Assert.That(draft.Succeeded, Is.True);
        var key = draft.Document!.Key;
        var preview = new Dictionary<string, string> { ["Preview"] = "true", ["Api-Key"] = PreviewKey };

        Assert.That((await GetAsync($"{Api}/item/{key}")).Status, Is.EqualTo(HttpStatusCode.NotFound), "not published");
        Assert.That((await GetAsync($"{Api}/item/{key}", headers: new() { ["Preview"] = "true" })).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await GetAsync($"{Api}/item/{key}", headers: new() { ["Preview"] = "true", ["Api-Key"] = "wrong-" + PreviewKey })).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        var seen = await GetAsync($"{Api}/item/{key}", "en", preview);
        Assert.That(seen.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(seen.Json.GetProperty("name").GetString(), Is.EqualTo($"Draft {_tag}"));
        Assert.That(seen.Response.Headers.CacheControl?.ToString(), Does.Contain("no-store").And.Contain("private"));
        var listed = await GetAsync($"{Api}?fetch=children:{NewsIndexKey}&filter=name:{_tag}&take=50", headers: preview);
        Assert.That(Ids(listed.Json), Does.Contain(key).And.Contain(_article));

        // The drafts' snapshot is kept while nothing changes, and made again after a save.
        var kept = await WithServices(s => s.GetRequiredService<AllDraftsPreview>().CurrentAsync());
        Assert.That(await WithServices(s => s.GetRequiredService<AllDraftsPreview>().CurrentAsync()), Is.SameAs(kept));

        // A draft of a published article, saved now, shows at once; visitors still read the published one.
        var state = (await GetAsync(_article))!;
        var saved = await SaveAsync(_article, state.Version, "uk", ArticleText($"Нова назва {_tag}", "Новий виклад.", "<p>Новий текст.</p>"));
        Assert.That(saved.Succeeded, Is.True, string.Join("; ", saved.Errors));
        Assert.That((await GetAsync($"{Api}/item/{_article}", headers: preview)).Json.GetProperty("name").GetString(), Is.EqualTo($"Нова назва {_tag}"));
        Assert.That(await WithServices(s => s.GetRequiredService<AllDraftsPreview>().CurrentAsync()), Is.Not.SameAs(kept));
        Assert.That((await GetAsync($"{Api}/item/{_article}")).Json.GetProperty("name").GetString(), Is.EqualTo(Snapshot.Get(_article)!.Name("uk")));

        // A key revoked in configuration no longer reads drafts; the other named key still does.
        var rotated = new Dictionary<string, string> { ["Preview"] = "true", ["Api-Key"] = RotatedKey };
        Assert.That((await GetAsync($"{Api}/item/{key}", headers: rotated)).Status, Is.EqualTo(HttpStatusCode.OK));
        await WithOptionAsync(o => o.ApiKeys.Remove("rotated"), async () =>
        {
            Assert.That((await GetAsync($"{Api}/item/{key}", headers: rotated)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await GetAsync($"{Api}/item/{key}", headers: preview)).Status, Is.EqualTo(HttpStatusCode.OK));
            return 0;
        });
    }

    [Test]
    public async Task WithoutPublicAccess_EveryCallNeedsAKey()
    {
        await WithOptionAsync(o => o.PublicAccess = false, async () =>
        {
            Assert.That((await GetAsync($"{Api}/item/{_article}")).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await GetAsync(Api)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            var keyed = await GetAsync($"{Api}/item/{_article}", headers: new() { ["Api-Key"] = PreviewKey });
            Assert.That(keyed.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(keyed.Json.GetProperty("name").GetString(), Is.EqualTo(Snapshot.Get(_article)!.Name("uk")), "a key without Preview reads what is published");
            return 0;
        });
        Assert.That((await GetAsync($"{Api}/item/{_article}")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Headers_StartItemAndLanguage_AreReadAsUmbracoReadsThem_AndGarbageIsHarmless()
    {
        var home = Snapshot.Home!;
        var path = PathBelowHome(Snapshot.Get(_article)!.Url("uk")!, "uk");
        foreach (var start in new[] { home.Key.ToString(), home.Cultures["uk"].UrlSegment })
        {
            var answer = await GetAsync($"{Api}/item{path}", headers: new() { ["Start-Item"] = start });
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), start);
            Assert.That(answer.Json.GetProperty("id").GetGuid(), Is.EqualTo(_article));
        }

        // A section as the start item: routes are read below it.
        var news = Snapshot.Get(NewsIndexKey)!;
        var below = path[PathBelowHome(news.Url("uk")!, "uk").Length..];
        var scoped = await GetAsync($"{Api}/item/{below}", headers: new() { ["Start-Item"] = NewsIndexKey.ToString() });
        Assert.That(scoped.Json.GetProperty("id").GetGuid(), Is.EqualTo(_article));
        var scopedQuery = await GetAsync($"{Api}?filter=name:{_tag}&take=50", headers: new() { ["Start-Item"] = NewsIndexKey.ToString() });
        Assert.That(Ids(scopedQuery.Json), Is.EquivalentTo(new[] { _article, _related }));

        foreach (var garbage in new[] { Guid.NewGuid().ToString(), "no-such-root", "\u00ff\u00fe", "../../etc" })
        {
            var refused = await GetAsync($"{Api}/item/{_article}", headers: new() { ["Start-Item"] = garbage });
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.NotFound), garbage);
            Assert.That(refused.Title, Is.EqualTo("The Start-Item could not be found"));
        }

        foreach (var language in new[] { "xx-YY", ";;;q=abc", "en;q=0, uk;q=0.1", "*", "en-GB,en;q=0.9" })
        {
            var answer = await GetAsync($"{Api}/item/{_article}", language);
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), language);
            Assert.That(answer.Json.GetProperty("name").GetString(), Is.EqualTo(Snapshot.Get(_article)!.Name(language.StartsWith("en-GB", StringComparison.Ordinal) ? "en" : "uk")), language);
        }
    }

    /// <summary>Runs the work with the API's options changed as configuration would change them, then restores them.</summary>
    private async Task<T> WithOptionAsync<T>(Action<DeliveryApiOptions> change, Func<Task<T>> work)
    {
        var configuration = Site.Services.GetRequiredService<IConfiguration>();
        var cache = Site.Services.GetRequiredService<IOptionsMonitorCache<DeliveryApiOptions>>();
        var changed = new DeliveryApiOptions();
        configuration.GetSection(DeliveryApiOptions.Section).Bind(changed);
        change(changed);
        cache.TryRemove(Options.DefaultName);
        cache.TryAdd(Options.DefaultName, changed);
        try
        {
            return await work();
        }
        finally
        {
            cache.TryRemove(Options.DefaultName);
        }
    }
}
