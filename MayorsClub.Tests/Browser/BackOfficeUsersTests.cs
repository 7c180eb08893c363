using System.Text.RegularExpressions;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;

namespace MayorsClub.Tests.Browser;

/// <summary>An administrator invites a writer in a real browser; the writer opens the e-mailed link, sets a password and signs in.</summary>
public sealed partial class BackOfficeUsersTests : BrowserTestBase
{
    protected override IReadOnlyDictionary<string, string>? Settings => SmtpSink.Settings;

    [Test]
    public async Task Administrator_InvitesAWriter_WhoSetsAPasswordFromTheEmail_AndSeesTheDashboardWithoutUsers()
    {
        var writer = $"writer-{Guid.NewGuid().ToString("N")[..8]}@hromada.test";
        const string password = "Writer-password-2026";

        // The administrator signs in; their interface is in Ukrainian until they choose English on their account page.
        var admin = await NewPageAsync(locale: "en-GB");
        await admin.GotoAsync("/umbraco");
        await admin.GetByLabel("E-mail").FillAsync(TestSite.AdminEmail);
        await admin.GetByLabel("Password").FillAsync(TestSite.AdminPassword);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Огляд");
        await admin.GetByRole(AriaRole.Link, new() { Name = TestSite.AdminEmail }).ClickAsync();
        await admin.GetByLabel("English").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Зберегти мову" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("The interface language is saved.");

        // …and invites a writer.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Invite a user" }).ClickAsync();
        await admin.GetByLabel("E-mail", new() { Exact = true }).FillAsync(writer);
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Taras Writer");
        await admin.GetByLabel("Language of the interface and e-mails").SelectOptionAsync("en");
        Assert.That(await admin.GetByLabel("Writers").IsCheckedAsync(), Is.True, "Writers is the group a new user starts in");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync($"The invitation has been sent to {writer}.");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Taras Writer");

        // The writer opens the link from the e-mail in their own browser.
        var message = await SmtpSink.WaitForMessageToAsync(writer);
        var link = InvitationLink(message);
        Assert.That(link, Does.StartWith(BaseUrl + "/umbraco/invitation?"));
        var browser = await NewPageAsync(locale: "en-GB");
        await browser.GotoAsync(link);
        await Assertions.Expect(browser.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome to the back office");
        await browser.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
        await browser.GetByLabel("Repeat the new password").FillAsync(password);
        await browser.GetByRole(AriaRole.Button, new() { Name = "Save the password" }).ClickAsync();

        await Assertions.Expect(browser.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password is saved. Sign in with it now.");
        await browser.GetByLabel("E-mail").FillAsync(writer);
        await browser.GetByLabel("Password").FillAsync(password);
        await browser.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(browser.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dashboard");
        Assert.That(new Uri(browser.Url).AbsolutePath, Is.EqualTo("/umbraco"));
        var navigation = browser.GetByRole(AriaRole.Navigation);
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToBeVisibleAsync();
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true })).ToHaveCountAsync(0);

        // And the administrator sees them as an active writer.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Back to users" }).ClickAsync();
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = writer });
        await Assertions.Expect(row).ToContainTextAsync("Writers");
        await Assertions.Expect(row).ToContainTextAsync("active");
    }

    [Test]
    public async Task UsersAccountAndAuditPages_HaveNoSeriousAccessibilityViolations()
    {
        var page = await NewPageAsync(width: 768, height: 1024);
        var problems = new List<string>();
        await page.GotoAsync("/umbraco/login");
        problems.AddRange(await SeriousAccessibilityViolationsAsync(page, "/umbraco/login"));
        await page.GetByLabel("Електронна пошта").FillAsync(TestSite.AdminEmail);
        await page.GetByLabel("Пароль").FillAsync(TestSite.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Увійти" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        foreach (var url in new[] { "/umbraco/users", "/umbraco/users/invite", "/umbraco/account", "/umbraco/account/two-factor", "/umbraco/audit" })
        {
            await page.GotoAsync(url);
            problems.AddRange(await SeriousAccessibilityViolationsAsync(page, url));
        }

        await page.GotoAsync("/umbraco/users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Administrator" }).ClickAsync();
        problems.AddRange(await SeriousAccessibilityViolationsAsync(page, "a user's page"));

        Assert.That(problems, Is.Empty);
    }

    private static string InvitationLink(MimeMessage message)
    {
        var match = LinkPattern().Match(message.TextBody ?? "");
        Assert.That(match.Success, Is.True, message.TextBody);
        return match.Value;
    }

    [GeneratedRegex(@"https?://\S+/umbraco/invitation\?\S+")]
    private static partial Regex LinkPattern();
}
