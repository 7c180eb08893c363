using System.Text.RegularExpressions;
using MayorsClub.Core.Media;
using Microsoft.Extensions.DependencyInjection;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MayorsClub.Tests.Browser;

/// <summary>
/// What a member does in Chromium, shared by the members' browser tests: the sign-in form, a passkey added on the profile
/// page with Chromium's virtual authenticator (DevTools WebAuthn domain), the header's sign-out. Passkeys need a domain
/// (WebAuthn refuses an IP address as the relying party), so these tests browse the site as http://localhost:port, which
/// <see cref="LocalhostSettings"/> makes the site accept.
/// </summary>
internal static class MemberBrowsing
{
    public static IReadOnlyDictionary<string, string> LocalhostSettings { get; } = new Dictionary<string, string>
    {
        ["AllowedHosts"] = "127.0.0.1;localhost",
        ["MayorsClub:Members:PasskeyDomain"] = "localhost",
    };

    /// <summary>The site's address with the host name WebAuthn accepts.</summary>
    public static string Localhost(string baseUrl) => baseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

    /// <summary>A platform authenticator (fingerprint or face, user verified) on this tab, as on a member's phone.</summary>
    public static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
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
    }

    /// <summary>Fills and sends the sign-in form the page shows.</summary>
    public static async Task SignInWithPasswordAsync(IPage page, string email, string password = MemberSession.DefaultPassword)
    {
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("form.members-form button[type=submit]");
    }

    /// <summary>On the profile page: adds a passkey with this name and waits for the page to confirm it.</summary>
    public static async Task AddPasskeyAsync(IPage page, string name)
    {
        await page.FillAsync("#NewPasskeyName", name);
        await page.ClickAsync("#add-passkey");
        await page.WaitForURLAsync(new Regex("done=passkey-added"));
    }

    /// <summary>Signs out with the header's button and waits for the home page of that language.</summary>
    public static async Task SignOutAsync(IPage page, string homeUrl)
    {
        await page.ClickAsync(".member-header__button");
        await page.WaitForURLAsync(homeUrl);
        Assert.That(await page.Locator(".member-header__name").CountAsync(), Is.Zero, "signed out");
    }

    /// <summary>Uploads a members-only file to the media library as this editor.</summary>
    public static async Task<Guid> UploadMembersOnlyAsync(IServiceProvider services, string fileName, byte[] bytes, string editor)
    {
        using var content = new MemoryStream(bytes);
        var result = await services.GetRequiredService<MediaUploader>().UploadAsync(new MediaUploader.UploadCommand(content, fileName, null, MembersOnly: true, editor));
        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
        return result.Item!.Key;
    }

    /// <summary>Uploads the fixture video (Fixtures/session.mp4: 10 s of H.264) as a members-only recording.</summary>
    public static async Task<Guid> UploadSessionVideoAsync(IServiceProvider services, string editor) =>
        await UploadMembersOnlyAsync(services, "Запис сесії.mp4",
            await File.ReadAllBytesAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "session.mp4")), editor);

    /// <summary>Plays the page's video, muted, until its time advances: the member really watches it.</summary>
    public static async Task WatchesTheVideoAsync(IPage page)
    {
        var video = page.Locator("video");
        await video.EvaluateAsync("v => { v.muted = true; return v.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('video').currentTime > 0.5", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
    }
}
