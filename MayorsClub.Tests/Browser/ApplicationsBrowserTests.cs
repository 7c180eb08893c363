using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MayorsClub.Tests.Browser;

/// <summary>
/// The issue's scenarios in Chromium, with e-mails read from the real SMTP sink: a mayor who meets a members-only session
/// applies for membership in Ukrainian, makes a mistake, corrects it and gets a reference; a committee member approves
/// the application in the back office; the set-password link from the e-mail works, and the new member signs in and
/// watches the session.
/// </summary>
public sealed partial class ApplicationsBrowserTests : EditorBrowserTestBase
{
    private const string Editor = "editor@test.local";
    private string _sessionUrl = "";

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>(SmtpSink.Settings)
    {
        // A person takes longer than the 3 s minimum to fill in the form; Playwright does not (the spam rule has its own tests).
        ["MayorsClub:Applications:MinimumFillSeconds"] = "0",
    };

    [OneTimeSetUp]
    public async Task PublishAMembersOnlySession()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var video = await MemberBrowsing.UploadSessionVideoAsync(services, Editor);
        var values = new ContentValues();
        values.Invariant[ExpertSession.Date] = new JsonObject { ["local"] = "2026-10-14T15:00", ["zone"] = "Europe/Kyiv" };
        values.Invariant[ExpertSession.Video] = new JsonArray(video.ToString());
        values.Cultures["uk"] = new CultureVariant
        {
            Name = "Енергонезалежність громади взимку",
            Values = { [ExpertSession.Summary] = "Як громади готуються до відключень.", [ExpertSession.Description] = "<p>Генератори, котельні, укриття.</p>" },
        };
        var sessions = services.GetRequiredService<PublishedSnapshotService>().Current.OfType(ExpertSessionIndex.Alias, "uk").Single().Key;
        var created = await services.GetRequiredService<DocumentEditor>().CreateAsync(new DocumentEditor.CreateCommand(sessions, ExpertSession.Alias, values, Editor));
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        var published = await services.GetRequiredService<DocumentPublisher>().PublishAsync(new DocumentPublisher.PublishCommand(created.Document!.Key, ["uk"], Editor));
        Assert.That(published.Succeeded, Is.True, string.Join("; ", published.Errors));
        _sessionUrl = services.GetRequiredService<PublishedSnapshotService>().Current.Get(created.Document.Key)!.Url("uk")!;
    }

    [Test]
    public async Task AMayorApplies_MakesAMistake_CorrectsIt_IsApprovedByTheCommittee_SetsAPassword_AndWatchesTheSession()
    {
        var email = MemberSession.NewEmail("mayor");
        var visitor = await NewPageAsync();
        visitor.SetDefaultTimeout(15_000);

        var reference = await AppliesFromTheSessionAsync(visitor, email);
        var acknowledgement = await SmtpSink.WaitForMessageToAsync(email);
        Assert.That(acknowledgement.Subject, Does.Contain(reference));

        await TheCommitteeApprovesAsync(reference);

        var invitation = await SmtpSink.WaitForMessageToAsync(email, m => m.TextBody?.Contains("/members/set-password", StringComparison.Ordinal) == true);
        var link = SetPasswordLink().Match(invitation.TextBody!).Value;
        await visitor.GotoAsync(BaseUrl + new Uri(link).PathAndQuery);
        await visitor.FillAsync("#Password", "Mayor-password-2026");
        await visitor.FillAsync("#Confirm", "Mayor-password-2026");
        await visitor.ClickAsync("form.members-form button[type=submit]");
        await visitor.WaitForURLAsync(new Regex("/uk/members/sign-in\\?done=password"));

        await visitor.GotoAsync(BaseUrl + _sessionUrl);
        await visitor.ClickAsync(".members-only__actions a.button--gold");
        await MemberBrowsing.SignInWithPasswordAsync(visitor, email, "Mayor-password-2026");
        await visitor.WaitForURLAsync(BaseUrl + _sessionUrl);
        Assert.That(await visitor.InnerTextAsync(".member-header__name"), Is.EqualTo("Олена Гармаш"));
        await MemberBrowsing.WatchesTheVideoAsync(visitor);
    }

    /// <summary>From the session's members box to the membership form; a wrong phone number comes back with its message and everything typed; corrected, the confirmation names the reference.</summary>
    private async Task<string> AppliesFromTheSessionAsync(IPage page, string email)
    {
        await page.GotoAsync(BaseUrl + _sessionUrl);
        Assert.That(await page.Locator("video").CountAsync(), Is.Zero);
        await page.ClickAsync(".members-only__actions a:text('Подати заявку на членство')");
        var form = page.Locator("form[action='/uk/applications/membership']");
        await form.WaitForAsync();

        await page.FillAsync("#membership-fullName", "Олена Гармаш");
        await page.SelectOptionAsync("#membership-position", "currentMayor");
        await page.FillAsync("#membership-community", "Бучанська міська територіальна громада");
        await page.SelectOptionAsync("#membership-region", "UA-32");
        await page.FillAsync("#membership-email", email);
        await page.FillAsync("#membership-phone", "12345");
        await page.FillAsync("#membership-motivation", "Хочемо вчитися в інших громад відбудови шкіл і укриттів.");
        await page.CheckAsync("#membership-consent");
        await form.Locator("button[type=submit]").ClickAsync();

        var error = page.Locator("#membership-phone-error");
        await error.WaitForAsync();
        Assert.That(await error.InnerTextAsync(), Does.Contain("номер"), "the message beside the phone, in Ukrainian");
        Assert.That(await page.GetAttributeAsync("#membership-phone", "aria-invalid"), Is.EqualTo("true"));
        Assert.That(await page.InputValueAsync("#membership-fullName"), Is.EqualTo("Олена Гармаш"), "what was typed is kept");
        Assert.That(await page.InputValueAsync("#membership-region"), Is.EqualTo("UA-32"));
        Assert.That(await page.IsCheckedAsync("#membership-consent"), Is.True);

        await page.FillAsync("#membership-phone", "+380 44 123 45 67");
        await page.Locator("form[action='/uk/applications/membership'] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/uk/applications/thanks\\?r="));
        var confirmation = await page.InnerTextAsync(".application-thanks__reference");
        var reference = Reference().Match(confirmation).Value;
        Assert.That(reference, Does.Match($"^MC-{DateTime.UtcNow.Year}-\\d{{4,}}$"), confirmation);
        return reference;
    }

    /// <summary>A committee member finds the application by its reference in the back office and approves it.</summary>
    private async Task TheCommitteeApprovesAsync(string reference)
    {
        var committee = await SignedInPageAsync("committee@test.local", BackOfficeGroups.Committee);
        await committee.ClickAsync(".bo-sections a[href='/umbraco/applications']");
        await committee.ClickAsync($"tr[data-application='{reference}'] a");
        Assert.That(await committee.InnerTextAsync("main"), Does.Contain("Олена Гармаш").And.Contain("Бучанська міська територіальна громада"));
        await committee.FillAsync("#decision-message", "Раді вітати вас у Клубі!");
        await committee.ClickAsync("[data-decision-form] button[value=approve]");
        await committee.Locator("[data-member-link]").WaitForAsync();
    }

    [GeneratedRegex(@"https?://\S+/members/set-password\?\S+")]
    private static partial Regex SetPasswordLink();

    [GeneratedRegex(@"MC-\d{4}-\d{4,}")]
    private static partial Regex Reference();
}
