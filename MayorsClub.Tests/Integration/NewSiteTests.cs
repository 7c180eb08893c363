using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>What a new, empty database gets at first start: schema, the first administrator, the demo content.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class NewSiteTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    [Test]
    public async Task FirstStart_CreatesTheConfiguredAdministrator()
    {
        var (isAdmin, passwordWorks) = await WithServices(async s =>
        {
            var users = s.GetRequiredService<UserManager<BackOfficeUser>>();
            var admin = await users.FindByEmailAsync(TestSite.AdminEmail);
            return (await users.IsInRoleAsync(admin!, BackOfficeGroups.Administrators), await users.CheckPasswordAsync(admin!, TestSite.AdminPassword));
        });

        Assert.That(isAdmin, Is.True);
        Assert.That(passwordWorks, Is.True);
    }

    [Test]
    public void DemoContent_HasTheNewsTheBriefAsksFor()
    {
        var news = Snapshot.All.Where(d => d.ContentType == NewsArticle.Alias && IsDemo(d)).ToList();

        Assert.That(news.Count(d => d.IsVisibleIn("uk") && d.IsVisibleIn("en")), Is.GreaterThanOrEqualTo(12));
        Assert.That(news.Count(d => d.IsVisibleIn("uk") && !d.IsVisibleIn("en")), Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void DemoContent_HasExpertSessionsAndEventsInThePastAndToCome()
    {
        var sessions = Snapshot.OfType(ExpertSession.Alias, "en").Where(IsDemo).ToList();
        var events = Snapshot.OfType(Event.Alias, "uk").Where(IsDemo).ToList();
        var now = Site.Clock.GetCurrentInstant();
        var starts = events.Select(e => ZonedValue.TryRead(System.Text.Json.Nodes.JsonNode.Parse(e.Value(Event.Start, "uk").GetRawText()))!.Value.ToInstant()).ToList();

        Assert.That(sessions, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(events, Has.Count.GreaterThanOrEqualTo(8));
        Assert.That(starts.Count(s => s < now), Is.GreaterThanOrEqualTo(4));
        Assert.That(starts.Count(s => s > now), Is.GreaterThanOrEqualTo(4));
    }

    [Test]
    public async Task DemoContent_HomePageHasEverySection_InBothLanguages()
    {
        var home = Snapshot.Home!;
        string[] sections = [Home.HeroTitle, Home.MissionTitle, Home.MissionItems, Home.ServicesTitle, Home.Services, Home.ExpertSessionsTitle,
            Home.EventsTitle, Home.MembershipTitle, Home.MembershipText, Home.PartnershipTitle, Home.PartnershipText, Home.ContactTitle];

        foreach (var culture in Cultures.All)
        {
            Assert.That(sections.Where(s => home.Value(s, culture).ValueKind == System.Text.Json.JsonValueKind.Undefined), Is.Empty, culture);
        }

        Assert.That((await GetPageAsync("/uk/")).Status, Is.EqualTo(200));
        Assert.That((await GetPageAsync("/en/")).Status, Is.EqualTo(200));
    }

    [TestCase("/uk/pro-klub/", "/en/about-the-club/")]
    [TestCase("/uk/chlenstvo/", "/en/membership/")]
    [TestCase("/uk/partnerstvo/", "/en/partnership/")]
    [TestCase("/uk/polityka-konfidentsiinosti/", "/en/privacy-policy/")]
    [TestCase("/uk/novyny/", "/en/news/")]
    [TestCase("/uk/ekspertni-sesii/", "/en/expert-sessions/")]
    [TestCase("/uk/kalendar-podii/", "/en/events-calendar/")]
    public async Task DemoContent_PagesAreServedInBothLanguages_AtTransliteratedUrls(string ukUrl, string enUrl)
    {
        var uk = await GetPageAsync(ukUrl);
        var en = await GetPageAsync(enUrl);

        Assert.That((uk.Status, en.Status), Is.EqualTo((200, 200)));
        Assert.That(Snapshot.GetByUrl("uk", ukUrl)!.Key, Is.EqualTo(Snapshot.GetByUrl("en", enUrl)!.Key), "the two URLs are one document");
    }

    [Test]
    public async Task DemoContent_UkrainianOnlyNews_IsA404InEnglish()
    {
        var ukOnly = Snapshot.OfType(NewsArticle.Alias, "uk").Where(IsDemo).First(d => !d.IsVisibleIn("en"));

        var en = await GetPageAsync($"/en/news/{ukOnly.Cultures["uk"].UrlSegment}/");

        Assert.That(en.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task DemoContent_PagesShowTheirDrawnPictures()
    {
        var article = Snapshot.OfType(NewsArticle.Alias, "uk").Where(IsDemo).First();
        var session = Snapshot.OfType(ExpertSession.Alias, "uk").Where(IsDemo).First();
        var anonymous = Snapshot.For(Viewer.Anonymous);
        var articleImage = anonymous.Of(article, "uk").FirstImage(NewsArticle.Image)!;
        var heroImage = anonymous.Of(Snapshot.Home!, "uk").FirstImage(Home.HeroImage)!;

        var articlePage = await GetPageAsync(article.Url("uk")!);
        var home = await GetPageAsync("/uk/");
        var sessionPage = await GetPageAsync(session.Url("en")!);

        Assert.That((articleImage.Width, articleImage.Height), Is.EqualTo((1600, 1067)));
        Assert.That(articlePage.Html, Does.Contain($"/media/{articleImage.Key}/"));
        Assert.That(home.Html, Does.Contain($"/media/{heroImage.Key}/"));
        Assert.That(heroImage.FocalPoint, Is.Not.Null, "the hero is cut around its focal point");
        Assert.That(System.Text.RegularExpressions.Regex.Count(sessionPage.Html, "<img[^>]+/media/"), Is.GreaterThanOrEqualTo(2), "the speakers' monograms");
    }

    /// <summary>Documents from the committed demo files (not ones another test made).</summary>
    private static bool IsDemo(PublishedDocument document) => DemoKeys.Value.Contains(document.Key);

    private static readonly Lazy<HashSet<Guid>> DemoKeys = new(() =>
    {
        var folder = Path.Combine(MayorsClub.Core.Setup.SitePaths.FindRoot(AppContext.BaseDirectory), "umbraco", "demo", "content");
        return Directory.GetFiles(folder, "*.json")
            .SelectMany(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray())
            .Select(d => d.GetProperty("key").GetGuid())
            .ToHashSet();
    });
}
