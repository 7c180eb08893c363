using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MayorsClub.Core.Applications;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Email;
using MayorsClub.Core.Persistence;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The public forms as visitors send them, with the site's default limits (10 forms per address in 10 minutes, 3 seconds'
/// minimum fill time: the test clock is moved on as a person would take time), against the real SMTP server, reached
/// through a relay the tests can cut to play a mail server that is down.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
public sealed partial class ApplicationFormsSiteTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private static readonly Guid MembershipPage = new("0cde2144-9e3e-5241-a6b7-aada7d2ef4d0");
    private static readonly Guid ContactsPage = new("3bad3b73-014d-57a3-92ec-ff67054fa25c");
    private static readonly DateTimeZone Kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];

    private readonly SmtpRelay _relay = SmtpRelay.To(SmtpSink.Address);
    private readonly string _committee = $"committee-{Guid.NewGuid():N}@club.test";
    private Guid _openEvent;
    private readonly List<Visitor> _visitors = [];
    private int _address;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>(SmtpSink.Settings)
    {
        ["MayorsClub:Smtp:Host"] = "127.0.0.1",
        ["MayorsClub:Smtp:Port"] = _relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [OneTimeSetUp]
    public async Task SetUpCommitteeAndEvent()
    {
        await WithServices(async s =>
        {
            await s.GetRequiredService<ApplicationSettings>().SaveAsync(new ApplicationSettingsValues([_committee], 24), TestSite.AdminEmail, default);
            return 0;
        });
        _openEvent = await EventAsync(Unique("Форум громад"), Unique("Communities forum"), deadlineInDays: 10, capacity: 0);
    }

    [OneTimeTearDown]
    public void StopRelayAndVisitors()
    {
        _relay.Dispose();
        _visitors.ForEach(v => v.Dispose());
    }

    [TestCase("membership", "uk")]
    [TestCase("membership", "en")]
    [TestCase("partnership", "uk")]
    [TestCase("partnership", "en")]
    [TestCase("event", "uk")]
    [TestCase("event", "en")]
    [TestCase("contact", "uk")]
    [TestCase("contact", "en")]
    public async Task EachForm_IsStored_AndTheCommitteeAndTheApplicantGetTheirEmails_InTheirLanguages(string form, string culture)
    {
        var visitor = NewVisitor();
        var email = $"applicant-{Guid.NewGuid():N}@hromada.test";

        using var answer = await visitor.SendAsync($"/{culture}/applications/{form}", Valid(form, email));

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        var stored = await StoredAsync(email);
        Assert.That(stored, Has.Count.EqualTo(1));
        var application = stored[0];
        Assert.That((application.Form, application.Culture, application.Status), Is.EqualTo((form, culture, "new")));
        Assert.That(application.Reference, Does.Match($"^MC-{Site.Clock.GetCurrentInstant().InZone(Kyiv).Year}-\\d{{4,}}$"));
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(application.DataJson)!;
        Assert.That(values["email"], Is.EqualTo(email));
        if (values.TryGetValue("phone", out var phone))
        {
            Assert.That(phone, Is.EqualTo("+380501234567"), "the phone is kept in E.164");
        }

        using var thanksAnswer = await visitor.GetAsync(answer.Headers.Location!.OriginalString);
        var thanks = await thanksAnswer.Content.ReadAsStringAsync();
        Assert.That(thanksAnswer.Headers.CacheControl?.NoStore, Is.True, "the confirmation is nobody else's");
        Assert.That(thanks, Does.Contain(application.Reference));
        Assert.That(thanks, Does.Contain($"<html lang=\"{culture}\""));

        var acknowledgement = await MessageAsync(email, application.Reference);
        Assert.That(acknowledgement.Subject, Does.Contain(culture == "uk" ? "отримано" : "received"));
        Assert.That(acknowledgement.TextBody, Does.Contain(application.Reference));
        Assert.That(acknowledgement.HtmlBody, Does.Contain($"lang=\"{culture}\"").And.Contain(application.Reference));

        var notification = await MessageAsync(_committee, application.Reference);
        Assert.That(notification.TextBody, Does.Contain("Надійшла нова"), "the committee reads Ukrainian whatever the applicant's language");
        Assert.That(notification.TextBody, Does.Contain($"Електронна пошта: {email}"));
        Assert.That(notification.TextBody, Does.Contain($"http://localhost/umbraco/applications/{application.Key}"));
        Assert.That(notification.ReplyTo.Mailboxes.Single().Address, Is.EqualTo(email));
        if (form == "membership")
        {
            Assert.That(notification.TextBody, Does.Contain("Посада: Чинний міський голова").And.Contain("Область: Київська область"));
        }

        if (form == "event")
        {
            Assert.That(application.EventKey, Is.EqualTo(_openEvent));
            Assert.That(application.Participants, Is.EqualTo(2));
            Assert.That(notification.TextBody, Does.Contain("Захід: Форум громад"));
        }
    }

    [Test]
    public async Task MailServerDown_TheApplicationIsStored_AndItsEmailsAreDeliveredOnce_WhenTheServerIsBack()
    {
        var email = $"patient-{Guid.NewGuid():N}@hromada.test";
        _relay.Down = true;
        try
        {
            using var answer = await NewVisitor().SendAsync("/uk/applications/contact", Valid("contact", email));
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            var application = (await StoredAsync(email)).Single();
            await Task.Delay(TimeSpan.FromSeconds(2)); // the dispatcher tries (and fails) meanwhile
            List<OutboxMessage> queued = [.. await OutboxAsync(email, application.Reference), .. await OutboxAsync(_committee, application.Reference)];
            Assert.That(queued, Has.Count.EqualTo(2));
            Assert.That(queued.All(m => m.SentUtc is null), Is.True, "nothing could be sent");
        }
        finally
        {
            _relay.Down = false;
        }

        Site.Clock.AdvanceMinutes(30); // past the pause after a failed attempt
        var reference = (await StoredAsync(email)).Single().Reference;
        await MessageAsync(email, reference);
        await MessageAsync(_committee, reference);
        await Task.Delay(TimeSpan.FromSeconds(3)); // time enough for a duplicate to arrive, if one were sent

        Assert.That(MessagesTo(email, reference), Has.Count.EqualTo(1));
        Assert.That(MessagesTo(_committee, reference), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task HoneypotFilled_IsAnsweredLikeASuccess_ButNothingIsStoredOrSent()
    {
        var email = $"bot-{Guid.NewGuid():N}@spam.test";
        var fields = Valid("membership", email);
        fields["website_url"] = "https://spam.test/";

        using var answer = await NewVisitor().SendAsync("/uk/applications/membership", fields);

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(answer.Headers.Location!.OriginalString, Does.StartWith("/uk/applications/thanks?r="));
        Assert.That(await StoredAsync(email), Is.Empty);
        Assert.That(await OutboxAsync(email), Is.Empty);
    }

    [Test]
    public async Task SentFasterThanAPersonCouldType_IsAnsweredLikeASuccess_ButNothingIsStoredOrSent()
    {
        var email = $"quick-{Guid.NewGuid():N}@spam.test";

        using var answer = await NewVisitor().SendAsync("/en/applications/contact", Valid("contact", email), fillSeconds: 1);

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(answer.Headers.Location!.OriginalString, Does.StartWith("/en/applications/thanks?r="));
        Assert.That(await StoredAsync(email), Is.Empty);
        Assert.That(await OutboxAsync(email), Is.Empty);
    }

    [Test]
    public async Task SentWithoutJavaScript_TheFormComesBackWithWhatWasTyped_ReadyToSend_AndNothingIsStored()
    {
        var visitor = NewVisitor();
        var email = $"nojs-{Guid.NewGuid():N}@hromada.test";
        var fields = Valid("membership", email);

        using var first = await visitor.SendAsync("/uk/applications/membership", fields, withToken: false);
        var page = await first.Content.ReadAsStringAsync();

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(WebUtility.HtmlDecode(page), Does.Contain("надішліть її ще раз"));
        Assert.That(page, Does.Contain($"value=\"{email}\"").And.Contain("Хочу ділитися досвідом"));
        Assert.That(page, Does.Contain("<option value=\"UA-32\" selected=\"selected\">"));
        Assert.That(await StoredAsync(email), Is.Empty);

        // The visitor sends the form as the page gives it, at once (it is filled in already): its token and start stamp are in it.
        var again = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(HiddenValue(page, "__RequestVerificationToken")),
            ["_started"] = WebUtility.HtmlDecode(HiddenValue(page, "_started")),
        };
        using var second = await visitor.PostAsync("/uk/applications/membership", again);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(await StoredAsync(email), Has.Count.EqualTo(1));
    }

    [TestCase("uk", "Заповніть це поле.", "Вкажіть адресу електронної пошти")]
    [TestCase("en", "Please fill in this field.", "Enter an e-mail address")]
    public async Task InvalidFields_Get400_WithTheMessagesBesideThem_InThePagesLanguage_AndNothingIsStored(string culture, string required, string badEmail)
    {
        var fields = Valid("membership", "not-an-address");
        fields["fullName"] = "  ";
        fields["community"] = "Громада, що лишиться в полі";

        using var answer = await NewVisitor().SendAsync($"/{culture}/applications/membership", fields);
        var page = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page, Does.Contain($"<p id=\"membership-fullName-error\" class=\"application-form__error\">{required}</p>"));
        Assert.That(page, Does.Contain("id=\"membership-email-error\"").And.Contain(badEmail));
        Assert.That(page, Does.Match("<input id=\"membership-email\"[^>]*aria-describedby=\"membership-email-error\" aria-invalid=\"true\""));
        Assert.That(page, Does.Contain("href=\"#membership-fullName\""), "the summary at the top links to the field");
        Assert.That(page, Does.Contain("value=\"Громада, що лишиться в полі\""), "what was typed stays");
        Assert.That(await StoredAsync("not-an-address"), Is.Empty);
    }

    [Test]
    public async Task TheEleventhFormFromOneAddress_Gets429_WithAFriendlyPageInItsLanguage()
    {
        var visitor = NewVisitor();
        for (var i = 0; i < 10; i++)
        {
            using var allowed = await visitor.PostAsync("/uk/applications/contact", new Dictionary<string, string> { ["name"] = "x" });
            Assert.That(allowed.StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests), $"form {i + 1}");
        }

        using var refused = await visitor.PostAsync("/uk/applications/contact", Valid("contact", $"late-{Guid.NewGuid():N}@hromada.test"));
        var page = await refused.Content.ReadAsStringAsync();

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(page, Does.Contain("<html lang=\"uk\"").And.Contain("Спробуйте знову за"));
        Assert.That(await NewVisitor().SendAsync("/uk/applications/contact", Valid("contact", $"other-{Guid.NewGuid():N}@hromada.test")),
            Has.Property(nameof(HttpResponseMessage.StatusCode)).EqualTo(HttpStatusCode.SeeOther), "another address is not held back");
    }

    [Test]
    public async Task RegistrationAfterTheDeadline_IsRefusedWithAMessage_AndTheEventPageSaysItIsClosed()
    {
        var item = await EventAsync(Unique("Зустріч мерів"), Unique("Mayors' meeting"), deadlineInDays: 1, capacity: 0);
        var url = UrlOf(item, "en");
        var open = await GetPageAsync(url);
        Assert.That(open.Html, Does.Contain("action=\"/en/applications/event\""), "open until the deadline");

        Site.Clock.AdvanceHours(36);
        var email = $"late-{Guid.NewGuid():N}@hromada.test";
        var fields = Valid("event", email);
        fields["eventKey"] = item.ToString();
        using var answer = await NewVisitor().SendAsync("/en/applications/event", fields);
        var closedPage = await GetPageAsync(url);

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await answer.Content.ReadAsStringAsync(), Does.Contain("Registration for this event is closed."));
        Assert.That(await StoredAsync(email), Is.Empty);
        Assert.That(closedPage.Html, Does.Contain("Registration for this event is closed.").And.Not.Contain("action=\"/en/applications/event\""));
    }

    [Test]
    public async Task TheTokenEndpoint_AnswersJson_ThatNoOneKeeps()
    {
        using var answer = await Client.GetAsync("/forms/token");
        var json = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(answer.Headers.CacheControl?.NoStore, Is.True);
        Assert.That((string?)json["token"], Is.Not.Empty);
        Assert.That((string?)json["started"], Is.Not.Empty);
    }

    [Test]
    public async Task PagesWithForms_AreServedFromThePageCache_AndCarryNoToken()
    {
        await EmptyPageCacheAsync();
        string[] urls = [UrlOf(MembershipPage, "uk"), UrlOf(ContactsPage, "en"), "/uk/", UrlOf(_openEvent, "uk")];
        string[] forms = ["membership", "contact", "contact", "event"];
        for (var i = 0; i < urls.Length; i++)
        {
            using var rendered = await Client.GetAsync(urls[i]);
            using var cached = await Client.GetAsync(urls[i]);
            var html = await cached.Content.ReadAsStringAsync();

            Assert.That(rendered.Headers.Age, Is.Null, urls[i]);
            Assert.That(cached.Headers.Age, Is.Not.Null, $"{urls[i]}: the second visit is a cache hit");
            Assert.That(html, Does.Contain($"action=\"/{urls[i][1..3]}/applications/{forms[i]}\"").And.Contain("data-fetch-token"), urls[i]);
            Assert.That(html, Does.Not.Contain("__RequestVerificationToken"), urls[i]);
            Assert.That(html, Does.Contain("name=\"website_url\" tabindex=\"-1\" autocomplete=\"off\""), urls[i]);
        }

        var membership = await Client.GetStringAsync(urls[0]);
        Assert.That(membership, Does.Contain("<input id=\"membership-email\" name=\"email\" value=\"\" type=\"email\" required=\"required\" maxlength=\"254\" autocomplete=\"email\""));
        Assert.That(membership, Does.Contain($"<a href=\"{PrivacyUrl("uk")}\">Політика конфіденційності</a>"), "the consent links to the privacy page");
        Assert.That(membership, Does.Contain("<option value=\"communityTeam\">Член команди громади</option>"));
    }

    [Test]
    public async Task MalformedPosts_GetALocalizedPage_NeverA5xx_AndStoreNothing()
    {
        var visitor = NewVisitor();
        var email = $"odd-{Guid.NewGuid():N}@hromada.test";
        var huge = Valid("contact", email);
        huge["message"] = new string('ж', 100_000);
        var unknownEvent = Valid("event", email);
        unknownEvent["eventKey"] = Guid.NewGuid().ToString();
        var notAKey = Valid("event", email);
        notAKey["eventKey"] = "not-a-key";

        var answers = new List<(string What, HttpResponseMessage Answer)>
        {
            ("unknown form", await visitor.SendAsync("/uk/applications/newsletter", Valid("contact", email))),
            ("a body far too big", await visitor.SendAsync("/en/applications/contact", huge)),
            ("an event that does not exist", await visitor.SendAsync("/uk/applications/event", unknownEvent)),
            ("an event key that is not one", await visitor.SendAsync("/en/applications/event", notAKey)),
            ("JSON instead of a form", await visitor.PostJsonAsync("/uk/applications/contact", "{\"name\":\"x\"}")),
        };

        foreach (var (what, answer) in answers)
        {
            using (answer)
            {
                var body = await answer.Content.ReadAsStringAsync();
                Assert.That((int)answer.StatusCode, Is.InRange(400, 499), what);
                Assert.That(body, Does.Match("<html lang=\"(uk|en)\""), what);
            }
        }

        Assert.That(await StoredAsync(email), Is.Empty);
    }

    [Test]
    public async Task TheFormsOwnAddress_ShowsTheFormReadyToSend_WithoutJavaScript()
    {
        var visitor = NewVisitor();
        using var page = await visitor.GetAsync("/en/applications/partnership");
        var html = await page.Content.ReadAsStringAsync();
        var email = $"direct-{Guid.NewGuid():N}@partner.test";
        var fields = new Dictionary<string, string>(Valid("partnership", email))
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(HiddenValue(html, "__RequestVerificationToken")),
            ["_started"] = WebUtility.HtmlDecode(HiddenValue(html, "_started")),
        };

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Headers.CacheControl?.NoStore, Is.True);
        Site.Clock.AdvanceSeconds(30);
        using var sent = await visitor.PostAsync("/en/applications/partnership", fields);
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(await StoredAsync(email), Has.Count.EqualTo(1));
    }

    [Test]
    public void EveryTextAroundTheForms_HasBothLanguages() =>
        Assert.That(Web.Applications.ApplicationPageText.Keys.Where(key => !Web.Applications.ApplicationPageText.HasBothLanguages(key)), Is.Empty);

    [Test]
    public async Task AThanksPageWithoutAValidReference_IsNotFound()
    {
        var (status, _) = await GetPageAsync("/uk/applications/thanks?r=MC-2026-0001");
        Assert.That(status, Is.EqualTo(404));
    }

    /// <summary>A visitor from an address of their own, so each test has the whole rate limit.</summary>
    private Visitor NewVisitor()
    {
        var visitor = new Visitor(Site, Client.BaseAddress!, IPAddress.Parse($"10.12.{++_address / 250}.{_address % 250 + 1}"));
        _visitors.Add(visitor);
        return visitor;
    }

    private string PrivacyUrl(string culture) =>
        Snapshot.All.Single(d => d.Cultures.Values.Any(c => c.UrlSegment == "privacy-policy")).Url(culture)!;

    /// <summary>Values a person would type into each form (the event registration names the fixture's open event).</summary>
    private Dictionary<string, string> Valid(string form, string email) => form switch
    {
        "membership" => new()
        {
            ["fullName"] = "Олена Петренко", ["position"] = "currentMayor", ["community"] = "Бучанська міська громада", ["region"] = "UA-32",
            ["email"] = email, ["phone"] = "050 123 45 67", ["website"] = "bucha-rada.gov.ua", ["motivation"] = "Хочу ділитися досвідом відбудови.",
            ["consent"] = "true",
        },
        "partnership" => new()
        {
            ["organisation"] = "Будінвест", ["kind"] = "investor", ["country"] = "Україна", ["contactPerson"] = "Andrii Koval", ["email"] = email,
            ["phone"] = "+380 50 123 45 67", ["offer"] = "Інвестиції в модульне житло.", ["consent"] = "true",
        },
        "event" => new()
        {
            ["organisation"] = "Ірпінська громада", ["contactPerson"] = "Ihor Melnyk", ["email"] = email, ["phone"] = "0501234567",
            ["participants"] = "2", ["consent"] = "true", ["eventKey"] = _openEvent.ToString(),
        },
        _ => new() { ["name"] = "Marta Shevchenko", ["email"] = email, ["message"] = "Чи можна долучитися до сесії онлайн?" },
    };

    private async Task<Guid> EventAsync(string ukTitle, string enTitle, int deadlineInDays, int capacity)
    {
        var now = Site.Clock.GetCurrentInstant().InZone(Kyiv).LocalDateTime;
        var values = new ContentValues();
        values.Invariant[Event.Start] = ZonedValue.Create(now.PlusDays(deadlineInDays + 7), Kyiv.Id);
        values.Invariant[Event.End] = ZonedValue.Create(now.PlusDays(deadlineInDays + 7).PlusHours(4), Kyiv.Id);
        values.Invariant[Event.EventType] = "forum";
        values.Invariant[Event.RegistrationOpen] = true;
        values.Invariant[Event.RegistrationDeadline] = ZonedValue.Create(now.PlusDays(deadlineInDays), Kyiv.Id);
        if (capacity > 0)
        {
            values.Invariant[Event.Capacity] = capacity;
        }

        values.Cultures["uk"] = new CultureVariant { Name = ukTitle, Values = { [Event.Summary] = "Зустріч громад." } };
        values.Cultures["en"] = new CultureVariant { Name = enTitle, Values = { [Event.Summary] = "A meeting of communities." } };
        var calendar = Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Key;
        var created = await CreateAsync(calendar, Event.Alias, values);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        Assert.That((await PublishAsync(created.Document!.Key, "uk", "en")).Succeeded, Is.True);
        return created.Document!.Key;
    }

    private Task<List<ApplicationEntity>> StoredAsync(string email) =>
        WithServices(s => s.GetRequiredService<MayorsClubDbContext>().Applications.AsNoTracking().Where(a => a.ApplicantEmail == email).ToListAsync());

    private Task<List<OutboxMessage>> OutboxAsync(string to, string? reference = null) =>
        WithServices(async s =>
            (await s.GetRequiredService<MayorsClubDbContext>().OutboxMessages.AsNoTracking().Where(m => m.ToAddress == to).ToListAsync())
                .Where(m => reference is null || m.Subject.Contains(reference, StringComparison.Ordinal))
                .ToList());

    /// <summary>Waits for the message to the address whose subject names the reference.</summary>
    private static async Task<MimeMessage> MessageAsync(string to, string reference)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (MessagesTo(to, reference) is [var message, ..])
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new AssertionException($"No e-mail about {reference} reached {to}.");
    }

    private static List<MimeMessage> MessagesTo(string to, string reference)
    {
        var folder = Path.Combine(Environment.GetEnvironmentVariable(SmtpSink.MaildirVariable)!, "new");
        return !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder)
                .Select(file => MimeMessage.Load(file))
                .Where(m => m.To.Mailboxes.Any(box => string.Equals(box.Address, to, StringComparison.OrdinalIgnoreCase))
                    && (m.Subject ?? "").Contains(reference, StringComparison.Ordinal))
                .ToList();
    }

    private static string HiddenValue(string html, string name) =>
        Regex.Match(html, $"<input type=\"hidden\" name=\"{name}\" value=\"([^\"]+)\"") is { Success: true } match
            ? match.Groups[1].Value
            : throw new AssertionException($"No hidden {name} in the page");

    /// <summary>A visitor at their own address, with their own cookies, who fills in forms as forms.js prepares them.</summary>
    private sealed class Visitor(TestSite site, Uri baseAddress, IPAddress address) : IDisposable
    {
        private readonly HttpClient _client = new(new CookieContainerHandler { InnerHandler = site.Server.CreateHandler(c => c.Connection.RemoteIpAddress = address) })
        {
            BaseAddress = baseAddress,
        };

        public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url);

        public void Dispose() => _client.Dispose();

        /// <summary>Asks for the token and start stamp (as forms.js does on first touch), takes its time, and sends.</summary>
        public async Task<HttpResponseMessage> SendAsync(string url, Dictionary<string, string> fields, bool withToken = true, int fillSeconds = 20)
        {
            var form = new Dictionary<string, string>(fields);
            if (withToken)
            {
                var json = JsonNode.Parse(await _client.GetStringAsync("/forms/token"))!;
                form["__RequestVerificationToken"] = (string)json["token"]!;
                form["_started"] = (string)json["started"]!;
            }

            site.Clock.AdvanceSeconds(fillSeconds);
            return await PostAsync(url, form);
        }

        public Task<HttpResponseMessage> PostJsonAsync(string url, string json) =>
            _client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        public Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> form) =>
            _client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>Passes SMTP connections on to the real server, or, while down, closes them at once as a dead server would.</summary>
    private sealed class SmtpRelay : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly (string Host, string Port) _target;
        private readonly CancellationTokenSource _stop = new();

        private SmtpRelay((string Host, string Port) target)
        {
            _target = target;
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public volatile bool Down;

        public static SmtpRelay To((string Host, string Port) target) => new(target);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                _ = Task.Run(() => RelayAsync(client));
            }
        }

        private async Task RelayAsync(TcpClient client)
        {
            using (client)
            {
                if (Down)
                {
                    return;
                }

                using var server = new TcpClient();
                await server.ConnectAsync(_target.Host, int.Parse(_target.Port, System.Globalization.CultureInfo.InvariantCulture));
                var a = client.GetStream();
                var b = server.GetStream();
                await Task.WhenAny(a.CopyToAsync(b), b.CopyToAsync(a));
            }
        }
    }
}
