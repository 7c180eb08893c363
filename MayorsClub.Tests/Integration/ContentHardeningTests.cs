using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using static MayorsClub.Tests.Integration.ManagementApiClient;
using HomeType = MayorsClub.Core.Content.DocumentTypes.Home;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The content findings of the outside probe, each refused with a reason instead of a 500 or a silent harm: URL
/// segments and names without a length limit, nulls inside request arrays, invisible control and bidi characters in
/// names, the all-zero id, editors taking the whole site offline by trashing the home page, a schedule of 5,000
/// entries, and rich text nested deep enough to stall the sanitizer. On SQLite and PostgreSQL.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ContentHardeningTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Password = "Content-hardening-password-1";

    private HttpClient _editors = null!;
    private HttpClient _administrators = null!;
    private BackOfficeSession _editor = null!;
    private BackOfficeSession _administrator = null!;

    protected override IReadOnlyDictionary<string, string>? Settings => ManagementApiClient.Settings;

    [OneTimeSetUp]
    public async Task SignIn()
    {
        _editors = await SignedInAsync(Site, EditorsId, EditorsSecret);
        _administrators = await SignedInAsync(Site, AdministratorsId, AdministratorsSecret);
        _editor = await BackOfficeSession.SignInAsync(Site, "hardening-editor@test.local", Password, BackOfficeGroups.Editors);
        _administrator = await BackOfficeSession.SignInAsync(Site, "hardening-admin@test.local", Password, BackOfficeGroups.Administrators);
        _editor.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("uk");
        _administrator.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
    }

    [OneTimeTearDown]
    public void SignOut()
    {
        _editors.Dispose();
        _administrators.Dispose();
        _editor.Dispose();
        _administrator.Dispose();
    }

    [Test]
    public async Task UrlSegmentOf50001Characters_AndAHugeName_AreRefusedWith400_NotA500()
    {
        var longSegment = Request(Unique("Довгий сегмент"));
        longSegment["variants"]![0]!["urlSegment"] = new string('a', 50_001);
        var longName = Request(new string('н', 50_001));
        var atTheLimit = Request(new string('щ', 255));
        atTheLimit["variants"]![0]!["urlSegment"] = "a" + Guid.NewGuid().ToString("N") + new string('b', 67);

        var segment = await PostJsonAsync(_editors, "document", longSegment);
        var name = await PostJsonAsync(_editors, "document", longName);
        var fine = await PostJsonAsync(_editors, "document", atTheLimit);

        Assert.That(segment.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(segment.Body!["errors"]!["variants[uk].urlSegment"]![0]!.GetValue<string>(), Does.Contain("at most 100 characters"));
        Assert.That(name.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(name.Body!["errors"]!["variants[uk].name"]![0]!.GetValue<string>(), Does.Contain("at most 255 characters"));
        Assert.That(fine.Status, Is.EqualTo(HttpStatusCode.Created), fine.Body?.ToJsonString());
        Assert.That(Variant(fine.Body!, "uk")["urlSegment"]!.GetValue<string>(), Has.Length.EqualTo(100));

        // The same long segment again is taken (siblings are compared without a LIKE pattern).
        var again = await PostJsonAsync(_editors, "document", atTheLimit);
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(again.Body!["errors"]!["variants[uk].urlSegment"], Is.Not.Null);
    }

    [Test]
    public async Task NullsInsideRequestArrays_AreRefusedWith400ProblemDetails_NamingThePlace()
    {
        var article = await CreatedArticleAsync(Unique("Нулі в масивах"));
        var id = article.Key;
        var cases = new (HttpMethod Method, string Path, string Json, string Field)[]
        {
            (HttpMethod.Put, "document/sort", "{\"sorting\":[null]}", "sorting[0]"),
            (HttpMethod.Put, "document/sort", $"{{\"parent\":{{\"id\":\"{NewsIndexKey}\"}},\"sorting\":[{{\"id\":\"{id}\",\"sortOrder\":0}},null]}}", "sorting[1]"),
            (HttpMethod.Put, $"document/{id}/publish", "{\"cultures\":[null]}", "cultures[0]"),
            (HttpMethod.Put, $"document/{id}/unpublish", "{\"cultures\":[\"uk\",null]}", "cultures[1]"),
            (HttpMethod.Put, $"document/{id}/schedule", "{\"schedules\":[null]}", "schedules[0]"),
            (HttpMethod.Post, "document", "{\"documentType\":{\"alias\":\"newsArticle\"},\"variants\":[null],\"values\":[null]}", "variants[0]"),
            (HttpMethod.Put, $"document/{id}", $"{{\"version\":{article.Version},\"variants\":[null],\"values\":[null]}}", "values[0]"),
        };

        var wrong = new List<string>();
        foreach (var (method, path, json, field) in cases)
        {
            var (status, body, response) = await SendAsync(_editors, method, path, new StringContent(json, Encoding.UTF8, "application/json"));
            if (status != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json" || body?["errors"]?[field] is null)
            {
                wrong.Add($"{method} {path} {json}: {(int)status} {body?.ToJsonString()}");
            }
        }

        Assert.That(wrong, Is.Empty);
        Assert.That((await GetAsync(id))!.Version, Is.EqualTo(article.Version), "nothing changed");
    }

    [Test]
    public async Task NulAndBidiOverrideCharacters_AreStrippedFromDocumentAndMediaNames()
    {
        var created = await PostJsonAsync(_editors, "document", Request("Звіт\u0000 \u202Eза рік\u202C " + Guid.NewGuid().ToString("N")[..6]));
        using var upload = new ByteArrayContent(MediaTestFiles.Png(3, 3));
        upload.Headers.ContentType = new("application/octet-stream");
        using var uploaded = await _editors.PostAsync($"{Base}/media?fileName={Uri.EscapeDataString("фото\u202Egnp.exe\u2066.png")}", upload);
        var media = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!;
        var renamed = await PutJsonAsync(_editors, $"media/{media["id"]}", new { name = "\u200Fлоготип\u0007 клубу\u2069" });

        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(Variant(created.Body!, "uk")["name"]!.GetValue<string>(), Does.StartWith("Звіт за рік "));
        Assert.That(media["name"]!.GetValue<string>(), Is.EqualTo("фотоgnp.exe"));
        Assert.That(renamed.Body!["name"]!.GetValue<string>(), Is.EqualTo("логотип клубу"));
    }

    [Test]
    public async Task DocumentWithTheAllZeroId_IsRefused()
    {
        var request = Request(Unique("Нульовий ідентифікатор"));
        request["id"] = Guid.Empty.ToString();

        var refused = await PostJsonAsync(_editors, "document", request);

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Body!["errors"]!["id"]![0]!.GetValue<string>(), Does.Contain("all zeros"));
        Assert.That(await GetAsync(Guid.Empty), Is.Null);
    }

    [Test]
    public async Task OnlyAdministrators_MayTrashATopLevelDocument_AndTheBackOfficeWarnsTheWholeSiteGoesOffline()
    {
        var byEditorApi = await PutJsonAsync(_editors, $"document/{HomeKey}/move-to-recycle-bin");
        var editorPage = await _editor.Client.GetStringAsync($"/umbraco/content/{HomeKey}");
        using var byEditorForm = await _editor.Client.PostAsync($"/umbraco/content/{HomeKey}/trash", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await BackOfficeSession.AntiforgeryTokenAsync(_editor.Client, $"/umbraco/content/{HomeKey}"),
        }));

        Assert.That(byEditorApi.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(byEditorApi.Body!["detail"]!.GetValue<string>(), Does.Contain("Only an administrator"));
        Assert.That(BackOfficeContentForm.Parse(editorPage).QuerySelector("form[action$='/trash']"), Is.Null, "no trash button for editors on the home page");
        Assert.That(byEditorForm.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(WebUtility.HtmlDecode(await byEditorForm.Content.ReadAsStringAsync()), Does.Contain("Лише адміністратор може перемістити до кошика документ верхнього рівня"));
        Assert.That((await GetAsync(HomeKey))!.Trashed, Is.False);
        Assert.That((await GetPageAsync("/uk/")).Status, Is.EqualTo(200), "the site is still there");

        // A second top-level document, so that the real home page stays: administrators are warned, then may.
        var root = await CreateAsync(null, HomeType.Alias, new ContentValues
        {
            Cultures = { ["uk"] = new CultureVariant { Name = Unique("Другий сайт"), Values = { [HomeType.HeroTitle] = "Заголовок" } } },
        });
        Assert.That(root.Succeeded, string.Join("; ", root.Errors));
        var adminPage = BackOfficeContentForm.Parse(await _administrator.Client.GetStringAsync($"/umbraco/content/{root.Document!.Key}"));
        var byAdministrator = await PutJsonAsync(_administrators, $"document/{root.Document.Key}/move-to-recycle-bin");

        Assert.That(adminPage.QuerySelector("form[action$='/trash']")?.GetAttribute("data-confirm"), Does.Contain("увесь сайт").Or.Contain("takes the whole site offline"));
        Assert.That(byAdministrator.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await GetAsync(root.Document.Key))!.Trashed, Is.True);
    }

    [Test]
    public async Task ScheduleWith5000Entries_IsRefusedQuickly_AndOneCultureTwice()
    {
        var article = await CreatedArticleAsync(Unique("Розклад"));
        var at = DateTime.UtcNow.AddDays(3).ToString("O");
        var entries = Enumerable.Range(0, 5000).Select(_ => new { culture = "uk", publishAt = at }).ToArray();

        var clock = Stopwatch.StartNew();
        var many = await PutJsonAsync(_editors, $"document/{article.Key}/schedule", new { schedules = entries });
        clock.Stop();
        var twice = await PutJsonAsync(_editors, $"document/{article.Key}/schedule", new { schedules = entries.Take(2) });

        Assert.That(many.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(many.Body!["errors"]!["schedules"]![0]!.GetValue<string>(), Does.Contain("once per language"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(twice.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(twice.Body!["errors"]!["schedules[uk]"], Is.Not.Null);
        Assert.That((await GetAsync(article.Key))!.Cultures["uk"].PublishAtUtc, Is.Null, "nothing was scheduled");
    }

    [Test]
    public async Task RichTextNestedTooDeeply_IsRefusedWith400_Quickly()
    {
        var request = Request(Unique("Глибока вкладеність"));
        var body = request["values"]!.AsArray().Single(v => v!["alias"]!.GetValue<string>() == "body" && v["culture"]?.GetValue<string>() == "uk")!;
        body["value"] = "<p>" + new StringBuilder().Insert(0, "<i>", 28_000) + "текст</p>";

        var clock = Stopwatch.StartNew();
        var refused = await PostJsonAsync(_editors, "document", request);
        clock.Stop();

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Body!["errors"]!["values[body|uk]"]![0]!.GetValue<string>(), Does.Contain("nested too deeply"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)), "refused before the sanitizer parses it");
    }

    /// <summary>A create request for a Ukrainian news article, as JSON to change before sending.</summary>
    private JsonNode Request(string ukTitle) => JsonNode.Parse(JsonSerializer.Serialize(NewsArticle(NewsIndexKey, ukTitle, null)))!;
}
