using System.Net;
using System.Net.Http.Headers;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Members;
using MayorsClub.Core.Persistence;
using MayorsClub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Public access rules end to end: set through the Management API on a page, they protect it and everything below it
/// (through the change feed, so the snapshot and the page cache follow); anonymous visitors get the teaser and a
/// sign-in box, members outside the groups another message, members of a group the whole page; lists and feeds name a
/// protected article by its teaser only; removing the rule lifts it for the descendants.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class PublicAccessTests(DatabaseProvider provider) : SiteTestBase(provider)
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
    public async Task RuleOnAPage_ProtectsItAndEverythingBelow_UntilItIsRemoved()
    {
        var (parent, parentSecret) = await PublishedPageAsync(HomeKey, "Розділ для мерів");
        var (child, childSecret) = await PublishedPageAsync(parent, "Вкладена сторінка");
        var childUrl = UrlOf(child, "uk");
        var (_, before) = await GetPageAsync(childUrl);

        var set = await PutJsonAsync(_editors, $"document/{parent}/public-access", new { memberGroupNames = new[] { MemberGroups.Mayors } });
        var (parentStatus, parentHtml) = await GetPageAsync(UrlOf(parent, "uk"));
        var (childStatus, childHtml) = await GetPageAsync(childUrl);
        var inherited = await GetJsonAsync(_editors, $"document/{child}/public-access");

        Assert.That(before, Does.Contain(childSecret), "readable before the rule");
        Assert.That(set.Status, Is.EqualTo(HttpStatusCode.OK), set.Body?.ToJsonString());
        Assert.That(set.Body!["memberGroupNames"]!.AsArray().Select(g => g!.GetValue<string>()), Is.EqualTo(new[] { MemberGroups.Mayors }));
        Assert.That((parentStatus, childStatus), Is.EqualTo((200, 200)));
        Assert.That(parentHtml, Does.Not.Contain(parentSecret));
        Assert.That(childHtml, Does.Not.Contain(childSecret), "a rule covers everything below it");
        Assert.That(childHtml, Does.Contain("Вкладена сторінка").And.Contain("Короткий опис сторінки"), "the teaser: title and summary");
        Assert.That(childHtml, Does.Contain(SignInButton(childUrl)), "the box's sign-in button comes back here");
        Assert.That(inherited.Body!["memberGroupNames"]!.AsArray(), Is.Empty);
        Assert.That(inherited.Body!["inherited"]!["document"]!["id"]!.GetValue<Guid>(), Is.EqualTo(parent));
        Assert.That(await AuditedAsync(parent, "set public access"), Is.True);

        var removed = await SendAsync(_editors, HttpMethod.Delete, $"document/{parent}/public-access", null);
        var (_, afterRemoval) = await GetPageAsync(childUrl);

        Assert.That(removed.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(afterRemoval, Does.Contain(childSecret), "removing the rule lifts it for the descendants (and the cached teaser is dropped)");
        Assert.That(await AuditedAsync(parent, "remove public access"), Is.True);
    }

    [Test]
    public async Task Members_InTheGroupsReadThePage_OthersGetTheirOwnMessage_AndNothingPersonalIsCached()
    {
        var (page, secret) = await PublishedPageAsync(HomeKey, "Для партнерів");
        var url = UrlOf(page, "uk");
        Assert.That((await PutJsonAsync(_editors, $"document/{page}/public-access", new { memberGroupNames = new[] { MemberGroups.Partners } })).Status,
            Is.EqualTo(HttpStatusCode.OK));
        using var partner = await MemberSession.SignInNewAsync(Site, MemberGroups.Partners);
        using var mayor = await MemberSession.SignInNewAsync(Site, MemberGroups.Mayors);

        var (_, anonymousFirst) = await GetPageAsync(url);
        using var asPartner = await GetAsMemberAsync(url, partner);
        using var asMayor = await GetAsMemberAsync(url, mayor);
        using var anonymousAfter = await Client.GetAsync(url);
        var partnerHtml = await asPartner.Content.ReadAsStringAsync();
        var mayorHtml = await asMayor.Content.ReadAsStringAsync();

        Assert.That(anonymousFirst, Does.Contain(SignInButton(url)).And.Not.Contain(secret));
        Assert.That(partnerHtml, Does.Contain(secret), "a member of the group reads it whole, never the anonymous copy from the cache");
        Assert.That(mayorHtml, Does.Not.Contain(secret));
        Assert.That(mayorHtml, Does.Contain("Ваше членство не охоплює цієї сторінки"));
        Assert.That(mayorHtml, Does.Not.Contain("/members/sign-in"), "a member is not asked to sign in again");
        Assert.That(asPartner.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(asPartner.Headers.CacheControl?.Private, Is.True);
        Assert.That(asPartner.Headers.ETag, Is.Null);
        Assert.That(anonymousAfter.Headers.Age, Is.Not.Null, "the anonymous teaser is still served from the page cache");
        Assert.That(await anonymousAfter.Content.ReadAsStringAsync(), Does.Not.Contain(secret), "a member's rendering was not kept for others");
    }

    [Test]
    public async Task ListsAndFeeds_NameAProtectedArticle_ByItsTeaserOnly()
    {
        var title = Unique("Закрита новина");
        var body = Unique("тіло-закритої-новини");
        var values = Article(title);
        values.Cultures["uk"].Values[Core.Content.DocumentTypes.NewsArticle.Body] = $"<p>{body}</p>";
        values.Cultures["uk"].Values[Core.Content.DocumentTypes.NewsArticle.Tags] = new System.Text.Json.Nodes.JsonArray(Unique("закритий-тег"));
        var created = await CreateAsync(NewsIndexKey, Core.Content.DocumentTypes.NewsArticle.Alias, values);
        Assert.That((await PublishAsync(created.Document!.Key, "uk")).Succeeded, Is.True);
        var tag = values.Cultures["uk"].Values[Core.Content.DocumentTypes.NewsArticle.Tags]!.AsArray()[0]!.GetValue<string>();
        Assert.That((await PutJsonAsync(_editors, $"document/{created.Document.Key}/public-access", new { memberGroupNames = new[] { MemberGroups.Mayors } })).Status,
            Is.EqualTo(HttpStatusCode.OK));

        var (_, list) = await GetPageAsync(UrlOf(NewsIndexKey, "uk"));
        var rss = await Client.GetStringAsync("/uk/rss.xml");
        var sitemap = await Client.GetStringAsync("/sitemap.xml");
        var (_, article) = await GetPageAsync(UrlOf(created.Document.Key, "uk"));

        Assert.That(list, Does.Contain(title));
        Assert.That(rss, Does.Contain(title).And.Contain("Короткий виклад новини."));
        Assert.That(sitemap, Does.Contain(UrlOf(created.Document.Key, "uk")));
        foreach (var (channel, text) in new[] { ("list", list), ("rss", rss), ("sitemap", sitemap), ("article", article) })
        {
            Assert.That(text, Does.Not.Contain(body).And.Not.Contain(tag), channel);
        }
    }

    [Test]
    public async Task SettingARule_IsForEditors_WithKnownGroups_AndSaysWhyInTheCallersLanguage()
    {
        var (page, secret) = await PublishedPageAsync(HomeKey, "Перевірка правил");

        var byWriter = await PutJsonAsync(_writers, $"document/{page}/public-access", new { memberGroupNames = new[] { MemberGroups.Mayors } });
        var unknown = await PutJsonAsync(_editors, $"document/{page}/public-access", new { memberGroupNames = new[] { "Everyone" } });
        var none = await PutJsonAsync(_editors, $"document/{page}/public-access", new { memberGroupNames = Array.Empty<string>() });
        var missing = await PutJsonAsync(_editors, $"document/{Guid.NewGuid()}/public-access", new { memberGroupNames = new[] { MemberGroups.Mayors } });
        var (_, html) = await GetPageAsync(UrlOf(page, "uk"));

        Assert.That(byWriter.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(unknown.Body!["errors"]!["memberGroupNames"]![0]!.GetValue<string>(), Does.Contain("Everyone"));
        Assert.That(none.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(html, Does.Contain(secret).And.Not.Contain("class=\"members-only\""), "nothing was set");
    }

    [Test]
    public async Task BackOffice_EditorSetsARule_TheChildShowsItApplies_AndTheEditorRemovesIt()
    {
        var (parent, _) = await PublishedPageAsync(HomeKey, "Розділ з правилом");
        var (child, secret) = await PublishedPageAsync(parent, "Сторінка під правилом");
        using var editor = await BackOfficeSession.SignInAsync(Site, "access-editor@test.local", "Editor-password-1", Core.Users.BackOfficeGroups.Editors);
        using var writer = await BackOfficeSession.SignInAsync(Site, "access-writer@test.local", "Writer-password-1", Core.Users.BackOfficeGroups.Writers);
        var url = $"/umbraco/content/{parent}/public-access";

        var token = await BackOfficeSession.AntiforgeryTokenAsync(editor.Client, url);
        using var set = await editor.Client.PostAsync(url, new FormUrlEncodedContent(
        [
            new("groups", MemberGroups.Mayors), new("groups", MemberGroups.CommunityTeams), new("__RequestVerificationToken", token),
        ]));
        var childPage = await editor.Client.GetStringAsync($"/umbraco/content/{child}/public-access");
        var childEditor = await editor.Client.GetStringAsync($"/umbraco/content/{child}");
        var (_, childHtml) = await GetPageAsync(UrlOf(child, "uk"));
        using var byWriter = await writer.Client.GetAsync(url);

        Assert.That(set.Headers.Location?.OriginalString, Is.EqualTo($"/umbraco/content/{parent}?done=access-set"));
        Assert.That(childPage, Does.Contain("data-inherited-access").And.Contain("Міські голови, Команди громад"));
        Assert.That(childEditor, Does.Contain("data-access-rule"), "the editor of a page below says a rule applies");
        Assert.That(childHtml, Does.Not.Contain(secret));
        Assert.That(byWriter.StatusCode == HttpStatusCode.Forbidden || byWriter.Headers.Location?.OriginalString.Contains("/umbraco/denied") == true,
            Is.True, $"a writer may not open it: {byWriter.StatusCode} {byWriter.Headers.Location}");

        token = await BackOfficeSession.AntiforgeryTokenAsync(editor.Client, url);
        using var removed = await editor.Client.PostAsync(url, new FormUrlEncodedContent(
        [
            new("remove", "1"), new("__RequestVerificationToken", token),
        ]));
        var (_, afterHtml) = await GetPageAsync(UrlOf(child, "uk"));

        Assert.That(removed.Headers.Location?.OriginalString, Is.EqualTo($"/umbraco/content/{parent}?done=access-removed"));
        Assert.That(afterHtml, Does.Contain(secret));
    }

    /// <summary>A published content page with a unique secret in its body.</summary>
    private async Task<(Guid Key, string Secret)> PublishedPageAsync(Guid parent, string title)
    {
        var secret = Unique("таємний-текст");
        var values = new ContentValues();
        values.Cultures["uk"] = new CultureVariant
        {
            Name = Unique(title),
            Values = { [ContentPage.Summary] = "Короткий опис сторінки.", [ContentPage.Body] = $"<p>{secret}</p>" },
        };
        var created = await CreateAsync(parent, ContentPage.Alias, values);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        Assert.That((await PublishAsync(created.Document!.Key, "uk")).Succeeded, Is.True);
        return (created.Document.Key, secret);
    }

    private static async Task<HttpResponseMessage> GetAsMemberAsync(string url, MemberSession member)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return await member.Client.SendAsync(request);
    }

    /// <summary>The access box's sign-in button (every anonymous page's header also links the sign-in page).</summary>
    private static string SignInButton(string returnTo) =>
        $"class=\"button button--gold\" href=\"/uk/members/sign-in?returnUrl={Uri.EscapeDataString(returnTo)}\"";

    private Task<bool> AuditedAsync(Guid document, string action) =>
        WithServices(s => s.GetRequiredService<MayorsClubDbContext>().AuditEntries.AnyAsync(a => a.DocumentKey == document && a.Action == action));
}
