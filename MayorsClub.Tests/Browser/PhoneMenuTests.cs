using MayorsClub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MayorsClub.Tests.Browser;

/// <summary>The main menu on a phone: a button that opens the links, by keyboard, without sideways scrolling.</summary>
public sealed class PhoneMenuTests : BrowserTestBase
{
    [TestCase("uk", "Меню")]
    [TestCase("en", "Menu")]
    public async Task OnAPhone_TheMenuButtonOpensByKeyboard_ItsLinksAreReachable_AndThePageStaysAccessible(string culture, string label)
    {
        var page = await NewPageAsync(width: 360, height: 740);
        await page.GotoAsync($"/{culture}/");
        var toggle = page.Locator("summary.main-nav__toggle");
        var links = page.Locator(".main-nav__list--narrow a");

        Assert.That(await toggle.InnerTextAsync(), Is.EqualTo(label));
        Assert.That(await page.Locator(".main-nav__list--wide").IsHiddenAsync(), Is.True, "no strip of links cut off at the edge");
        Assert.That(await links.First.IsHiddenAsync(), Is.True, "closed at first");

        for (var presses = 0; presses < 10 && !await IsFocusedAsync(toggle); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.That(await IsFocusedAsync(toggle), Is.True, "the menu button is reached with Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.That(await page.Locator("details.main-nav__menu").GetAttributeAsync("open"), Is.Not.Null, "Enter opens it");
        var count = await links.CountAsync();
        Assert.That(count, Is.GreaterThan(2));
        for (var i = 0; i < count; i++)
        {
            Assert.That(await links.Nth(i).IsVisibleAsync(), Is.True);
        }

        await page.Keyboard.PressAsync("Tab");
        Assert.That(await IsFocusedAsync(links.First), Is.True, "Tab goes on into the links");

        Assert.That(await SeriousAccessibilityViolationsAsync(page, $"/{culture}/ with the menu open"), Is.Empty);
        var widths = await WidthsAsync(page);
        Assert.That(widths.Page, Is.LessThanOrEqualTo(widths.Screen), "the page is wider than the phone's screen");

        var target = await links.First.GetAttributeAsync("href");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == target);
    }

    [Test]
    public async Task OnAWideScreen_TheLinksShowInARow_WithoutTheMenuButton()
    {
        var page = await NewPageAsync(width: 1280, height: 900);
        await page.GotoAsync("/uk/");

        Assert.That(await page.Locator("summary.main-nav__toggle").IsHiddenAsync(), Is.True);
        Assert.That(await page.Locator(".main-nav__list--wide a").First.IsVisibleAsync(), Is.True);
    }

    private static Task<bool> IsFocusedAsync(ILocator element) => element.EvaluateAsync<bool>("e => e === document.activeElement");
}
