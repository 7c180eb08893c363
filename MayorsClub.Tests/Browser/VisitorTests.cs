using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MayorsClub.Tests.Browser;

/// <summary>A visitor in a real browser: arriving, reading, switching language, on a phone; and an accessibility check.</summary>
public sealed class VisitorTests : BrowserTestBase
{
    private PublishedSnapshot Snapshot => Site.Services.GetRequiredService<PublishedSnapshotService>().Current;

    [Test]
    public async Task Visitor_LandsInUkrainian_OpensAnArticle_AndSwitchesToItsEnglishTwin()
    {
        var page = await NewPageAsync();
        var article = Snapshot.For(Viewer.Anonymous).NewsNewestFirst("uk").First(a => a.IsVisibleIn("en"));

        await page.GotoAsync("/");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/uk/"));
        Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo("uk"));

        await page.GotoAsync(Snapshot.For(Viewer.Anonymous).ChildrenIn(Snapshot.Home!, "uk").Single(c => c.ContentType == NewsIndex.Alias).Url("uk")!);
        await page.GetByRole(AriaRole.Link, new() { Name = article.Name("uk"), Exact = true }).First.ClickAsync();
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo(article.Url("uk")));
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo(article.Name("uk")));

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo(article.Url("en")));
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo(article.Name("en")));
        Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo("en"));

        await page.GotoAsync("/");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/en/"), "the site remembers the language last read");
    }

    [Test]
    public async Task Visitor_WhoseBrowserPrefersEnglish_LandsInEnglish()
    {
        var page = await NewPageAsync(locale: "en-GB");

        await page.GotoAsync("/");

        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/en/"));
    }

    [TestCase("uk")]
    [TestCase("en")]
    public async Task HomePage_OnAPhone_HasNoHorizontalScroll(string culture)
    {
        var page = await NewPageAsync(width: 360, height: 740);

        await page.GotoAsync($"/{culture}/");
        var screenshot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        var widths = await WidthsAsync(page);

        Assert.That(screenshot, Is.Not.Empty);
        Assert.That(widths.Page, Is.LessThanOrEqualTo(widths.Screen), "the page is wider than the phone's screen");
    }

    [TestCaseSource(nameof(PagesToCheck))]
    public async Task Page_HasNoSeriousOrCriticalAccessibilityViolations(string culture, string contentType)
    {
        var url = contentType == Home.Alias
            ? $"/{culture}/"
            : Snapshot.OfType(contentType, culture).First().Url(culture)!;
        var page = await NewPageAsync();
        await page.GotoAsync(url);

        var serious = await SeriousAccessibilityViolationsAsync(page, url);
        Assert.That(serious, Is.Empty, url);
    }

    private static IEnumerable<TestCaseData> PagesToCheck() =>
        from culture in new[] { "uk", "en" }
        from type in new[] { Home.Alias, NewsIndex.Alias, NewsArticle.Alias, ExpertSession.Alias, EventsCalendar.Alias, ContentPage.Alias }
        select new TestCaseData(culture, type);
}
