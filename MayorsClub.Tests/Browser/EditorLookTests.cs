using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Browser;

[Explicit("screenshots for a person to look at")]
public sealed class EditorLookTests : EditorBrowserTestBase
{
    [Test]
    public async Task Screens()
    {
        var snapshot = Site.Services.GetRequiredService<PublishedSnapshotService>().Current;
        var article = snapshot.OfType(NewsArticle.Alias, "uk").First();
        var ev = snapshot.OfType(Event.Alias, "uk").First();
        var page = await SignedInPageAsync("look@test.local", BackOfficeGroups.Editors);
        await page.GotoAsync("/umbraco/content");
        TestContext.Out.WriteLine(await ScreenshotAsync(page, "index"));
        await page.GotoAsync($"/umbraco/content/{article.Key}");
        await page.WaitForTimeoutAsync(500);
        TestContext.Out.WriteLine(await ScreenshotAsync(page, "article"));
        await page.GotoAsync($"/umbraco/content/{ev.Key}");
        await page.WaitForTimeoutAsync(500);
        TestContext.Out.WriteLine(await ScreenshotAsync(page, "event"));
        await page.GotoAsync($"/umbraco/content/{snapshot.Home!.Key}");
        TestContext.Out.WriteLine(await ScreenshotAsync(page, "home"));
        await page.SetViewportSizeAsync(768, 1000);
        await page.GotoAsync($"/umbraco/content/{article.Key}");
        TestContext.Out.WriteLine(await ScreenshotAsync(page, "article-tablet"));
        await page.GotoAsync($"/umbraco/content/{article.Key}/preview/uk");
        TestContext.Out.WriteLine(await ScreenshotAsync(page, "preview"));
        await page.GotoAsync($"/umbraco/content/{article.Key}/history");
        TestContext.Out.WriteLine(await ScreenshotAsync(page, "history"));
        await page.SetViewportSizeAsync(1280, 900);
        var news = snapshot.OfType(NewsIndex.Alias, "uk").Single();
        await page.GotoAsync($"/umbraco/content/create?parent={news.Key}");
        await page.Locator("[name='v.uk.summary']").FillAsync("Лише виклад");
        await page.Locator("button.ce-save").ClickAsync();
        await page.WaitForTimeoutAsync(500);
        TestContext.Out.WriteLine(await ScreenshotAsync(page, "errors"));
        await page.GotoAsync($"/umbraco/content/{article.Key}");
        await page.Locator("[name='name.uk']").FillAsync("Зовсім інший заголовок статті");
        await page.Locator("button.ce-save").ClickAsync();
        await page.GotoAsync($"/umbraco/content/{article.Key}/history/2");
        TestContext.Out.WriteLine(await ScreenshotAsync(page, "compare"));
    }
}
