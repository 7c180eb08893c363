using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MayorsClub.Tests.Browser;

/// <summary>A browser test whose people sign in to the back office through its real sign-in form.</summary>
public abstract class EditorBrowserTestBase : BrowserTestBase
{
    protected const string Password = "Editor-browser-password-1";

    /// <summary>A new browser tab signed in as a back-office user of the group (created on first use), on the dashboard.</summary>
    protected async Task<IPage> SignedInPageAsync(string email, string group, int width = 1280, int height = 900)
    {
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new BackOfficeUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedUtc = DateTime.UtcNow };
                Assert.That((await users.CreateAsync(user, Password)).Succeeded, Is.True);
                await users.AddToRoleAsync(user, group);
            }
        }

        var page = await NewPageAsync(width, height);
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("/umbraco/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("form[action='/umbraco/login'] button[type=submit]").ClickAsync();
        // On the dashboard once its frame is there; what a test does next waits for what it needs. (Waiting for the page's
        // load event as well once timed out on a loaded CI machine after the network had gone quiet.)
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/umbraco", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator(".bo-brand")).ToBeVisibleAsync();
        return page;
    }
}
