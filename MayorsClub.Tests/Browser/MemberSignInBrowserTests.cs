using System.Text.RegularExpressions;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MayorsClub.Tests.Browser;

/// <summary>
/// A member in Chromium: signs in with the password from a page's "Sign in" link and lands back on that page; adds a
/// passkey with Chromium's virtual authenticator (DevTools WebAuthn domain), signs out and signs in with the passkey alone.
/// Passkeys need a domain (WebAuthn refuses an IP address as the relying party), so the passkey test browses the site as
/// http://localhost:port, which the site is configured to accept.
/// </summary>
public sealed class MemberSignInBrowserTests : BrowserTestBase
{
    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["AllowedHosts"] = "127.0.0.1;localhost",
        ["MayorsClub:Members:PasskeyDomain"] = "localhost",
    };

    private string LocalhostUrl => BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

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
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", MemberSession.DefaultPassword);
        await page.ClickAsync("form.members-form button[type=submit]");

        await page.WaitForURLAsync(newsUrl);
        Assert.That(await page.InnerTextAsync(".member-header__name"), Is.EqualTo("Ірина Браузерна"));
        await page.SetViewportSizeAsync(360, 800);
        var (pageWidth, screenWidth) = await WidthsAsync(page);
        Assert.That(pageWidth, Is.LessThanOrEqualTo(screenWidth), "the signed-in header fits a phone");
        await page.SetViewportSizeAsync(1280, 900);

        await page.ClickAsync(".member-header__button");
        await page.WaitForURLAsync(new Regex("/uk/$"));
        Assert.That(await page.Locator(".member-header__sign-in").CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task AMember_AddsAPasskey_SignsOut_AndSignsInWithThePasskeyAlone()
    {
        var email = MemberSession.NewEmail("passkey");
        await MemberSession.CreateMemberAsync(Site, email, name: "Petro Passkey", culture: "en");
        var page = await NewPageAsync(locale: "en-GB");
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        // A members-only page sends the visitor to the sign-in page, and back after the password.
        await page.GotoAsync(LocalhostUrl + "/en/members/profile");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", MemberSession.DefaultPassword);
        await page.ClickAsync("form.members-form button[type=submit]");
        await page.WaitForURLAsync(LocalhostUrl + "/en/members/profile");

        Assert.That(await SeriousAccessibilityViolationsAsync(page, "profile"), Is.Empty);
        await page.FillAsync("#NewPasskeyName", "Test phone");
        await page.ClickAsync("#add-passkey");
        await page.WaitForURLAsync(new Regex("done=passkey-added"));
        Assert.That(await page.InnerTextAsync("[role=status]"), Is.EqualTo("The passkey is added."));
        Assert.That(await page.InputValueAsync(".members-passkeys__rename input[name=Name]"), Is.EqualTo("Test phone"));

        await page.ClickAsync(".member-header__button");
        await page.WaitForURLAsync(LocalhostUrl + "/en/");
        Assert.That(await page.Locator(".member-header__name").CountAsync(), Is.Zero);

        await page.GotoAsync(LocalhostUrl + "/en/members/sign-in?returnUrl=%2Fen%2Fmembers%2Fprofile");
        await page.ClickAsync("#passkey-sign-in");
        await page.WaitForURLAsync(LocalhostUrl + "/en/members/profile");
        Assert.That(await page.InnerTextAsync(".member-header__name"), Is.EqualTo("Petro Passkey"));
        Assert.That(await page.InnerTextAsync("h1"), Is.EqualTo("My profile"));
    }
}
