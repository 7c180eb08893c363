using System.Net;
using System.Text.RegularExpressions;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>"Forgot password?": a reset link by e-mail, the same answer for unknown addresses, a limit on requests, one use per link.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class BackOfficeUsersPasswordResetTests(DatabaseProvider provider) : BackOfficeUsersTestBase(provider)
{
    private const string OldPassword = "Old-password-123";
    private const string NewPassword = "New-password-456";

    [Test]
    public async Task ForgotPassword_EmailsAResetLink_ThatSetsANewPassword_ForSigningIn()
    {
        var email = NewAddress("editor");
        (await BackOfficeSession.SignInAsync(Site, email, OldPassword, BackOfficeGroups.Editors)).Dispose();
        var unknown = NewAddress("stranger");
        using var browser = English(BackOfficeSession.Anonymous(Site));

        var (_, signInPage) = await GetAsync(browser, "/umbraco/login");
        Assert.That(signInPage, Does.Contain("href=\"/umbraco/forgot-password\">Forgot your password?</a>"));
        using var forUnknown = await PostFormAsync(browser, "/umbraco/forgot-password", "/umbraco/forgot-password", ("Email", unknown));
        using var forKnown = await PostFormAsync(browser, "/umbraco/forgot-password", "/umbraco/forgot-password", ("Email", email));

        Assert.That(forKnown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(forUnknown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var answer = WithoutTokens(await BodyAsync(forKnown));
        Assert.That(answer, Does.Contain("If this address belongs to a user, an e-mail with a link is on its way."));
        Assert.That(WithoutTokens(await BodyAsync(forUnknown)), Is.EqualTo(answer), "the same answer, so the form tells nobody who has an account");

        var message = (await MailToAsync(email)).Single();
        Assert.That(message.Subject, Is.EqualTo("Новий пароль до адмінпанелі Клубу мерів"), "in the user's own language");
        var link = LinkIn(message, "/umbraco/reset-password");
        Assert.That(await ReceivedAsync(unknown), Is.Empty, "the unknown address was asked for first, so its mail would have gone first");
        Assert.That(await OutboxCountToAsync(unknown), Is.Zero);

        var (status, resetPage) = await GetAsync(browser, link);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(resetPage, Does.Contain("Set a new password"));

        using var differ = await PostFormAsync(browser, link, link, LinkFields(link, NewPassword, NewPassword + "!"));
        using var noDigit = await PostFormAsync(browser, link, link, LinkFields(link, "No-digits-here", "No-digits-here"));
        Assert.That(differ.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(differ), Does.Contain("The passwords do not match."));
        Assert.That(noDigit.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(noDigit), Does.Contain("Add a digit to the password."));

        using var reset = await PostFormAsync(browser, link, link, LinkFields(link, NewPassword, NewPassword));
        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(reset.Headers.Location!.OriginalString, Is.EqualTo("/umbraco/login?done=password"));
        Assert.That((await GetAsync(browser, "/umbraco/login?done=password")).Html, Does.Contain("Your password is saved. Sign in with it now."));

        using var old = await BackOfficeSession.PostSignInAsync(browser, email, OldPassword);
        Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the old password no longer works");
        using var signedIn = await BackOfficeSession.PostSignInAsync(browser, email, NewPassword);
        Assert.That(signedIn.Headers.Location?.OriginalString, Is.EqualTo("/umbraco"));
        Assert.That((await GetAsync(browser, "/umbraco")).Status, Is.EqualTo(HttpStatusCode.OK));

        using var reused = await PostFormAsync(browser, "/umbraco/login", link, LinkFields(link, "Another-password-789", "Another-password-789"));
        Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a reset link works once");
        Assert.That(await AuditActionsForAsync(email), Does.Contain("reset password"));
    }

    [Test]
    public async Task ForgotPassword_IsLimitedPerClientAddress()
    {
        using var browser = English(BackOfficeSession.Anonymous(Site));
        browser.DefaultRequestHeaders.Add(ClientAddressHeader, "192.0.2.44");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await PostFormAsync(browser, "/umbraco/forgot-password", "/umbraco/forgot-password", ("Email", NewAddress("guess")));
            statuses.Add(response.StatusCode);
            if (i == 5)
            {
                Assert.That(await BodyAsync(response), Does.Contain("Too many requests. Try again in a few minutes."));
            }
        }

        Assert.That(statuses.Take(5), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(statuses[5], Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task AskingAgainAndAgain_SendsOneEmailInTwoMinutes()
    {
        var email = NewAddress("writer");
        (await BackOfficeSession.SignInAsync(Site, email, OldPassword, BackOfficeGroups.Writers)).Dispose();
        using var browser = BackOfficeSession.Anonymous(Site);

        (await PostFormAsync(browser, "/umbraco/forgot-password", "/umbraco/forgot-password", ("Email", email))).Dispose();
        (await PostFormAsync(browser, "/umbraco/forgot-password", "/umbraco/forgot-password", ("Email", email))).Dispose();
        await MailToAsync(email);

        Assert.That(await OutboxCountToAsync(email), Is.EqualTo(1));
        Site.Clock.AdvanceMinutes(3);
        (await PostFormAsync(browser, "/umbraco/forgot-password", "/umbraco/forgot-password", ("Email", email))).Dispose();
        Assert.That(await OutboxCountToAsync(email), Is.EqualTo(2));
    }

    [Test]
    public async Task AResetLink_ThatWasTamperedWith_OrWhoseUserIsDisabled_DoesNotWork()
    {
        var email = NewAddress("editor");
        (await BackOfficeSession.SignInAsync(Site, email, OldPassword, BackOfficeGroups.Editors)).Dispose();
        using var browser = English(BackOfficeSession.Anonymous(Site));
        (await PostFormAsync(browser, "/umbraco/forgot-password", "/umbraco/forgot-password", ("Email", email))).Dispose();
        var link = LinkIn((await MailToAsync(email)).Single(), "/umbraco/reset-password");

        var tampered = Regex.Replace(link, "token=([A-Za-z0-9_-])", m => "token=" + (m.Groups[1].Value == "A" ? "B" : "A"));
        var (status, page) = await GetAsync(browser, tampered);
        var (garbage, _) = await GetAsync(browser, "/umbraco/reset-password?user=x&token=%%%");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page, Does.Contain("This link is not valid or has expired. Ask for a new one."));
        Assert.That(garbage, Is.EqualTo(HttpStatusCode.BadRequest));

        using var admin = await SignInAdminAsync();
        var userPath = "/umbraco/users/" + (await UserAsync(email)).Id;
        (await PostFormAsync(admin.Client, userPath, userPath + "/disable")).Dispose();
        using var afterDisable = await PostFormAsync(browser, "/umbraco/login", link, LinkFields(link, NewPassword, NewPassword));
        Assert.That(afterDisable.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a disabled user cannot get back in through a reset link");
    }

    private static HttpClient English(HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    /// <summary>A page without its antiforgery tokens (which differ on every response).</summary>
    private static string WithoutTokens(string html) =>
        Regex.Replace(html, "(request-verification-token\" content=\"|__RequestVerificationToken\" type=\"hidden\" value=\"| nonce=\")[^\"]+", "$1");

    private async Task<int> OutboxCountToAsync(string address)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>().OutboxMessages.CountAsync(m => m.ToAddress == address);
    }

    private async Task<List<string>> AuditActionsForAsync(string email)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>().AuditEntries
            .Where(a => a.User == email).Select(a => a.Action).ToListAsync();
    }
}
