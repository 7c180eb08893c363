using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Tests.Unit;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>Media through the Management API: upload, read, update, replace, delete, with the same rules as the media section.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ManagementApiMediaTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private HttpClient _editors = null!;
    private HttpClient _writers = null!;

    protected override IReadOnlyDictionary<string, string>? Settings => ManagementApiClient.Settings;

    [OneTimeSetUp]
    public async Task GetTokens()
    {
        _editors = await SignedInAsync(Site, EditorsId, EditorsSecret);
        _writers = await SignedInAsync(Site, WritersId, WritersSecret);
    }

    [OneTimeTearDown]
    public void DropClients()
    {
        _editors.Dispose();
        _writers.Dispose();
    }

    [Test]
    public async Task UploadedImage_IsServedAtItsPublicUrl_WithTheSniffedType()
    {
        var png = MediaTestFiles.Png(40, 30);

        using var response = await UploadAsync(_editors, png, "hero.jpg");
        var item = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(item["contentType"]!.GetValue<string>(), Is.EqualTo("image/png"), "told from the bytes, not the name");
        Assert.That((item["width"]!.GetValue<int>(), item["height"]!.GetValue<int>()), Is.EqualTo((40, 30)));
        using var file = await Client.GetAsync(item["url"]!.GetValue<string>());
        Assert.That(await file.Content.ReadAsByteArrayAsync(), Is.EqualTo(png));
        Assert.That(file.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
    }

    [Test]
    public async Task ScriptDisguisedAsAnImage_IsRefusedWithAMessage_AndNothingIsStored()
    {
        using var response = await UploadAsync(_editors, "<script>alert(1)</script>"u8.ToArray(), "photo.jpg");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem["errors"]!["file"]!.AsArray().Single()!.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public async Task Update_SetsAltTextsAndFocalPoint_AndAStaleVersionGetsAConflict()
    {
        using var uploaded = await UploadAsync(_editors, MediaTestFiles.Png(10, 10), "logo.png");
        var item = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!;
        var id = item["id"]!.GetValue<Guid>();
        var version = item["version"]!.GetValue<int>();

        using var updated = await _editors.PutAsJsonAsync($"{Base}/media/{id}", new
        {
            altText = new Dictionary<string, string> { ["uk"] = "Логотип клубу", ["en"] = "The club's logo" },
            focalPoint = new { x = 0.25, y = 0.75 },
            version,
        });
        using var stale = await _editors.PutAsJsonAsync($"{Base}/media/{id}", new { name = "Інша назва", version });

        var after = JsonNode.Parse(await updated.Content.ReadAsStringAsync())!;
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after["altText"]!["uk"]!.GetValue<string>(), Is.EqualTo("Логотип клубу"));
        Assert.That(after["focalPoint"]!["x"]!.GetValue<double>(), Is.EqualTo(0.25));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task Replace_KeepsTheKey_AndTheUrlServesTheNewBytes()
    {
        using var uploaded = await UploadAsync(_editors, MediaTestFiles.Png(10, 10, red: 10), "a.png");
        var id = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        var newer = MediaTestFiles.Png(12, 12, red: 250);

        using var content = new ByteArrayContent(newer);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var replaced = await _editors.PutAsync($"{Base}/media/{id}/file?fileName=b.png", content);
        var item = JsonNode.Parse(await replaced.Content.ReadAsStringAsync())!;

        Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(item["id"]!.GetValue<Guid>(), Is.EqualTo(id));
        Assert.That(await Client.GetByteArrayAsync(item["url"]!.GetValue<string>()), Is.EqualTo(newer));
    }

    [Test]
    public async Task MembersOnlyMaterial_HasNoPublicUrl()
    {
        using var response = await UploadAsync(_editors, MediaTestFiles.Pdf(), "slides.pdf");
        var item = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(item["membersOnly"]!.GetValue<bool>(), Is.True);
        Assert.That(item["url"], Is.Null);
        using var guessed = await Client.GetAsync($"/media/{item["id"]}/slides.pdf");
        Assert.That(guessed.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Delete_OfMediaADocumentUses_ListsTheDocument_UntilConfirmed_AndWritersMayNotDelete()
    {
        using var uploaded = await UploadAsync(_editors, MediaTestFiles.Png(8, 8), "used.png");
        var id = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        var values = Article(Unique("Новина з картинкою"));
        values.Invariant[MayorsClub.Core.Content.DocumentTypes.NewsArticle.Image] = new JsonArray(id.ToString());
        var article = await CreateAsync(NewsIndexKey, MayorsClub.Core.Content.DocumentTypes.NewsArticle.Alias, values);
        Assert.That(article.Succeeded, string.Join("; ", article.Errors));
        Assert.That((await PublishAsync(article.Document!.Key, "uk")).Succeeded);
        var pageUrl = UrlOf(article.Document.Key, "uk");
        Assert.That((await GetPageAsync(pageUrl)).Html, Does.Contain($"<img src=\"/media/{id}/used.png?v="), "the site shows the image");

        using var byWriter = await _writers.DeleteAsync($"{Base}/media/{id}");
        using var refused = await _editors.DeleteAsync($"{Base}/media/{id}");
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        using var confirmed = await _editors.DeleteAsync($"{Base}/media/{id}?confirmInUse=true");
        using var gone = await _editors.GetAsync($"{Base}/media/{id}");

        Assert.That(byWriter.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem["usages"]!.AsArray().Select(u => u!["documentId"]!.GetValue<Guid>()), Does.Contain(article.Document!.Key));
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await GetPageAsync(pageUrl)).Html, Does.Not.Contain($"/media/{id}/"), "a deleted image leaves the page");
    }

    [Test]
    public async Task ArticleWithAnImage_WrittenAndPublishedThroughTheApi_ShowsTheImageWithItsAltText()
    {
        using var uploaded = await UploadAsync(_editors, MediaTestFiles.Png(48, 32), "hromada.png");
        var image = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!;
        var id = image["id"]!.GetValue<Guid>();
        using var described = await _editors.PutAsJsonAsync($"{Base}/media/{id}", new
        {
            altText = new Dictionary<string, string> { ["uk"] = "Громада біля ратуші", ["en"] = "The community by the town hall" },
            version = image["version"]!.GetValue<int>(),
        });
        Assert.That(described.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var request = JsonNode.Parse(JsonSerializer.Serialize(NewsArticle(NewsIndexKey, Unique("Громада з фото"), Unique("A community with a photo"))))!;
        request["values"]!.AsArray().Add(new JsonObject { ["alias"] = "image", ["culture"] = null, ["value"] = new JsonArray(id.ToString()) });

        var created = await PostJsonAsync(_editors, "document", request);
        var published = await PutJsonAsync(_editors, $"document/{created.Body!["id"]}/publish", new { cultures = new[] { "uk" } });
        var (status, html) = await GetPageAsync(Variant(published.Body!, "uk")["url"]!.GetValue<string>());

        Assert.That(published.Status, Is.EqualTo(HttpStatusCode.OK), published.Body?.ToJsonString());
        Assert.That(status, Is.EqualTo(200));
        var img = System.Text.RegularExpressions.Regex.Match(WebUtility.HtmlDecode(html), $"<img src=\"(/media/{id}/hromada\\.png\\?v=[^\"]+)\"[^>]*>");
        Assert.That(img.Success, Is.True, "the article shows its image");
        Assert.That(img.Value, Does.Contain("alt=\"Громада біля ратуші\"").And.Contain("width=\"48\" height=\"32\""));
        using var file = await Client.GetAsync(img.Groups[1].Value);
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(file.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync($"{Base}/media?fileName={Uri.EscapeDataString(fileName)}", content);
    }
}
