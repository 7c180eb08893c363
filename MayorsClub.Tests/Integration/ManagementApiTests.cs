using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The Management API end to end: an API client gets a token, writes bilingual news, publishes one language and
/// readers see it on the site; bad input and stale versions are refused with the reason, in the caller's language.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ManagementApiTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private HttpClient _editors = null!;

    protected override IReadOnlyDictionary<string, string>? Settings => ManagementApiClient.Settings;

    [OneTimeSetUp]
    public async Task GetToken() => _editors = await SignedInAsync(Site, EditorsId, EditorsSecret);

    [OneTimeTearDown]
    public void DropClient() => _editors.Dispose();

    [Test]
    public async Task Token_IsABearerTokenForAnHour()
    {
        using var client = BackOfficeSession.Anonymous(Site);

        using var response = await RequestTokenAsync(client, EditorsId, EditorsSecret);
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(token["token_type"]!.GetValue<string>(), Is.EqualTo("Bearer"));
        Assert.That(token["expires_in"]!.GetValue<int>(), Is.InRange(3500, 3600));
    }

    [Test]
    public async Task WrongSecret_GetsNoToken()
    {
        using var client = BackOfficeSession.Anonymous(Site);

        using var wrongSecret = await RequestTokenAsync(client, EditorsId, "not-the-secret-0123456789-abcdef");
        using var unknownClient = await RequestTokenAsync(client, "nobody", EditorsSecret);

        Assert.That((int)wrongSecret.StatusCode, Is.AnyOf(400, 401));
        Assert.That(await wrongSecret.Content.ReadAsStringAsync(), Does.Contain("invalid_client"));
        Assert.That((int)unknownClient.StatusCode, Is.AnyOf(400, 401));
        Assert.That(await unknownClient.Content.ReadAsStringAsync(), Does.Not.Contain("access_token"));
    }

    [Test]
    public async Task Editor_CreatesBilingualNews_PublishesUkrainian_TheSiteShowsItInUkrainianOnly()
    {
        var ukTitle = Unique("Громади домовилися про співпрацю");
        var enTitle = Unique("Communities agreed to cooperate");

        var created = await PostJsonAsync(_editors, "document", NewsArticle(NewsIndexKey, ukTitle, enTitle));

        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created), created.Body?.ToJsonString());
        var document = created.Body!;
        var id = document["id"]!.GetValue<Guid>();
        Assert.That(created.Response.Headers.Location!.OriginalString, Is.EqualTo($"{Base}/document/{id}"));
        Assert.That(document["documentType"]!["alias"]!.GetValue<string>(), Is.EqualTo("newsArticle"));
        Assert.That(document["parent"]!["id"]!.GetValue<Guid>(), Is.EqualTo(NewsIndexKey));
        Assert.That(Variant(document, "uk")["state"]!.GetValue<string>(), Is.EqualTo("Draft"));
        Assert.That(Variant(document, "en")["name"]!.GetValue<string>(), Is.EqualTo(enTitle));
        Assert.That(Value(document, "date", null), Is.EqualTo("2026-11-20"));
        Assert.That(Value(document, "summary", "en"), Is.EqualTo("A short summary of the news."));

        var published = await PutJsonAsync(_editors, $"document/{id}/publish", new { cultures = new[] { "uk" } });

        Assert.That(published.Status, Is.EqualTo(HttpStatusCode.OK), published.Body?.ToJsonString());
        var uk = Variant(published.Body!, "uk");
        var en = Variant(published.Body!, "en");
        Assert.That(uk["state"]!.GetValue<string>(), Is.EqualTo("Published"));
        Assert.That(en["state"]!.GetValue<string>(), Is.EqualTo("Draft"));
        var ukUrl = uk["url"]!.GetValue<string>();
        Assert.That(ukUrl, Does.StartWith("/uk/novyny/hromady-domovylysia-pro-spivpratsiu-"));
        Assert.That(en["url"], Is.Null);

        var ukPage = await GetPageAsync(ukUrl);
        Assert.That(ukPage.Status, Is.EqualTo(200));
        Assert.That(ukPage.Html, Does.Contain(ukTitle));
        var enPage = await GetPageAsync($"/en/news/{en["urlSegment"]!.GetValue<string>()}/");
        Assert.That(enPage.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task UkrainianFirst_EnglishTheNextDay_SavingEnglishKeepsTheUkrainianText()
    {
        var created = await PostJsonAsync(_editors, "document", NewsArticle(NewsIndexKey, Unique("Новина спершу українською"), null));
        var id = created.Body!["id"]!.GetValue<Guid>();
        await PutJsonAsync(_editors, $"document/{id}/publish", new { cultures = new[] { "uk" } });

        Site.Clock.AdvanceHours(24);
        var enTitle = Unique("News in English a day later");
        var saved = await PutJsonAsync(_editors, $"document/{id}", new
        {
            version = created.Body["version"]!.GetValue<int>() + 1,
            variants = new[] { new { culture = "en", name = enTitle } },
            values = new object[]
            {
                new { alias = "summary", culture = "en", value = "The summary in English." },
                new { alias = "body", culture = "en", value = "<p>The text in English.</p>" },
            },
        });

        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK), saved.Body?.ToJsonString());
        Assert.That(Value(saved.Body!, "summary", "uk"), Is.EqualTo("Короткий виклад новини."));
        Assert.That(Value(saved.Body!, "date", null), Is.EqualTo("2026-11-20"));
        Assert.That(Variant(saved.Body!, "uk")["state"]!.GetValue<string>(), Is.EqualTo("Published"), "the Ukrainian text did not change");
        Assert.That(Variant(saved.Body!, "en")["state"]!.GetValue<string>(), Is.EqualTo("Draft"));

        var published = await PutJsonAsync(_editors, $"document/{id}/publish", new { cultures = new[] { "en" } });
        var enPage = await GetPageAsync(Variant(published.Body!, "en")["url"]!.GetValue<string>());
        Assert.That(enPage.Status, Is.EqualTo(200));
        Assert.That(enPage.Html, Does.Contain(enTitle));
    }

    [TestCase("uk", "Поле «Summary» обов'язкове.", "Вкажіть назву документа.")]
    [TestCase("en", "The field \"Summary\" is required.", "Enter the document's name.")]
    public async Task BadValues_Get400_NamingTheFieldAndLanguage_InTheCallersLanguage(string language, string summaryMessage, string nameMessage)
    {
        using var client = await SignedInAsync(Site, EditorsId, EditorsSecret, language);
        var (documentsBefore, _) = await CountRowsAsync();

        var refused = await PostJsonAsync(client, "document", new
        {
            parent = new { id = NewsIndexKey },
            documentType = new { alias = "newsArticle" },
            variants = new[] { new { culture = "uk", name = "Новина без викладу" }, new { culture = "en", name = " " } },
            values = new object[]
            {
                new { alias = "date", culture = (string?)null, value = "2026-11-20" },
                new { alias = "body", culture = "uk", value = "<p>Текст.</p>" },
                new { alias = "summary", culture = "en", value = "Summary." },
                new { alias = "body", culture = "en", value = "<p>Text.</p>" },
            },
        });

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var errors = refused.Body!["errors"]!;
        Assert.That(errors["values[summary|uk]"]![0]!.GetValue<string>(), Is.EqualTo(summaryMessage));
        Assert.That(errors["variants[en].name"]![0]!.GetValue<string>(), Is.EqualTo(nameMessage));
        Assert.That(errors.AsObject().Select(e => e.Key), Has.None.EqualTo("values[summary|en]"));
        Assert.That((await CountRowsAsync()).Documents, Is.EqualTo(documentsBefore), "nothing was created");
    }

    [Test]
    public async Task RequestMistakes_Get400_NamingWhatIsWrong()
    {
        var unknownType = await PostJsonAsync(_editors, "document", new
        {
            parent = new { id = NewsIndexKey },
            documentType = new { alias = "blogPost" },
            variants = new[] { new { culture = "uk", name = "Назва" } },
        });
        var valueWithoutItsLanguage = await PostJsonAsync(_editors, "document", new
        {
            parent = new { id = NewsIndexKey },
            documentType = new { alias = "newsArticle" },
            variants = new[] { new { culture = "uk", name = "Назва" } },
            values = new[] { new { alias = "summary", culture = "en", value = "Summary." } },
        });
        var noType = await PostJsonAsync(_editors, "document", new { variants = new[] { new { culture = "uk", name = "Назва" } } });
        var takenId = await PostJsonAsync(_editors, "document", new
        {
            id = NewsIndexKey,
            parent = new { id = NewsIndexKey },
            documentType = new { alias = "newsArticle" },
            variants = new[] { new { culture = "uk", name = "Назва" } },
        });

        Assert.That(unknownType.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(unknownType.Body!["errors"]!["documentType"]![0]!.GetValue<string>(), Is.EqualTo("Unknown document type \"blogPost\"."));
        Assert.That(valueWithoutItsLanguage.Body!["errors"]!["values[summary|en]"]![0]!.GetValue<string>(), Does.Contain("add that language to \"variants\""));
        Assert.That(noType.Body!["errors"]!["documentType.alias"], Is.Not.Null);
        Assert.That(takenId.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(takenId.Body!["detail"]!.GetValue<string>(), Is.EqualTo("A document with this id already exists."));
    }

    [Test]
    public async Task MalformedJson_WrongTypes_AndOtherMediaTypes_Get4xx_NeverA500()
    {
        var created = await PostJsonAsync(_editors, "document", NewsArticle(NewsIndexKey, Unique("Новина для поганих запитів"), null));
        var id = created.Body!["id"]!.GetValue<Guid>();

        var notJson = await PutJsonAsync(_editors, $"document/{id}", new StringContent("{\"version\": 3,", Encoding.UTF8, "application/json"));
        var wrongType = await PutJsonAsync(_editors, $"document/{id}", new StringContent("{\"version\": \"three\"}", Encoding.UTF8, "application/json"));
        var wrongNestedType = await PutJsonAsync(_editors, $"document/{id}",
            new StringContent("{\"version\": 1, \"variants\": [{\"culture\": \"uk\", \"name\": 5}]}", Encoding.UTF8, "application/json"));
        var noBody = await PutJsonAsync(_editors, $"document/{id}/publish", new StringContent("", Encoding.UTF8, "application/json"));
        var text = await PutJsonAsync(_editors, $"document/{id}/publish", new StringContent("cultures=uk", Encoding.UTF8, "text/plain"));
        var badQuery = await GetJsonAsync(_editors, $"tree/document/children?parentId=not-a-guid");

        Assert.That(notJson.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(notJson.Body!["errors"]!["body"]![0]!.GetValue<string>(), Does.StartWith("The request body is not valid JSON"));
        Assert.That(wrongType.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(wrongType.Body!["errors"]!["version"]![0]!.GetValue<string>(), Is.EqualTo("The value of \"version\" has the wrong type."));
        Assert.That(wrongNestedType.Body!["errors"]!["variants[0].name"], Is.Not.Null);
        Assert.That(noBody.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(noBody.Body!["errors"]!["body"]![0]!.GetValue<string>(), Is.EqualTo("The request needs a JSON body."));
        Assert.That(text.Status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(text.Body!["detail"]!.GetValue<string>(), Is.EqualTo("Send the request body as application/json."));
        Assert.That(badQuery.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(badQuery.Body!["detail"], Is.Not.Null);
    }

    [Test]
    public async Task StaleVersion_Gets409_WithTheCurrentVersion_AndTheFirstSaveIsKept()
    {
        var created = await PostJsonAsync(_editors, "document", NewsArticle(NewsIndexKey, Unique("Дві правки одночасно"), null));
        var id = created.Body!["id"]!.GetValue<Guid>();
        var startedFrom = created.Body["version"]!.GetValue<int>();
        var first = await PutJsonAsync(_editors, $"document/{id}", new
        {
            version = startedFrom,
            values = new[] { new { alias = "summary", culture = "uk", value = "Перша правка." } },
        });

        var second = await PutJsonAsync(_editors, $"document/{id}", new
        {
            version = startedFrom,
            values = new[] { new { alias = "summary", culture = "uk", value = "Друга правка." } },
        });
        var stalePublish = await PutJsonAsync(_editors, $"document/{id}/publish", new { cultures = new[] { "uk" }, version = startedFrom });

        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK));
        var current = first.Body!["version"]!.GetValue<int>();
        Assert.That(second.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(second.Body!["currentVersion"]!.GetValue<int>(), Is.EqualTo(current));
        Assert.That(second.Body["detail"]!.GetValue<string>(), Does.Contain($"current version {current}"));
        Assert.That(stalePublish.Status, Is.EqualTo(HttpStatusCode.Conflict));
        var now = await GetJsonAsync(_editors, $"document/{id}");
        Assert.That(Value(now.Body!, "summary", "uk"), Is.EqualTo("Перша правка."));
        Assert.That(Variant(now.Body!, "uk")["state"]!.GetValue<string>(), Is.EqualTo("Draft"));
    }

    [Test]
    public async Task MissingDocument_Gets404()
    {
        var missing = Guid.NewGuid();

        var get = await GetJsonAsync(_editors, $"document/{missing}");
        var publish = await PutJsonAsync(_editors, $"document/{missing}/publish", new { cultures = new[] { "uk" } });
        var versions = await GetJsonAsync(_editors, $"document/{missing}/versions");

        Assert.That(get.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(get.Body!["detail"]!.GetValue<string>(), Is.EqualTo("The document was not found."));
        Assert.That(publish.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(versions.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Versions_ListTheHistory_AndRollbackWithPublish_PutsTheEarlierTitleBackOnTheSite()
    {
        var original = Unique("Перша назва новини");
        var changed = Unique("Змінена назва новини");
        var created = await PostJsonAsync(_editors, "document", NewsArticle(NewsIndexKey, original, null));
        var id = created.Body!["id"]!.GetValue<Guid>();
        var firstVersion = created.Body["version"]!.GetValue<int>();
        var published = await PutJsonAsync(_editors, $"document/{id}/publish", new { cultures = new[] { "uk" } });
        var saved = await PutJsonAsync(_editors, $"document/{id}", new
        {
            version = published.Body!["version"]!.GetValue<int>(),
            variants = new[] { new { culture = "uk", name = changed } },
        });
        var republished = await PutJsonAsync(_editors, $"document/{id}/publish", new { cultures = new[] { "uk" } });
        var url = Variant(republished.Body!, "uk")["url"]!.GetValue<string>();
        Assert.That((await GetPageAsync(url)).Html, Does.Contain(changed));

        var versions = await GetJsonAsync(_editors, $"document/{id}/versions");
        var first = await GetJsonAsync(_editors, $"document/{id}/versions/{firstVersion}");
        var rolledBack = await PostJsonAsync(_editors, $"document/{id}/versions/{firstVersion}/rollback",
            new { version = republished.Body!["version"]!.GetValue<int>(), publish = true });

        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(versions.Body!["total"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(versions.Body["items"]!.AsArray().Select(v => v!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "publish", "save", "publish", "create" }));
        Assert.That(versions.Body["items"]![0]!["user"]!.GetValue<string>(), Is.EqualTo($"api:{EditorsId}"));
        Assert.That(Variant(first.Body!, "uk")["name"]!.GetValue<string>(), Is.EqualTo(original));
        Assert.That(rolledBack.Status, Is.EqualTo(HttpStatusCode.OK), rolledBack.Body?.ToJsonString());
        Assert.That(Variant(rolledBack.Body!, "uk")["name"]!.GetValue<string>(), Is.EqualTo(original));
        var page = await GetPageAsync(Variant(rolledBack.Body!, "uk")["url"]!.GetValue<string>());
        Assert.That(page.Html, Does.Contain(original).And.Not.Contain(changed));
    }

    [Test]
    public async Task Schedule_SetsEachLanguagesTimes_InUtc_AndRefusesATimeWithoutItsZone()
    {
        var created = await PostJsonAsync(_editors, "document", NewsArticle(NewsIndexKey, Unique("Заплановано"), Unique("Scheduled")));
        var id = created.Body!["id"]!.GetValue<Guid>();
        var now = Site.Clock.GetCurrentInstant().ToDateTimeUtc();
        var publishAt = new DateTime(now.Year, now.Month, now.Day, 9, 0, 0, DateTimeKind.Utc).AddDays(2);

        var scheduled = await PutJsonAsync(_editors, $"document/{id}/schedule", new
        {
            schedules = new object[]
            {
                new { culture = "uk", publishAt = publishAt.ToString("yyyy-MM-ddTHH:mm:ssZ"), unpublishAt = (string?)null },
                new { culture = "en", publishAt = publishAt.AddHours(2).ToString("yyyy-MM-ddTHH:mm:ss+02:00"), unpublishAt = publishAt.AddDays(7).ToString("yyyy-MM-ddTHH:mm:ssZ") },
            },
        });
        var withoutZone = await PutJsonAsync(_editors, $"document/{id}/schedule", new
        {
            schedules = new[] { new { culture = "uk", publishAt = publishAt.ToString("yyyy-MM-ddTHH:mm:ss") } },
        });
        var inThePast = await PutJsonAsync(_editors, $"document/{id}/schedule", new
        {
            schedules = new object[]
            {
                new { culture = "uk", publishAt = publishAt.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssZ") },
                new { culture = "en", publishAt = now.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ") },
            },
        });

        Assert.That(scheduled.Status, Is.EqualTo(HttpStatusCode.OK), scheduled.Body?.ToJsonString());
        Assert.That(Variant(scheduled.Body!, "uk")["scheduledPublishDate"]!.GetValue<DateTime>().ToUniversalTime(), Is.EqualTo(publishAt));
        Assert.That(Variant(scheduled.Body!, "en")["scheduledPublishDate"]!.GetValue<DateTime>().ToUniversalTime(), Is.EqualTo(publishAt));
        Assert.That(Variant(scheduled.Body!, "en")["scheduledUnpublishDate"]!.GetValue<DateTime>().ToUniversalTime(), Is.EqualTo(publishAt.AddDays(7)));
        Assert.That(withoutZone.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(withoutZone.Body!["errors"]!["schedules[uk].publishAt"], Is.Not.Null);
        Assert.That(inThePast.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(inThePast.Body!["errors"]!["schedules[en]"]![0]!.GetValue<string>(), Is.EqualTo("The scheduled time has already passed."));
        var after = await GetJsonAsync(_editors, $"document/{id}");
        Assert.That(Variant(after.Body!, "uk")["scheduledPublishDate"]!.GetValue<DateTime>().ToUniversalTime(), Is.EqualTo(publishAt), "all or nothing");
    }

    [Test]
    public async Task UnpublishBothLanguages_TakesThePageOffTheSiteInBoth()
    {
        var created = await PostJsonAsync(_editors, "document", NewsArticle(NewsIndexKey, Unique("Знімемо з публікації"), Unique("To be unpublished")));
        var id = created.Body!["id"]!.GetValue<Guid>();
        var published = await PutJsonAsync(_editors, $"document/{id}/publish", new { cultures = new[] { "uk", "en" } });
        var ukUrl = Variant(published.Body!, "uk")["url"]!.GetValue<string>();
        var enUrl = Variant(published.Body!, "en")["url"]!.GetValue<string>();

        var notPublished = await PutJsonAsync(_editors, $"document/{id}/unpublish", new { cultures = new[] { "uk", "de" } });
        Assert.That(notPublished.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await GetPageAsync(ukUrl)).Status, Is.EqualTo(200), "all or nothing");

        var unpublished = await PutJsonAsync(_editors, $"document/{id}/unpublish", new { cultures = new[] { "uk", "en" } });

        Assert.That(unpublished.Status, Is.EqualTo(HttpStatusCode.OK), unpublished.Body?.ToJsonString());
        Assert.That(Variant(unpublished.Body!, "uk")["state"]!.GetValue<string>(), Is.EqualTo("Draft"));
        Assert.That((await GetPageAsync(ukUrl)).Status, Is.EqualTo(404));
        Assert.That((await GetPageAsync(enUrl)).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Tree_TrashAndRestore_MoveAndSort()
    {
        var roots = await GetJsonAsync(_editors, "tree/document/root");
        Assert.That(roots.Body!["items"]!.AsArray().Select(i => i!["documentType"]!["alias"]!.GetValue<string>()), Does.Contain("home"));
        var home = roots.Body["items"]!.AsArray().First(i => i!["documentType"]!["alias"]!.GetValue<string>() == "home")!;
        Assert.That(home["hasChildren"]!.GetValue<bool>(), Is.True);

        var a = (await PostJsonAsync(_editors, "document", NewsArticle(NewsIndexKey, Unique("Стаття А"), null))).Body!["id"]!.GetValue<Guid>();
        var b = (await PostJsonAsync(_editors, "document", NewsArticle(NewsIndexKey, Unique("Стаття Б"), null))).Body!["id"]!.GetValue<Guid>();
        var children = await GetJsonAsync(_editors, $"tree/document/children?parentId={NewsIndexKey}&take=1000");
        var order = children.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
        Assert.That(order, Does.Contain(a).And.Contain(b));

        order.Remove(b);
        order.Insert(0, b);
        var sorted = await PutJsonAsync(_editors, "document/sort", new { parent = new { id = NewsIndexKey }, sorting = order.Select((id, i) => new { id, sortOrder = i }) });
        var incomplete = await PutJsonAsync(_editors, "document/sort", new { parent = new { id = NewsIndexKey }, sorting = new[] { new { id = a, sortOrder = 0 } } });
        Assert.That(sorted.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(incomplete.Body!["errors"]!["sorting"], Is.Not.Null);
        var resorted = await GetJsonAsync(_editors, $"tree/document/children?parentId={NewsIndexKey}&take=1");
        Assert.That(resorted.Body!["items"]![0]!["id"]!.GetValue<Guid>(), Is.EqualTo(b));

        var toRoot = await PutJsonAsync(_editors, $"document/{a}/move", new { parent = (object?)null });
        Assert.That(toRoot.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(toRoot.Body!["errors"]!["parent"], Is.Not.Null);

        var trashed = await PutJsonAsync(_editors, $"document/{a}/move-to-recycle-bin");
        var bin = await GetJsonAsync(_editors, "recycle-bin/document/root?take=1000");
        var afterTrash = await GetJsonAsync(_editors, $"tree/document/children?parentId={NewsIndexKey}&take=1000");
        Assert.That(trashed.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(trashed.Body!["isTrashed"]!.GetValue<bool>(), Is.True);
        Assert.That(bin.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Does.Contain(a));
        Assert.That(afterTrash.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Does.Not.Contain(a));

        var restored = await PutJsonAsync(_editors, $"recycle-bin/document/{a}/restore");
        Assert.That(restored.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(restored.Body!["isTrashed"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task DocumentTypes_SayWhichValuesAreSharedAndWhichVaryByLanguage()
    {
        var article = await GetJsonAsync(_editors, "document-type/newsArticle");
        var unknown = await GetJsonAsync(_editors, "document-type/blogPost");

        var properties = article.Body!["properties"]!.AsArray();
        Assert.That(properties.Single(p => p!["alias"]!.GetValue<string>() == "date")!["variesByCulture"]!.GetValue<bool>(), Is.False);
        Assert.That(properties.Single(p => p!["alias"]!.GetValue<string>() == "summary")!["variesByCulture"]!.GetValue<bool>(), Is.True);
        Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task OpenApiDocument_IsServed_AndDescribesTheDocumentEndpoints()
    {
        var (status, document, _) = await GetJsonAsync(_editors, "openapi.json");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(document!["openapi"]!.GetValue<string>(), Does.StartWith("3.1"));
        var paths = document["paths"]!.AsObject();
        Assert.That(paths.Select(p => p.Key), Is.SupersetOf(new[]
        {
            $"{Base}/document", $"{Base}/document/{{id}}", $"{Base}/document/{{id}}/publish", $"{Base}/document/{{id}}/unpublish",
            $"{Base}/document/{{id}}/schedule", $"{Base}/document/{{id}}/versions", $"{Base}/document/{{id}}/versions/{{number}}/rollback",
            $"{Base}/tree/document/children", $"{Base}/recycle-bin/document/{{id}}/restore",
        }));
        var update = paths[$"{Base}/document/{{id}}"]!["put"]!;
        Assert.That(update["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "200", "400", "404", "409", "401" }));
        var publish = paths[$"{Base}/document/{{id}}/publish"]!["put"]!;
        Assert.That(publish["responses"]!.AsObject().Select(r => r.Key), Does.Contain("403"));
        Assert.That(document["components"]!["schemas"]!["DocumentResponse"], Is.Not.Null);
        Assert.That(document["components"]!["securitySchemes"]!["OAuth"]!["flows"]!["clientCredentials"]!["tokenUrl"]!.GetValue<string>(),
            Is.EqualTo(TokenPath));
        Assert.That(paths.Select(p => p.Key), Has.None.StartsWith("/uk").And.None.EqualTo("/healthz"), "only the Management API");
    }

    [Test]
    public async Task BackOfficeCookie_Reads_AndChangesOnlyWithTheAntiforgeryHeader()
    {
        using var session = await BackOfficeSession.SignInAsync(Site, "api-editor@test.local", "Editor-password-1", BackOfficeGroups.Editors);
        var client = session.Client;
        var created = await PostJsonAsync(_editors, "document", NewsArticle(NewsIndexKey, Unique("Новина для сесії"), null));
        var id = created.Body!["id"]!.GetValue<Guid>();
        var change = new
        {
            version = created.Body["version"]!.GetValue<int>(),
            values = new[] { new { alias = "summary", culture = "uk", value = "Правка з адмінпанелі." } },
        };

        var read = await GetJsonAsync(client, $"document/{id}");
        var withoutToken = await PutJsonAsync(client, $"document/{id}", change);
        var html = await client.GetStringAsync("/umbraco");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"request-verification-token\" content=\"([^\"]+)\"").Groups[1].Value;
        client.DefaultRequestHeaders.Add("RequestVerificationToken", WebUtility.HtmlDecode(token));
        var withToken = await PutJsonAsync(client, $"document/{id}", change);

        Assert.That(read.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(withoutToken.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(withoutToken.Body!["detail"]!.GetValue<string>(), Does.Contain("RequestVerificationToken"));
        Assert.That(withToken.Status, Is.EqualTo(HttpStatusCode.OK), withToken.Body?.ToJsonString());
        Assert.That(withToken.Body!["updatedBy"]!.GetValue<string>(), Is.EqualTo("api-editor@test.local"));
    }
}
