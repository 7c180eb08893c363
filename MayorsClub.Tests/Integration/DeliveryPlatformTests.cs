using System.Net;
using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Delivery;
using MayorsClub.Core.Media;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Web.Delivery;
using MayorsClub.Web.Delivery.Platform;
using MayorsClub.Web.Site;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// What every Delivery API answer shares: Vary, a strong ETag and 304, Cache-Control, CORS, the rate limit per client
/// address, the cache of anonymous answers (and that nothing keyed, previewed or a member's is ever served from it or
/// put in it), the OpenAPI document, the Scalar page and the dictionary. Each test calls from its own client address.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class DeliveryPlatformTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Api = DeliveryApi.BasePath;
    private const string Origin = "https://app.hromada.test";
    private const string Key = "delivery-platform-tests-key-0123456789abcdef";
    private const int PerMinute = 40;

    protected override IReadOnlyDictionary<string, string>? Settings { get; } = new Dictionary<string, string>
    {
        ["MayorsClub:DeliveryApi:CorsOrigins:0"] = Origin,
        ["MayorsClub:DeliveryApi:RequestsPerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MayorsClub:DeliveryApi:ApiKeys:app"] = Key,
    };

    [Test]
    public async Task AnAnswer_HasVary_AStrongETag_AndNoCache_AndIfNoneMatchGets304WithTheSameHeaders()
    {
        using var caller = Caller();
        using var first = await caller.GetAsync($"{Api}/dictionary");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var etag = first.Headers.ETag;
        Assert.That(etag, Is.Not.Null);
        Assert.That(etag!.IsWeak, Is.False, "a strong ETag of the body");
        Assert.That(string.Join(", ", first.Headers.Vary), Is.EqualTo(DeliveryHeaders.Vary));
        Assert.That(first.Headers.CacheControl?.NoCache, Is.True);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"{Api}/dictionary");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await caller.SendAsync(again);
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(notModified.Headers.ETag, Is.EqualTo(etag));
        Assert.That(string.Join(", ", notModified.Headers.Vary), Is.EqualTo(DeliveryHeaders.Vary));
        Assert.That(await notModified.Content.ReadAsByteArrayAsync(), Is.Empty);

        using var head = await caller.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{Api}/dictionary"));
        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(head.Headers.ETag, Is.EqualTo(etag), "HEAD announces the same answer");
        Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);

        using var english = new HttpRequestMessage(HttpMethod.Get, $"{Api}/dictionary");
        english.Headers.IfNoneMatch.Add(etag);
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var other = await caller.SendAsync(english);
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another culture's answer has another ETag");
        Assert.That(other.Headers.ETag, Is.Not.EqualTo(etag));
    }

    [Test]
    public async Task Errors_AreProblemDetails_WithVary_NeverTheSitesPages()
    {
        using var caller = Caller();
        foreach (var url in new[] { $"{Api}/media/item/{Guid.NewGuid()}", $"{Api}/no-such-endpoint", $"{Api}/media?fetch=everything" })
        {
            using var response = await caller.GetAsync(url);
            Assert.That((int)response.StatusCode, Is.InRange(400, 499), url);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), url);
            Assert.That(string.Join(", ", response.Headers.Vary), Is.EqualTo(DeliveryHeaders.Vary), url);
            Assert.That(response.Headers.ETag, Is.Null, url);
        }

        using var post = await caller.PostAsync($"{Api}/dictionary", new StringContent("{}"));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(post.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task AnAnonymousAnswer_IsKept_AndServedAgain_PerCulture()
    {
        using var caller = Caller();
        var url = $"{Api}/dictionary?key=news.";
        Assert.That(await CacheOf(caller, url, "uk"), Is.EqualTo("MISS"));
        Assert.That(await CacheOf(caller, url, "en"), Is.EqualTo("MISS"), "English is another answer, not the Ukrainian one");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd("uk");
        using var hit = await caller.SendAsync(request);
        Assert.That(hit.Headers.GetValues(DeliveryAnswers.CacheHeader), Is.EqualTo(new[] { "HIT" }));
        var items = JsonNode.Parse(await hit.Content.ReadAsStringAsync())!["items"]!.AsArray();
        Assert.That(items.Select(i => (string)i!["key"]!), Has.All.StartWith("news."));
        Assert.That(items.Single(i => (string)i!["key"]! == SiteText.LatestNews)!["value"]!.GetValue<string>(), Is.EqualTo(SiteText.Get(SiteText.LatestNews, "uk")));
        Assert.That(hit.Content.Headers.ContentLanguage, Is.EqualTo(new[] { "uk" }));
    }

    /// <summary>CVE-2025-54425: whatever the order, nothing made for a key, a preview or a member reaches an anonymous caller, nor the other way round.</summary>
    [TestCase(DeliveryHeaders.ApiKey, Key)]
    [TestCase(DeliveryHeaders.Preview, "true")]
    [TestCase(DeliveryHeaders.Preview, "false")]
    [TestCase("Authorization", "Bearer some-token")]
    [TestCase("Cookie", "mc_member=anything")]
    public async Task ARequestWithAKeyAPreviewOrAnIdentity_IsNeverAnsweredFromTheCache_NorKept(string header, string value)
    {
        using var caller = Caller();
        var media = await AnyPublicMediaAsync();
        var url = $"{Api}/media/item/{media}?case={Uri.EscapeDataString(header + value)}";

        using var personalFirst = await SendAsync(caller, url, (header, value));
        Assert.That(personalFirst.Headers.Contains(DeliveryAnswers.CacheHeader), Is.False, "not kept");
        Assert.That(personalFirst.Headers.CacheControl?.ToString(), Is.EqualTo("no-store, private"));
        Assert.That(await CacheOf(caller, url), Is.EqualTo("MISS"), "the anonymous caller after it gets a new answer");
        Assert.That(await CacheOf(caller, url), Is.EqualTo("HIT"));

        using var personalAfter = await SendAsync(caller, url, (header, value));
        Assert.That(personalAfter.Headers.Contains(DeliveryAnswers.CacheHeader), Is.False, "the kept anonymous answer is not served to it");
        Assert.That(personalAfter.Headers.CacheControl?.ToString(), Is.EqualTo("no-store, private"));
    }

    [Test]
    public async Task AMediaChange_DropsTheAnswersThatHoldIt_AndOnlyThose()
    {
        using var caller = Caller();
        var (renamed, untouched) = (await UploadAsync("evicted.png"), await UploadAsync("kept.png"));
        foreach (var key in new[] { renamed, untouched })
        {
            Assert.That(await CacheOf(caller, $"{Api}/media/item/{key}"), Is.EqualTo("MISS"));
            Assert.That(await CacheOf(caller, $"{Api}/media/item/{key}"), Is.EqualTo("HIT"));
        }

        var result = await WithServices(s => s.GetRequiredService<MediaEditor>().UpdateAsync(new MediaEditor.UpdateCommand(
            renamed, null, "Renamed for the cache", new Dictionary<string, string?>(), null, null, Editor, EditorRights.Publish)));
        Assert.That(result.Succeeded, Is.True);

        using var fresh = await caller.GetAsync($"{Api}/media/item/{renamed}");
        Assert.That(fresh.Headers.GetValues(DeliveryAnswers.CacheHeader).Single(), Does.StartWith("MISS"));
        Assert.That(JsonNode.Parse(await fresh.Content.ReadAsStringAsync())!["name"]!.GetValue<string>(), Is.EqualTo("Renamed for the cache"));
        Assert.That(await CacheOf(caller, $"{Api}/media/item/{untouched}"), Is.EqualTo("HIT"), "an answer the change did not touch stays");
    }

    [Test]
    public async Task AnAnswerMadeFromASnapshotThatHasSinceBeenReplaced_IsNeverKept()
    {
        var cache = Site.Services.GetRequiredService<DeliveryAnswerCache>();
        var before = Snapshot.Generation;
        await UploadAsync("newer.png");
        Assert.That(Snapshot.Generation, Is.GreaterThan(before), "the upload made a new snapshot, and this cache's eviction ran for it");

        var stale = new CachedAnswer(before, [1, 2, 3], "application/json", "\"stale\"", null, cache.CurrentOptions);
        Assert.That(cache.Keep("test:stale", stale, [DeliveryScope.AllMedia]), Is.False, "its eviction may already have run");
        Assert.That(cache.Find("test:stale"), Is.Null);

        var current = stale with { Generation = Snapshot.Generation };
        Assert.That(cache.Keep("test:current", current, [DeliveryScope.AllMedia]), Is.True);
        Assert.That(cache.Find("test:current"), Is.SameAs(current));
        await UploadAsync("evicts.png");
        Assert.That(cache.Find("test:current"), Is.Null, "the next media change drops what holds the library's tag");

        var underOldSettings = current with { Generation = Snapshot.Generation, MadeUnder = new DeliveryApiOptions() };
        Assert.That(cache.Keep("test:old-settings", underOldSettings, [DeliveryScope.AllMedia]), Is.False,
            "an answer made before the settings were reloaded is not kept");
    }

    [Test]
    public async Task Cors_AConfiguredOrigin_GetsItsPreflightAndItsAnswers_AnotherDoesNot_AndTheSiteIsNotOpened()
    {
        using var caller = Caller();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"{Api}/dictionary");
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "api-key, preview, start-item, accept-language, authorization");
        using var allowed = await caller.SendAsync(preflight);
        Assert.That((int)allowed.StatusCode, Is.EqualTo(204));
        Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo(Origin));
        var headers = string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.That(headers, Does.Contain("api-key").And.Contain("preview").And.Contain("start-item").And.Contain("accept-language").And.Contain("authorization"));

        using var simple = new HttpRequestMessage(HttpMethod.Get, $"{Api}/dictionary");
        simple.Headers.Add("Origin", Origin);
        using var answer = await caller.SendAsync(simple);
        Assert.That(answer.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo(Origin));
        Assert.That(answer.Headers.GetValues("Access-Control-Expose-Headers").Single(), Does.Contain("ETag"));

        using var stranger = new HttpRequestMessage(HttpMethod.Get, $"{Api}/dictionary");
        stranger.Headers.Add("Origin", "https://evil.example");
        using var refused = await caller.SendAsync(stranger);
        Assert.That(refused.Headers.Contains("Access-Control-Allow-Origin"), Is.False);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/uk/");
        page.Headers.Add("Origin", Origin);
        using var site = await caller.SendAsync(page);
        Assert.That(site.Headers.Contains("Access-Control-Allow-Origin"), Is.False, "CORS applies under /umbraco/delivery only");
    }

    [Test]
    public async Task TheRateLimit_CountsEachAddress_CachedAnswersToo_And429SaysWhenToComeBack()
    {
        using var busy = Caller();
        for (var i = 0; i < PerMinute; i++)
        {
            using var ok = await busy.GetAsync($"{Api}/dictionary");
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"request {i + 1}");
        }

        using var refused = await busy.GetAsync($"{Api}/dictionary");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(string.Join(", ", refused.Headers.Vary), Is.EqualTo(DeliveryHeaders.Vary));

        using var other = Caller();
        using var fine = await other.GetAsync($"{Api}/dictionary");
        Assert.That(fine.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another address has its own allowance");
    }

    [Test]
    public async Task TheOpenApiDocument_ListsTheMediaAndDictionaryPaths_WithUmbracosParametersAndSchemas()
    {
        using var caller = Caller();
        using var response = await caller.GetAsync(DeliveryDocs.OpenApiPath);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = document["paths"]!.AsObject();
        Assert.That(paths.Select(p => p.Key), Is.SupersetOf(new[]
        {
            $"{Api}/media", $"{Api}/media/item/{{id}}", $"{Api}/media/item/{{path}}", $"{Api}/media/items", $"{Api}/dictionary",
        }));
        Assert.That(paths.Select(p => p.Key), Has.All.StartWith(Api + "/"), "nothing of the Management API");

        var query = paths[$"{Api}/media"]!["get"]!;
        Assert.That((string?)query["operationId"], Is.EqualTo("GetMediaQuery20"));
        var parameters = query["parameters"]!.AsArray().Select(p => ($"{p!["in"]}:{p["name"]}")).ToList();
        Assert.That(parameters, Is.SupersetOf(new[]
        {
            "query:fetch", "query:filter", "query:sort", "query:skip", "query:take",
            "header:Accept-Language", "header:Api-Key", "header:Preview", "header:Start-Item",
        }));
        Assert.That((string?)query["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "take")!["schema"]!["type"], Is.EqualTo("integer"));
        Assert.That(query["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>(),
            Does.EndWith("PagedIApiMediaWithCropsResponseModel"));
        Assert.That(query["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "200", "304", "400", "429" }));
        var schemas = document["components"]!["schemas"]!.AsObject().Select(s => s.Key);
        Assert.That(schemas, Is.SupersetOf(new[] { "IApiMediaWithCropsResponseModel", "IApiContentResponseModel", "PagedIApiContentResponseModel", "ProblemDetails" }));
    }

    [Test]
    public async Task TheOpenApiDocument_ListsTheContentPaths_WithUmbracosParametersAndHeaders()
    {
        using var caller = Caller();
        using var response = await caller.GetAsync(DeliveryDocs.OpenApiPath);
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"]!.AsObject();
        string[] headers = ["header:Accept-Language", "header:Api-Key", "header:Preview", "header:Start-Item"];
        var expected = new (string Path, string OperationId, string Schema, string[] Parameters)[]
        {
            ($"{Api}/content", "GetContent20", "PagedIApiContentResponseModel",
                ["query:fetch", "query:filter", "query:sort", "query:skip", "query:take", "query:expand", "query:fields"]),
            ($"{Api}/content/item/{{id}}", "GetContentItemById20", "IApiContentResponseModel", ["path:id", "query:expand", "query:fields"]),
            ($"{Api}/content/item/{{path}}", "GetContentItemByPath20", "IApiContentResponseModel", ["path:path", "query:expand", "query:fields"]),
            ($"{Api}/content/items", "GetContentItems20", "IApiContentResponseModel", ["query:id", "query:expand", "query:fields"]),
        };
        foreach (var (path, operationId, schema, parameters) in expected)
        {
            Assert.That(paths.ContainsKey(path), Is.True, path);
            var get = paths[path]!["get"]!;
            Assert.That((string?)get["operationId"], Is.EqualTo(operationId), path);
            var names = get["parameters"]!.AsArray().Select(p => $"{p!["in"]}:{p["name"]}").ToList();
            Assert.That(names, Is.SupersetOf(parameters.Concat(headers)), path);
            Assert.That(get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.ToJsonString(), Does.Contain(schema), path);
            Assert.That(get["responses"]!.AsObject().Select(r => r.Key), Does.Contain("304").And.Contain("429"), path);
        }

        Assert.That(paths[$"{Api}/content"]!["get"]!["responses"]!.AsObject().Select(r => r.Key), Does.Contain("400"), "an unknown filter, sort or selector");
        Assert.That(paths[$"{Api}/content/item/{{id}}"]!["get"]!["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "401", "403", "404" }));
        var filter = paths[$"{Api}/content"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "filter")!;
        Assert.That((string?)filter["schema"]!["type"], Is.EqualTo("array"), "several filters combine");
        Assert.That((string?)paths[$"{Api}/content/item/{{id}}"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "id")!["schema"]!["format"],
            Is.EqualTo("uuid"));
    }

    [Test]
    public async Task Cors_CoversTheOpenIdDiscoveryDocument_ForAConfiguredOrigin()
    {
        const string Discovery = "https://localhost/.well-known/openid-configuration"; // OpenIddict answers over HTTPS only here
        using var caller = Caller();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, Discovery);
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var allowed = await caller.SendAsync(preflight);
        Assert.That((int)allowed.StatusCode, Is.EqualTo(204));
        Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo(Origin));

        using var simple = new HttpRequestMessage(HttpMethod.Get, Discovery);
        simple.Headers.Add("Origin", Origin);
        using var discovery = await caller.SendAsync(simple);
        var document = await discovery.Content.ReadAsStringAsync();
        Assert.That(discovery.StatusCode, Is.EqualTo(HttpStatusCode.OK), document);
        Assert.That(discovery.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo(Origin));
        Assert.That((string?)JsonNode.Parse(document)!["issuer"], Is.Not.Empty);

        using var stranger = new HttpRequestMessage(HttpMethod.Get, Discovery);
        stranger.Headers.Add("Origin", "https://evil.example");
        using var refused = await caller.SendAsync(stranger);
        Assert.That(refused.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task TheReferencePage_IsPublic()
    {
        using var caller = Caller();
        using var response = await caller.GetAsync(DeliveryDocs.DocsPath + "/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(DeliveryDocs.OpenApiPath.TrimStart('/')), "Scalar resolves it against the application's base path");
        using var script = await caller.GetAsync(DeliveryDocs.DocsPath + "/scalar.js");
        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self' 'unsafe-inline'"),
            "Scalar writes its set-up as an inline script");
    }

    [TestCase("uk")]
    [TestCase("en")]
    public async Task TheDictionary_GivesTheSitesInterfaceStrings_InTheRequestedCulture(string culture)
    {
        using var caller = Caller();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/dictionary");
        request.Headers.AcceptLanguage.ParseAdd(culture);
        using var response = await caller.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That((string?)body["culture"], Is.EqualTo(culture));
        var items = body["items"]!.AsArray().ToDictionary(i => (string)i!["key"]!, i => (string)i!["value"]!);
        Assert.That(items, Has.Count.EqualTo(DeliveryDictionary.Count));
        Assert.That(items[SiteText.LatestNews], Is.EqualTo(SiteText.Get(SiteText.LatestNews, culture)));
        Assert.That(items.Keys, Has.Some.StartWith("calendar.").And.Some.StartWith("search."));
        Assert.That(items.Keys, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void EveryMessage_IsInBothLanguages() =>
        Assert.That(DeliveryPlatformText.Keys.Where(k => !DeliveryPlatformText.HasBothLanguages(k)), Is.Empty);

    private static int _address;

    /// <summary>A client from an address no other test uses (the rate limit counts per address).</summary>
    private HttpClient Caller() =>
        MemberSession.Anonymous(Site, $"198.51.{(Provider == DatabaseProvider.Sqlite ? 100 : 101)}.{Interlocked.Increment(ref _address)}");

    private static async Task<string> CacheOf(HttpClient caller, string url, string? culture = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (culture is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(culture);
        }

        using var response = await caller.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        return response.Headers.TryGetValues(DeliveryAnswers.CacheHeader, out var values) ? values.Single() : "(none)";
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient caller, string url, (string Name, string Value) header)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        return caller.SendAsync(request);
    }

    private async Task<Guid> AnyPublicMediaAsync() => Snapshot.Media.FirstOrDefault()?.Key ?? await UploadAsync("any.png");

    private async Task<Guid> UploadAsync(string name)
    {
        var result = await WithServices(s => s.GetRequiredService<MediaUploader>().UploadAsync(
            new MediaUploader.UploadCommand(new MemoryStream(MediaTestFiles.Png(4, 4)), name, null, MembersOnly: false, Editor)));
        Assert.That(result.Succeeded, Is.True, string.Join(", ", result.Errors));
        return result.Item!.Key;
    }
}
