using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using NodaTime;

namespace MayorsClub.Tests.Integration;

/// <summary>What a visitor sees on each kind of page, in both languages, with the demo content.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class SitePagesTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private static readonly Guid WtcSession = new("d17de0c3-6320-5f2f-8da7-fa199f25f1fe");
    private static readonly Guid MemorandumArticle = new("ccf8fa28-39d0-5292-826a-b42019869261");
    private static readonly Guid SisterCitiesArticle = new("c6d55cbf-168c-52ba-8712-e6a92fe7165b");
    private static readonly Guid UkrainianOnlyArticle = new("285a5dc7-f0ab-5b1d-84a0-579409a6a35e");
    private static readonly Guid ConferenceEvent = new("c679d81e-1e62-558b-a496-203820dd8632");
    private static readonly Guid AboutPage = new("9268c900-1403-5c86-a301-331259b67edf");
    private static readonly Guid MembershipPage = new("0cde2144-9e3e-5241-a6b7-aada7d2ef4d0");

    [TestCase("uk", "Клуб мерів — спільнота тих, хто розбудовує громади", "Місія Клубу мерів")]
    [TestCase("en", "Mayors’ Club: a community of those who build communities", "The mission of the Mayors’ Club")]
    public async Task Home_ShowsHeroMissionSessionsEventsAndContacts(string culture, string heroTitle, string missionTitle)
    {
        var page = await ViewAsync($"/{culture}/");

        Assert.That(page.Status, Is.EqualTo(200));
        Assert.That(page.Text, Does.Contain($"<html lang=\"{culture}\">"));
        Assert.That(H1s(page.Text), Is.EqualTo(new[] { heroTitle }));
        Assert.That(page.Text, Does.Contain(missionTitle));
        Assert.That(page.Text, Does.Contain(Snapshot.For(Viewer.Anonymous).ExpertSessionsNewestFirst(culture)[0].Name(culture)), "the latest expert session");
        Assert.That(page.Text, Does.Contain(Snapshot.For(Viewer.Anonymous).UpcomingEvents(culture, Site.Clock.GetCurrentInstant())[0].Name(culture)), "the next event");
        Assert.That(page.Text, Does.Contain("href=\"mailto:info@mayorsclub.org.ua\""));
        Assert.That(page.Text, Does.Contain($"href=\"{UrlOf(MembershipPage, culture)}\""), "the membership button goes to the membership page");
    }

    [Test]
    public async Task PageHiddenFromNavigation_IsOnlyInTheFooter()
    {
        var html = (await GetPageAsync("/uk/")).Html;
        var header = html[html.IndexOf("class=\"main-nav\"", StringComparison.Ordinal)..html.IndexOf("</nav>", StringComparison.Ordinal)];
        var footer = html[html.IndexOf("class=\"site-footer__nav\"", StringComparison.Ordinal)..];

        Assert.That(header, Does.Contain("/uk/novyny/").And.Not.Contain("/uk/polityka-konfidentsiinosti/"));
        Assert.That(footer, Does.Contain("/uk/polityka-konfidentsiinosti/"));
    }

    [Test]
    public async Task Home_WhenNothingIsComingUp_SaysNoEventsFound()
    {
        var now = Site.Clock.GetCurrentInstant();
        Site.Clock.Reset(now + Duration.FromDays(3650));
        try
        {
            Assert.That((await ViewAsync("/uk/")).Text, Does.Contain("Подій не знайдено"));
            Assert.That((await ViewAsync("/en/")).Text, Does.Contain("No events found"));
        }
        finally
        {
            Site.Clock.Reset(now);
        }
    }

    [TestCase("uk")]
    [TestCase("en")]
    public async Task EveryPage_HeadHasCanonicalAlternatesOpenGraphAndFeed(string culture)
    {
        var url = UrlOf(MemorandumArticle, culture);
        var page = await ViewAsync(url);

        Assert.That(page.Text, Does.Contain($"<link rel=\"canonical\" href=\"http://localhost{url}\">"));
        Assert.That(page.Text, Does.Contain($"<link rel=\"alternate\" hreflang=\"uk\" href=\"http://localhost{UrlOf(MemorandumArticle, "uk")}\">"));
        Assert.That(page.Text, Does.Contain($"<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost{UrlOf(MemorandumArticle, "en")}\">"));
        Assert.That(page.Text, Does.Contain($"<link rel=\"alternate\" hreflang=\"x-default\" href=\"http://localhost{UrlOf(MemorandumArticle, "uk")}\">"));
        Assert.That(page.Text, Does.Contain($"<meta property=\"og:url\" content=\"http://localhost{url}\">"));
        Assert.That(page.Text, Does.Contain("<meta property=\"og:type\" content=\"article\">"));
        Assert.That(page.Text, Does.Contain($"<meta property=\"og:locale\" content=\"{(culture == "uk" ? "uk_UA" : "en_GB")}\">"));
        Assert.That(page.Text, Does.Contain($"<meta property=\"og:title\" content=\"{Snapshot.Get(MemorandumArticle)!.Name(culture)}\">"));
        Assert.That(page.Text, Does.Contain("<meta name=\"twitter:card\""));
        Assert.That(page.Text, Does.Contain($"type=\"application/rss+xml\"").And.Contain($"href=\"/{culture}/rss.xml\""));
        Assert.That(page.Text, Does.Contain($"<title>{Snapshot.Get(MemorandumArticle)!.Name(culture)} — "));
    }

    [Test]
    public async Task MetaDescription_IsTheMetaDescription_ElseTheSummary()
    {
        var home = await ViewAsync("/uk/");
        var article = await ViewAsync(UrlOf(MemorandumArticle, "uk"));

        Assert.That(home.Text, Does.Contain($"<meta name=\"description\" content=\"{Snapshot.Home!.Text("metaDescription", "uk")}\">"));
        Assert.That(article.Text, Does.Contain($"<meta name=\"description\" content=\"{Snapshot.Get(MemorandumArticle)!.Text(NewsArticle.Summary, "uk")}\">"));
    }

    [Test]
    public async Task LanguageSwitch_GoesToTheTwin_OrToTheOtherHomeWhenThereIsNone()
    {
        var twin = await ViewAsync(UrlOf(MemorandumArticle, "uk"));
        Assert.That(twin.Text, Does.Contain($"class=\"language-switch\" href=\"{UrlOf(MemorandumArticle, "en")}\" hreflang=\"en\" lang=\"en\""));

        var single = await ViewAsync(UrlOf(UkrainianOnlyArticle, "uk"));
        Assert.That(single.Text, Does.Contain("class=\"language-switch\" href=\"/en/\" hreflang=\"en\" lang=\"en\""));
        Assert.That(single.Text, Does.Not.Contain("hreflang=\"en\" href="), "no alternate for a language the page is not in");
        Assert.That(single.Text, Does.Contain($"hreflang=\"x-default\" href=\"http://localhost{UrlOf(UkrainianOnlyArticle, "uk")}\""));
    }

    [Test]
    public async Task Article_HasDateBodyTagsRelatedNewsBreadcrumbsAndShareLinks()
    {
        var url = UrlOf(MemorandumArticle, "uk");
        var page = await ViewAsync(url);

        Assert.That(page.Status, Is.EqualTo(200));
        Assert.That(H1s(page.Text), Has.Length.EqualTo(1));
        Assert.That(page.Text, Does.Contain("<time datetime=\"2025-02-25\">25 лютого 2025</time>"));
        Assert.That(page.Text, Does.Contain("Альянсом європейських мерів"), "the body, as HTML");
        Assert.That(page.Text, Does.Contain("rel=\"tag\">партнерство</a></li>"));
        Assert.That(page.Text, Does.Contain("Читайте також").And.Contain(Snapshot.Get(SisterCitiesArticle)!.Name("uk")), "the related pick");
        Assert.That(page.Text, Does.Contain("aria-label=\"Навігаційний ланцюжок\"").And.Contain($"<a href=\"{url}\" aria-current=\"page\">"));
        var shared = Uri.EscapeDataString("http://localhost" + url);
        Assert.That(page.Text, Does.Contain($"https://www.facebook.com/sharer/sharer.php?u={shared}"));
        Assert.That(page.Text, Does.Contain($"https://www.linkedin.com/sharing/share-offsite/?url={shared}"));
        Assert.That(page.Text, Does.Contain($"https://t.me/share/url?url={shared}"));
        Assert.That(page.Text, Does.Contain("https://x.com/intent/post?url="));
        Assert.That(page.Text, Does.Contain("mailto:?subject="));
    }

    [Test]
    public async Task Article_WithoutPicks_RelatesTheNewestOthers()
    {
        var title = Unique("Новина без пов’язаних");
        var article = await CreatedArticleAsync(title);
        await PublishAsync(article.Key, Cultures.Ukrainian);

        var page = await ViewAsync(UrlOf(article.Key, "uk"));
        var newestOthers = Snapshot.For(Viewer.Anonymous).NewsNewestFirst("uk").Where(a => a.Key != article.Key).Take(3).Select(a => a.Name("uk")!);

        Assert.That(page.Text, Does.Contain("Читайте також"));
        foreach (var other in newestOthers)
        {
            Assert.That(page.Text, Does.Contain(other));
        }
    }

    [Test]
    public async Task NewsList_IsPagedWithAccessibleLinks_AndPastTheEndGoesToTheLastPage()
    {
        var count = Snapshot.For(Viewer.Anonymous).NewsNewestFirst("uk").Count;
        var pages = (count + 8) / 9;
        Assert.That(pages, Is.GreaterThan(1), "the demo content fills more than one page");

        var first = await ViewAsync("/uk/novyny/");
        Assert.That(first.Text, Does.Contain("<a href=\"/uk/novyny/?page=2\" rel=\"next\">"));
        Assert.That(first.Text, Does.Contain("aria-current=\"page\" aria-label=\"Сторінка 1\""));
        Assert.That(Regex.Count(first.Text, "class=\"card card--news\""), Is.EqualTo(9));
        Assert.That(first.Text, Does.Contain(Snapshot.For(Viewer.Anonymous).NewsNewestFirst("uk")[0].Name("uk")!), "newest first");

        var second = await ViewAsync("/uk/novyny/?page=2");
        Assert.That(second.Text, Does.Contain("<a href=\"/uk/novyny/\" rel=\"prev\">"));
        Assert.That(second.Text, Does.Contain("aria-current=\"page\" aria-label=\"Сторінка 2\""));
        Assert.That(second.Text, Does.Contain(Snapshot.For(Viewer.Anonymous).NewsNewestFirst("uk")[9].Name("uk")!));
        Assert.That(second.Text, Does.Contain("<link rel=\"canonical\" href=\"http://localhost/uk/novyny/?page=2\">"));

        using var beyond = await Client.GetAsync("/uk/novyny/?page=999999");
        Assert.That((int)beyond.StatusCode, Is.EqualTo(302));
        Assert.That(beyond.Headers.Location?.OriginalString, Is.EqualTo($"/uk/novyny/?page={pages}"));
    }

    [TestCase("uk", "11 травня 2026, 11:00 (за київським часом)", "Запис і матеріали — для членів Клубу")]
    [TestCase("en", "11 May 2026, 11am (Kyiv time)", "The recording and materials are for members of the club")]
    public async Task ExpertSession_ShowsTheTeaserAndTheMembersOnlyPlaceholder_NeverTheVideo(string culture, string when, string membersOnly)
    {
        var page = await ViewAsync(UrlOf(WtcSession, culture));

        Assert.That(page.Status, Is.EqualTo(200));
        Assert.That(page.Text, Does.Contain($"<time datetime=\"2026-05-11T11:00+03:00\">{when}</time>"));
        Assert.That(page.Text, Does.Contain(culture == "uk" ? "Олена Андронова" : "Olena Andronova"), "a speaker");
        Assert.That(page.Text, Does.Contain(membersOnly));
        Assert.That(page.Text, Does.Contain($"href=\"{UrlOf(MembershipPage, culture)}\""), "how to become a member");
        Assert.That(page.Text, Does.Not.Contain("youtube.com"), "the members-only video never reaches the page");
    }

    [TestCase("uk", "Експертні сесії")]
    [TestCase("en", "Expert sessions")]
    public async Task ExpertSessionList_ShowsTheMostRecentFirst(string culture, string title)
    {
        var index = Snapshot.Parent(Snapshot.Get(WtcSession)!)!;
        var page = await ViewAsync(index.Url(culture)!);
        var sessions = Snapshot.For(Viewer.Anonymous).ExpertSessionsNewestFirst(culture);

        Assert.That(H1s(page.Text), Is.EqualTo(new[] { title }));
        Assert.That(page.Text.IndexOf(sessions[0].Name(culture)!, StringComparison.Ordinal),
            Is.LessThan(page.Text.IndexOf(sessions[1].Name(culture)!, StringComparison.Ordinal)));
    }

    [TestCase("uk", "Найближчі події", "Минулі події", "Торговельна місія")]
    [TestCase("en", "Upcoming events", "Past events", "Trade mission")]
    public async Task EventsCalendar_ListsUpcomingThenPast_WithLocalizedTypes(string culture, string upcoming, string past, string tradeMission)
    {
        var calendar = Snapshot.Parent(Snapshot.Get(ConferenceEvent)!)!;
        var page = await ViewAsync(calendar.Url(culture)! + "?past=1");

        Assert.That(page.Status, Is.EqualTo(200));
        Assert.That(page.Text.IndexOf(upcoming, StringComparison.Ordinal), Is.GreaterThan(0).And.LessThan(page.Text.IndexOf(past, StringComparison.Ordinal)));
        Assert.That(page.Text, Does.Contain(tradeMission));
        var now = Site.Clock.GetCurrentInstant();
        Assert.That(page.Text.IndexOf(Snapshot.For(Viewer.Anonymous).UpcomingEvents(culture, now)[0].Name(culture)!, StringComparison.Ordinal),
            Is.LessThan(page.Text.IndexOf(Snapshot.For(Viewer.Anonymous).PastEvents(culture, now)[0].Name(culture)!, StringComparison.Ordinal)));
    }

    [TestCase("uk", "Конференція", "250 місць", "Реєстрацію відкрито до ", "Київ, Україна")]
    [TestCase("en", "Conference", "250 places", "Registration open until ", "Kyiv, Ukraine")]
    public async Task Event_ShowsWhenWhereTypeRegistrationAndPlaces(string culture, string type, string places, string registration, string place)
    {
        var page = await ViewAsync(UrlOf(ConferenceEvent, culture));
        var start = Snapshot.Get(ConferenceEvent)!.Zoned(Event.Start, culture)!.Value;

        Assert.That(page.Status, Is.EqualTo(200));
        Assert.That(page.Text, Does.Contain(type).And.Contain(places).And.Contain(registration).And.Contain(place));
        Assert.That(page.Text, Does.Contain($"<time datetime=\"{start.ToDateTimeOffset().ToString("yyyy'-'MM'-'dd'T'HH':'mmzzz", CultureInfo.InvariantCulture)}\">"));
    }

    [TestCase("uk", "Про клуб", "Хто ми")]
    [TestCase("en", "About the club", "Who we are")]
    public async Task ContentPage_ShowsTitleSummaryAndBody(string culture, string title, string bodyHeading)
    {
        var page = await ViewAsync(UrlOf(AboutPage, culture));

        Assert.That(H1s(page.Text), Is.EqualTo(new[] { title }));
        Assert.That(page.Text, Does.Contain(Snapshot.Get(AboutPage)!.Text(ContentPage.Summary, culture)));
        Assert.That(page.Text, Does.Contain($"<h2>{bodyHeading}</h2>"));
        Assert.That(page.Text, Does.Contain("<meta property=\"og:type\" content=\"website\">"));
    }

    [Test]
    public async Task Navigation_ListsTheSections_AndMarksTheCurrentOne()
    {
        var article = await ViewAsync(UrlOf(MemorandumArticle, "uk"));
        var list = await ViewAsync("/uk/novyny/");

        Assert.That(article.Text, Does.Contain("aria-label=\"Головне меню\""));
        Assert.That(article.Text, Does.Contain("<a href=\"/uk/novyny/\" aria-current=\"true\">Новини</a>"));
        Assert.That(list.Text, Does.Contain("<a href=\"/uk/novyny/\" aria-current=\"page\">Новини</a>"));
        Assert.That(list.Text, Does.Contain($"<a href=\"{UrlOf(AboutPage, "uk")}\">Про клуб</a>"));
    }

    [Test]
    public async Task Footer_HasTheSettingsContactsAndTheYear()
    {
        var page = await ViewAsync("/en/");
        var year = Site.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Kyiv"]).Year;

        Assert.That(page.Text, Does.Contain("<footer class=\"site-footer\">"));
        Assert.That(page.Text, Does.Contain("72 Velyka Vasylkivska St, office 5"));
        Assert.That(page.Text, Does.Contain("href=\"tel:+380440001234\""));
        Assert.That(page.Text, Does.Contain($"© {year} Mayors’ Club"));
    }

    [TestCase("/uk/nemaie-takoi/", "uk", "Сторінку не знайдено", "Новини")]
    [TestCase("/en/no-such-page/", "en", "Page not found", "News")]
    public async Task NotFound_IsInTheSiteLayout_AndNotIndexed(string url, string culture, string title, string section)
    {
        var page = await ViewAsync(url);

        Assert.That(page.Status, Is.EqualTo(404));
        Assert.That(page.Text, Does.Contain($"<html lang=\"{culture}\">"));
        Assert.That(H1s(page.Text), Is.EqualTo(new[] { title }));
        Assert.That(page.Text, Does.Contain("<meta name=\"robots\" content=\"noindex\">"));
        Assert.That(page.Text, Does.Contain($">{section}</a>"), "the site's sections are offered");
        Assert.That(page.Text, Does.Not.Contain("rel=\"canonical\""));
    }

    [Test]
    public async Task BadPageNumber_IsALocalized400()
    {
        var page = await ViewAsync("/en/news/?page=two");

        Assert.That(page.Status, Is.EqualTo(400));
        Assert.That(page.Text, Does.Contain("Bad request").And.Contain("<html lang=\"en\">"));
    }

    [Test]
    public async Task EveryKindOfPage_SendsNoDatabaseCommands()
    {
        string[] urls =
        [
            "/uk/", "/en/news/?page=2", UrlOf(MemorandumArticle, "en"), UrlOf(WtcSession, "uk"), Snapshot.Parent(Snapshot.Get(WtcSession)!)!.Url("en")!,
            Snapshot.Parent(Snapshot.Get(ConferenceEvent)!)!.Url("uk")!, UrlOf(ConferenceEvent, "en"), UrlOf(AboutPage, "uk"), "/en/no-such-page/",
        ];
        foreach (var url in urls)
        {
            Assert.That((await GetPageAsync(url)).Status, Is.AnyOf(200, 404), url);
        }

        await EmptyPageCacheAsync(); // the views below are rendered from the snapshot, not answered from the cache
        using var counter = new DatabaseCommandCounter();
        foreach (var url in urls)
        {
            await GetPageAsync(url);
        }

        Assert.That(counter.Commands, Is.Empty);
    }

    /// <summary>A page with its HTML entities decoded, so tests can look for text as a visitor reads it.</summary>
    private async Task<(int Status, string Text)> ViewAsync(string url)
    {
        var (status, html) = await GetPageAsync(url);
        return (status, WebUtility.HtmlDecode(html));
    }

    private static string[] H1s(string html) =>
        H1Pattern().Matches(html).Select(m => TagPattern().Replace(m.Groups[1].Value, "").Trim()).ToArray();

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1Pattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
