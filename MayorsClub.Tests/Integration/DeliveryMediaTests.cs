using System.Net;
using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Media;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Web.Delivery;
using MayorsClub.Web.Delivery.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Umbraco's Media Delivery API over the library: items by id, by path (the lower-cased names of the folders) and by ids,
/// and children queries with filters, sorts and paging; each field of an item as Umbraco writes it; members-only files
/// never listed and never found; a folder renamed or a file changed shows at once (the cache drops what held it).
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class DeliveryMediaTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Api = DeliveryApi.BasePath + "/media";

    private MediaItem _photos = null!;
    private MediaItem _year = null!;
    private MediaItem _hall = null!;
    private MediaItem _square = null!;
    private MediaItem _secret = null!;

    [OneTimeSetUp]
    public async Task MakeTheLibrary()
    {
        _photos = await FolderAsync(null, "Delivery Photos");
        _year = await FolderAsync(_photos.Key, "2026");
        _hall = await UploadAsync(_photos.Key, "Hall.png", 12, 8);
        _square = await UploadAsync(_photos.Key, "Square.png", 6, 6);
        _secret = await UploadAsync(_photos.Key, "Secret.png", 4, 4, membersOnly: true);
        var withAlt = await WithServices(s => s.GetRequiredService<MediaEditor>().UpdateAsync(new MediaEditor.UpdateCommand(
            _hall.Key, null, _hall.Name, new Dictionary<string, string?> { ["uk"] = "Зала засідань", ["en"] = "The meeting hall" },
            new FocalPoint(0.25, 0.75), null, Editor, EditorRights.Publish)));
        Assert.That(withAlt.Succeeded, Is.True);
        _hall = withAlt.Item!;
    }

    [Test]
    public async Task AnItemById_HasEveryFieldUmbracoWrites_InTheRequestedCulture()
    {
        var item = await GetJsonAsync($"{Api}/item/{_hall.Key}", "en");

        Assert.That((string?)item["path"], Is.EqualTo($"/delivery photos/{_hall.Name.ToLowerInvariant()}/"));
        Assert.That(DateTimeOffset.Parse((string)item["createDate"]!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime,
            Is.EqualTo(_hall.CreatedUtc).Within(TimeSpan.FromSeconds(1)));
        Assert.That((string?)item["updateDate"], Does.EndWith("+00:00"));
        Assert.That(item["id"]!.GetValue<Guid>(), Is.EqualTo(_hall.Key));
        Assert.That((string?)item["name"], Is.EqualTo(_hall.Name));
        Assert.That((string?)item["mediaType"], Is.EqualTo("Image"));
        Assert.That((string?)item["url"], Is.EqualTo(_hall.PublicUrl));
        Assert.That((string?)item["extension"], Is.EqualTo("png"));
        Assert.That((int?)item["width"], Is.EqualTo(12));
        Assert.That((int?)item["height"], Is.EqualTo(8));
        Assert.That((long?)item["bytes"], Is.EqualTo(_hall.Size));
        Assert.That((double?)item["focalPoint"]!["left"], Is.EqualTo(0.25));
        Assert.That((double?)item["focalPoint"]!["top"], Is.EqualTo(0.75));
        Assert.That(item["crops"]!.AsArray().Select(c => c!.ToJsonString()), Is.EqualTo(new[]
        {
            """{"alias":"card","width":600,"height":400,"coordinates":null}""",
            """{"alias":"hero","width":1600,"height":700,"coordinates":null}""",
            """{"alias":"og","width":1200,"height":630,"coordinates":null}""",
            """{"alias":"portrait","width":240,"height":240,"coordinates":null}""",
        }), "every named crop, in Umbraco's shape");
        Assert.That((string?)item["properties"]!["altText"], Is.EqualTo("The meeting hall"));

        var ukrainian = await GetJsonAsync($"{Api}/item/{_hall.Key}", "uk");
        Assert.That((string?)ukrainian["properties"]!["altText"], Is.EqualTo("Зала засідань"));
    }

    [Test]
    public async Task AnItemByPath_IsFoundByItsFoldersNames_InAnyCase_AndAFolderIsAnItemToo()
    {
        var byPath = await GetJsonAsync($"{Api}/item/Delivery%20Photos/{Uri.EscapeDataString(_hall.Name.ToUpperInvariant())}/");
        Assert.That(byPath["id"]!.GetValue<Guid>(), Is.EqualTo(_hall.Key));

        var folder = await GetJsonAsync($"{Api}/item/delivery%20photos/2026");
        Assert.That(folder["id"]!.GetValue<Guid>(), Is.EqualTo(_year.Key));
        Assert.That((string?)folder["mediaType"], Is.EqualTo("Folder"));
        Assert.That((string?)folder["path"], Is.EqualTo("/delivery photos/2026/"));
        Assert.That(folder["url"]!, Is.Null);

        using var missing = await Client.GetAsync($"{Api}/item/delivery%20photos/nothing-here.png");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task AMembersOnlyFile_IsNeverFound_NorListed()
    {
        foreach (var url in new[] { $"{Api}/item/{_secret.Key}", $"{Api}/item/delivery%20photos/{Uri.EscapeDataString(_secret.Name)}" })
        {
            using var response = await Client.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), url);
        }

        var items = (await GetJsonAsync($"{Api}/items?id={_secret.Key}&id={_hall.Key}")).AsArray();
        Assert.That(items.Select(i => i!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { _hall.Key }));

        var children = await GetJsonAsync($"{Api}?fetch=children:{_photos.Key}&take=100");
        Assert.That(children["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Does.Not.Contain(_secret.Key));
    }

    [Test]
    public async Task ChildrenOfAFolder_ByIdOrPath_FoldersFirst_WithTheirTotal()
    {
        var expected = new[] { _year.Key, _hall.Key, _square.Key };
        foreach (var fetch in new[] { $"children:{_photos.Key}", "children:/delivery photos/", "children:/Delivery Photos" })
        {
            var page = await GetJsonAsync($"{Api}?fetch={Uri.EscapeDataString(fetch)}");
            Assert.That((int)page["total"]!, Is.EqualTo(3), fetch);
            Assert.That(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Is.EqualTo(expected), fetch);
        }

        var root = await GetJsonAsync($"{Api}?fetch=children:/&take=100");
        Assert.That(root["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Does.Contain(_photos.Key).And.Not.Contain(_hall.Key));

        var nowhere = await GetJsonAsync($"{Api}?fetch=children:/no-such-folder/");
        Assert.That((int)nowhere["total"]!, Is.Zero, "as in Umbraco: a folder that is not there has no children");
    }

    [Test]
    public async Task Filters_SortsAndPaging_CombineAsInUmbraco()
    {
        var fetch = $"fetch=children:{_photos.Key}";
        Assert.That(await IdsAsync($"{fetch}&filter=mediaType:Image"), Is.EqualTo(new[] { _hall.Key, _square.Key }));
        Assert.That(await IdsAsync($"{fetch}&filter=mediaType:!Image"), Is.EqualTo(new[] { _year.Key }));
        Assert.That(await IdsAsync($"{fetch}&filter=name:squ"), Is.EqualTo(new[] { _square.Key }));
        Assert.That(await IdsAsync($"{fetch}&filter=mediaType:Image&filter=name:hall"), Is.EqualTo(new[] { _hall.Key }));
        Assert.That(await IdsAsync($"{fetch}&sort=name:desc"), Is.EqualTo(new[] { _square.Key, _hall.Key, _year.Key }));
        Assert.That(await IdsAsync($"{fetch}&sort=createDate:asc"), Is.EqualTo(new[] { _year.Key, _hall.Key, _square.Key }));
        Assert.That(await IdsAsync($"{fetch}&sort=sortOrder:asc"), Is.EqualTo(new[] { _year.Key, _hall.Key, _square.Key }));
        Assert.That(await IdsAsync($"{fetch}&skip=1&take=1"), Is.EqualTo(new[] { _hall.Key }));

        var none = await GetJsonAsync($"{Api}?{fetch}&take=0");
        Assert.That((int)none["total"]!, Is.EqualTo(3));
        Assert.That(none["items"]!.AsArray(), Is.Empty);
        Assert.That(await IdsAsync($"{fetch}&take=10000"), Has.Length.EqualTo(3), "a take beyond the limit is cut to it");
    }

    [TestCase("", "Selector option not found")]
    [TestCase("fetch=descendants:/", "Selector option not found")]
    [TestCase("fetch=children:/&filter=size:big", "Filter option not found")]
    [TestCase("fetch=children:/&filter=mediaType:", "Filter option not found")]
    [TestCase("fetch=children:/&sort=colour:asc", "Sort option not found")]
    [TestCase("fetch=children:/&sort=name:sideways", "Sort option not found")]
    [TestCase("fetch=children:/&skip=-1", "Bad Request")]
    [TestCase("fetch=children:/&take=-5", "Bad Request")]
    [TestCase("fetch=children:/&take=lots", "Bad Request")]
    public async Task AQueryItCannotRun_Is400_WithUmbracosTitle_AndAMessageInTheCallersLanguage(string query, string title)
    {
        foreach (var culture in new[] { "uk", "en" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}?{query}");
            request.Headers.AcceptLanguage.ParseAdd(culture);
            using var response = await Client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.That((string?)problem["title"], Is.EqualTo(title));
            Assert.That((int?)problem["status"], Is.EqualTo(400));
            Assert.That((string?)problem["detail"], culture == "uk" ? Does.Match("[а-яіїє]") : Does.Not.Match("[а-яіїє]"));
        }
    }

    [Test]
    public async Task ItemsByIds_KeepTheFoundOnes_AndABadIdIs400()
    {
        var items = (await GetJsonAsync($"{Api}/items?id={_square.Key}&id={Guid.NewGuid()}&id={_year.Key}")).AsArray();
        Assert.That(items.Select(i => i!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { _square.Key, _year.Key }));

        using var bad = await Client.GetAsync($"{Api}/items?id=not-a-guid");
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(bad.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task RenamingAFolder_ChangesThePathsBelowIt_AtOnce()
    {
        var folder = await FolderAsync(null, "Before");
        var file = await UploadAsync(folder.Key, "inside.png", 2, 2);
        Assert.That((string?)(await GetJsonAsync($"{Api}/item/{file.Key}"))["path"], Does.StartWith("/before/"));
        Assert.That((string?)(await GetJsonAsync($"{Api}/item/{file.Key}"))["path"], Does.StartWith("/before/"), "the second answer, from the cache");

        var renamed = await WithServices(s => s.GetRequiredService<MediaEditor>().UpdateAsync(new MediaEditor.UpdateCommand(
            folder.Key, null, "After", new Dictionary<string, string?>(), null, null, Editor, EditorRights.Publish)));
        Assert.That(renamed.Succeeded, Is.True);

        Assert.That((string?)(await GetJsonAsync($"{Api}/item/{file.Key}"))["path"], Does.StartWith("/after/"));
        Assert.That((int)(await GetJsonAsync($"{Api}?fetch=children:/after/"))["total"]!, Is.EqualTo(1));
        using var old = await Client.GetAsync($"{Api}/item/before/{Uri.EscapeDataString(file.Name)}");
        Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var moved = await WithServices(s => s.GetRequiredService<MediaEditor>().MoveAsync(new MediaEditor.MoveCommand(folder.Key, _year.Key, Editor)));
        Assert.That(moved.Succeeded, Is.True);
        Assert.That((string?)(await GetJsonAsync($"{Api}/item/{file.Key}"))["path"], Does.StartWith("/delivery photos/2026/after/"));

        var gone = await WithServices(s => s.GetRequiredService<MediaRemover>().DeleteAsync(new MediaRemover.DeleteCommand(file.Key, true, Editor, EditorRights.Publish)));
        Assert.That(gone.Succeeded, Is.True);
        using var deleted = await Client.GetAsync($"{Api}/item/{file.Key}");
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<Guid[]> IdsAsync(string query) =>
        (await GetJsonAsync($"{Api}?{query}"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToArray();

    private async Task<JsonNode> GetJsonAsync(string url, string? culture = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (culture is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(culture);
        }

        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{url}: {body}");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return JsonNode.Parse(body)!;
    }

    private async Task<MediaItem> FolderAsync(Guid? parent, string name)
    {
        var result = await WithServices(s => s.GetRequiredService<MediaEditor>().CreateFolderAsync(new MediaEditor.CreateFolderCommand(parent, name, Editor)));
        Assert.That(result.Succeeded, Is.True, string.Join(", ", result.Errors));
        return result.Item!;
    }

    private async Task<MediaItem> UploadAsync(Guid? folder, string name, int width, int height, bool membersOnly = false)
    {
        var result = await WithServices(s => s.GetRequiredService<MediaUploader>().UploadAsync(
            new MediaUploader.UploadCommand(new MemoryStream(MediaTestFiles.Png(width, height)), name, folder, membersOnly, Editor)));
        Assert.That(result.Succeeded, Is.True, string.Join(", ", result.Errors));
        return result.Item!;
    }
}
