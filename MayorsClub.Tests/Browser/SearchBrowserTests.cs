using System.Diagnostics;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using MayorsClub.Core.Search;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MayorsClub.Tests.Browser;

/// <summary>A visitor searches from the header of any page: suggestions while typing, then results for another word form.</summary>
public sealed class SearchBrowserTests : BrowserTestBase
{
    [Test]
    public async Task AVisitor_SeesSuggestionsWhileTyping_ThenFindsAnArticleByAnotherWordForm()
    {
        var snapshot = Site.Services.GetRequiredService<PublishedSnapshotService>().Current;
        var article = snapshot.OfType(NewsArticle.Alias, "uk").Single(a => a.Name("uk")!.Contains("меморандум про партнерство", StringComparison.Ordinal));
        var title = article.Name("uk")!;
        var index = Site.Services.GetRequiredService<SearchIndex>();
        var waited = Stopwatch.StartNew();
        while (index.IsRebuilding && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        var page = await NewPageAsync();
        await page.GotoAsync("/uk/novyny/");
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Пошук по сайту" }).First;
        await box.PressSequentiallyAsync("меморанд", new() { Delay = 40 });
        var suggestion = page.Locator("#site-search-suggestions a", new() { HasText = title });
        await suggestion.WaitForAsync(new() { Timeout = 10_000 });
        Assert.That(await suggestion.GetAttributeAsync("href"), Is.EqualTo(article.Url("uk")), "the suggestion leads to the article");

        // The genitive ("меморандуму"): a word form the title does not hold.
        await box.FillAsync("меморандуму");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/uk/search");
        var result = page.Locator(".search-result__title a", new() { HasText = title });
        Assert.That(await result.CountAsync(), Is.EqualTo(1), "the article is among the results");
        Assert.That(await page.Locator(".search-result__snippet mark").CountAsync(), Is.GreaterThan(0), "the matched words are marked");
        Assert.That(await SeriousAccessibilityViolationsAsync(page, "/uk/search?q=меморандуму"), Is.Empty);

        await result.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == article.Url("uk"));
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo(title));
    }

    [Test]
    public async Task OnAPhone_TheSearchBoxFitsTheScreen()
    {
        var page = await NewPageAsync(width: 360, height: 740);
        await page.GotoAsync("/en/");
        Assert.That(await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the site" }).IsVisibleAsync(), Is.True);
        var widths = await WidthsAsync(page);
        Assert.That(widths.Page, Is.LessThanOrEqualTo(widths.Screen), "the page is wider than the phone's screen");
    }
}
