using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Core.Setup;
using MayorsClub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The media library through HTTP as editors use it: uploads (checked by their bytes, limited by size), the public
/// file URL, members-only files, replacement, usages and delete, folders, alternative texts and focal points,
/// and who may do what. On SQLite and PostgreSQL.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class MediaLibraryTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Password = "Media-test-password-1";
    private const string MediaEditorEmail = "media-editor@test.local";
    private const string MediaWriterEmail = "media-writer@test.local";

    private BackOfficeSession _editor = null!;
    private BackOfficeSession _writer = null!;

    /// <summary>A small image limit, so that "too large" needs only a little more than a megabyte.</summary>
    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["MayorsClub:Media:MaxImageBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [OneTimeSetUp]
    public async Task SignIn()
    {
        _editor = await BackOfficeSession.SignInAsync(Site, MediaEditorEmail, Password, BackOfficeGroups.Editors);
        _writer = await BackOfficeSession.SignInAsync(Site, MediaWriterEmail, Password, BackOfficeGroups.Writers);
    }

    [OneTimeTearDown]
    public void SignOut()
    {
        _editor.Dispose();
        _writer.Dispose();
    }

    [Test]
    public async Task UploadedImage_IsListed_AndItsPublicUrlServesTheSameBytesWithTheTypeFoundInThem()
    {
        var png = MediaTestFiles.Png(37, 21);

        // The browser calls it a JPEG; its bytes say PNG, and PNG it is.
        using var response = await UploadAsync(_editor.Client, "Засідання клубу.jpg", png, declaredType: "image/jpeg");
        var answer = await FirstFileAsync(response);
        var listing = await _editor.Client.GetStringAsync("/umbraco/media");
        using var served = await Client.GetAsync(answer["url"]!.GetValue<string>());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(answer["ok"]!.GetValue<bool>(), Is.True);
        Assert.That((answer["contentType"]!.GetValue<string>(), answer["width"]!.GetValue<int>(), answer["height"]!.GetValue<int>()), Is.EqualTo(("image/png", 37, 21)));
        Assert.That(answer["url"]!.GetValue<string>(), Does.Match(@"^/media/[0-9a-f-]{36}/zasidannia-klubu\.png\?v=[0-9a-f]+$"));
        Assert.That(listing, Does.Contain($"data-key=\"{answer["key"]}\"").And.Contain("Засідання клубу"));
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await served.Content.ReadAsByteArrayAsync(), Is.EqualTo(png));
        Assert.That(served.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That(served.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(served.Headers.CacheControl!.MaxAge, Is.EqualTo(TimeSpan.FromDays(365)));
        Assert.That(served.Headers.CacheControl.Public, Is.True);
    }

    [Test]
    public async Task PublicUrl_WithoutTheCurrentVersion_Revalidates_AndAnswers304ToItsETag()
    {
        var key = await UploadedKeyAsync(_editor.Client, "revalidate.png", MediaTestFiles.Png(4, 4));
        var url = $"/media/{key}/any-name-at-all.png";

        using var first = await Client.GetAsync(url);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await Client.SendAsync(again);
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(first.Headers.CacheControl!.NoCache || first.Headers.CacheControl.MustRevalidate, Is.True);
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That((head.StatusCode, head.Content.Headers.ContentType?.MediaType), Is.EqualTo((HttpStatusCode.OK, "image/png")));
    }

    [Test]
    public async Task UnknownKey_IsNotFound()
    {
        using var response = await Client.GetAsync($"/media/{Guid.NewGuid()}/photo.jpg");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static IEnumerable<TestCaseData> RefusedFiles()
    {
        yield return new TestCaseData("photo.jpg", "image/jpeg", MediaTestFiles.Script(), HttpStatusCode.UnsupportedMediaType, "не належить до дозволених типів")
            .SetName("A script disguised as a JPEG");
        yield return new TestCaseData("page.jpg", "image/jpeg", MediaTestFiles.Html(), HttpStatusCode.UnsupportedMediaType, "не належить до дозволених типів")
            .SetName("An HTML page disguised as a JPEG");
        yield return new TestCaseData("logo.svg", "image/svg+xml", MediaTestFiles.SvgWithScript(), HttpStatusCode.UnsupportedMediaType, "SVG не приймаються, бо можуть містити скрипти")
            .SetName("An SVG with a script");
        yield return new TestCaseData("archive.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaTestFiles.PlainZip(), HttpStatusCode.UnsupportedMediaType, "не документ Word (DOCX)")
            .SetName("A ZIP archive named .docx");
        yield return new TestCaseData("huge.png", "image/png", MediaTestFiles.Png(8, 8).Concat(new byte[1024 * 1024]).ToArray(), HttpStatusCode.RequestEntityTooLarge, "файли PNG можуть мати щонайбільше 1 МБ")
            .SetName("An image over the limit");
    }

    [TestCaseSource(nameof(RefusedFiles))]
    public async Task RefusedFile_GetsAClearMessage_AndNothingIsStored(string fileName, string declaredType, byte[] bytes, HttpStatusCode status, string message)
    {
        var (rowsBefore, filesBefore) = await StoredAsync();

        using var response = await UploadAsync(_editor.Client, fileName, bytes, declaredType);
        var answer = await FirstFileAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(answer["ok"]!.GetValue<bool>(), Is.False);
        Assert.That(answer["message"]!.GetValue<string>(), Does.Contain(message).And.Contain(fileName));
        Assert.That(await StoredAsync(), Is.EqualTo((rowsBefore, filesBefore)), "no row and no file");
    }

    [Test]
    public async Task RefusalMessages_FollowTheEditorsLanguage()
    {
        const string email = "media-english@test.local";
        await WithServices(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<BackOfficeUser>>();
            var user = new BackOfficeUser { UserName = email, Email = email, DisplayName = "English editor", UiCulture = "en", CreatedUtc = DateTime.UtcNow };
            await users.CreateAsync(user, Password);
            return await users.AddToRoleAsync(user, BackOfficeGroups.Editors);
        });
        using var english = await BackOfficeSession.SignInAsync(Site, email, Password, BackOfficeGroups.Editors);

        using var response = await UploadAsync(english.Client, "drawing.svg", MediaTestFiles.SvgWithScript(), "image/svg+xml");

        Assert.That((await FirstFileAsync(response))["message"]!.GetValue<string>(),
            Is.EqualTo("The file \"drawing.svg\" is an SVG drawing. SVG files are not accepted because they can carry scripts: save the picture as PNG or WebP and upload that."));
    }

    [Test]
    public async Task PlainFormUpload_WithoutScript_StoresTheGoodFiles_AndShowsWhyTheOthersWereRefused()
    {
        var token = await BackOfficeSession.AntiforgeryTokenAsync(_editor.Client, "/umbraco/media");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { Part(MediaTestFiles.Png(5, 5), "image/png"), "files", "good-one.png" },
            { Part(MediaTestFiles.Script(), "image/jpeg"), "files", "bad-one.jpg" },
        };

        using var response = await _editor.Client.PostAsync("/umbraco/media/upload", form);
        var page = await response.Content.ReadAsStringAsync();
        var listing = await _editor.Client.GetStringAsync("/umbraco/media");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(page, Does.Contain("bad-one.jpg").And.Contain("не належить до дозволених типів"));
        Assert.That(listing, Does.Contain("good-one"));
    }

    [Test]
    public async Task PlainFormUpload_OfGoodFiles_ReturnsToTheFolder()
    {
        var html = await _editor.Client.GetStringAsync("/umbraco/media");
        var uploadForm = System.Text.RegularExpressions.Regex.Match(html, "<form id=\"media-upload\".*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.That(uploadForm, Does.Contain("enctype=\"multipart/form-data\"").And.Contain("name=\"__RequestVerificationToken\"").And.Contain("type=\"file\" name=\"files\" multiple"),
            "the form posts the files by itself, without the script");
        var token = await BackOfficeSession.AntiforgeryTokenAsync(_editor.Client, "/umbraco/media");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("true"), "membersOnly" },
            { Part(MediaTestFiles.GifHeader(16, 9), "image/gif"), "files", "members-photo.gif" },
        };

        using var response = await _editor.Client.PostAsync("/umbraco/media/upload", form);
        var item = (await ItemsNamedAsync("members-photo")).Single();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/umbraco/media"));
        Assert.That((item.MembersOnly, item.Width, item.Height), Is.EqualTo((true, 16, 9)), "the checkbox keeps an image for members");
    }

    [Test]
    public async Task SessionMaterial_IsMembersOnly_HasNoPublicUrl_AndIsKeptOutsideWwwroot()
    {
        var key = await UploadedKeyAsync(_editor.Client, "Матеріали сесії.pdf", MediaTestFiles.Pdf());
        var item = (await ItemsNamedAsync("Матеріали сесії")).Single();
        var storagePath = await WithServices(s => s.GetRequiredService<MayorsClubDbContext>().MediaItems.Where(m => m.Key == key).Select(m => m.StoragePath).SingleAsync());
        var paths = Site.Services.GetRequiredService<SitePaths>();
        var fullPath = Path.GetFullPath(Path.Combine(paths.Data, "media", storagePath!));
        var webRoot = Path.GetFullPath(Site.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootPath);

        using var asPublicFile = await Client.GetAsync($"/media/{key}/materialy-sesii.pdf");
        using var inTheBackOffice = await _editor.Client.GetAsync($"/umbraco/media/{key}/file");
        using var anonymousBackOffice = await Client.GetAsync($"/umbraco/media/{key}/file");

        Assert.That((item.MembersOnly, item.PublicUrl), Is.EqualTo((true, (string?)null)));
        Assert.That(asPublicFile.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(File.Exists(fullPath), Is.True);
        Assert.That(fullPath, Does.Not.StartWith(webRoot + Path.DirectorySeparatorChar));
        Assert.That(Path.GetFileName(fullPath), Does.Match("^[0-9a-f]{32}\\.pdf$"), "a random name, nothing of the client's");
        Assert.That(inTheBackOffice.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(inTheBackOffice.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(anonymousBackOffice.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task Docx_Pptx_AndMp4_AreAccepted_AsMembersOnly()
    {
        var docx = await FirstFileAsync(await UploadAsync(_editor.Client, "minutes.docx", MediaTestFiles.Docx(), "application/octet-stream"));
        var pptx = await FirstFileAsync(await UploadAsync(_editor.Client, "slides.pptx", MediaTestFiles.Pptx(), "application/octet-stream"));
        var mp4 = await FirstFileAsync(await UploadAsync(_editor.Client, "session.mp4", MediaTestFiles.Mp4(), "video/mp4"));

        Assert.That(new[] { docx, pptx, mp4 }.Select(a => (a["contentType"]!.GetValue<string>(), a["membersOnly"]!.GetValue<bool>())), Is.EqualTo(new[]
        {
            (MediaFormat.Docx.ContentType, true),
            (MediaFormat.Pptx.ContentType, true),
            ("video/mp4", true),
        }));
    }

    [Test]
    public async Task Replace_KeepsTheKey_AndTheUrlServesTheNewBytes()
    {
        var original = MediaTestFiles.Png(10, 10, red: 10);
        var replacement = MediaTestFiles.Png(20, 15, red: 250);
        var key = await UploadedKeyAsync(_editor.Client, "banner.png", original);
        var before = (await ItemsNamedAsync("banner")).Single();
        var oldFile = await StoragePathAsync(key);

        using var response = await SendFileAsync(_editor.Client, $"/umbraco/media/{key}/replace", "file", "banner-v2.png", replacement, "image/png");
        var after = await WithServices(s => s.GetRequiredService<MediaLibrary>().GetAsync(key));
        using var byOldUrl = await Client.GetAsync(before.PublicUrl);
        using var byNewUrl = await Client.GetAsync(after!.PublicUrl);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((after.Key, after.Width, after.Height), Is.EqualTo((key, 20, 15)));
        Assert.That(after.PublicUrl, Is.Not.EqualTo(before.PublicUrl), "a new version token, so caches fetch the new file");
        Assert.That(await byOldUrl.Content.ReadAsByteArrayAsync(), Is.EqualTo(replacement));
        Assert.That(byOldUrl.Headers.CacheControl!.MaxAge, Is.Not.EqualTo(TimeSpan.FromDays(365)), "an old version token is not cached for a year");
        Assert.That(await byNewUrl.Content.ReadAsByteArrayAsync(), Is.EqualTo(replacement));
        Assert.That(File.Exists(oldFile), Is.False, "the old bytes are gone");
    }

    [Test]
    public async Task Replace_WithAnotherKindOfFile_IsRefused_AndKeepsTheOriginal()
    {
        var original = MediaTestFiles.Png(6, 6);
        var key = await UploadedKeyAsync(_editor.Client, "keep-me.png", original);
        var before = (await ItemsNamedAsync("keep-me")).Single();

        using var response = await SendFileAsync(_editor.Client, $"/umbraco/media/{key}/replace", "file", "keep-me.pdf", MediaTestFiles.Pdf(), "application/pdf");
        using var served = await Client.GetAsync(before.PublicUrl);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That((await FirstFileAsync(response))["message"]!.GetValue<string>(), Does.Contain("Замінювати можна лише файлом того самого виду"));
        Assert.That(await served.Content.ReadAsByteArrayAsync(), Is.EqualTo(original));
    }

    [Test]
    public async Task Delete_OfAFileADocumentUses_IsRefusedWithoutConfirmation_AndListsTheDocument()
    {
        var key = await UploadedKeyAsync(_editor.Client, "article-photo.png", MediaTestFiles.Png(8, 8));
        var title = Unique("Стаття з фото");
        var values = Article(title, "An article with a photo");
        values.Invariant[NewsArticle.Image] = new JsonArray(key.ToString());
        var created = await CreateAsync(NewsIndexKey, NewsArticle.Alias, values);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));

        using var refused = await PostFormAsync(_editor.Client, $"/umbraco/media/{key}/delete", []);
        var refusal = await refused.Content.ReadAsStringAsync();
        var stillThere = await ItemsNamedAsync("article-photo");
        using var confirmed = await PostFormAsync(_editor.Client, $"/umbraco/media/{key}/delete", new() { ["confirm"] = "true" });
        using var publicUrl = await Client.GetAsync($"/media/{key}/article-photo.png");
        var audit = await WithServices(s => s.GetRequiredService<MayorsClubDbContext>().AuditEntries
            .Where(a => a.Action == "media.delete" && a.Details!.Contains(key.ToString())).ToListAsync());

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(refusal, Does.Contain(title).And.Contain("використовується в документах (1)"));
        Assert.That(stillThere, Has.Count.EqualTo(1));
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await ItemsNamedAsync("article-photo"), Is.Empty);
        Assert.That(publicUrl.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(audit.Single().Details, Does.Contain(created.Document!.Key.ToString()), "the audit names the documents that used it");
        Assert.That(audit.Single().DocumentKey, Is.Null);
    }

    [Test]
    public async Task Usages_FindPickersAndRichTextLinks_InDraftsAndPublishedValues()
    {
        var key = await UploadedKeyAsync(_editor.Client, "linked.png", MediaTestFiles.Png(3, 3));
        var linking = await CreatedArticleAsync(Unique("Посилання"), "A link");
        var body = $"<p>See <a href=\"/media/{key}/linked.png\">the picture</a>.</p>";
        var saved = await SaveAsync(linking.Key, linking.Version, Cultures.English, ArticleText("A link", "Summary.", body));
        Assert.That(saved.Succeeded, Is.True, string.Join("; ", saved.Errors));
        await PublishAsync(linking.Key, Cultures.English);
        var unrelated = await CreatedArticleAsync(Unique("Без фото"));

        var usages = await WithServices(s => s.GetRequiredService<MediaLibrary>().UsagesAsync(key));
        var editPage = await _editor.Client.GetStringAsync($"/umbraco/media/{key}");

        Assert.That(usages.Select(u => u.DocumentKey), Is.EqualTo(new[] { linking.Key }));
        Assert.That((usages[0].InDraft, usages[0].InPublished), Is.EqualTo((true, true)));
        Assert.That(usages.Select(u => u.DocumentKey), Does.Not.Contain(unrelated.Key));
        Assert.That(editPage, Does.Contain(linking.Key.ToString()));
    }

    [Test]
    public async Task Delete_OfAnUnusedFile_RemovesItsRowAndBytes()
    {
        var key = await UploadedKeyAsync(_editor.Client, "unused.png", MediaTestFiles.Png(2, 2));
        var file = await StoragePathAsync(key);

        using var response = await PostFormAsync(_editor.Client, $"/umbraco/media/{key}/delete", []);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/umbraco/media?notice=deleted"));
        Assert.That(await ItemsNamedAsync("unused"), Is.Empty);
        Assert.That(File.Exists(file), Is.False);
    }

    [Test]
    public async Task Anonymous_IsSentToSignIn_ForTheSectionAndForUploads()
    {
        using var anonymous = BackOfficeSession.Anonymous(Site);

        using var page = await anonymous.GetAsync("/umbraco/media");
        using var upload = await UploadAsync(anonymous, "x.png", MediaTestFiles.Png(2, 2), "image/png", token: "none");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page.Headers.Location!.AbsolutePath, Is.EqualTo("/umbraco/login"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(upload.Headers.Location!.AbsolutePath, Is.EqualTo("/umbraco/login"));
    }

    [Test]
    public async Task Writer_MayUploadAndEdit_ButNotDelete()
    {
        using var uploaded = await UploadAsync(_writer.Client, "writers-photo.png", MediaTestFiles.Png(4, 4), "image/png");
        var key = (await FirstFileAsync(uploaded))["key"]!.GetValue<Guid>();
        var page = await _writer.Client.GetStringAsync($"/umbraco/media/{key}");

        using var delete = await PostFormAsync(_writer.Client, $"/umbraco/media/{key}/delete", new() { ["confirm"] = "true" });
        using var denied = await _writer.Client.GetAsync(delete.Headers.Location);

        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(page, Does.Not.Contain($"/umbraco/media/{key}/delete"), "no delete button for writers");
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(delete.Headers.Location!.AbsolutePath, Is.EqualTo("/umbraco/denied"));
        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await ItemsNamedAsync("writers-photo"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AltTextsAndFocalPoint_AreSaved_AndBadValuesAreRefusedWithoutLosingAnything()
    {
        var key = await UploadedKeyAsync(_editor.Client, "portrait.png", MediaTestFiles.Png(30, 40));
        var version = (await ItemsNamedAsync("portrait")).Single().Version;

        using var saved = await PostFormAsync(_editor.Client, $"/umbraco/media/{key}", new()
        {
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Name"] = "Портрет голови громади",
            ["Alt[uk]"] = "Голова громади біля ратуші",
            ["Alt[en]"] = "The head of the community by the town hall",
            ["FocalX"] = "0.25",
            ["FocalY"] = "0.4",
        });
        var item = (await ItemsNamedAsync("Портрет голови громади")).Single();
        using var outOfRange = await PostFormAsync(_editor.Client, $"/umbraco/media/{key}", new()
        {
            ["Version"] = item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Name"] = "Портрет",
            ["FocalX"] = "1.5",
            ["FocalY"] = "0.5",
        });
        using var stale = await PostFormAsync(_editor.Client, $"/umbraco/media/{key}", new()
        {
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Name"] = "An old edit",
        });
        var unchanged = (await ItemsNamedAsync("Портрет голови громади")).Single();
        var audit = await WithServices(s => s.GetRequiredService<MayorsClubDbContext>().AuditEntries.AnyAsync(a => a.Action == "media.update" && a.Details!.Contains(key.ToString())));

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(item.AltText, Is.EqualTo(new Dictionary<string, string> { ["en"] = "The head of the community by the town hall", ["uk"] = "Голова громади біля ратуші" }));
        Assert.That(item.FocalPoint, Is.EqualTo(new FocalPoint(0.25, 0.4)));
        Assert.That(outOfRange.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await outOfRange.Content.ReadAsStringAsync(), Does.Contain("Фокусна точка має бути в межах зображення").And.Contain("value=\"1.5\""));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(Fingerprint(unchanged), Is.EqualTo(Fingerprint(item)), "refused saves change nothing");
        Assert.That(audit, Is.True);
    }

    [Test]
    public async Task Folders_AreCreated_Filled_Renamed_Moved_AndDeletedOnlyWhenEmpty()
    {
        var parentName = Unique("Сесії");
        using (await PostFormAsync(_editor.Client, "/umbraco/media/folders", new() { ["name"] = parentName }))
        {
        }

        var parent = (await ItemsNamedAsync(parentName)).Single();
        using (await PostFormAsync(_editor.Client, "/umbraco/media/folders", new() { ["parent"] = parent.Key.ToString(), ["name"] = "2026" }))
        {
        }

        var child = (await WithServices(s => s.GetRequiredService<MediaLibrary>().ListAsync(parent.Key)))!.Single();
        var fileKey = await UploadedKeyAsync(_editor.Client, "in-a-folder.png", MediaTestFiles.Png(2, 2), folder: child.Key);
        var childPage = await _editor.Client.GetStringAsync($"/umbraco/media?folder={child.Key}");

        using var intoItself = await PostFormAsync(_editor.Client, $"/umbraco/media/{parent.Key}/move", new() { ["folder"] = child.Key.ToString() });
        using var notEmpty = await PostFormAsync(_editor.Client, $"/umbraco/media/{child.Key}/delete", []);
        using var renamed = await PostFormAsync(_editor.Client, $"/umbraco/media/{child.Key}", new() { ["Name"] = "Рік 2026", ["Version"] = child.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var movedOut = await PostFormAsync(_editor.Client, $"/umbraco/media/{fileKey}/move", new() { ["folder"] = "" });
        using var deleted = await PostFormAsync(_editor.Client, $"/umbraco/media/{child.Key}/delete", []);
        var file = await WithServices(s => s.GetRequiredService<MediaLibrary>().GetAsync(fileKey));

        Assert.That(child.Name, Is.EqualTo("2026"));
        Assert.That(childPage, Does.Contain("in-a-folder").And.Contain(parentName), "the file and the breadcrumb");
        Assert.That(intoItself.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await intoItself.Content.ReadAsStringAsync(), Does.Contain("Теку не можна перемістити в неї саму"));
        Assert.That(notEmpty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await notEmpty.Content.ReadAsStringAsync(), Does.Contain("не порожня"));
        Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(movedOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(file!.ParentKey, Is.Null);
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await WithServices(s => s.GetRequiredService<MediaLibrary>().GetAsync(child.Key)), Is.Null);
    }

    [Test]
    public async Task Upload_IntoAFolderThatDoesNotExist_IsNotFound()
    {
        using var response = await UploadAsync(_editor.Client, "lost.png", MediaTestFiles.Png(2, 2), "image/png", folder: Guid.NewGuid());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await FirstFileAsync(response))["message"]!.GetValue<string>(), Is.EqualTo("Теку не знайдено."));
    }

    private static string Fingerprint(MediaItem item) =>
        JsonSerializer.Serialize(new { item.Name, item.Version, item.FocalPoint, AltText = item.AltText.OrderBy(a => a.Key).ToList(), item.MembersOnly, item.FileToken });

    private static ByteArrayContent Part(byte[] bytes, string declaredType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        return content;
    }

    /// <summary>An upload as the browser script sends it: one file, the antiforgery token in a header, JSON back.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(
        HttpClient client, string fileName, byte[] bytes, string declaredType = "image/png", Guid? folder = null, string? token = null)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("false"), "membersOnly" },
            { Part(bytes, declaredType), "files", fileName },
        };
        return await SendAsync(client, "/umbraco/media/upload" + (folder is { } f ? $"?folder={f}" : ""), content, token);
    }

    private static async Task<HttpResponseMessage> SendFileAsync(HttpClient client, string url, string field, string fileName, byte[] bytes, string declaredType)
    {
        using var content = new MultipartFormDataContent { { Part(bytes, declaredType), field, fileName } };
        return await SendAsync(client, url, content, null);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, HttpContent content, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("RequestVerificationToken", token ?? await BackOfficeSession.AntiforgeryTokenAsync(client, "/umbraco/media"));
        request.Headers.Accept.ParseAdd("application/json");
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await BackOfficeSession.AntiforgeryTokenAsync(client, "/umbraco/media");
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static async Task<JsonNode> FirstFileAsync(HttpResponseMessage response)
    {
        var json = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(json)?["files"]?[0] ?? throw new AssertionException($"No upload answer in {(int)response.StatusCode}: {json}");
    }

    private static async Task<Guid> UploadedKeyAsync(HttpClient client, string fileName, byte[] bytes, Guid? folder = null)
    {
        using var response = await UploadAsync(client, fileName, bytes, "application/octet-stream", folder);
        var answer = await FirstFileAsync(response);
        Assert.That(answer["ok"]!.GetValue<bool>(), Is.True, answer.ToJsonString());
        return answer["key"]!.GetValue<Guid>();
    }

    private Task<List<MediaItem>> ItemsNamedAsync(string name) =>
        WithServices(async s =>
        {
            var keys = await s.GetRequiredService<MayorsClubDbContext>().MediaItems.Where(m => m.Name == name).Select(m => m.Key).ToListAsync();
            return (await s.GetRequiredService<MediaLibrary>().GetManyAsync(keys)).ToList();
        });

    private Task<string> StoragePathAsync(Guid key) =>
        WithServices(async s =>
        {
            var path = await s.GetRequiredService<MayorsClubDbContext>().MediaItems.Where(m => m.Key == key).Select(m => m.StoragePath).SingleAsync();
            return s.GetRequiredService<MediaStorage>().FullPath(path!);
        });

    /// <summary>Media rows in the database and files on disk (the incoming folder included).</summary>
    private async Task<(int Rows, int Files)> StoredAsync()
    {
        var rows = await WithServices(s => s.GetRequiredService<MayorsClubDbContext>().MediaItems.CountAsync());
        var root = Site.Services.GetRequiredService<MediaStorage>().Root;
        return (rows, Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length : 0);
    }
}
