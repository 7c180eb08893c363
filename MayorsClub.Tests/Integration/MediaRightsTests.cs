using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// What the public sees of the media library is a publishing decision: writers may not change who may see a file,
/// nor change, replace or delete a file that a published page shows; they may upload and edit what nothing
/// published uses. Editors may do all of it. The same rule in the Management API (403 ProblemDetails) and in the
/// back office (403 with the message in the editor's language). On SQLite and PostgreSQL.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class MediaRightsTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Password = "Media-rights-password-1";

    private HttpClient _editors = null!;
    private HttpClient _writers = null!;
    private BackOfficeSession _editor = null!;
    private BackOfficeSession _writer = null!;

    protected override IReadOnlyDictionary<string, string>? Settings => ManagementApiClient.Settings;

    [OneTimeSetUp]
    public async Task SignIn()
    {
        _editors = await SignedInAsync(Site, EditorsId, EditorsSecret);
        _writers = await SignedInAsync(Site, WritersId, WritersSecret);
        _editor = await BackOfficeSession.SignInAsync(Site, "rights-editor@test.local", Password, BackOfficeGroups.Editors);
        _writer = await BackOfficeSession.SignInAsync(Site, "rights-writer@test.local", Password, BackOfficeGroups.Writers);
        _writer.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("uk");
    }

    [OneTimeTearDown]
    public void SignOut()
    {
        _editors.Dispose();
        _writers.Dispose();
        _editor.Dispose();
        _writer.Dispose();
    }

    [Test]
    public async Task Api_Writer_CannotMakeAMembersOnlyImagePublic_NorAPublicOneMembersOnly_AndAnEditorCan()
    {
        var secret = await UploadAsync(_editors, "secret.png", membersOnly: true);
        var open = await UploadAsync(_editors, "open.png", membersOnly: false);

        var toPublic = await PutJsonAsync(_writers, $"media/{secret}", new { membersOnly = false });
        var toMembers = await PutJsonAsync(_writers, $"media/{open}", new { membersOnly = true });
        using var stillHidden = await Client.GetAsync($"/media/{secret}/secret.png");

        Assert.That(toPublic.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(toPublic.Response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(toPublic.Body!["detail"]!.GetValue<string>(), Does.Contain("who can see a file"));
        Assert.That(toMembers.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(stillHidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the file stays members-only");
        Assert.That((await ItemAsync(open)).MembersOnly, Is.False);

        var byEditor = await PutJsonAsync(_editors, $"media/{secret}", new { membersOnly = false });
        Assert.That(byEditor.Status, Is.EqualTo(HttpStatusCode.OK));
        using var nowPublic = await Client.GetAsync(byEditor.Body!["url"]!.GetValue<string>());
        Assert.That(nowPublic.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Api_Writer_CannotEditTheAltText_NorReplace_NorDelete_AnImageAPublishedPageShows_AndAnEditorCan()
    {
        var image = await UploadAsync(_editors, "live.png");
        await DescribeAsync(_editors, image, "Мери на форумі");
        var url = await PublishedArticleShowingAsync(image);

        var alt = await PutJsonAsync(_writers, $"media/{image}", new { altText = new Dictionary<string, string> { ["uk"] = "Купуйте дешеві ліки" } });
        var focal = await PutJsonAsync(_writers, $"media/{image}", new { focalPoint = new { x = 0.1, y = 0.1 } });
        using var replaced = await ReplaceAsync(_writers, image);
        using var deleted = await _writers.DeleteAsync($"{Base}/media/{image}?confirmInUse=true");
        var writersDelete = await WithServices(s => s.GetRequiredService<MediaRemover>().DeleteAsync(
            new MediaRemover.DeleteCommand(image, true, "writer", EditorRights.Write)));

        Assert.That(alt.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(alt.Body!["detail"]!.GetValue<string>(), Does.Contain("Published pages show this file"));
        Assert.That(focal.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await replaced.Content.ReadAsStringAsync(), Does.Contain("Published pages show this file"));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(writersDelete.Status, Is.EqualTo(MediaStatus.Forbidden), "the core refuses it too, whatever the channel");
        Assert.That((await GetPageAsync(url)).Html, Does.Contain("alt=\"Мери на форумі\""), "the live page is unchanged");

        var byEditor = await PutJsonAsync(_editors, $"media/{image}", new { altText = new Dictionary<string, string> { ["uk"] = "Мери на форумі в Києві" } });
        using var replacedByEditor = await ReplaceAsync(_editors, image);
        Assert.That(byEditor.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(replacedByEditor.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(WebUtility.HtmlDecode((await GetPageAsync(url)).Html), Does.Contain("alt=\"Мери на форумі в Києві\""));
    }

    [Test]
    public async Task Api_Writer_MayEditAndReplace_AnUpload_NothingPublishedUses_EvenWhenADraftUsesIt()
    {
        var image = await UploadAsync(_writers, "mine.png");
        var values = Article(Unique("Чернетка з фото"));
        values.Invariant[MayorsClub.Core.Content.DocumentTypes.NewsArticle.Image] = new JsonArray(image.ToString());
        Assert.That((await CreateAsync(NewsIndexKey, MayorsClub.Core.Content.DocumentTypes.NewsArticle.Alias, values)).Succeeded);

        var described = await PutJsonAsync(_writers, $"media/{image}", new
        {
            name = "Моє фото",
            altText = new Dictionary<string, string> { ["uk"] = "Засідання клубу" },
            focalPoint = new { x = 0.5, y = 0.3 },
        });
        using var replaced = await ReplaceAsync(_writers, image);

        Assert.That(described.Status, Is.EqualTo(HttpStatusCode.OK), described.Body?.ToJsonString());
        Assert.That(described.Body!["altText"]!["uk"]!.GetValue<string>(), Is.EqualTo("Засідання клубу"));
        Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task BackOffice_Writer_IsRefusedWithTheReason_ForALiveImage_AndForTheAudience_ButMayEditAnUnusedOne()
    {
        var live = await UploadAsync(_editors, "bo-live.png");
        await PublishedArticleShowingAsync(live);
        var secret = await UploadAsync(_editors, "bo-secret.png", membersOnly: true);
        var unused = await UploadAsync(_editors, "bo-unused.png");

        var livePage = await _writer.Client.GetStringAsync($"/umbraco/media/{live}");
        using var altOfLive = await SaveFormAsync(_writer.Client, live, alt: "Нове", membersOnly: false);
        using var replaceLive = await ReplaceFormAsync(_writer.Client, live);
        using var flip = await SaveFormAsync(_writer.Client, secret, alt: "", membersOnly: false);
        using var keepSecret = await SaveFormAsync(_writer.Client, secret, alt: "Таємне фото", membersOnly: true);
        using var altOfUnused = await SaveFormAsync(_writer.Client, unused, alt: "Вільне фото", membersOnly: false);

        Assert.That(livePage, Does.Contain("data-needs-publish-rights"), "the writer is told before trying");
        Assert.That(altOfLive.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await altOfLive.Content.ReadAsStringAsync(), Does.Contain("Цей файл показують опубліковані сторінки"));
        Assert.That(replaceLive.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(flip.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await flip.Content.ReadAsStringAsync(), Does.Contain("Змінювати, хто бачить файл"));
        Assert.That(keepSecret.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "an unchanged audience is not a change");
        Assert.That(altOfUnused.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await ItemAsync(live)).AltText.GetValueOrDefault("uk"), Is.Not.EqualTo("Нове"));
        Assert.That((await ItemAsync(secret)).MembersOnly, Is.True);
        Assert.That((await ItemAsync(unused)).AltText["uk"], Is.EqualTo("Вільне фото"));

        using var byEditor = await SaveFormAsync(_editor.Client, live, alt: "Нове", membersOnly: true);
        Assert.That(byEditor.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await ItemAsync(live), Has.Property(nameof(MediaItem.MembersOnly)).True);
    }

    private static async Task<Guid> UploadAsync(HttpClient client, string fileName, bool membersOnly = false)
    {
        using var content = new ByteArrayContent(MediaTestFiles.Png(6, 4));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await client.PostAsync($"{Base}/media?fileName={fileName}&membersOnly={(membersOnly ? "true" : "false")}", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    private static async Task DescribeAsync(HttpClient client, Guid image, string ukAlt)
    {
        using var response = await client.PutAsJsonAsync($"{Base}/media/{image}", new { altText = new Dictionary<string, string> { ["uk"] = ukAlt } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static Task<HttpResponseMessage> ReplaceAsync(HttpClient client, Guid image)
    {
        var content = new ByteArrayContent(MediaTestFiles.Png(8, 8, red: 20));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PutAsync($"{Base}/media/{image}/file?fileName=other.png", content);
    }

    /// <summary>A news article published in Ukrainian with the image as its picture; its address.</summary>
    private async Task<string> PublishedArticleShowingAsync(Guid image)
    {
        var values = Article(Unique("Новина з фото"));
        values.Invariant[MayorsClub.Core.Content.DocumentTypes.NewsArticle.Image] = new JsonArray(image.ToString());
        var article = await CreateAsync(NewsIndexKey, MayorsClub.Core.Content.DocumentTypes.NewsArticle.Alias, values);
        Assert.That(article.Succeeded, string.Join("; ", article.Errors));
        Assert.That((await PublishAsync(article.Document!.Key, "uk")).Succeeded);
        return UrlOf(article.Document.Key, "uk");
    }

    private Task<MediaItem> ItemAsync(Guid key) => WithServices(async s => (await s.GetRequiredService<MediaLibrary>().GetAsync(key))!);

    private async Task<HttpResponseMessage> SaveFormAsync(HttpClient client, Guid key, string alt, bool membersOnly)
    {
        var item = await ItemAsync(key);
        var fields = new Dictionary<string, string>
        {
            ["Version"] = item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Name"] = item.Name,
            ["Alt[uk]"] = alt,
            ["__RequestVerificationToken"] = await BackOfficeSession.AntiforgeryTokenAsync(client, "/umbraco/media"),
        };
        if (membersOnly)
        {
            fields["MembersOnly"] = "true";
        }

        return await client.PostAsync($"/umbraco/media/{key}", new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> ReplaceFormAsync(HttpClient client, Guid key)
    {
        var file = new ByteArrayContent(MediaTestFiles.Png(5, 5, red: 99));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var content = new MultipartFormDataContent { { file, "file", "new.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/umbraco/media/{key}/replace") { Content = content };
        request.Headers.Add("RequestVerificationToken", await BackOfficeSession.AntiforgeryTokenAsync(client, "/umbraco/media"));
        return await client.SendAsync(request);
    }
}
