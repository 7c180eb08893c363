using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Imaging;
using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The picture a link pasted into Telegram, Facebook or Viber shows: og:image and twitter:image on every page type in
/// both languages, absolute, the page's own image through the "og" crop (a JPEG), else the site settings' share image,
/// else the club's built-in picture; an editor's new share image reaches pages the page cache already kept. On SQLite
/// and PostgreSQL.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class ShareImageTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Origin = "http://localhost";
    private static readonly DateTimeZone Kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];

    private HttpClient _editors = null!;

    protected override IReadOnlyDictionary<string, string>? Settings => ManagementApiClient.Settings;

    [OneTimeSetUp]
    public async Task GetToken() => _editors = await SignedInAsync(Site, EditorsId, EditorsSecret);

    [OneTimeTearDown]
    public void DropClient() => _editors.Dispose();

    [Test]
    public async Task EveryPageType_InBothLanguages_SharesItsOwnImageThroughTheOgCrop_OrTheDefault()
    {
        var photo = await UploadAsync("Мери на форумі.png", 320, 200, "Мери на форумі", "Mayors at the forum");
        var withImage = new List<Guid>
        {
            await CreateAndPublishAsync(NewsIndexKey, Core.Content.DocumentTypes.NewsArticle.Alias, WithImage(Article(Unique("Новина з фото"), Unique("News with a photo")), Core.Content.DocumentTypes.NewsArticle.Image, photo)),
            await CreateAndPublishAsync(Single(ExpertSessionIndex.Alias), ExpertSession.Alias, Session(photo)),
            await CreateAndPublishAsync(Single(EventsCalendar.Alias), Event.Alias, EventWith(photo)),
            await CreateAndPublishAsync(HomeKey, ContentPage.Alias, WithImage(PageForMayors("Сторінка з фото", "share"), ContentPage.Image, photo)),
        };
        var withoutImage = await CreateAndPublishAsync(NewsIndexKey, Core.Content.DocumentTypes.NewsArticle.Alias, Article(Unique("Новина без фото"), Unique("News without a photo")));

        var pages = new List<(string Url, PublishedMedia? Own, int Status)>();
        foreach (var culture in Cultures.All)
        {
            var view = Snapshot.For(Viewer.Anonymous);
            var documents = new[] { Snapshot.Home!.Key, NewsIndexKey, Single(ExpertSessionIndex.Alias), Single(EventsCalendar.Alias), Single(PartnersIndex.Alias), withoutImage }
                .Concat(withImage)
                .Concat(Snapshot.OfType(ContentPage.Alias, culture).Select(page => page.Key))
                .Distinct();
            foreach (var key in documents)
            {
                var document = Snapshot.Get(key)!;
                pages.Add((document.Url(culture)!, OwnImage(view.Of(document, culture)), 200));
            }

            pages.Add(($"/{culture}/search?q=forum", null, 200));
            pages.Add(($"/{culture}/no-such-page-{Guid.NewGuid():N}/", null, 404));
        }

        var fallback = DefaultShareUrl();
        foreach (var (url, own, status) in pages)
        {
            var (got, html) = await GetPageAsync(url);
            Assert.That(got, Is.EqualTo(status), url);
            var expected = own is null ? fallback : Origin + Urls.Crop(own, ImageCrops.Og, format: ImageOutputFormat.Jpeg);
            Assert.That(Meta(html, "property", "og:image"), Is.EqualTo(expected), url);
            Assert.That(Meta(html, "name", "twitter:image"), Is.EqualTo(expected), url);
            Assert.That(Meta(html, "name", "twitter:card"), Is.EqualTo("summary_large_image"), url);
            Assert.That((Meta(html, "property", "og:image:width"), Meta(html, "property", "og:image:height")), Is.EqualTo(("1200", "630")), url);
            Assert.That(Meta(html, "property", "og:image:alt"), Is.Not.Empty, url);
        }

        var article = pages.First(p => p.Url == UrlOf(withImage[0], "en"));
        Assert.That(article.Own?.Key, Is.EqualTo(photo.Key), "a page with an image shares it");
        Assert.That(Meta((await GetPageAsync(article.Url)).Html, "property", "og:image:alt"), Is.EqualTo("Mayors at the forum"), "described in the page's language");
        Assert.That(pages.Count(p => p.Own?.Key == photo.Key), Is.EqualTo(withImage.Count * 2), "article, session, event and page, in both languages");
    }

    [Test]
    public async Task TheDefault_IsTheSiteSettingsShareImage_OnceAnEditorPicksOne_EvenForPagesAlreadyCached()
    {
        var settings = Snapshot.Settings!.Key;
        var pages = new[] { UrlOf(NewsIndexKey, "uk"), UrlOf(NewsIndexKey, "en"), "/uk/search", $"/en/no-such-page-{Guid.NewGuid():N}/" };
        var before = DefaultShareUrl();
        foreach (var url in pages)
        {
            Assert.That(Meta((await GetPageAsync(url)).Html, "property", "og:image"), Is.EqualTo(before), url);
            Assert.That(Meta((await GetPageAsync(url)).Html, "property", "og:image"), Is.EqualTo(before), $"{url}, from the page cache");
        }

        using var uploaded = await UploadThroughApiAsync(MediaTestFiles.Png(600, 315, red: 200), "club-share.png");
        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await uploaded.Content.ReadAsStringAsync());
        var picture = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        try
        {
            await SetShareImageAsync(settings, new JsonArray(picture.ToString()));
            var expected = Origin + Urls.Crop(PublishedImage(picture), ImageCrops.Og, format: ImageOutputFormat.Jpeg);
            Assert.That(expected, Does.Contain("&crop=og&format=jpg&hmac="));
            foreach (var url in pages)
            {
                var html = (await GetPageAsync(url)).Html;
                Assert.That(Meta(html, "property", "og:image"), Is.EqualTo(expected), url);
                Assert.That(Meta(html, "name", "twitter:image"), Is.EqualTo(expected), url);
            }
        }
        finally
        {
            await SetShareImageAsync(settings, new JsonArray());
        }

        Assert.That(Meta((await GetPageAsync(pages[0])).Html, "property", "og:image"), Is.EqualTo($"{Origin}/img/share.png"),
            "without a share image in the settings, the club's built-in picture");
    }

    [Test]
    public async Task TheSettingsShareImage_IsAnInvariantMediaPicker_InTheBackOfficeEditor()
    {
        using var editor = await BackOfficeSession.SignInAsync(Site, "share-editor@test.local", "Share-image-password-1", BackOfficeGroups.Editors);
        using var response = await editor.Client.GetAsync($"/umbraco/content/{Snapshot.Settings!.Key}");
        var page = BackOfficeContentForm.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector(".ce-cell--shared[data-field='shareImage'] [data-media-picker]"), Is.Not.Null, "one picker for both languages");
        Assert.That(page.Body!.TextContent, Does.Contain("Зображення для поширення в соцмережах"));
    }

    [Test]
    public async Task TheBuiltInPicture_IsServed_AndAnOgCrop_IsAJpegOfTheCropsSize()
    {
        using var builtIn = await Client.GetAsync("/img/share.png");
        Assert.That((builtIn.StatusCode, builtIn.Content.Headers.ContentType?.MediaType), Is.EqualTo((HttpStatusCode.OK, "image/png")));

        // Needs the image endpoint (issue 15): until it resizes, the original file is served.
        var photo = await UploadAsync("Обкладинка.png", 2000, 1500);
        using var request = new HttpRequestMessage(HttpMethod.Get, Urls.Crop(PublishedImage(photo.Key), ImageCrops.Og, format: ImageOutputFormat.Jpeg));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/avif"));
        using var cropped = await Client.SendAsync(request);
        Assert.That((cropped.StatusCode, cropped.Content.Headers.ContentType?.MediaType), Is.EqualTo((HttpStatusCode.OK, "image/jpeg")),
            "link previewers get a JPEG whatever they accept");
        using var image = NetVips.Image.NewFromBuffer(await cropped.Content.ReadAsByteArrayAsync());
        Assert.That((image.Width, image.Height), Is.EqualTo((1200, 630)));
    }

    private ImageUrls Urls => Site.Services.GetRequiredService<ImageUrls>();

    /// <summary>What a page without an image of its own shares now: the settings' share image, else the built-in picture.</summary>
    private string DefaultShareUrl() =>
        Snapshot.Settings is { } settings && Snapshot.For(Viewer.Anonymous).Of(settings, "uk").FirstImage(SiteSettings.ShareImage) is { } picked
            ? Origin + Urls.Crop(picked, ImageCrops.Og, format: ImageOutputFormat.Jpeg)
            : $"{Origin}/img/share.png";

    /// <summary>The image a page of each type shows as its own (the home page's hero, the others' main image).</summary>
    private static PublishedMedia? OwnImage(PublishedValues values) => values.FirstImage(values.Document.ContentType == Home.Alias ? Home.HeroImage : "image");

    /// <summary>The library's image as pages read it (what ImageUrls signs), from the current snapshot.</summary>
    private PublishedMedia PublishedImage(Guid key)
    {
        var item = Snapshot.GetMedia(key) ?? throw new AssertionException($"{key} is not a public image of the snapshot");
        return new PublishedMedia(item.Key, item.Name, item.PublicUrl!, item.ContentType, true, item.Width, item.Height, item.FocalPoint, item.AltText)
        {
            FileToken = item.FileToken,
        };
    }

    private Guid Single(string type) => Snapshot.OfType(type, "uk").Single().Key;

    private async Task SetShareImageAsync(Guid settings, JsonArray value)
    {
        var (_, current, _) = await GetJsonAsync(_editors, $"document/{settings}");
        var saved = await PutJsonAsync(_editors, $"document/{settings}", new
        {
            version = current!["version"]!.GetValue<int>(),
            values = new[] { new { alias = SiteSettings.ShareImage, culture = (string?)null, value = (JsonNode)value } },
        });
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK), saved.Body?.ToJsonString());
        var published = await PutJsonAsync(_editors, $"document/{settings}/publish", new { cultures = new[] { "uk", "en" } });
        Assert.That(published.Status, Is.EqualTo(HttpStatusCode.OK), published.Body?.ToJsonString());
    }

    private static ContentValues WithImage(ContentValues values, string alias, MediaItem image)
    {
        values.Invariant[alias] = new JsonArray(image.Key.ToString());
        return values;
    }

    private ContentValues Session(MediaItem image)
    {
        var values = new ContentValues();
        values.Invariant[ExpertSession.Date] = ZonedValue.Create(Now().PlusDays(400), Kyiv.Id);
        values.Invariant[ExpertSession.Image] = new JsonArray(image.Key.ToString());
        values.Cultures["uk"] = new CultureVariant { Name = Unique("Сесія з фото"), Values = { [ExpertSession.Summary] = "Виклад сесії." } };
        values.Cultures["en"] = new CultureVariant { Name = Unique("Session with a photo"), Values = { [ExpertSession.Summary] = "The session in short." } };
        return values;
    }

    private ContentValues EventWith(MediaItem image)
    {
        var start = Now().PlusDays(3);
        var values = new ContentValues();
        values.Invariant[Event.Start] = ZonedValue.Create(start, Kyiv.Id);
        values.Invariant[Event.End] = ZonedValue.Create(start.PlusHours(3), Kyiv.Id);
        values.Invariant[Event.EventType] = "forum";
        values.Invariant[Event.Image] = new JsonArray(image.Key.ToString());
        values.Cultures["uk"] = new CultureVariant { Name = Unique("Подія з фото"), Values = { [Event.Summary] = "Виклад події." } };
        values.Cultures["en"] = new CultureVariant { Name = Unique("Event with a photo"), Values = { [Event.Summary] = "The event in short." } };
        return values;
    }

    private LocalDateTime Now() => Site.Clock.GetCurrentInstant().InZone(Kyiv).LocalDateTime;

    private async Task<MediaItem> UploadAsync(string fileName, int width, int height, string? ukAlt = null, string? enAlt = null)
    {
        var item = await WithServices(async services =>
        {
            using var content = new MemoryStream(MediaTestFiles.Png(width, height));
            var result = await services.GetRequiredService<MediaUploader>().UploadAsync(new MediaUploader.UploadCommand(content, fileName, null, false, "test"));
            Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
            return result.Item!;
        });
        if (ukAlt is not null)
        {
            var alt = new Dictionary<string, string?> { ["uk"] = ukAlt, ["en"] = enAlt };
            var updated = await WithServices(services => services.GetRequiredService<MediaEditor>().UpdateAsync(
                new MediaEditor.UpdateCommand(item.Key, null, item.Name, alt, null, null, "test", EditorRights.Publish)));
            Assert.That(updated.Succeeded, Is.True);
        }

        return item;
    }

    private Task<HttpResponseMessage> UploadThroughApiAsync(byte[] bytes, string fileName)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return _editors.PostAsync($"{Base}/media?fileName={Uri.EscapeDataString(fileName)}", content);
    }

    /// <summary>The content of the page's &lt;meta {attribute}="{name}"&gt;, decoded; null when there is none.</summary>
    private static string? Meta(string html, string attribute, string name)
    {
        var match = Regex.Match(html, $"<meta {attribute}=\"{Regex.Escape(name)}\" content=\"(?<content>[^\"]*)\">");
        return match.Success ? WebUtility.HtmlDecode(match.Groups["content"].Value) : null;
    }
}
