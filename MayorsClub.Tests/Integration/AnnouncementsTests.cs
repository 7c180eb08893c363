using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MayorsClub.Core.Announcements;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Publishing;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Subscriptions with double opt-in and announcements by e-mail, against the real SMTP server: a visitor subscribes and
/// confirms, an editor previews, tests and sends, a subscriber leaves with one click; spam and repeats are refused.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class AnnouncementsTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string EditorPassword = "Editor-password-1";
    private const int SubscribesPerQuarterHour = 40;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>(SmtpSink.Settings)
    {
        ["MayorsClub:Announcements:SubscribePerAddressPerQuarterHour"] = SubscribesPerQuarterHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Test]
    public async Task VisitorSubscribesInEnglish_ConfirmsWithTheButton_AndSubscribingAgainAddsNoRow()
    {
        var email = Address("visitor");
        using var visitor = NewVisitor();

        using var subscribed = await SubscribeAsync(visitor, "en", email);
        Assert.That(subscribed.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(subscribed.Headers.Location!.OriginalString, Is.EqualTo("/en/announcements/subscribed"));
        Assert.That(await visitor.GetStringAsync("/en/announcements/subscribed"), Does.Contain("Check your inbox"));

        var message = await SmtpSink.WaitForMessageToAsync(email);
        Assert.That(message.Subject, Is.EqualTo("Confirm your subscription to the Mayors’ Club announcements"));
        var link = ConfirmLink().Match(message.TextBody ?? "").Value;
        Assert.That(link, Does.StartWith("http://localhost/en/announcements/confirm?token="));
        Assert.That(message.HtmlBody, Does.Contain($"href=\"{link}\""));

        // A mail scanner following the link confirms nothing: only the page's button does.
        var page = await visitor.GetStringAsync(PathOf(link));
        Assert.That(page, Does.Contain("Confirm the subscription").And.Contain(email));
        Assert.That((await SubscriberAsync(email, "en"))!.ConfirmedUtc, Is.Null);

        var token = new Uri(link).Query["?token=".Length..];
        using var confirm = await PostFormAsync(visitor, "/en/announcements/confirm", new()
        {
            ["token"] = token,
            ["__RequestVerificationToken"] = await Antiforgery.TokenAsync(visitor, PathOf(link)),
        });
        Assert.That(confirm.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await confirm.Content.ReadAsStringAsync(), Does.Contain("Subscription confirmed"));

        var row = (await SubscriberAsync(email, "en"))!;
        Assert.That(row.ConfirmedUtc, Is.Not.Null);
        Assert.That(row.Token, Is.Not.EqualTo(token).And.EqualTo(SubscriberTokens.HashOf(token)), "only the token's hash is stored");

        using var again = await SubscribeAsync(NewVisitor(), "en", email.ToUpperInvariant());
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), "the same answer as for a new address");
        var normalized = email.ToUpperInvariant();
        var rows = await WithDb(db => db.Subscribers.CountAsync(s => s.NormalizedEmail == normalized));
        var confirmations = await WithDb(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email && m.Subject.StartsWith("Confirm")));
        Assert.That((rows, confirmations), Is.EqualTo((1, 1)), "no second row, no second confirmation");
        Assert.That((await SubscriberAsync(email, "en"))!.ConfirmedUtc, Is.EqualTo(row.ConfirmedUtc));
    }

    [Test]
    public async Task TheSubscribeBox_IsInTheFooterAndOnTheCalendar_AndLeavesThePagesCacheable()
    {
        var calendar = UrlOf(Snapshot.OfType(Core.Content.DocumentTypes.EventsCalendar.Alias, "en").Single().Key, "en");
        using var home = await Client.GetAsync("/en/");
        using var events = await Client.GetAsync(calendar);
        var homeHtml = await home.Content.ReadAsStringAsync();
        var eventsHtml = await events.Content.ReadAsStringAsync();

        Assert.That(homeHtml, Does.Contain("<form class=\"subscribe-box__form\" method=\"post\" action=\"/en/announcements/subscribe\" data-fetch-token>"));
        Assert.That(homeHtml, Does.Contain("name=\"website_url\"").And.Not.Contain("__RequestVerificationToken"));
        Assert.That(eventsHtml, Does.Contain("subscribe-box--calendar").And.Contain("subscribe-box--footer"));
        foreach (var page in new[] { home, events })
        {
            Assert.That(page.Headers.CacheControl?.Public, Is.True, "a page with the box stays in the page cache");
            Assert.That(page.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], Has.None.Contains("Antiforgery"), "no antiforgery cookie");
        }
    }

    [Test]
    public async Task EditorRemovesASubscriberOnRequest_TheRowIsGone_AndTheAuditLogKeepsNoAddress()
    {
        var email = Address("forget-me");
        await AddSubscriberAsync(email, "uk", confirmed: true);
        var id = (await SubscriberAsync(email, "uk"))!.Id;
        using var editor = await BackOfficeSession.SignInAsync(Site, Address("privacy"), EditorPassword, BackOfficeGroups.Editors);
        Assert.That(await editor.Client.GetStringAsync("/umbraco/announcements/subscribers?q=forget-me"), Does.Contain(email));

        using var removed = await PostBackOfficeAsync(editor, $"/umbraco/announcements/subscribers/{id}/remove", []);
        using var again = await PostBackOfficeAsync(editor, $"/umbraco/announcements/subscribers/{id}/remove", []);

        Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await SubscriberAsync(email, "uk"), Is.Null);
        var audit = await WithDb(db => db.AuditEntries.Where(a => a.Action == AnnouncementEditor.RemoveSubscriberAuditAction).Select(a => a.Details).ToListAsync());
        Assert.That(audit, Does.Contain($"subscriber #{id}"));
        Assert.That(audit, Has.None.Contains(email));
    }

    [Test]
    public async Task WithoutJavaScript_TheFormComesBackWithATokenAndWhatWasTyped_AndNothingIsStored()
    {
        var email = Address("nojs");
        var visitor = NewVisitor();

        using var response = await PostFormAsync(visitor, "/uk/announcements/subscribe", new() { ["Email"] = email, ["website_url"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("Перевірте адресу й надішліть ще раз.").And.Contain($"value=\"{email}\""));
        Assert.That(html, Does.Match("name=\"__RequestVerificationToken\" value=\"[^\"]+\"").And.Match("name=\"_started\" value=\"[^\"]+\""));
        Assert.That(await SubscriberAsync(email, "uk"), Is.Null);

        // Sent again at once as the page gives it (the address is typed already): a person's click, not a bot's speed.
        string Hidden(string name) => System.Net.WebUtility.HtmlDecode(
            System.Text.RegularExpressions.Regex.Match(html, $"name=\"{name}\" value=\"([^\"]+)\"").Groups[1].Value);
        using var again = await PostFormAsync(visitor, "/uk/announcements/subscribe", new()
        {
            ["Email"] = email, ["website_url"] = "", ["_started"] = Hidden("_started"), ["__RequestVerificationToken"] = Hidden("__RequestVerificationToken"),
        });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(await SubscriberAsync(email, "uk"), Is.Not.Null);
    }

    [Test]
    public async Task HoneypotFilled_OrSentTooFast_IsAnsweredAsAPersonWouldBe_AndNothingIsStoredOrSent()
    {
        var bot = Address("bot");
        var hasty = Address("hasty");

        using var filled = await SubscribeAsync(NewVisitor(), "en", bot, honeypot: "https://spam.example");
        using var fast = await SubscribeAsync(NewVisitor(), "en", hasty, waitSeconds: 0);

        Assert.That(filled.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(fast.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(await SubscriberAsync(bot, "en"), Is.Null);
        Assert.That(await SubscriberAsync(hasty, "en"), Is.Null);
        Assert.That(await WithDb(db => db.OutboxMessages.CountAsync(m => m.ToAddress == bot || m.ToAddress == hasty)), Is.Zero);
    }

    [Test]
    public async Task AnAddressThatIsNotOne_GetsTheMessageInThePagesLanguage()
    {
        using var response = await SubscribeAsync(NewVisitor(), "uk", "not-an-address");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Вкажіть адресу електронної пошти"));
    }

    [Test]
    public async Task EditorComposesPreviewsAndTests_ThenSends_ToConfirmedSubscribersOfThatLanguageOnly_WithOneClickUnsubscribe()
    {
        var editorEmail = Address("editor");
        var confirmed = new[] { Address("reader-a"), Address("reader-b") };
        var pending = Address("pending");
        var ukrainian = Address("chytach");
        var left = Address("left");
        foreach (var address in confirmed)
        {
            await AddSubscriberAsync(address, "en", confirmed: true);
        }

        await AddSubscriberAsync(pending, "en", confirmed: false);
        await AddSubscriberAsync(ukrainian, "uk", confirmed: true);
        await AddSubscriberAsync(left, "en", confirmed: true, unsubscribed: true);
        using var editor = await BackOfficeSession.SignInAsync(Site, editorEmail, EditorPassword, BackOfficeGroups.Editors);
        var subject = Unique("Open forum of mayors");

        using var composed = await PostBackOfficeAsync(editor, "/umbraco/announcements/compose", new()
        {
            ["Culture"] = "en", ["Subject"] = subject, ["Text"] = "The club invites you to an open forum.\n\nRegister on the event's page <soon>: https://mayorsclub.test/en/forum.",
        });
        Assert.That(composed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var page = composed.Headers.Location!.OriginalString.Split('?')[0];

        var details = await editor.Client.GetStringAsync(page);
        Assert.That(details, Does.Contain("sandbox=\"\"").And.Contain("srcdoc="), "the HTML preview is framed and can run nothing");
        Assert.That(details, Does.Contain("The club invites you to an open forum.").And.Contain("&amp;lt;soon&amp;gt;"), "the editor's text, escaped twice inside srcdoc");

        using var test = await PostBackOfficeAsync(editor, page + "/test", []);
        Assert.That(test.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var testMessage = await SmtpSink.WaitForMessageToAsync(editorEmail);
        Assert.That(testMessage.Subject, Is.EqualTo("[TEST] " + subject));
        Assert.That(await WithDb(db => db.OutboxMessages.CountAsync(m => m.Subject.EndsWith(subject))), Is.EqualTo(1), "the test went only to the editor");

        using var sent = await PostBackOfficeAsync(editor, page + "/send", []);
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await editor.Client.GetStringAsync(sent.Headers.Location!.OriginalString), Does.Contain("queued for 2 subscribers").Or.Contain("для 2 підписників"));
        var recipients = await WithDb(db => db.OutboxMessages.Where(m => m.Subject == subject).Select(m => m.ToAddress).ToListAsync());
        Assert.That(recipients, Is.EquivalentTo(confirmed), "neither the pending, the Ukrainian nor the unsubscribed reader");

        var announcement = await SmtpSink.WaitForMessageToAsync(confirmed[0]);
        Assert.That(announcement.Subject, Is.EqualTo(subject));
        var unsubscribeHeader = announcement.Headers["List-Unsubscribe"] ?? "";
        Assert.That(unsubscribeHeader, Does.Match("^<http://localhost/announcements/unsubscribe\\?token=[A-Za-z0-9_%-]+>$"));
        Assert.That(announcement.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
        var unsubscribeUrl = unsubscribeHeader.Trim('<', '>');
        Assert.That(announcement.TextBody, Does.Contain(unsubscribeUrl));
        Assert.That(announcement.HtmlBody, Does.Contain($"href=\"{unsubscribeUrl}\"").And.Contain("href=\"https://mayorsclub.test/en/forum\""));

        using var again = await PostBackOfficeAsync(editor, page + "/send", []);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await WithDb(db => db.OutboxMessages.CountAsync(m => m.Subject == subject)), Is.EqualTo(2), "not sent twice");
        Assert.That(await WithDb(db => db.AuditEntries.CountAsync(a => a.Action == AnnouncementEditor.SendAuditAction && a.Details!.StartsWith(subject))), Is.EqualTo(1));

        // The mail provider's one-click POST: no cookie, no antiforgery token, only the body RFC 8058 prescribes.
        using var mailProvider = Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var withoutBody = await mailProvider.PostAsync(PathOf(unsubscribeUrl), new FormUrlEncodedContent([]));
        Assert.That(withoutBody.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await SubscriberAsync(confirmed[0], "en"))!.UnsubscribedUtc, Is.Null);
        foreach (var attempt in new[] { 1, 2 })
        {
            using var oneClick = await mailProvider.PostAsync(PathOf(unsubscribeUrl),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
            Assert.That(oneClick.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"attempt {attempt}");
            Assert.That(await oneClick.Content.ReadAsStringAsync(), Does.Contain("You have unsubscribed"));
        }

        Assert.That((await SubscriberAsync(confirmed[0], "en"))!.UnsubscribedUtc, Is.Not.Null);
        Assert.That((await SubscriberAsync(confirmed[1], "en"))!.UnsubscribedUtc, Is.Null);
    }

    [Test]
    public async Task FillFromUpcomingEvents_DraftsTheirNamesAndAddresses_InTheChosenLanguage()
    {
        var upcoming = Snapshot.For(Viewer.Anonymous).UpcomingEvents("en", Site.Clock.GetCurrentInstant())[0];
        using var editor = await BackOfficeSession.SignInAsync(Site, Address("filler"), EditorPassword, BackOfficeGroups.Editors);

        var page = WebUtility.HtmlDecode(await editor.Client.GetStringAsync("/umbraco/announcements/compose?fill=events&culture=en"));

        Assert.That(page, Does.Contain("Upcoming events of the Mayors’ Club"));
        Assert.That(page, Does.Contain(upcoming.Name("en")!).And.Contain("http://localhost" + upcoming.Url("en")));
    }

    [Test]
    public async Task TwoEditorsSendingTheSameAnnouncementAtOnce_SendItOnce()
    {
        var reader = Address("once");
        await AddSubscriberAsync(reader, "uk", confirmed: true);
        var subject = Unique("Анонс форуму");
        var key = await WithServices(async s =>
            (await s.GetRequiredService<AnnouncementEditor>().CreateAsync("uk", subject, "Запрошуємо на форум.", Editor, CancellationToken.None)).Key!.Value);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => WithServices(s =>
            s.GetRequiredService<AnnouncementEditor>().SendAsync(key, Editor, CancellationToken.None)))));

        Assert.That(results.Count(r => r.Succeeded), Is.EqualTo(1), string.Join(", ", results.Select(r => r.Status)));
        Assert.That(results.Single(r => !r.Succeeded).Status, Is.EqualTo(AnnouncementStatus.AlreadySent));
        Assert.That(await WithDb(db => db.OutboxMessages.CountAsync(m => m.Subject == subject && m.ToAddress == reader)), Is.EqualTo(1));
    }

    [Test]
    public async Task WritersAndTheCommittee_AreRefusedTheAnnouncements()
    {
        using var writer = await BackOfficeSession.SignInAsync(Site, Address("writer"), EditorPassword, BackOfficeGroups.Writers);
        using var committee = await BackOfficeSession.SignInAsync(Site, Address("committee"), EditorPassword, BackOfficeGroups.Committee);

        foreach (var session in new[] { writer, committee })
        {
            using var list = await session.Client.GetAsync("/umbraco/announcements");
            using var subscribers = await session.Client.GetAsync("/umbraco/announcements/subscribers");
            Assert.That(list.Headers.Location?.AbsolutePath, Is.EqualTo("/umbraco/denied"));
            Assert.That(subscribers.Headers.Location?.AbsolutePath, Is.EqualTo("/umbraco/denied"));
        }
    }

    [Test]
    public async Task ManySubscribesFromOneAddress_GetAFriendly429()
    {
        // From an address of its own, so the other tests' subscribes neither count nor get refused.
        var client = System.Net.IPAddress.Parse("203.0.113.77");
        HttpContext? last = null;
        for (var i = 0; i <= SubscribesPerQuarterHour && last?.Response.StatusCode != StatusCodes.Status429TooManyRequests; i++)
        {
            var body = System.Text.Encoding.UTF8.GetBytes($"Email={Uri.EscapeDataString(Address("many"))}");
            last = await Site.Server.SendAsync(context =>
            {
                context.Request.Method = HttpMethods.Post;
                context.Request.Path = "/en/announcements/subscribe";
                context.Request.ContentType = "application/x-www-form-urlencoded";
                context.Request.Body = new MemoryStream(body);
                context.Connection.RemoteIpAddress = client;
            });
        }

        Assert.That(last!.Response.StatusCode, Is.EqualTo(StatusCodes.Status429TooManyRequests));
        Assert.That(last.Response.Headers.RetryAfter.ToString(), Is.Not.Empty);
        using var reader = new StreamReader(last.Response.Body);
        Assert.That(await reader.ReadToEndAsync(), Does.Contain("Too many attempts to subscribe"));
    }

    private static string Address(string name) => $"{name}-{Guid.NewGuid():N}@subscriber.test";

    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    private HttpClient NewVisitor() => Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>As the box does it with forms.js: the token and start time from /forms/token, then the POST a few seconds later.</summary>
    private async Task<HttpResponseMessage> SubscribeAsync(HttpClient visitor, string culture, string email, string honeypot = "", int waitSeconds = 5)
    {
        using var json = JsonDocument.Parse(await visitor.GetStringAsync("/forms/token"));
        Site.Clock.Advance(Duration.FromSeconds(waitSeconds));
        return await PostFormAsync(visitor, $"/{culture}/announcements/subscribe", new()
        {
            ["Email"] = email,
            ["website_url"] = honeypot,
            ["_started"] = json.RootElement.GetProperty("started").GetString()!,
            ["__RequestVerificationToken"] = json.RootElement.GetProperty("token").GetString()!,
        });
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields));

    private static async Task<HttpResponseMessage> PostBackOfficeAsync(BackOfficeSession session, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await BackOfficeSession.AntiforgeryTokenAsync(session.Client, "/umbraco/announcements");
        return await session.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private Task<T> WithDb<T>(Func<MayorsClubDbContext, Task<T>> work) => WithServices(s => work(s.GetRequiredService<MayorsClubDbContext>()));

    private Task<SubscriberEntity?> SubscriberAsync(string email, string culture)
    {
        var normalized = email.ToUpperInvariant();
        return WithDb(db => db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.NormalizedEmail == normalized && s.Culture == culture));
    }

    private Task<int> AddSubscriberAsync(string email, string culture, bool confirmed, bool unsubscribed = false) =>
        WithDb(async db =>
        {
            var now = DateTime.UtcNow;
            db.Subscribers.Add(new SubscriberEntity
            {
                Email = email, NormalizedEmail = email.ToUpperInvariant(), Culture = culture, Token = SubscriberTokens.New().Hash, CreatedUtc = now,
                ConfirmedUtc = confirmed ? now : null, UnsubscribedUtc = unsubscribed ? now : null,
            });
            return await db.SaveChangesAsync();
        });

    [GeneratedRegex(@"https?://\S+/announcements/confirm\?token=[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
