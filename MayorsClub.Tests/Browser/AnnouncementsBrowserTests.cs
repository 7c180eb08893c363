using System.Text.RegularExpressions;
using MayorsClub.Core.Announcements;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MayorsClub.Tests.Browser;

/// <summary>
/// A visitor in Chromium subscribes in English from the footer's box (forms.js fetches its token), confirms from the
/// e-mail, receives the announcement an editor sends, and unsubscribes with the button its link leads to.
/// </summary>
public sealed partial class AnnouncementsBrowserTests : BrowserTestBase
{
    protected override IReadOnlyDictionary<string, string>? Settings => SmtpSink.Settings;

    [Test]
    public async Task AVisitor_SubscribesInEnglish_Confirms_GetsTheAnnouncement_AndUnsubscribes()
    {
        var email = $"browser-{Guid.NewGuid():N}@subscriber.test";
        var page = await NewPageAsync(locale: "en-GB");
        await page.GotoAsync("/en/");
        Assert.That(await SeriousAccessibilityViolationsAsync(page, "home with the subscribe box"), Is.Empty);

        await page.FillAsync("#subscribe-footer-email", email);
        await page.WaitForFunctionAsync("() => document.querySelector('.subscribe-box--footer input[name=_started]')?.value");
        Site.Clock.Advance(Duration.FromSeconds(5)); // a person takes a few seconds to type an address
        await page.ClickAsync(".subscribe-box--footer button[type=submit]");
        await page.WaitForURLAsync("**/en/announcements/subscribed");
        Assert.That(await page.InnerTextAsync("h1"), Is.EqualTo("Check your inbox"));

        var confirmation = await SmtpSink.WaitForMessageToAsync(email);
        await page.GotoAsync(Link().Match(confirmation.TextBody ?? "").Value);
        await page.ClickAsync("main button[type=submit]");
        Assert.That(await page.InnerTextAsync("h1"), Is.EqualTo("Subscription confirmed"));

        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<AnnouncementEditor>();
            var created = await editor.CreateAsync("en", "Open forum in Kyiv", "The club invites communities to an open forum.", "editor@test.local", CancellationToken.None);
            Assert.That((await editor.SendAsync(created.Key!.Value, "editor@test.local", CancellationToken.None)).Succeeded, Is.True);
        }

        var announcement = await WaitForSubjectAsync(email, "Open forum in Kyiv");
        var unsubscribe = announcement.Headers["List-Unsubscribe"]!.Trim('<', '>');
        await page.GotoAsync(unsubscribe);
        await page.ClickAsync("main button[type=submit]");
        Assert.That(await page.InnerTextAsync("h1"), Is.EqualTo("You have unsubscribed"));
    }

    private static async Task<MimeKit.MimeMessage> WaitForSubjectAsync(string email, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var folder = Path.Combine(Environment.GetEnvironmentVariable(SmtpSink.MaildirVariable)!, "new");
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.GetFiles(folder))
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (message.Subject == subject && message.To.Mailboxes.Any(m => m.Address == email))
                {
                    return message;
                }
            }

            await Task.Delay(200);
        }

        throw new AssertionException($"No \"{subject}\" reached {email}.");
    }

    [GeneratedRegex(@"https?://\S+/announcements/confirm\?token=[A-Za-z0-9_-]+")]
    private static partial Regex Link();
}
