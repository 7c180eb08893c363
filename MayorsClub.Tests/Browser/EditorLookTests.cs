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
    }
}
