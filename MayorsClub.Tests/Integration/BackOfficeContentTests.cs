using System.Net;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>The content section over HTTP, signed in through the real form: what editors and writers may do, and what they see when a save is refused.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class BackOfficeContentTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Password = "Content-test-password-1";
    private const string EditorEmail = "content-editor@test.local";
    private const string WriterEmail = "content-writer@test.local";

    private BackOfficeSession _editor = null!;
    private BackOfficeSession _writer = null!;

    /// <summary>One sign-in each for the fixture: the sign-in form allows ten attempts a minute from one address.</summary>
    [OneTimeSetUp]
    public async Task SignIn()
    {
        _editor = await BackOfficeSession.SignInAsync(Site, EditorEmail, Password, BackOfficeGroups.Editors);
        _writer = await BackOfficeSession.SignInAsync(Site, WriterEmail, Password, BackOfficeGroups.Writers);
    }

    [OneTimeTearDown]
    public void SignOut()
    {
        _editor.Dispose();
        _writer.Dispose();
    }

    private Task<BackOfficeSession> EditorSessionAsync() => Task.FromResult(_editor);

    private Task<BackOfficeSession> WriterSessionAsync() => Task.FromResult(_writer);

    [Test]
    public async Task Editor_OpensADocument_AndTheTreeShowsEachLanguagesState()
    {
        var article = await CreatedArticleAsync(Unique("Стан у дереві"));
        await PublishAsync(article.Key, Cultures.Ukrainian);
        var editor = await EditorSessionAsync();

        var (status, html) = await GetAsync(editor, $"/umbraco/content/{article.Key}");
        var page = BackOfficeContentForm.Parse(html);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var node = page.QuerySelector($".ce-tree-node[data-key='{article.Key}']");
        Assert.That(node, Is.Not.Null, "the tree is open down to the document");
        Assert.That(node!.QuerySelector(".ce-badge[data-culture='uk']")!.GetAttribute("data-state"), Is.EqualTo("published"));
        Assert.That(node.QuerySelector(".ce-badge[data-culture='en']")!.GetAttribute("data-state"), Is.EqualTo("notcreated"));
        Assert.That(page.QuerySelector("[data-culture-state='uk']")!.TextContent, Is.EqualTo("опубліковано"));

        var (childrenStatus, children) = await GetAsync(editor, $"/umbraco/content/tree?parent={NewsIndexKey}");
        Assert.That(childrenStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(children, Does.Contain($"data-key=\"{article.Key}\""));
    }

    [Test]
    public async Task Editor_CreatesAnArticle_UnderTheNewsList_InUkrainianOnly()
    {
        var editor = await EditorSessionAsync();
        var title = Unique("Нова стаття з форми");
        var (_, html) = await GetAsync(editor, $"/umbraco/content/create?parent={NewsIndexKey}");
        var form = BackOfficeContentForm.Of(html)
            .Set("name.uk", title)
            .Set("v.uk.summary", "Короткий виклад із форми.")
            .Set("v.uk.body", "<p>Текст із форми.</p><script>alert(1)</script>");

        using var response = await form.PostAsync(editor.Client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var key = Guid.Parse(response.Headers.Location!.OriginalString.Split('/', '?')[3]);
        var created = await GetAsync(key);
        Assert.That(created!.ParentKey, Is.EqualTo(NewsIndexKey));
        Assert.That(created.Cultures.Keys, Is.EquivalentTo(new[] { "uk" }), "the untouched English side stays unwritten");
        Assert.That(created.Draft.Culture("uk")!.Values[NewsArticle.Body]!.ToString(), Is.EqualTo("<p>Текст із форми.</p>"), "sanitized on save");
        Assert.That(created.Draft.Invariant[NewsArticle.Date]!.ToString(), Does.Match(@"^\d{4}-\d\d-\d\d$"), "the date starts as today");
    }

    [Test]
    public async Task Save_WithoutARequiredField_Is400_WithTheMessageBesideTheField_AndKeepsWhatWasTyped()
    {
        var article = await CreatedArticleAsync(Unique("Обов'язкове поле"));
        var editor = await EditorSessionAsync();
        var typedTitle = Unique("Заголовок, який не можна втратити");
        var form = BackOfficeContentForm.Of((await GetAsync(editor, $"/umbraco/content/{article.Key}")).Html)
            .Set("name.uk", typedTitle)
            .Set("v.uk.summary", "");

        using var response = await form.PostAsync(editor.Client);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(BackOfficeContentForm.TextOf(html, "f-uk-summary-error"), Is.EqualTo("Поле «Короткий виклад» обов'язкове."));
        var field = BackOfficeContentForm.Parse(html).GetElementById("f-uk-summary")!;
        Assert.That(field.GetAttribute("aria-describedby"), Is.EqualTo("f-uk-summary-error"));
        Assert.That(BackOfficeContentForm.Of(html)["name.uk"], Is.EqualTo(typedTitle), "the typed title is still in the form");
        Assert.That(html, Does.Contain("href=\"#f-uk-summary\""), "the summary at the top links to the field");
        Assert.That((await GetAsync(article.Key))!.Version, Is.EqualTo(article.Version), "nothing was saved");
    }

    [Test]
    public async Task Save_FromAStaleVersion_Is409_KeepsTheTypedText_AndCanThenBeSavedOnPurpose()
    {
        var article = await CreatedArticleAsync(Unique("Дві редакторки"));
        var editor = await EditorSessionAsync();
        var form = BackOfficeContentForm.Of((await GetAsync(editor, $"/umbraco/content/{article.Key}")).Html);
        var theirs = await SaveAsync(article.Key, article.Version, Cultures.Ukrainian, ArticleText(article.Cultures["uk"].Name, "Їхній виклад.", "<p>Їхній текст.</p>"));
        Assert.That(theirs.Succeeded);

        using var response = await form.Set("v.uk.summary", "Мій виклад, набраний довго.").PostAsync(editor.Client);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(html, Does.Contain("Хтось інший зберіг цей документ"));
        Assert.That(BackOfficeContentForm.Of(html)["v.uk.summary"], Is.EqualTo("Мій виклад, набраний довго."));
        Assert.That((await GetAsync(article.Key))!.Draft.Culture("uk")!.Values[NewsArticle.Summary]!.ToString(), Is.EqualTo("Їхній виклад."), "theirs is not overwritten");

        var overwrite = BackOfficeContentForm.Parse(html).QuerySelector("button[name='overwrite']")!;
        using var second = await BackOfficeContentForm.Of(html).Set("overwrite", overwrite.GetAttribute("value")!).PostAsync(editor.Client, overwrite.GetAttribute("formaction"));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await GetAsync(article.Key))!.Draft.Culture("uk")!.Values[NewsArticle.Summary]!.ToString(), Is.EqualTo("Мій виклад, набраний довго."));
    }

    [Test]
    public async Task Writer_HasNoPublishingButtons_AndCraftedPostsToThoseEndpointsAreRefused()
    {
        var article = await CreatedArticleAsync(Unique("Стаття авторки"));
        var other = await CreatedArticleAsync(Unique("Інша стаття"));
        await PublishAsync(other.Key, Cultures.Ukrainian);
        var writer = await WriterSessionAsync();
        var (_, html) = await GetAsync(writer, $"/umbraco/content/{article.Key}");
        var page = BackOfficeContentForm.Parse(html);
        Assert.That(page.QuerySelector("button[formaction$='/publish']"), Is.Null);
        Assert.That(page.QuerySelector("form[action$='/unpublish'], form[action$='/schedule'], form[action$='/trash']"), Is.Null);
        Assert.That(page.QuerySelector("button[formaction$='/submit']"), Is.Not.Null);
        var form = BackOfficeContentForm.Of(html).Tick("cultures", "uk").Set("culture", "uk").Set("publishAt", "2031-01-01T10:00")
            .Set("parent", HomeKey.ToString()).Set("publish", "true");

        var refused = new Dictionary<string, HttpStatusCode>();
        foreach (var url in new[]
                 {
                     $"/umbraco/content/{article.Key}/publish", $"/umbraco/content/{other.Key}/unpublish", $"/umbraco/content/{article.Key}/schedule",
                     $"/umbraco/content/{other.Key}/trash", $"/umbraco/content/{article.Key}/move", $"/umbraco/content/{NewsIndexKey}/sort",
                     $"/umbraco/content/{article.Key}/restore", $"/umbraco/content/{other.Key}/history/1/rollback",
                 })
        {
            refused[url] = Refusal(await form.PostAsync(writer.Client, url));
        }

        Assert.That(refused.Values, Is.All.EqualTo(HttpStatusCode.Forbidden), string.Join("\n", refused.Select(r => $"{r.Key}: {r.Value}")));
        var (articleAfter, otherAfter) = (await GetAsync(article.Key), await GetAsync(other.Key));
        Assert.That(articleAfter!.Cultures["uk"].IsPublished, Is.False);
        Assert.That(articleAfter.Cultures["uk"].PublishAtUtc, Is.Null);
        Assert.That(otherAfter!.Cultures["uk"].IsPublished, Is.True);
        Assert.That(otherAfter.Trashed, Is.False);
        Assert.That(otherAfter.Version, Is.EqualTo(other.Version + 1), "only the publish by the test changed it");
    }

    [Test]
    public async Task Writer_SendsForApproval_AndTheEditorsDashboardListsIt()
    {
        var title = Unique("На схвалення");
        var article = await CreatedArticleAsync(title);
        var writer = await WriterSessionAsync();
        var form = BackOfficeContentForm.Of((await GetAsync(writer, $"/umbraco/content/{article.Key}")).Html)
            .Set("v.uk.summary", "Виправлений авторкою виклад.")
            .Tick("cultures", "uk");

        using var response = await form.PostAsync(writer.Client, $"/umbraco/content/{article.Key}/submit");

        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/umbraco/content/{article.Key}?done=submitted"));
        var state = await GetAsync(article.Key);
        Assert.That(state!.Cultures["uk"].ApprovalRequestedBy, Is.EqualTo(WriterEmail));
        Assert.That(state.Draft.Culture("uk")!.Values[NewsArticle.Summary]!.ToString(), Is.EqualTo("Виправлений авторкою виклад."));
        var editor = await EditorSessionAsync();
        Assert.That((await GetAsync(editor, "/umbraco")).Html, Does.Contain(title));
    }

    [Test]
    public async Task Preview_IsForSignedInUsersOnly_ShowsTheDraftInTheSiteLayout_NeitherCachedNorIndexed()
    {
        var published = Unique("Опублікований заголовок");
        var draft = Unique("Чернетка заголовка");
        var article = await CreatedArticleAsync(published);
        await PublishAsync(article.Key, Cultures.Ukrainian);
        Assert.That((await SaveAsync(article.Key, article.Version + 1, "uk", ArticleText(draft, "Виклад чернетки.", "<p>Текст чернетки.</p>"))).Succeeded);
        var url = $"/umbraco/content/{article.Key}/preview/uk";

        using var anonymous = BackOfficeSession.Anonymous(Site);
        using var refused = await anonymous.GetAsync(url);
        var editor = await EditorSessionAsync();
        using var preview = await editor.Client.GetAsync(url);
        var html = await preview.Content.ReadAsStringAsync();

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(refused.Headers.Location!.AbsolutePath, Is.EqualTo("/umbraco/login"));
        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(BackOfficeContentForm.TextOf(html, "mc-preview-banner"), Does.Contain("Попередній перегляд"));
        Assert.That(html, Does.Contain(draft).And.Contain("Текст чернетки."));
        Assert.That(preview.Headers.CacheControl!.NoStore, Is.True);
        Assert.That(preview.Headers.GetValues("X-Robots-Tag").Single(), Does.Contain("noindex"));
        Assert.That((await GetPageAsync(UrlOf(article.Key, "uk"))).Html, Does.Contain(published).And.Not.Contain(draft), "visitors still see what is published");

        using var english = await editor.Client.GetAsync($"/umbraco/content/{article.Key}/preview/en");
        Assert.That(english.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Preview_OfANeverPublishedArticle_ShowsIt_WhileTheSiteDoesNot()
    {
        var title = Unique("Ще не опублікована");
        var article = await CreatedArticleAsync(title);
        var editor = await EditorSessionAsync();

        var (status, html) = await GetAsync(editor, $"/umbraco/content/{article.Key}/preview/uk");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("mc-preview-banner").And.Contain(title));
        Assert.That((await GetPageAsync("/uk/novyny/")).Html, Does.Not.Contain(title));
        Assert.That((await GetPageAsync($"/uk/novyny/{article.Cultures["uk"].UrlSegment}/")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Schedule_IsEnteredInKyivTime_AndStoredInUtc_ABadDateIsRefusedBesideTheField()
    {
        var article = await CreatedArticleAsync(Unique("За розкладом"));
        var editor = await EditorSessionAsync();
        var html = (await GetAsync(editor, $"/umbraco/content/{article.Key}")).Html;

        using var response = await BackOfficeContentForm.Of(html, "form[action$='/schedule']").Set("publishAt", "2031-07-01T10:00").PostAsync(editor.Client);
        using var bad = await BackOfficeContentForm.Of(html, "form[action$='/schedule']").Set("publishAt", "завтра").PostAsync(editor.Client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await GetAsync(article.Key))!.Cultures["uk"].PublishAtUtc, Is.EqualTo(new DateTime(2031, 7, 1, 7, 0, 0, DateTimeKind.Utc)), "10:00 in Kyiv in summer is 07:00 UTC");
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("Вкажіть дату й час"));
        var editorPage = BackOfficeContentForm.Parse((await GetAsync(editor, $"/umbraco/content/{article.Key}")).Html);
        Assert.That(editorPage.GetElementById("schedule-uk")!.GetAttribute("value"), Is.EqualTo("2031-07-01T10:00"), "shown back in Kyiv time");
    }

    [Test]
    public async Task History_ComparesAVersionWithTheDraft_AndRollbackWithPublish_PutsTheOldTitleBackOnTheSite()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var article = await CreatedArticleAsync($"Старий заголовок {suffix}");
        await PublishAsync(article.Key, "uk");
        var before = (await GetAsync(article.Key))!.Version;
        await SaveAsync(article.Key, before, "uk", ArticleText($"Новий заголовок {suffix}", "Короткий виклад новини.", "<p>Текст новини українською.</p>"));
        await PublishAsync(article.Key, "uk");
        var editor = await EditorSessionAsync();

        var history = (await GetAsync(editor, $"/umbraco/content/{article.Key}/history")).Html;
        var (status, compare) = await GetAsync(editor, $"/umbraco/content/{article.Key}/history/{before}");
        var diff = BackOfficeContentForm.Parse(compare).QuerySelector(".ce-diff-item[data-field='name'][data-culture='uk'] .ce-diff-text")!;
        using var rollback = await BackOfficeContentForm.Of(compare, "form[action$='/rollback']").Set("publish", "true").PostAsync(editor.Client);

        Assert.That(history, Does.Contain($"data-version=\"{before}\""));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(diff.QuerySelector("del")!.TextContent, Is.EqualTo("Старий"));
        Assert.That(diff.QuerySelector("ins")!.TextContent, Is.EqualTo("Новий"));
        Assert.That(rollback.Headers.Location?.OriginalString, Is.EqualTo($"/umbraco/content/{article.Key}?done=rolledback"));
        var page = await GetPageAsync(UrlOf(article.Key, "uk"));
        Assert.That(page.Html, Does.Contain($"Старий заголовок {suffix}").And.Not.Contain($"Новий заголовок {suffix}"));
    }

    [Test]
    public async Task Editor_SortsTheNewsList_TrashesAndRestoresAnArticle()
    {
        await CreatedArticleAsync(Unique("Для сортування"));
        var editor = await EditorSessionAsync();
        var sortPage = (await GetAsync(editor, $"/umbraco/content/{NewsIndexKey}/sort")).Html;
        var order = BackOfficeContentForm.Parse(sortPage).QuerySelectorAll(".ce-sort-item").Select(li => li.GetAttribute("data-key")!).ToList();
        var form = BackOfficeContentForm.Of(sortPage, "form[action$='/sort']");
        var fields = order.AsEnumerable().Reverse().Select(k => new KeyValuePair<string, string>("order", k))
            .Append(new("__RequestVerificationToken", form["__RequestVerificationToken"]!));

        using var sorted = await editor.Client.PostAsync(form.Action, new FormUrlEncodedContent(fields));

        Assert.That(sorted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var children = await WithServices(s => s.GetRequiredService<DocumentTree>().ChildrenAsync(NewsIndexKey));
        Assert.That(children.Select(c => c.Key.ToString()), Is.EqualTo(order.AsEnumerable().Reverse()));

        var article = await CreatedArticleAsync(Unique("До кошика"));
        var editorPage = (await GetAsync(editor, $"/umbraco/content/{article.Key}")).Html;
        using var trashed = await BackOfficeContentForm.Of(editorPage, "form[action$='/trash']").PostAsync(editor.Client);
        Assert.That(trashed.Headers.Location?.OriginalString, Is.EqualTo("/umbraco/content?done=trashed"));
        var bin = (await GetAsync(editor, "/umbraco/content/recycle-bin")).Html;
        Assert.That(bin, Does.Contain(article.Cultures["uk"].Name));

        using var restored = await BackOfficeContentForm.Of(bin, $"form[action='/umbraco/content/{article.Key}/restore']").PostAsync(editor.Client);
        Assert.That(restored.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await GetAsync(article.Key))!.Trashed, Is.False);
    }

    [Test]
    public async Task Editor_MovesAPage_ToANewParent()
    {
        var values = new ContentValues();
        values.Cultures["uk"] = new CultureVariant { Name = Unique("Сторінка, що переїжджає"), Values = { [ContentPage.Body] = "<p>Текст.</p>" } };
        var page = (await CreateAsync(HomeKey, ContentPage.Alias, values)).Document!;
        var target = Snapshot.OfType(ContentPage.Alias, "uk").First(p => p.Key != page.Key);
        var editor = await EditorSessionAsync();
        var movePage = (await GetAsync(editor, $"/umbraco/content/{page.Key}/move")).Html;

        using var moved = await BackOfficeContentForm.Of(movePage, "form[action$='/move']").Set("parent", target.Key.ToString()).PostAsync(editor.Client);

        Assert.That(movePage, Does.Contain($"value=\"{target.Key}\""));
        Assert.That(moved.Headers.Location?.OriginalString, Is.EqualTo($"/umbraco/content/{page.Key}?done=moved"));
        Assert.That((await GetAsync(page.Key))!.ParentKey, Is.EqualTo(target.Key));
    }

    [Test]
    public async Task SaveAndPublish_WithNoLanguageTicked_SavesNothing_AndAsksForOne()
    {
        var article = await CreatedArticleAsync(Unique("Без мови"));
        var editor = await EditorSessionAsync();
        var form = BackOfficeContentForm.Of((await GetAsync(editor, $"/umbraco/content/{article.Key}")).Html)
            .Tick("cultures", "uk", on: false).Tick("cultures", "en", on: false).Set("v.uk.summary", "Набраний текст.");

        using var response = await form.PostAsync(editor.Client, $"/umbraco/content/{article.Key}/publish");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("Оберіть принаймні одну мову."));
        Assert.That(BackOfficeContentForm.Of(html)["v.uk.summary"], Is.EqualTo("Набраний текст."));
        Assert.That((await GetAsync(article.Key))!.Version, Is.EqualTo(article.Version));
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(BackOfficeSession session, string url)
    {
        using var response = await session.Client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A refused request: 403, or (for a browser's form post) the cookie's redirect to the access-denied page, which
    /// answers 403 itself. Either way nothing was done.
    /// </summary>
    private static HttpStatusCode Refusal(HttpResponseMessage response)
    {
        using (response)
        {
            return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/umbraco/denied"
                ? HttpStatusCode.Forbidden
                : response.StatusCode;
        }
    }
}
