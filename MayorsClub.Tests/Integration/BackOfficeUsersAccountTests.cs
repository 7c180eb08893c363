using System.Net;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Web.BackOffice.Users;

namespace MayorsClub.Tests.Integration;

/// <summary>The signed-in user's own account page: their password and their interface language.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class BackOfficeUsersAccountTests(DatabaseProvider provider) : BackOfficeUsersTestBase(provider)
{
    private const string OldPassword = "Account-password-1";
    private const string NewPassword = "Account-password-2";

    [Test]
    public async Task ChangingThePassword_NeedsTheCurrentOne_KeepsThisSession_AndEndsTheOthers()
    {
        var email = NewAddress("writer");
        using var here = await BackOfficeSession.SignInAsync(Site, email, OldPassword, BackOfficeGroups.Writers);
        using var elsewhere = await BackOfficeSession.SignInAsync(Site, email, OldPassword, BackOfficeGroups.Writers);
        var (status, account) = await GetAsync(here.Client, "/umbraco/account");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(account, Does.Contain("<h1>Мій обліковий запис</h1>").And.Contain("щонайменше 10 символів, велика літера, мала літера, цифра"));

        using var wrongCurrent = await PostFormAsync(here.Client, "/umbraco/account", "/umbraco/account/password",
            ("Current", "not-the-password"), ("Password", NewPassword), ("Confirm", NewPassword));
        using var differ = await PostFormAsync(here.Client, "/umbraco/account", "/umbraco/account/password",
            ("Current", OldPassword), ("Password", NewPassword), ("Confirm", OldPassword));
        using var tooShort = await PostFormAsync(here.Client, "/umbraco/account", "/umbraco/account/password",
            ("Current", OldPassword), ("Password", "Ab1"), ("Confirm", "Ab1"));
        Assert.That(wrongCurrent.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(wrongCurrent), Does.Contain("Поточний пароль неправильний."));
        Assert.That(differ.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(differ), Does.Contain("Паролі не збігаються."));
        Assert.That(await BodyAsync(tooShort), Does.Contain("Пароль закороткий: потрібно щонайменше 10 символів."));

        using var changed = await PostFormAsync(here.Client, "/umbraco/account", "/umbraco/account/password",
            ("Current", OldPassword), ("Password", NewPassword), ("Confirm", NewPassword));
        Assert.That(changed.Headers.Location?.OriginalString, Is.EqualTo("/umbraco/account?saved=password"));
        Time.Advance(BackOfficeUsersSetup.SessionCheckInterval + TimeSpan.FromSeconds(5));

        Assert.That((await GetAsync(here.Client, "/umbraco/account?saved=password")).Html, Does.Contain("Пароль змінено."), "this session goes on");
        Assert.That((await elsewhere.Client.GetAsync("/umbraco")).Headers.Location?.AbsolutePath, Is.EqualTo("/umbraco/login"), "the other one has ended");
        using var browser = BackOfficeSession.Anonymous(Site);
        Assert.That((await BackOfficeSession.PostSignInAsync(browser, email, OldPassword)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await BackOfficeSession.PostSignInAsync(browser, email, NewPassword)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task ChoosingEnglish_SwitchesTheInterface_AndIsRememberedAtTheNextSignIn()
    {
        var email = NewAddress("editor");
        using var session = await BackOfficeSession.SignInAsync(Site, email, OldPassword, BackOfficeGroups.Editors);
        Assert.That((await GetAsync(session.Client, "/umbraco")).Html, Does.Contain("<h1>Огляд</h1>"));

        using var chosen = await PostFormAsync(session.Client, "/umbraco/account", "/umbraco/account/language", ("Culture", "en"));
        Assert.That(chosen.Headers.Location?.OriginalString, Is.EqualTo("/umbraco/account?saved=language"));
        var cookie = chosen.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mc_backoffice_lang=", StringComparison.Ordinal));
        Assert.That(cookie, Does.StartWith("mc_backoffice_lang=en;").And.Contain("path=/umbraco"));
        Assert.That((await GetAsync(session.Client, "/umbraco/account?saved=language")).Html, Does.Contain("The interface language is saved."));
        Assert.That((await GetAsync(session.Client, "/umbraco")).Html, Does.Contain("<h1>Dashboard</h1>"));
        Assert.That((await UserAsync(email)).UiCulture, Is.EqualTo("en"));

        using var elsewhere = BackOfficeSession.Anonymous(Site);
        elsewhere.DefaultRequestHeaders.AcceptLanguage.ParseAdd("uk");
        (await BackOfficeSession.PostSignInAsync(elsewhere, email, OldPassword)).Dispose();
        Assert.That((await GetAsync(elsewhere, "/umbraco")).Html, Does.Contain("<h1>Dashboard</h1>"), "the saved choice wins over the browser's language");

        using var unknown = await PostFormAsync(session.Client, "/umbraco/account", "/umbraco/account/language", ("Culture", "de"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(unknown), Does.Contain("Choose Ukrainian or English."));
    }

    [Test]
    public async Task TheAccountPage_IsReachedFromTheHeader()
    {
        using var session = await BackOfficeSession.SignInAsync(Site, NewAddress("writer"), OldPassword, BackOfficeGroups.Writers);

        var (_, dashboard) = await GetAsync(session.Client, "/umbraco");

        Assert.That(dashboard, Does.Contain("<a href=\"/umbraco/account\""));
    }
}
