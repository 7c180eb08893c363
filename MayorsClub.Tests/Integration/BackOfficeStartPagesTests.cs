using System.Net;
using AngleSharp.Dom;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Where an editor starts: the sign-in page, with the club's name in the interface language, and the dashboard's
/// panels (their own and everyone's recent edits, the schedule, approval requests, missing translations, quick create).
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class BackOfficeStartPagesTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string WriterEmail = "dashboard-writer@test.local";
    private const string EditorEmail = "dashboard-editor@test.local";
    private const string Password = "Dashboard-password-1";

    [Test]
    public async Task Committee_SignsIn_ToADashboardWithoutContent_AndIsRefusedContentMediaAndMembers()
    {
        using var committee = await BackOfficeSession.SignInAsync(Site, "committee@test.local", "Committee-password-1", BackOfficeGroups.Committee);

        var dashboard = await committee.Client.GetStringAsync("/umbraco");

        Assert.That(dashboard, Does.Contain("href=\"/umbraco/applications\""));
        Assert.That(dashboard, Does.Not.Contain("href=\"/umbraco/content\"").And.Not.Contain("data-panel=\"mine\""));
        foreach (var path in new[] { "/umbraco/content", "/umbraco/media", "/umbraco/members", "/umbraco/users", "/umbraco/media/picker" })
        {
            using var response = await committee.Client.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), path);
            Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo("/umbraco/denied"), path);
        }

        using var api = await committee.Client.GetAsync("/umbraco/management/api/v1/tree/document/root");
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("uk", "Клуб мерів", "Вхід до адмінпанелі")]
    [TestCase("en", "Mayors' Club", "Sign in to the back office")]
    public async Task SignInPages_ShowTheClubsNameAndEmblem_InTheInterfaceLanguage(string language, string club, string heading)
    {
        using var client = BackOfficeSession.Anonymous(Site);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        foreach (var url in new[] { "/umbraco/login", "/umbraco/forgot-password" })
        {
            var page = BackOfficeContentForm.Parse(await client.GetStringAsync(url));

            Assert.That(page.QuerySelector(".bo-login .bo-club-name")?.TextContent, Is.EqualTo(club), url);
            Assert.That(page.QuerySelector(".bo-login svg.bo-emblem[aria-hidden='true']"), Is.Not.Null, url);
            Assert.That(page.Title, Does.EndWith($"· {club}"), url);
        }

        var signIn = BackOfficeContentForm.Parse(await client.GetStringAsync("/umbraco/login"));
        Assert.That(signIn.QuerySelector("h1")?.TextContent, Is.EqualTo(heading));
    }

    [Test]
    public async Task Header_NamesTheClubInTheInterfaceLanguage()
    {
        using var session = await BackOfficeSession.SignInAsync(Site, EditorEmail, Password, BackOfficeGroups.Editors);

        var page = BackOfficeContentForm.Parse(await session.Client.GetStringAsync("/umbraco"));

        Assert.That(page.QuerySelector(".bo-header .bo-brand")?.TextContent, Is.EqualTo("Клуб мерів"));
    }

    [Test]
    public async Task RecentlyEdited_ListsMyOwnEdits_AndEveryonesLatestFirst()
    {
        var mine = await CreateArticleAsync(Unique("Моя стаття"), null, WriterEmail);
        Site.Clock.AdvanceMinutes(1);
        var theirs = await CreateArticleAsync(Unique("Стаття колеги"), null, Editor);
        Site.Clock.AdvanceMinutes(1);
        // The writer saves the colleague's article too: it is now among "mine" as well, and the latest of everyone's.
        var saved = await WithServices(s => s.GetRequiredService<DocumentEditor>().SaveAsync(new DocumentEditor.SaveCommand(
            theirs.Key, theirs.Version, new Dictionary<string, CultureVariant> { ["uk"] = ArticleText(theirs.Cultures["uk"].Name, "Виправлено.", "<p>Виправлено.</p>") },
            null, WriterEmail)));
        Assert.That(saved.Succeeded, Is.True, string.Join("; ", saved.Errors));
        Site.Clock.AdvanceMinutes(1);
        var notMine = await CreateArticleAsync(Unique("Чужа стаття"), null, Editor);

        var page = await DashboardAsync(WriterEmail, BackOfficeGroups.Writers);

        Assert.That(Keys(page, "mine").Take(2), Is.EqualTo(new[] { theirs.Key, mine.Key }));
        Assert.That(Keys(page, "mine"), Does.Not.Contain(notMine.Key));
        Assert.That(Keys(page, "everyone").Take(3), Is.EqualTo(new[] { notMine.Key, theirs.Key, mine.Key }));
        Assert.That(Item(page, "everyone", notMine.Key).TextContent, Does.Contain(Editor));
        Assert.That(Item(page, "mine", mine.Key).QuerySelector("a")!.GetAttribute("href"), Is.EqualTo($"/umbraco/content/{mine.Key}"));
    }

    [Test]
    public async Task Scheduled_ListsWhatGoesLiveAndOffline_SoonestFirst_InKyivTime()
    {
        var now = Site.Clock.GetCurrentInstant().ToDateTimeUtc();
        var later = await CreateArticleAsync(Unique("Анонс форуму"), "Forum announcement", Editor);
        var sooner = await CreateArticleAsync(Unique("Новина на завтра"), null, Editor);
        var publishLater = new DateTime(now.Year, now.Month, now.Day, 7, 30, 0, DateTimeKind.Utc).AddDays(3);
        await ScheduleAsync(later.Key, "en", publishLater, publishLater.AddDays(7));
        await ScheduleAsync(sooner.Key, "uk", publishLater.AddDays(-1), null);

        var page = await DashboardAsync(EditorEmail, BackOfficeGroups.Editors);

        var ours = Panel(page, "scheduled").QuerySelectorAll("li")
            .Where(li => li.GetAttribute("data-key") is { } key && (key == later.Key.ToString() || key == sooner.Key.ToString()))
            .Select(li => (Guid.Parse(li.GetAttribute("data-key")!), li.GetAttribute("data-culture"), li.GetAttribute("data-change")))
            .ToList();
        Assert.That(ours, Is.EqualTo(new[] { (sooner.Key, "uk", "publish"), (later.Key, "en", "publish"), (later.Key, "en", "unpublish") }));
        // 07:30 UTC is 09:30 or 10:30 in Kyiv, written the Ukrainian way.
        var kyiv = publishLater.AddHours(NodaTime.DateTimeZoneProviders.Tzdb["Europe/Kyiv"].GetUtcOffset(NodaTime.Instant.FromDateTimeUtc(publishLater)).Seconds / 3600.0);
        Assert.That(Item(page, "scheduled", later.Key).TextContent, Does.Contain(kyiv.ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task AwaitingApproval_ListsWhatAWriterSent_AndNotWhatWasPublished()
    {
        var waiting = await CreateArticleAsync(Unique("Чекає редактора"), null, WriterEmail);
        var approved = await CreateArticleAsync(Unique("Уже схвалено"), null, WriterEmail);
        foreach (var key in new[] { waiting.Key, approved.Key })
        {
            var sent = await WithServices(s => s.GetRequiredService<DocumentPublisher>().SubmitForApprovalAsync(new DocumentPublisher.SubmitForApprovalCommand(key, ["uk"], WriterEmail)));
            Assert.That(sent.Succeeded, Is.True, string.Join("; ", sent.Errors));
        }

        Assert.That((await PublishAsync(approved.Key, "uk")).Succeeded, Is.True);

        var page = await DashboardAsync(EditorEmail, BackOfficeGroups.Editors);

        Assert.That(Keys(page, "approval"), Does.Contain(waiting.Key).And.Not.Contain(approved.Key));
        Assert.That(Item(page, "approval", waiting.Key).TextContent, Does.Contain(WriterEmail).And.Contain(waiting.Cultures["uk"].Name));
    }

    [Test]
    public async Task MissingTranslations_ListsDocumentsPublishedInOneLanguageOnly_WithWhatIsMissing()
    {
        var draftEnglish = await CreateArticleAsync(Unique("Є англійська чернетка"), "An English draft", Editor);
        var noEnglish = await CreateArticleAsync(Unique("Лише українською"), null, Editor);
        var noUkrainian = await CreateArticleAsync(null, Unique("Only in English"), Editor);
        var both = await CreateArticleAsync(Unique("Обома мовами"), "In both languages", Editor);
        var neither = await CreateArticleAsync(Unique("Ще не опубліковано"), null, Editor);
        Assert.That((await PublishAsync(draftEnglish.Key, "uk")).Succeeded, Is.True);
        Assert.That((await PublishAsync(noEnglish.Key, "uk")).Succeeded, Is.True);
        Assert.That((await PublishAsync(noUkrainian.Key, "en")).Succeeded, Is.True);
        Assert.That((await PublishAsync(both.Key, "uk", "en")).Succeeded, Is.True);

        var page = await DashboardAsync(EditorEmail, BackOfficeGroups.Editors);

        var listed = Panel(page, "translations").QuerySelectorAll("li")
            .ToDictionary(li => Guid.Parse(li.GetAttribute("data-key")!), li => (li.GetAttribute("data-missing"), li.TextContent));
        Assert.That(listed.Keys, Does.Contain(draftEnglish.Key).And.Contain(noEnglish.Key).And.Contain(noUkrainian.Key));
        Assert.That(listed.Keys, Does.Not.Contain(both.Key).And.Not.Contain(neither.Key));
        Assert.That(listed[draftEnglish.Key].Item1, Is.EqualTo("en"));
        Assert.That(listed[draftEnglish.Key].TextContent, Does.Contain("Англійська: чернетка не опублікована"));
        Assert.That(listed[noEnglish.Key].TextContent, Does.Contain("Англійська: ще не написано"));
        Assert.That(listed[noUkrainian.Key].Item1, Is.EqualTo("uk"));
        Assert.That(listed[noUkrainian.Key].TextContent, Does.Contain(noUkrainian.Cultures["en"].Name).And.Contain("Українська: ще не написано"));
    }

    [Test]
    public async Task QuickCreate_OpensTheNewsAndEventFormsUnderTheirLists()
    {
        using var session = await BackOfficeSession.SignInAsync(Site, EditorEmail, Password, BackOfficeGroups.Editors);
        var page = BackOfficeContentForm.Parse(await session.Client.GetStringAsync("/umbraco"));
        var calendar = Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Key;

        var news = page.QuerySelector("a[data-create='newsArticle']")!.GetAttribute("href")!;
        var @event = page.QuerySelector("a[data-create='event']")!.GetAttribute("href")!;

        Assert.That(news, Is.EqualTo($"/umbraco/content/create?parent={NewsIndexKey}&type=newsArticle"));
        Assert.That(@event, Is.EqualTo($"/umbraco/content/create?parent={calendar}&type=event"));
        var form = BackOfficeContentForm.Parse(await session.Client.GetStringAsync(news));
        Assert.That(form.QuerySelector("h1")?.TextContent, Is.EqualTo("Новий документ: Новина"));
        form = BackOfficeContentForm.Parse(await session.Client.GetStringAsync(@event));
        Assert.That(form.QuerySelector("h1")?.TextContent, Is.EqualTo("Новий документ: Подія"));
    }

    private async Task<DocumentState> CreateArticleAsync(string? ukTitle, string? enTitle, string user)
    {
        var result = await WithServices(s => s.GetRequiredService<DocumentEditor>()
            .CreateAsync(new DocumentEditor.CreateCommand(NewsIndexKey, NewsArticle.Alias, Article(ukTitle, enTitle), user)));
        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
        return result.Document!;
    }

    private async Task ScheduleAsync(Guid key, string culture, DateTime? publishAt, DateTime? unpublishAt)
    {
        var result = await WithServices(s => s.GetRequiredService<DocumentPublisher>()
            .ScheduleAsync(new DocumentPublisher.ScheduleCommand(key, culture, publishAt, unpublishAt, Editor)));
        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
    }

    private async Task<IDocument> DashboardAsync(string email, string group)
    {
        using var session = await BackOfficeSession.SignInAsync(Site, email, Password, group);
        return BackOfficeContentForm.Parse(await session.Client.GetStringAsync("/umbraco"));
    }

    private static IElement Panel(IDocument page, string panel) =>
        page.QuerySelector($"[data-panel='{panel}']") ?? throw new AssertionException($"No {panel} panel on the dashboard");

    private static List<Guid> Keys(IDocument page, string panel) =>
        Panel(page, panel).QuerySelectorAll("li[data-key]").Select(li => Guid.Parse(li.GetAttribute("data-key")!)).ToList();

    private static IElement Item(IDocument page, string panel, Guid key) =>
        Panel(page, panel).QuerySelector($"li[data-key='{key}']") ?? throw new AssertionException($"{key} is not in the {panel} panel");
}
