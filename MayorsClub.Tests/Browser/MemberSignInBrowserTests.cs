using MayorsClub.Tests.Infrastructure;

namespace MayorsClub.Tests.Browser;

/// <summary>
/// A member in Chromium: signs in with the password from a page's "Sign in" link and lands back on that page; adds a
/// passkey with Chromium's virtual authenticator, signs out and signs in with the passkey alone (as localhost: see
/// <see cref="MemberBrowsing"/>).
/// </summary>
public sealed class MemberSignInBrowserTests : BrowserTestBase
{
    protected override IReadOnlyDictionary<string, string>? Settings => MemberBrowsing.LocalhostSettings;

    private string LocalhostUrl => MemberBrowsing.Localhost(BaseUrl);

    [Test]
    public async Task AMember_SignsInFromAPagesLink_AndLandsBackOnThatPage()
    {
        var email = MemberSession.NewEmail("browser");
        await MemberSession.CreateMemberAsync(Site, email, name: "Ірина Браузерна");
        var page = await NewPageAsync();
        await page.GotoAsync("/uk/novyny/");
        var newsUrl = page.Url;

        await page.ClickAsync(".member-header__sign-in");
        Assert.That(await SeriousAccessibilityViolationsAsync(page, "sign-in"), Is.Empty);
        await MemberBrowsing.SignInWithPasswordAsync(page, email);

        await page.WaitForURLAsync(newsUrl);
        Assert.That(await page.InnerTextAsync(".member-header__name"), Is.EqualTo("Ірина Браузерна"));
        await page.SetViewportSizeAsync(360, 800);
        var (pageWidth, screenWidth) = await WidthsAsync(page);
        Assert.That(pageWidth, Is.LessThanOrEqualTo(screenWidth), "the signed-in header fits a phone");
        await page.SetViewportSizeAsync(1280, 900);

        await MemberBrowsing.SignOutAsync(page, BaseUrl + "/uk/");
        Assert.That(await page.Locator(".member-header__sign-in").CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task AMember_AddsAPasskey_SignsOut_AndSignsInWithThePasskeyAlone()
    {
        var email = MemberSession.NewEmail("passkey");
        await MemberSession.CreateMemberAsync(Site, email, name: "Petro Passkey", culture: "en");
        var page = await NewPageAsync(locale: "en-GB");
        await MemberBrowsing.AddVirtualAuthenticatorAsync(page);

        // A members-only page sends the visitor to the sign-in page, and back after the password.
        await page.GotoAsync(LocalhostUrl + "/en/members/profile");
        await MemberBrowsing.SignInWithPasswordAsync(page, email);
        await page.WaitForURLAsync(LocalhostUrl + "/en/members/profile");

        Assert.That(await SeriousAccessibilityViolationsAsync(page, "profile"), Is.Empty);
        await MemberBrowsing.AddPasskeyAsync(page, "Test phone");
        Assert.That(await page.InnerTextAsync("[role=status]"), Is.EqualTo("The passkey is added."));
        Assert.That(await page.InputValueAsync(".members-passkeys__rename input[name=Name]"), Is.EqualTo("Test phone"));

        await MemberBrowsing.SignOutAsync(page, LocalhostUrl + "/en/");

        await page.GotoAsync(LocalhostUrl + "/en/members/sign-in?returnUrl=%2Fen%2Fmembers%2Fprofile");
        await page.ClickAsync("#passkey-sign-in");
        await page.WaitForURLAsync(LocalhostUrl + "/en/members/profile");
        Assert.That(await page.InnerTextAsync(".member-header__name"), Is.EqualTo("Petro Passkey"));
        Assert.That(await page.InnerTextAsync("h1"), Is.EqualTo("My profile"));
    }
}
