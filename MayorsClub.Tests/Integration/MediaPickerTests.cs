using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The content editor's media picker: the library dialog's listing (who may see it, what each kind of picker is
/// offered, the name filter), the picked files in the editor, and picked images on the site, kept up to date when
/// the library changes. On SQLite and PostgreSQL.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class MediaPickerTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Password = "Picker-test-password-1";

    private BackOfficeSession _writer = null!;

    [OneTimeSetUp]
    public async Task SignIn() =>
        _writer = await BackOfficeSession.SignInAsync(Site, "picker-writer@test.local", Password, BackOfficeGroups.Writers);

    [OneTimeTearDown]
    public void SignOut() => _writer.Dispose();

    [Test]
    public async Task Anonymous_IsSentToTheSignInPage_AndHtmxGets401()
    {
        using var client = BackOfficeSession.Anonymous(Site);
        using var page = await client.GetAsync("/umbraco/media/picker?kind=Images");
        using var partial = new HttpRequestMessage(HttpMethod.Get, "/umbraco/media/picker?kind=Images");
        partial.Headers.Add("HX-Request", "true");
        using var htmx = await client.SendAsync(partial);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page.Headers.Location!.AbsolutePath, Is.EqualTo("/umbraco/login"));
        Assert.That(htmx.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ImagePicker_ListsTheFolder_ItsSubfoldersAndPublicImages_NotMaterialOrMembersOnlyImages()
    {
        var folder = await FolderAsync(null, Unique("Фото засідань"));
        var inner = await FolderAsync(folder.Key, Unique("Київ"));
        var photo = await UploadAsync(folder.Key, "Засідання.png", MediaTestFiles.Png(30, 20));
        var hidden = await UploadAsync(folder.Key, "Внутрішнє фото.png", MediaTestFiles.Png(10, 10), membersOnly: true);
        var slides = await UploadAsync(folder.Key, "Слайди.pdf", MediaTestFiles.Pdf());
        var elsewhere = await UploadAsync(null, "У корені.png", MediaTestFiles.Png(12, 12));

        var images = await _writer.Client.GetStringAsync($"/umbraco/media/picker?kind=Images&folder={folder.Key}");

        Assert.That(ItemKeys(images), Is.EqualTo(new[] { photo.Key }));
        Assert.That(images, Does.Contain($"folder={inner.Key}").And.Contain(WebUtility.HtmlEncode(inner.Name)));
        Assert.That(images, Does.Contain(WebUtility.HtmlEncode(folder.Name)), "the breadcrumb names the folder");
        Assert.That(images, Does.Contain($"data-url=\"{WebUtility.HtmlEncode(photo.PublicUrl)}\"").And.Contain("data-width=\"30\""));
        Assert.That(images, Does.Contain($"action=\"/umbraco/media/upload?folder={folder.Key}\""), "uploads go into the folder shown");
        Assert.That(images, Does.Not.Contain(hidden.Key.ToString()).And.Not.Contain(slides.Key.ToString()).And.Not.Contain(elsewhere.Key.ToString()));
    }

    [Test]
    public async Task MaterialPicker_ListsDocumentsAndVideos_NotImages()
    {
        var folder = await FolderAsync(null, Unique("Матеріали"));
        var slides = await UploadAsync(folder.Key, "Слайди.pdf", MediaTestFiles.Pdf());
        var video = await UploadAsync(folder.Key, "Запис.mp4", MediaTestFiles.Mp4());
        var photo = await UploadAsync(folder.Key, "Фото.png", MediaTestFiles.Png(8, 8));

        var files = await _writer.Client.GetStringAsync($"/umbraco/media/picker?kind=Files&folder={folder.Key}");

        Assert.That(ItemKeys(files), Is.EquivalentTo(new[] { slides.Key, video.Key }));
        Assert.That(files, Does.Not.Contain(photo.Key.ToString()));
    }

    [Test]
    public async Task Filter_KeepsWhatMatchesTheName_InAnyCase()
    {
        var folder = await FolderAsync(null, Unique("Пошук"));
        var forum = await UploadAsync(folder.Key, "Форум громад.png", MediaTestFiles.Png(8, 8));
        await UploadAsync(folder.Key, "Зустріч мерів.png", MediaTestFiles.Png(8, 8));

        var filtered = await _writer.Client.GetStringAsync($"/umbraco/media/picker?kind=Images&folder={folder.Key}&q={Uri.EscapeDataString("ФОРУМ")}");
        var nothing = await _writer.Client.GetStringAsync($"/umbraco/media/picker?kind=Images&folder={folder.Key}&q=xyz");

        Assert.That(ItemKeys(filtered), Is.EqualTo(new[] { forum.Key }));
        Assert.That(ItemKeys(nothing), Is.Empty);
        Assert.That(WebUtility.HtmlDecode(nothing), Does.Contain("Nothing matches “xyz”.").Or.Contain("Нічого не знайдено за «xyz»."));
    }

    [Test]
    public async Task AFolderThatIsGone_ShowsTheRoot()
    {
        var listing = await _writer.Client.GetAsync($"/umbraco/media/picker?kind=Images&folder={Guid.NewGuid()}");

        Assert.That(listing.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await listing.Content.ReadAsStringAsync(), Does.Contain("action=\"/umbraco/media/upload\""));
    }

    [Test]
    public async Task Editor_ShowsThePickedImageAsAThumbnailWithItsName_AndAFileThatIsGoneAsNotFound()
    {
        var photo = await UploadAsync(null, "Обкладинка новини.png", MediaTestFiles.Png(16, 9));
        var gone = Guid.NewGuid();
        var values = Article(Unique("Новина з обкладинкою"));
        values.Invariant[NewsArticle.Image] = new JsonArray(photo.Key.ToString());
        var article = await CreateAsync(NewsIndexKey, NewsArticle.Alias, values);
        var session = await CreateAsync(Snapshot.OfType(ExpertSessionIndex.Alias, "uk").Single().Key, ExpertSession.Alias, SessionWithMaterials(gone));
        Assert.That(article.Succeeded && session.Succeeded, string.Join("; ", article.Errors.Concat(session.Errors)));

        var editor = WebUtility.HtmlDecode(await _writer.Client.GetStringAsync($"/umbraco/content/{article.Document!.Key}"));
        var sessionEditor = WebUtility.HtmlDecode(await _writer.Client.GetStringAsync($"/umbraco/content/{session.Document!.Key}"));

        Assert.That(editor, Does.Contain($"<input type=\"hidden\" name=\"v.shared.image\" value=\"{photo.Key}\">"));
        Assert.That(editor, Does.Contain($"src=\"/umbraco/media/{photo.Key}/file?v={photo.FileToken}\""));
        Assert.That(editor, Does.Contain("Обкладинка новини"));
        Assert.That(editor, Does.Contain("data-kind=\"Images\""));
        Assert.That(sessionEditor, Does.Contain("data-kind=\"Files\""));
        Assert.That(sessionEditor, Does.Contain($"value=\"{gone}\""));
        Assert.That(sessionEditor, Does.Contain("(файл не знайдено в медіатеці)").Or.Contain("(file not found in the media library)"));
    }

    [Test]
    public async Task PublishedArticle_ShowsItsImage_WithTheLibrarysAltText_WhichFollowsTheLibrary_WithoutDatabaseQueries()
    {
        var photo = await UploadAsync(null, "Мери в Одесі.png", MediaTestFiles.Png(64, 48));
        Assert.That(await WithServices(async services => (await services.GetRequiredService<MediaEditor>().UpdateAsync(new MediaEditor.UpdateCommand(
            photo.Key, null, photo.Name, new Dictionary<string, string?> { ["uk"] = "Мери на набережній Одеси", ["en"] = "Mayors on the Odesa waterfront" }, new FocalPoint(0.25, 0.75), null, "test", EditorRights.Publish))).Succeeded), Is.True);
        var title = Unique("Мери в Одесі");
        var values = Article(title, Unique("Mayors in Odesa"));
        values.Invariant[NewsArticle.Image] = new JsonArray(photo.Key.ToString());
        var article = (await CreateAsync(NewsIndexKey, NewsArticle.Alias, values)).Document!;
        Assert.That((await PublishAsync(article.Key, "uk", "en")).Succeeded);
        var ukUrl = UrlOf(article.Key, "uk");

        var (_, uk) = await GetPageAsync(ukUrl);
        var (_, en) = await GetPageAsync(UrlOf(article.Key, "en"));
        var (_, list) = await GetPageAsync(Snapshot.Get(NewsIndexKey)!.Url("uk")!);
        await EmptyPageCacheAsync();
        using (var counter = new DatabaseCommandCounter())
        {
            await GetPageAsync(ukUrl);
            Assert.That(counter.Commands, Is.Empty, "a page with an image is still served from the snapshot");
        }

        var src = WebUtility.HtmlDecode(Regex.Match(uk, $"<img src=\"(/media/{photo.Key}/[^\"]+)\"").Groups[1].Value);
        Assert.That(src, Does.StartWith(photo.PublicUrl!));
        Assert.That(WebUtility.HtmlDecode(uk), Does.Contain("alt=\"Мери на набережній Одеси\"").And.Contain("width=\"64\" height=\"48\""));
        Assert.That(WebUtility.HtmlDecode(en), Does.Contain("alt=\"Mayors on the Odesa waterfront\""));
        Assert.That(uk, Does.Not.Contain("focus-x"), "the server's crop follows the focal point: no class places it any more");
        Assert.That(WebUtility.HtmlDecode(list), Does.Contain($"{photo.PublicUrl}&crop=card&width=600&format=webp&hmac="), "the news card shows it too, cut to the card crop");
        using var file = await Client.GetAsync(src);
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(file.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));

        // The library changes; the page follows without a new publish.
        Assert.That(await WithServices(async services => (await services.GetRequiredService<MediaEditor>().UpdateAsync(new MediaEditor.UpdateCommand(
            photo.Key, null, photo.Name, new Dictionary<string, string?> { ["uk"] = "Мери біля Потьомкінських сходів" }, null, null, "test", EditorRights.Publish))).Succeeded), Is.True);
        var (_, changed) = await GetPageAsync(ukUrl);
        Assert.That(WebUtility.HtmlDecode(changed), Does.Contain("alt=\"Мери біля Потьомкінських сходів\""));

        Assert.That(await WithServices(async services => (await services.GetRequiredService<MediaRemover>().DeleteAsync(new MediaRemover.DeleteCommand(photo.Key, true, "test", EditorRights.Publish))).Succeeded), Is.True);
        var (status, deleted) = await GetPageAsync(ukUrl);
        Assert.That(status, Is.EqualTo(200));
        Assert.That(deleted, Does.Not.Contain(photo.Key.ToString()), "a deleted image leaves the page");
    }

    [Test]
    public async Task RichTextImage_FromTheLibrary_SurvivesSanitizing_AndShowsOnTheSiteAsAResponsivePicture_WithoutItsScript()
    {
        var photo = await UploadAsync(null, "Підписання меморандуму.png", MediaTestFiles.Png(40, 30));
        var body = $"<p>Текст.</p><img src=\"{photo.PublicUrl}\" alt=\"Підписання меморандуму\" width=\"40\" height=\"30\" onerror=\"alert(1)\">";
        var values = new ContentValues();
        values.Invariant[NewsArticle.Date] = "2026-11-20";
        values.Cultures["uk"] = ArticleText(Unique("Меморандум"), "Виклад.", body);
        var article = (await CreateAsync(NewsIndexKey, NewsArticle.Alias, values)).Document!;
        Assert.That((await PublishAsync(article.Key, "uk")).Succeeded);

        var saved = (await GetAsync(article.Key))!.Draft.Culture("uk")!.Values[NewsArticle.Body]!.GetValue<string>();
        var (_, page) = await GetPageAsync(UrlOf(article.Key, "uk"));

        Assert.That(saved, Does.Contain($"src=\"{WebUtility.HtmlEncode(photo.PublicUrl)}\"").And.Not.Contain("onerror"));
        var shown = WebUtility.HtmlDecode(page);
        Assert.That(shown, Does.Contain($"<source type=\"image/avif\" srcset=\"{photo.PublicUrl}&width=40&format=avif&hmac="), "shown like every picture of the site, never wider than it is");
        var img = Regex.Match(shown, $"<img src=\"({Regex.Escape(photo.PublicUrl!)}&width=40&format=png&hmac=[^\"]+)\"[^>]*>");
        Assert.That(img.Value, Does.Contain("alt=\"Підписання меморандуму\" width=\"40\" height=\"30\" loading=\"lazy\"").And.Not.Contain("onerror"));
        using var file = await Client.GetAsync(img.Groups[1].Value);
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(file.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
    }

    private static ContentValues SessionWithMaterials(Guid material)
    {
        var values = new ContentValues();
        values.Invariant[ExpertSession.Date] = new JsonObject { ["local"] = "2026-12-01T10:00", ["zone"] = "Europe/Kyiv" };
        values.Invariant[ExpertSession.Materials] = new JsonArray(material.ToString());
        values.Cultures["uk"] = new CultureVariant { Name = Unique("Сесія з матеріалами"), Values = { [ExpertSession.Summary] = "Виклад сесії." } };
        return values;
    }

    private Task<MediaItem> FolderAsync(Guid? parent, string name) =>
        WithServices(async services => (await services.GetRequiredService<MediaEditor>().CreateFolderAsync(new MediaEditor.CreateFolderCommand(parent, name, "test"))).Item!);

    private Task<MediaItem> UploadAsync(Guid? folder, string fileName, byte[] bytes, bool membersOnly = false) =>
        WithServices(async services =>
        {
            using var content = new MemoryStream(bytes);
            var result = await services.GetRequiredService<MediaUploader>().UploadAsync(new MediaUploader.UploadCommand(content, fileName, folder, membersOnly, "test"));
            Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
            return result.Item!;
        });

    private static Guid[] ItemKeys(string html) =>
        ItemKey().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).ToArray();

    [GeneratedRegex("data-media-item\\s+data-key=\"([0-9a-f-]{36})\"")]
    private static partial Regex ItemKey();
}
