using System.Net;
using System.Text.RegularExpressions;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using OtpNet;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238): turned on with a code from the app, then asked
/// for at every sign-in; recovery codes work once; turned off with the password.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class BackOfficeTwoFactorTests(DatabaseProvider provider) : BackOfficeUsersTestBase(provider)
{
    private const string Password = "Two-factor-pass-1";

    [Test]
    public async Task TurningItOn_TakesACodeFromTheApp_ThenSigningInAsksForTheCode()
    {
        var email = NewAddress("editor");
        using var session = await BackOfficeSession.SignInAsync(Site, email, Password, BackOfficeGroups.Editors);
        var (_, account) = await GetAsync(session.Client, "/umbraco/account");
        Assert.That(account, Does.Contain("data-two-factor=\"off\"").And.Contain("href=\"/umbraco/account/two-factor\""));

        var (status, setup) = await GetAsync(session.Client, "/umbraco/account/two-factor");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(setup, Does.Match("<img src=\"data:image/png;base64,[A-Za-z0-9+/=]{200,}\" alt=\"QR-код"));
        var key = KeyOn(setup);

        using var wrong = await PostFormAsync(session.Client, "/umbraco/account/two-factor", "/umbraco/account/two-factor", ("Code", WrongCode(key)));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(wrong), Does.Contain("Код неправильний або застарів."));
        Assert.That(KeyOn(await BodyAsync(wrong)), Is.EqualTo(key), "the same key, to try again");

        using var confirmed = await PostFormAsync(session.Client, "/umbraco/account/two-factor", "/umbraco/account/two-factor", ("Code", CodeFor(key)));
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var codes = RecoveryCodesOn(await BodyAsync(confirmed));
        Assert.That(codes, Has.Count.EqualTo(10));
        Assert.That(confirmed.Headers.CacheControl?.NoStore, Is.True, "the recovery codes are shown once and not kept");
        Assert.That((await GetAsync(session.Client, "/umbraco/account")).Html, Does.Contain("data-two-factor=\"on\"").And.Contain("Залишилося резервних кодів: 10."),
            "this session goes on");

        // Signing in now takes the password, then the code; the step between is a cookie under /umbraco.
        using var browser = BackOfficeSession.Anonymous(Site);
        using var password = await BackOfficeSession.PostSignInAsync(browser, email, Password);
        Assert.That(password.Headers.Location?.OriginalString, Is.EqualTo("/umbraco/login/two-factor"));
        var between = password.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mc_backoffice_2fa=", StringComparison.Ordinal));
        Assert.That(between, Does.Contain("path=/umbraco").IgnoreCase.And.Contain("httponly").IgnoreCase);
        Assert.That((await browser.GetAsync("/umbraco")).Headers.Location?.AbsolutePath, Is.EqualTo("/umbraco/login"), "not signed in yet");

        var (codePage, codeHtml) = await GetAsync(browser, "/umbraco/login/two-factor");
        Assert.That(codePage, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(codeHtml, Does.Contain("autocomplete=\"one-time-code\""));
        using var wrongAtSignIn = await PostFormAsync(browser, "/umbraco/login/two-factor", "/umbraco/login/two-factor", ("Code", WrongCode(key)));
        Assert.That(wrongAtSignIn.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(wrongAtSignIn), Does.Contain("Код неправильний або застарів."));
        Assert.That((await browser.GetAsync("/umbraco")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a wrong code does not sign in");

        using var right = await PostFormAsync(browser, "/umbraco/login/two-factor", "/umbraco/login/two-factor", ("Code", CodeFor(key)[..3] + " " + CodeFor(key)[3..]));
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(right.Headers.Location?.OriginalString, Is.EqualTo("/umbraco"));
        Assert.That((await GetAsync(browser, "/umbraco")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ARecoveryCode_SignsInOnce()
    {
        var (email, _, codes) = await UserWithTwoFactorAsync();

        using var first = BackOfficeSession.Anonymous(Site);
        (await BackOfficeSession.PostSignInAsync(first, email, Password)).Dispose();
        var (_, recoveryPage) = await GetAsync(first, "/umbraco/login/recovery");
        using var used = await PostFormAsync(first, "/umbraco/login/recovery", "/umbraco/login/recovery", ("Code", codes[0]));
        Assert.That(recoveryPage, Does.Contain("Вхід із резервним кодом"));
        Assert.That(used.Headers.Location?.OriginalString, Is.EqualTo("/umbraco"));
        Assert.That((await GetAsync(first, "/umbraco/account")).Html, Does.Contain("Залишилося резервних кодів: 9."));

        using var second = BackOfficeSession.Anonymous(Site);
        (await BackOfficeSession.PostSignInAsync(second, email, Password)).Dispose();
        using var again = await PostFormAsync(second, "/umbraco/login/recovery", "/umbraco/login/recovery", ("Code", codes[0]));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(again), Does.Contain("Цей резервний код не підходить."));
        using var another = await PostFormAsync(second, "/umbraco/login/recovery", "/umbraco/login/recovery", ("Code", codes[1]));
        Assert.That(another.Headers.Location?.OriginalString, Is.EqualTo("/umbraco"));
    }

    [Test]
    public async Task TheCodeStep_WithoutThePasswordStep_SendsBackToSignIn()
    {
        using var browser = BackOfficeSession.Anonymous(Site);

        var (status, html) = await GetAsync(browser, "/umbraco/login/two-factor");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("Час на підтвердження минув. Увійдіть ще раз.").And.Contain("name=\"Password\""));
    }

    [Test]
    public async Task TurningItOff_TakesThePassword_AndSigningInNoLongerAsksForACode()
    {
        var (email, session, _) = await UserWithTwoFactorAsync();

        using var wrong = await PostFormAsync(session.Client, "/umbraco/account", "/umbraco/account/two-factor/off", ("Password", "not-my-password"));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(wrong), Does.Contain("Поточний пароль неправильний."));
        using var off = await PostFormAsync(session.Client, "/umbraco/account", "/umbraco/account/two-factor/off", ("Password", Password));
        Assert.That(off.Headers.Location?.OriginalString, Is.EqualTo("/umbraco/account?saved=twoFactorOff"));
        Assert.That((await GetAsync(session.Client, off.Headers.Location!.OriginalString)).Html,
            Does.Contain("Двофакторний вхід вимкнено.").And.Contain("data-two-factor=\"off\""));

        using var browser = BackOfficeSession.Anonymous(Site);
        using var signIn = await BackOfficeSession.PostSignInAsync(browser, email, Password);
        Assert.That(signIn.Headers.Location?.OriginalString, Is.EqualTo("/umbraco"));
        session.Dispose();
    }

    /// <summary>A signed-in user who has turned on two-factor sign-in: their address, session and recovery codes.</summary>
    private async Task<(string Email, BackOfficeSession Session, IReadOnlyList<string> Codes)> UserWithTwoFactorAsync()
    {
        var email = NewAddress("writer");
        var session = await BackOfficeSession.SignInAsync(Site, email, Password, BackOfficeGroups.Writers);
        var key = KeyOn((await GetAsync(session.Client, "/umbraco/account/two-factor")).Html);
        using var confirmed = await PostFormAsync(session.Client, "/umbraco/account/two-factor", "/umbraco/account/two-factor", ("Code", CodeFor(key)));
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await BodyAsync(confirmed));
        return (email, session, RecoveryCodesOn(await BodyAsync(confirmed)));
    }

    /// <summary>The key as the page shows it for typing into an app (groups of four, lower case), as base32.</summary>
    private static string KeyOn(string html)
    {
        var match = Regex.Match(html, "<code class=\"bo-key\" data-authenticator-key>([a-z2-7 ]+)</code>");
        Assert.That(match.Success, Is.True, "the authenticator key is on the page");
        return match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
    }

    /// <summary>What an authenticator app shows now for the key (RFC 6238: SHA-1, 30 seconds, 6 digits).</summary>
    private static string CodeFor(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);

    /// <summary>A code that is not valid for the key at any step the server accepts around now.</summary>
    private static string WrongCode(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var near = Enumerable.Range(-3, 7).Select(step => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    private static List<string> RecoveryCodesOn(string html) =>
        Regex.Matches(html, "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
}
