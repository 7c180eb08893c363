using System.Net;
using System.Text.RegularExpressions;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Web.BackOffice;
using MayorsClub.Web.BackOffice.Users;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>The users section: invitations by e-mail, groups, disabling and enabling, and who may do it.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class BackOfficeUsersTests(DatabaseProvider provider) : BackOfficeUsersTestBase(provider)
{
    private const string Password = "Pa55word-for-tests";

    [Test]
    public async Task Administrator_InvitesAUser_WhoSetsTheirPasswordFromTheEmail_AndSignsInWithTheAssignedGroup()
    {
        using var admin = await SignInAdminAsync();
        var email = NewAddress("editor");

        using var invited = await PostFormAsync(admin.Client, "/umbraco/users/invite", "/umbraco/users/invite",
            ("Email", email), ("DisplayName", "Olena Editor"), ("UiCulture", "en"), ("Groups", BackOfficeGroups.Editors));
        Assert.That(invited.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await BodyAsync(invited));
        var (_, userPage) = await GetAsync(admin.Client, invited.Headers.Location!.OriginalString);
        Assert.That(userPage, Does.Contain($"Запрошення надіслано на {email}."), "the administrator reads in Ukrainian, their own language");

        // The e-mail is in the language chosen for the invited user, with a link to set a password.
        var message = (await MailToAsync(email)).Single();
        Assert.That(message.Subject, Is.EqualTo("Your invitation to the Mayors' Club back office"));
        Assert.That(message.TextBody, Does.Contain("Hello Olena Editor"));
        var link = LinkIn(message, "/umbraco/invitation");

        using var browser = BackOfficeSession.Anonymous(Site);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var (status, page) = await GetAsync(browser, link);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page, Does.Contain($"Set a password to sign in as {email}."));
        Assert.That(page, Does.Contain("at least 10 characters"), "the password rules are on the page");

        using var weak = await PostFormAsync(browser, link, link, LinkFields(link, "short", "short"));
        Assert.That(weak.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(weak), Does.Contain("The password is too short: it needs at least 10 characters."));

        using var set = await PostFormAsync(browser, link, link, LinkFields(link, Password, Password));
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await BodyAsync(set));
        var (_, signInPage) = await GetAsync(browser, set.Headers.Location!.OriginalString);
        Assert.That(signInPage, Does.Contain("Your password is saved. Sign in with it now."));

        var (again, used) = await GetAsync(browser, link);
        Assert.That(again, Is.EqualTo(HttpStatusCode.BadRequest), "an invitation link works once");
        Assert.That(used, Does.Contain("This link is not valid or has expired."));

        // The new editor signs in, in the language chosen for them, and belongs to Editors only.
        using var signIn = await BackOfficeSession.PostSignInAsync(browser, email, Password);
        Assert.That(signIn.Headers.Location?.OriginalString, Is.EqualTo("/umbraco"));
        var (dashboard, dashboardHtml) = await GetAsync(browser, "/umbraco");
        Assert.That(dashboard, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(dashboardHtml, Does.Contain("<h1>Dashboard</h1>"));
        Assert.That(dashboardHtml, Does.Not.Contain("href=\"/umbraco/users\""));
        Assert.That(await GroupsOfAsync(email), Is.EqualTo(new[] { BackOfficeGroups.Editors }));

        var (_, list) = await GetAsync(admin.Client, "/umbraco/users");
        var row = RowOf(list, email);
        Assert.That(row, Does.Contain("Редактори").And.Contain("активний").And.Not.Contain("ще не входив"));
    }

    [Test]
    public async Task Invitation_WithBadInput_IsRefusedWithAClearMessage_AndCreatesNobody()
    {
        using var admin = await SignInAdminAsync();
        var email = NewAddress("nobody");

        using var noGroup = await PostFormAsync(admin.Client, "/umbraco/users/invite", "/umbraco/users/invite", ("Email", email), ("UiCulture", "uk"));
        using var badEmail = await PostFormAsync(admin.Client, "/umbraco/users/invite", "/umbraco/users/invite",
            ("Email", "not an address"), ("Groups", BackOfficeGroups.Writers));
        using var unknownGroup = await PostFormAsync(admin.Client, "/umbraco/users/invite", "/umbraco/users/invite",
            ("Email", email), ("Groups", "Superusers"));
        using var taken = await PostFormAsync(admin.Client, "/umbraco/users/invite", "/umbraco/users/invite",
            ("Email", TestSite.AdminEmail.ToUpperInvariant()), ("Groups", BackOfficeGroups.Writers));

        Assert.That(noGroup.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(noGroup), Does.Contain("Оберіть хоча б одну групу.").And.Contain($"value=\"{email}\""), "what was typed stays in the form");
        Assert.That(badEmail.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(badEmail), Does.Contain("Вкажіть правильну адресу електронної пошти."));
        Assert.That(unknownGroup.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await BodyAsync(taken), Does.Contain("Користувач із цією адресою вже є."));
        await using var scope = Site.Services.CreateAsyncScope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>().Users.AnyAsync(u => u.Email == email), Is.False);
    }

    [Test]
    public async Task ResendingAnInvitation_SendsANewLink_AndTheOldOneStopsWorking()
    {
        using var admin = await SignInAdminAsync();
        var email = NewAddress("writer");
        using var invited = await PostFormAsync(admin.Client, "/umbraco/users/invite", "/umbraco/users/invite",
            ("Email", email), ("UiCulture", "uk"), ("Groups", BackOfficeGroups.Writers));
        var userPath = invited.Headers.Location!.OriginalString.Split('?')[0];
        var first = LinkIn((await MailToAsync(email)).Single(), "/umbraco/invitation");
        Assert.That((await MailToAsync(email)).Single().Subject, Is.EqualTo("Запрошення до адмінпанелі Клубу мерів"));

        using var resent = await PostFormAsync(admin.Client, userPath, userPath + "/resend-invitation");
        Assert.That(resent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var second = LinkIn((await MailToAsync(email, count: 2))[1], "/umbraco/invitation");

        using var browser = BackOfficeSession.Anonymous(Site);
        Assert.That((await GetAsync(browser, first)).Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await GetAsync(browser, second)).Status, Is.EqualTo(HttpStatusCode.OK));

        using var set = await PostFormAsync(browser, second, second, LinkFields(second, Password, Password));
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var tooLate = await PostFormAsync(admin.Client, userPath, userPath + "/resend-invitation");
        Assert.That(tooLate.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await BodyAsync(tooLate), Does.Contain("Цей користувач уже прийняв запрошення."));
    }

    [Test]
    public async Task AnEditor_IsDeniedEveryUsersSectionEndpoint_GetAndPost()
    {
        using var editor = await BackOfficeSession.SignInAsync(Site, NewAddress("editor"), Password, BackOfficeGroups.Editors);
        var admin = await UserAsync(TestSite.AdminEmail);
        var endpoints = Site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("umbraco/users", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Path: "/" + e.RoutePattern.RawText!.TrimStart('/').Replace("{id}", admin.Id, StringComparison.Ordinal))))
            .ToList();
        var token = await BackOfficeSession.AntiforgeryTokenAsync(editor.Client, "/umbraco");

        Assert.That(endpoints.Select(e => e.Method).Distinct(), Is.EquivalentTo(new[] { "GET", "POST" }));
        Assert.That(endpoints, Has.Count.GreaterThanOrEqualTo(8));
        foreach (var (method, path) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Email"] = NewAddress("sneaky"), ["Groups"] = BackOfficeGroups.Editors,
                });
            }

            using var response = await editor.Client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{method} {path}");
            Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo("/umbraco/denied"), $"{method} {path}");
        }

        var (status, denied) = await GetAsync(editor.Client, "/umbraco/denied");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(denied, Does.Contain("Доступ заборонено"));
        Assert.That((await GetAsync(editor.Client, "/umbraco")).Html, Does.Not.Contain("href=\"/umbraco/users\""), "no link to the users section");
        Assert.That((await UserAsync(TestSite.AdminEmail)).LockoutEnd, Is.Null, "nothing happened to the administrator");
        Assert.That(await GroupsOfAsync(TestSite.AdminEmail), Is.EqualTo(new[] { BackOfficeGroups.Administrators }));
    }

    [Test]
    public async Task DisablingAUser_EndsTheirOpenSession_AndTheyCannotSignIn_UntilEnabledAgain()
    {
        var email = NewAddress("writer");
        using var writer = await BackOfficeSession.SignInAsync(Site, email, Password, BackOfficeGroups.Writers);
        Assert.That((await GetAsync(writer.Client, "/umbraco")).Status, Is.EqualTo(HttpStatusCode.OK));
        using var admin = await SignInAdminAsync();
        var userPath = "/umbraco/users/" + (await UserAsync(email)).Id;

        using var disabled = await PostFormAsync(admin.Client, userPath, userPath + "/disable");
        Assert.That(disabled.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Time.Advance(BackOfficeUsersSetup.SessionCheckInterval + TimeSpan.FromSeconds(5));

        using var next = await writer.Client.GetAsync("/umbraco");
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "their open session has ended");
        Assert.That(next.Headers.Location!.AbsolutePath, Is.EqualTo("/umbraco/login"));

        using var again = BackOfficeSession.Anonymous(Site);
        using var refused = await BackOfficeSession.PostSignInAsync(again, email, Password);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(refused), Does.Contain("Цей обліковий запис вимкнено. Зверніться до адміністратора."));
        using var wrongPassword = await BackOfficeSession.PostSignInAsync(again, email, "not-the-password");
        Assert.That(await BodyAsync(wrongPassword), Does.Contain("Неправильна пошта або пароль."), "a wrong password learns nothing about the account");
        Assert.That(RowOf((await GetAsync(admin.Client, "/umbraco/users")).Html, email), Does.Contain("вимкнений"));

        using var enabled = await PostFormAsync(admin.Client, userPath, userPath + "/enable");
        Assert.That(enabled.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var back = await BackOfficeSession.PostSignInAsync(again, email, Password);
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "enabled again");
    }

    [Test]
    public async Task AnAdministrator_CannotDisableThemselves_NorLeaveAdministrators_SoTheLastAdministratorStays()
    {
        using var admin = await SignInAdminAsync();
        var self = "/umbraco/users/" + (await UserAsync(TestSite.AdminEmail)).Id;

        var (_, ownPage) = await GetAsync(admin.Client, self);
        using var disable = await PostFormAsync(admin.Client, self, self + "/disable");
        using var demote = await PostFormAsync(admin.Client, self, self + "/groups", ("Groups", BackOfficeGroups.Editors));

        Assert.That(ownPage, Does.Not.Contain("/disable\""), "no disable button on one's own page");
        Assert.That(disable.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(disable), Does.Contain("Ви не можете вимкнути власний обліковий запис."));
        Assert.That(demote.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(demote), Does.Contain("Ви не можете вийти з групи адміністраторів самі"));
        Assert.That((await UserAsync(TestSite.AdminEmail)).LockoutEnd, Is.Null);
        Assert.That(await GroupsOfAsync(TestSite.AdminEmail), Is.EqualTo(new[] { BackOfficeGroups.Administrators }));
    }

    [Test]
    public async Task NewGroups_ReachTheUsersOpenSession_WithoutSigningThemOut()
    {
        var email = NewAddress("writer");
        using var writer = await BackOfficeSession.SignInAsync(Site, email, Password, BackOfficeGroups.Writers);
        using var admin = await SignInAdminAsync();
        var userPath = "/umbraco/users/" + (await UserAsync(email)).Id;
        Assert.That((await writer.Client.GetAsync("/umbraco/users")).Headers.Location?.AbsolutePath, Is.EqualTo("/umbraco/denied"));

        using var promoted = await PostFormAsync(admin.Client, userPath, userPath + "/groups",
            ("Groups", BackOfficeGroups.Administrators), ("Groups", BackOfficeGroups.Editors));
        Assert.That(promoted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await GetAsync(admin.Client, promoted.Headers.Location!.OriginalString)).Html, Does.Contain("Групи збережено."));
        Time.Advance(BackOfficeUsersSetup.SessionCheckInterval + TimeSpan.FromSeconds(5));

        var (status, users) = await GetAsync(writer.Client, "/umbraco/users");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "the same session, now an administrator's");
        Assert.That(RowOf(users, email), Does.Contain("Адміністратори, Редактори"));

        // Two administrators now: one may take the other out of Administrators.
        using var demoted = await PostFormAsync(admin.Client, userPath, userPath + "/groups", ("Groups", BackOfficeGroups.Writers));
        Assert.That(demoted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await GroupsOfAsync(email), Is.EqualTo(new[] { BackOfficeGroups.Writers }));
    }

    [Test]
    public async Task EveryChange_IsInTheAuditLog_WithWhoDidItAndToWhom()
    {
        using var admin = await SignInAdminAsync();
        var email = NewAddress("audited");
        using var invited = await PostFormAsync(admin.Client, "/umbraco/users/invite", "/umbraco/users/invite",
            ("Email", email), ("Groups", BackOfficeGroups.Writers));
        var userPath = invited.Headers.Location!.OriginalString.Split('?')[0];
        (await PostFormAsync(admin.Client, userPath, userPath + "/groups", ("Groups", BackOfficeGroups.Editors))).Dispose();
        (await PostFormAsync(admin.Client, userPath, userPath + "/disable")).Dispose();
        (await PostFormAsync(admin.Client, userPath, userPath + "/enable")).Dispose();

        await using var scope = Site.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>().AuditEntries
            .Where(a => a.Details!.StartsWith(email)).OrderBy(a => a.Id).Select(a => new { a.User, a.Action, a.Details }).ToListAsync();

        Assert.That(entries.Select(e => e.Action), Is.EqualTo(new[] { "invite user", "change groups", "disable user", "enable user" }));
        Assert.That(entries.Select(e => e.User).Distinct(), Is.EqualTo(new[] { TestSite.AdminEmail }));
        Assert.That(entries[0].Details, Is.EqualTo($"{email}: Writers"));
        Assert.That(entries[1].Details, Is.EqualTo($"{email}: Editors"));
    }

    [Test]
    public async Task AnUnknownUser_IsANotFoundPage()
    {
        using var admin = await SignInAdminAsync();

        var (status, html) = await GetAsync(admin.Client, "/umbraco/users/no-such-user");
        using var post = await PostFormAsync(admin.Client, "/umbraco/users", "/umbraco/users/no-such-user/disable");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(html, Does.Contain("Такого користувача немає."));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    /// <summary>The users list's row for one user.</summary>
    private static string RowOf(string list, string email)
    {
        var match = Regex.Match(list, $"<tr data-user=\"{Regex.Escape(email)}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.That(match.Success, Is.True, $"{email} in the users list");
        return match.Groups[1].Value;
    }
}
