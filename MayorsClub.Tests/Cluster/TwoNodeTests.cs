using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MayorsClub.Tests.Infrastructure;
using MimeKit;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Cluster;

/// <summary>
/// Two nodes of the site on one PostgreSQL behind nginx, as the club would run it scaled out: what one node commits the
/// other shows within a second; sign-ins and form tokens are good on either node; once-per-cluster jobs run once; a node
/// that was down or lost its notifications catches up; a database outage costs writes, not pages. One fixture for the
/// class (starting it is the expensive part); each test leaves both nodes and the database serving, so the order does not matter.
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed partial class TwoNodeTests
{
    private TwoNodes _nodes = null!;
    private Guid _newsIndex;

    [OneTimeSetUp]
    public async Task StartNodes()
    {
        _nodes = await TwoNodes.StartAsync();
        using var delivery = _nodes.NewClient();
        var found = await JsonAsync(delivery, $"{_nodes.A.Url}/umbraco/delivery/api/v2/content?filter=contentType:newsIndex&take=1");
        _newsIndex = found["items"]![0]!["id"]!.GetValue<Guid>();
    }

    [OneTimeTearDown]
    public async Task StopNodes() => await _nodes.DisposeAsync();

    [Test]
    public async Task APublishOnNodeA_IsVisibleOnNodeB_InItsPages_DeliveryApiAndSearch_WithinASecond()
    {
        var word = UniqueWord();
        using var editor = await EditorAsync(_nodes.A);
        var id = await CreateArticleAsync(editor, $"Новина {word}", $"News {word}");

        var url = await PublishAsync(editor, id);
        var published = Stopwatch.StartNew();

        using var reader = _nodes.NewClient();
        var page = await UntilAsync(() => ContainsAsync(reader, $"{_nodes.B.Url}{url}", word), TimeSpan.FromSeconds(5));
        var delivery = await UntilAsync(() => OkAsync(reader, $"{_nodes.B.Url}/umbraco/delivery/api/v2/content/item/{id}"), TimeSpan.FromSeconds(5));
        var search = await UntilAsync(() => ContainsAsync(reader, $"{_nodes.B.Url}/uk/search?q={word}", url), TimeSpan.FromSeconds(5));
        var all = published.Elapsed;

        Assert.Multiple(() =>
        {
            Assert.That(page, Is.LessThan(TimeSpan.FromSeconds(1)), "the article's page on B");
            Assert.That(delivery, Is.LessThan(TimeSpan.FromSeconds(1)), "the Delivery API on B");
            Assert.That(search, Is.LessThan(TimeSpan.FromSeconds(1)), "search on B");
            Assert.That(all, Is.LessThan(TimeSpan.FromSeconds(1.5)), "all three, read one after the other");
        });
        TestContext.Out.WriteLine($"visible on B after: page {page.TotalMilliseconds:F0} ms, Delivery API {delivery.TotalMilliseconds:F0} ms, search {search.TotalMilliseconds:F0} ms");

        // And through the load balancer, whichever node answers.
        for (var i = 0; i < 4; i++)
        {
            Assert.That(await ContainsAsync(reader, $"{_nodes.Balancer.Url}{url}", word), Is.True, "through nginx");
        }
    }

    [Test]
    public async Task AMemberInvitedThroughA_SetsTheirPasswordOnBWithAsToken_SignsInOnA_AndIsSignedInOnB_WithOneEmailSent()
    {
        var email = $"mayor-{Guid.NewGuid():N}"[..20] + "@hromada.test";
        using var editor = await EditorAsync(_nodes.A);
        var created = await PostJsonAsync(editor, "member", new
        {
            name = "Оксана Мельник", email, position = "Міська голова", community = "Вишгородська громада", region = "UA-32",
            preferredCulture = "uk", groups = new[] { "Mayors" },
        });
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created), created.Body?.ToJsonString());

        // The invitation: both nodes run an outbox dispatcher every second, yet it must go out once.
        var message = await SmtpSink.WaitForMessageToAsync(email);
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.That(MessagesTo(email), Has.Count.EqualTo(1), "one e-mail, though two nodes send the outbox");

        var link = SetPasswordLink().Match(message.HtmlBody ?? message.TextBody ?? "");
        Assert.That(link.Success, Is.True, "the e-mail has a set-password link");
        var pathAndQuery = WebUtility.HtmlDecode(link.Groups[1].Value);
        using var person = _nodes.NewClient();
        using var form = await person.GetAsync($"{_nodes.A.Url}{pathAndQuery}");
        var html = await form.Content.ReadAsStringAsync();
        Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        const string password = "Nodes-member-password-1";
        using var set = await person.PostAsync($"{_nodes.B.Url}/uk/members/set-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Member"] = Hidden(html, "Member"),
            ["Code"] = Hidden(html, "Code"),
            ["Password"] = password,
            ["Confirm"] = password,
            ["__RequestVerificationToken"] = Hidden(html, "__RequestVerificationToken"),
        }));
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "B accepts the form with A's antiforgery token");

        var token = await Antiforgery.TokenAsync(person, $"{_nodes.A.Url}/uk/members/sign-in");
        using var signIn = await person.PostAsync($"{_nodes.A.Url}/uk/members/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in on A");

        using var profile = await person.GetAsync($"{_nodes.B.Url}/uk/members/profile");
        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.OK), "B knows the member A signed in");
        Assert.That(await profile.Content.ReadAsStringAsync(), Does.Contain(email));
    }

    [Test]
    public async Task AScheduledPublish_HappensOnce_ThoughBothNodesCheckTheSchedule()
    {
        var word = UniqueWord();
        using var editor = await EditorAsync(_nodes.B);
        var id = await CreateArticleAsync(editor, $"Заплановано {word}", null);
        var at = DateTime.UtcNow.AddSeconds(3);
        var scheduled = await PutJsonAsync(editor, $"document/{id}/schedule",
            new { schedules = new[] { new { culture = "uk", publishAt = at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture) } } });
        Assert.That(scheduled.Status, Is.EqualTo(HttpStatusCode.OK), scheduled.Body?.ToJsonString());

        using var reader = _nodes.NewClient();
        await UntilAsync(() => OkAsync(reader, $"{_nodes.A.Url}/umbraco/delivery/api/v2/content/item/{id}"), TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(3)); // both schedulers tick again

        var publishes = await _nodes.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM \"PublishedChanges\" WHERE \"DocumentKeys\" LIKE '%{id:D}%'");
        Assert.That(publishes, Is.EqualTo(1), "one publish in the change feed");
    }

    [Test]
    public async Task ANodeKilledWhileTheOtherPublishes_CatchesUpWhenItStartsAgain()
    {
        await _nodes.B.KillAsync();
        var word = UniqueWord();
        using var editor = await EditorAsync(_nodes.A);
        var id = await CreateArticleAsync(editor, $"Поки B лежав {word}", null);
        var url = await PublishAsync(editor, id);

        using var reader = _nodes.NewClient();
        Assert.That(await ContainsAsync(reader, $"{_nodes.Balancer.Url}{url}", word), Is.True, "nginx sends readers to A meanwhile");

        _nodes.B.Start();
        await _nodes.B.WaitUntilReadyAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(await ContainsAsync(reader, $"{_nodes.B.Url}{url}", word), Is.True, "B's page");
            Assert.That(await OkAsync(reader, $"{_nodes.B.Url}/umbraco/delivery/api/v2/content/item/{id}"), Is.True, "B's Delivery API");
        });
        // B's search index lives on B's own disk: it catches up with what was published while B was down.
        await UntilAsync(() => ContainsAsync(reader, $"{_nodes.B.Url}/uk/search?q={word}", url), TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task ANodeThatLosesItsListeningConnection_CatchesUpFromTheFeed()
    {
        var dropped = await _nodes.Database.ScalarAsync<long>(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'mayorsclub-listener'");
        Assert.That(dropped, Is.EqualTo(2), "each node listens on a connection of its own");

        var word = UniqueWord();
        using var editor = await EditorAsync(_nodes.A);
        var id = await CreateArticleAsync(editor, $"Без сповіщення {word}", null);
        var url = await PublishAsync(editor, id);

        using var reader = _nodes.NewClient();
        // The feed is polled every 30 s here: only the reconnection's catch-up can explain seeing it sooner.
        await UntilAsync(() => ContainsAsync(reader, $"{_nodes.B.Url}{url}", word), TimeSpan.FromSeconds(15));
        await UntilAsync(async () => await _nodes.Database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'mayorsclub-listener'") == 2, TimeSpan.FromSeconds(15));
    }

    [Test]
    public async Task WhileTheDatabaseIsDown_PagesAreServed_WritesAnswer503InTheUsersLanguage_AndEverythingResumes()
    {
        var word = UniqueWord();
        using var editor = await EditorAsync(_nodes.A);
        var id = await CreateArticleAsync(editor, $"Перед збоєм {word}", $"Before the outage {word}");
        var url = await PublishAsync(editor, id);
        using var reader = _nodes.NewClient();
        await UntilAsync(() => ContainsAsync(reader, $"{_nodes.B.Url}{url}", word), TimeSpan.FromSeconds(5));

        await _nodes.Database.StopAsync();
        var outage = Stopwatch.StartNew();
        try
        {
            while (outage.Elapsed < TimeSpan.FromSeconds(10))
            {
                foreach (var node in new[] { _nodes.A, _nodes.B })
                {
                    Assert.That(await ContainsAsync(reader, $"{node.Url}{url}", word), Is.True, $"node {node.Name} serves the article from its snapshot");
                    Assert.That(await StatusAsync(reader, $"{node.Url}/en/"), Is.EqualTo(HttpStatusCode.OK), $"node {node.Name} serves the English home page");
                }

                foreach (var (culture, language) in new[] { ("uk", "Ukrainian"), ("en", "English") })
                {
                    using var visitor = _nodes.NewClient(culture);
                    using var sent = await SendContactFormAsync(visitor, _nodes.Balancer.Url, culture, $"outage-{culture}-{Guid.NewGuid():N}@hromada.test");
                    var text = await sent.Content.ReadAsStringAsync();
                    Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), text);
                    Assert.That(sent.Headers.RetryAfter, Is.Not.Null, "says when to try again");
                    Assert.That(text, Does.Contain(culture == "uk" ? "база даних тимчасово недоступна" : "database is temporarily unavailable"),
                        $"the message in {language}");
                }

                await Task.Delay(500);
            }
        }
        finally
        {
            await _nodes.Database.StartAsync();
        }

        // Writes work again through either node, and nothing published before is lost.
        var email = $"after-{Guid.NewGuid():N}@hromada.test";
        await UntilAsync(async () =>
        {
            using var visitor = _nodes.NewClient();
            using var sent = await SendContactFormAsync(visitor, _nodes.Balancer.Url, "uk", email);
            return sent.StatusCode == HttpStatusCode.SeeOther;
        }, TimeSpan.FromSeconds(20));
        Assert.That(await _nodes.Database.ScalarAsync<long>($"SELECT count(*) FROM \"Applications\" WHERE \"ApplicantEmail\" = '{email}'"), Is.EqualTo(1));
        using var editorAgain = await EditorAsync(_nodes.B);
        var afterWord = UniqueWord();
        var after = await CreateArticleAsync(editorAgain, $"Після збою {afterWord}", null);
        var afterUrl = await PublishAsync(editorAgain, after);
        await UntilAsync(() => ContainsAsync(reader, $"{_nodes.A.Url}{afterUrl}", afterWord), TimeSpan.FromSeconds(5));
        Assert.That(await ContainsAsync(reader, $"{_nodes.A.Url}{url}", word), Is.True);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private async Task<HttpClient> EditorAsync(SiteNode node)
    {
        var client = _nodes.NewClient("en");
        client.BaseAddress = new Uri(node.Url);
        using var response = await client.PostAsync(TokenPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = TwoNodes.EditorsId, ["client_secret"] = TwoNodes.EditorsSecret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(body)!["access_token"]!.GetValue<string>());
        return client;
    }

    private async Task<Guid> CreateArticleAsync(HttpClient editor, string ukTitle, string? enTitle)
    {
        var created = await PostJsonAsync(editor, "document", NewsArticle(_newsIndex, ukTitle, enTitle));
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created), created.Body?.ToJsonString());
        return created.Body!["id"]!.GetValue<Guid>();
    }

    /// <summary>Publishes in Ukrainian (and English when it has a name) and returns the Ukrainian page's address.</summary>
    private static async Task<string> PublishAsync(HttpClient editor, Guid id)
    {
        var published = await PutJsonAsync(editor, $"document/{id}/publish", new { cultures = new[] { "uk" } });
        Assert.That(published.Status, Is.EqualTo(HttpStatusCode.OK), published.Body?.ToJsonString());
        return Variant(published.Body!, "uk")["url"]!.GetValue<string>();
    }

    private static async Task<HttpResponseMessage> SendContactFormAsync(HttpClient visitor, string site, string culture, string email)
    {
        var token = JsonNode.Parse(await visitor.GetStringAsync($"{site}/forms/token"))!;
        var fields = Applications.Contact("Петро Іваненко", email, "Питання про членство в клубі.");
        fields["__RequestVerificationToken"] = (string)token["token"]!;
        fields["_started"] = (string)token["started"]!;
        return await visitor.PostAsync($"{site}/{culture}/applications/contact", new FormUrlEncodedContent(fields));
    }

    private static async Task<JsonNode> JsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    private static async Task<bool> ContainsAsync(HttpClient client, string url, string text)
    {
        using var response = await client.GetAsync(url);
        return response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal);
    }

    private static async Task<bool> OkAsync(HttpClient client, string url) => await StatusAsync(client, url) == HttpStatusCode.OK;

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return response.StatusCode;
    }

    /// <summary>Asks until the condition holds; returns how long that took, or fails the test after the timeout.</summary>
    private static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new AssertionException($"Not so within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(20);
        }

        return clock.Elapsed;
    }

    private static List<MimeMessage> MessagesTo(string address)
    {
        var folder = Path.Combine(Environment.GetEnvironmentVariable(SmtpSink.MaildirVariable)!, "new");
        return Directory.GetFiles(folder).Select(file => MimeMessage.Load(file))
            .Where(m => m.To.Mailboxes.Any(box => string.Equals(box.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>A word no other document has (Latin letters only, so both languages' analysers keep it whole).</summary>
    private static string UniqueWord() => "zq" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26))));

    private static string Hidden(string html, string name) =>
        Regex.Match(html, $"<input[^>]*\\bname=\"{Regex.Escape(name)}\"[^>]*\\bvalue=\"([^\"]*)\"") is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new AssertionException($"No field {name} in the page");

    [GeneratedRegex("https?://[^/\\s\"]+(/uk/members/set-password\\?[^\\s\"<]+)")]
    private static partial Regex SetPasswordLink();
}
