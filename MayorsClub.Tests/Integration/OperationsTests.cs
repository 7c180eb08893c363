using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MayorsClub.Core.Changes;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Operations on one node: liveness (/healthz) as before, readiness (/healthz/ready) with its detail for administrators
/// and the operations access rule only, /metrics for Prometheus behind the same rule (404 to anyone else), and the
/// compact-JSON log files whose request events carry the request's trace id and the node's name.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class OperationsTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Token = "operations-token-for-the-tests-0123456789";
    private const string AllowedAddress = "192.0.2.17";
    private const string OtherAddress = "198.51.100.17";
    private const string Node = "test-node-1";
    private const string EditorEmail = "operations-editor@test.local";
    private const string EditorPassword = "Editor-password-1";

    private readonly string _logs = Directory.CreateTempSubdirectory("mayorsclub-logs-").FullName;
    private string _administratorCookie = null!;
    private string _editorCookie = null!;
    private MemberSession _member = null!;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["MayorsClub:Operations:Token"] = Token,
        ["MayorsClub:Operations:AllowedNetworks"] = "192.0.2.0/24",
        ["MayorsClub:Operations:SampleSeconds"] = "0.5",
        ["MayorsClub:Operations:FeedLagSeconds"] = "3",
        ["MayorsClub:NodeName"] = Node,
        ["MayorsClub:Logging:Path"] = _logs,
    };

    [OneTimeSetUp]
    public async Task SignInOnce()
    {
        _administratorCookie = await BackOfficeCookieAsync(TestSite.AdminEmail, TestSite.AdminPassword);
        using (await BackOfficeSession.SignInAsync(Site, EditorEmail, EditorPassword, BackOfficeGroups.Editors))
        {
        }

        _editorCookie = await BackOfficeCookieAsync(EditorEmail, EditorPassword);
        _member = await MemberSession.SignInNewAsync(Site);
        await WaitUntilReadyAsync();
    }

    [OneTimeTearDown]
    public void Forget()
    {
        _member.Dispose();
        try
        {
            Directory.Delete(_logs, recursive: true);
        }
        catch (IOException)
        {
            // the site may still hold its log file open
        }
    }

    [Test]
    public async Task Liveness_SaysReady_AsBefore()
    {
        using var response = await Client.GetAsync("/healthz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("ready"));
    }

    [Test]
    public async Task Readiness_ForThePublic_IsOneWord()
    {
        using var response = await Client.GetAsync("/healthz/ready");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("ready"));
    }

    // The authorization rows for /healthz/ready's detail and /metrics: who sees them (everyone else gets the one word, and 404).
    [TestCase("anonymous", false)]
    [TestCase("the operations token", true)]
    [TestCase("a wrong token", false)]
    [TestCase("an allowed network", true)]
    [TestCase("another network", false)]
    [TestCase("a back-office Administrator", true)]
    [TestCase("a back-office Editor", false)]
    [TestCase("a signed-in member", false)]
    public async Task ReadinessDetailAndMetrics_AreForAdministratorsAndTheOperationsRuleOnly(string who, bool allowed)
    {
        using var ownClient = who == "a signed-in member" ? null : ClientOf(who);
        var client = ownClient ?? _member.Client;

        using var ready = await client.GetAsync("/healthz/ready");
        var body = await ready.Content.ReadAsStringAsync();
        using var metrics = await client.GetAsync("/metrics");

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        if (allowed)
        {
            Assert.That(ready.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            var detail = JsonNode.Parse(body)!;
            Assert.That(detail["status"]!.GetValue<string>(), Is.EqualTo("ready"));
            Assert.That(detail["node"]!.GetValue<string>(), Is.EqualTo(Node));
            var checks = detail["checks"]!.AsObject();
            Assert.That(checks.Select(c => c.Key), Is.EquivalentTo(new[] { "database", "snapshot", "feed", "search", "shutdown" }));
            foreach (var (name, check) in checks)
            {
                Assert.That(check!["status"]!.GetValue<string>(), Is.EqualTo("healthy"), name);
                Assert.That(check["durationMs"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0), name);
                Assert.That(check["description"]?.GetValue<string>(), Is.Not.Empty, name);
            }

            Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(metrics.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(await metrics.Content.ReadAsStringAsync(), Does.Contain("# TYPE "));
        }
        else
        {
            Assert.That(body, Is.EqualTo("ready"));
            Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await metrics.Content.ReadAsStringAsync(), Does.Not.Contain("# TYPE"));
        }
    }

    [Test]
    public async Task Readiness_IsUnhealthy_WhileThisNodeDoesNotApplyTheFeed_AndReadyOnceItCatchesUp()
    {
        using var operations = ClientOf("the operations token");
        var worker = Site.Services.GetRequiredService<ChangeFeedWorker>();
        JsonNode behind;
        await worker.StopAsync(CancellationToken.None);
        try
        {
            await CreateAndPublishAsync(NewsIndexKey, NewsArticle.Alias, Article(Unique("Новина, якої вузол ще не бачив"), Unique("A story this node missed")));
            behind = await ReadinessWhenAsync(operations, detail => detail["status"]!.GetValue<string>() != "ready");
        }
        finally
        {
            await worker.StartAsync(CancellationToken.None);
        }

        var caughtUp = await ReadinessWhenAsync(operations, detail => detail["status"]!.GetValue<string>() == "ready");

        Assert.That(behind["status"]!.GetValue<string>(), Is.EqualTo("unhealthy"));
        Assert.That(behind["checks"]!["feed"]!["status"]!.GetValue<string>(), Is.EqualTo("unhealthy"));
        Assert.That(behind["checks"]!["feed"]!["data"]!["lag"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(1));
        Assert.That(caughtUp["checks"]!["feed"]!["status"]!.GetValue<string>(), Is.EqualTo("healthy"));
    }

    /// <summary>A browser sends the back-office cookie only under /umbraco: there an Administrator finds the same two.</summary>
    [Test]
    public async Task InTheBackOffice_AnAdministratorSeesReadinessAndMetrics_AnEditorDoesNot()
    {
        using var administrator = ClientOf("a back-office Administrator");
        using var editor = ClientOf("a back-office Editor");

        using var detail = await administrator.GetAsync("/umbraco/operations/ready");
        using var metrics = await administrator.GetAsync("/umbraco/operations/metrics");
        using var editorsDetail = await editor.GetAsync("/umbraco/operations/ready");
        using var anonymous = await Client.GetAsync("/umbraco/operations/metrics");

        Assert.That(JsonNode.Parse(await detail.Content.ReadAsStringAsync())!["status"]!.GetValue<string>(), Is.EqualTo("ready"));
        Assert.That(await metrics.Content.ReadAsStringAsync(), Does.Contain("# TYPE "));
        Assert.That(editorsDetail.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(editorsDetail.Headers.Location!.AbsolutePath, Is.EqualTo("/umbraco/denied"));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(anonymous.Headers.Location!.AbsolutePath, Is.EqualTo("/umbraco/login"));
    }

    [Test]
    public async Task Metrics_CountRequests_PageCacheHits_Searches_ImageCacheHits_AndTheBacklogs()
    {
        using var operations = ClientOf("the operations token");
        var item = await UploadImageAsync();
        var before = Samples(await operations.GetStringAsync("/metrics"));

        for (var i = 0; i < 2; i++)
        {
            (await Client.GetAsync("/en/")).Dispose();
            (await Client.GetAsync(item.PublicUrl!.Split('?')[0] + "?width=160")).Dispose();
        }

        (await Client.GetAsync($"/uk/search?q={Uri.EscapeDataString("мери")}")).Dispose();
        var after = await SamplesWhenAsync(operations, s => Value(s, "mayorsclub_email_outbox_backlog") is not null);

        Assert.Multiple(() =>
        {
            Assert.That(Value(after, "http_server_request_duration_seconds_count"), Is.GreaterThan(Value(before, "http_server_request_duration_seconds_count") ?? 0),
                "requests (ASP.NET Core)");
            Assert.That(Value(after, "mayorsclub_page_cache_lookups_total", "result=\"hit\""),
                Is.GreaterThanOrEqualTo((Value(before, "mayorsclub_page_cache_lookups_total", "result=\"hit\"") ?? 0) + 1), "the second view of a page is a hit");
            Assert.That(Value(after, "mayorsclub_search_duration_seconds_count"),
                Is.GreaterThanOrEqualTo((Value(before, "mayorsclub_search_duration_seconds_count") ?? 0) + 1), "a search is timed");
            Assert.That(Value(after, "mayorsclub_image_variants_requests_total", "result=\"hit\""),
                Is.GreaterThanOrEqualTo((Value(before, "mayorsclub_image_variants_requests_total", "result=\"hit\"") ?? 0) + 1), "the second resize is a hit");
            Assert.That(Value(after, "mayorsclub_email_outbox_backlog"), Is.GreaterThanOrEqualTo(0), "outbox backlog");
            Assert.That(Value(after, "mayorsclub_changes_feed_lag"), Is.GreaterThanOrEqualTo(0), "feed lag");
            Assert.That(after.Keys, Has.Some.Contains($"service_instance_id=\"{Node}\""), "the node's name in target_info");
        });
    }

    /// <summary>Recorded by the change feed worker once a batch is applied.</summary>
    [Test]
    public async Task Metrics_MeasurePublishToVisible_AfterAPublish()
    {
        using var operations = ClientOf("the operations token");
        var before = Value(Samples(await operations.GetStringAsync("/metrics")), "mayorsclub_changes_publish_to_visible_seconds_count") ?? 0;

        await CreateAndPublishAsync(NewsIndexKey, NewsArticle.Alias, Article(Unique("Вимірювана новина"), Unique("A measured story")));

        var after = await SamplesWhenAsync(operations, s => Value(s, "mayorsclub_changes_publish_to_visible_seconds_count") > before);
        Assert.That(Value(after, "mayorsclub_changes_publish_to_visible_seconds_count"), Is.GreaterThan(before));
    }

    [Test]
    public async Task LogFiles_AreCompactJson_AndEachRequestsEventCarriesItsTraceId_AndTheNode()
    {
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var traced = $"/uk/traced-{Guid.NewGuid():N}/";
        var untraced = $"/uk/untraced-{Guid.NewGuid():N}/";
        using (var request = new HttpRequestMessage(HttpMethod.Get, traced))
        {
            request.Headers.Add("traceparent", $"00-{traceId}-{traceId[..16]}-01");
            (await Client.SendAsync(request)).Dispose();
        }

        (await Client.GetAsync(untraced)).Dispose();

        var tracedEvent = await RequestEventAsync(traced);
        var untracedEvent = await RequestEventAsync(untraced);
        Assert.That(tracedEvent["@tr"]?.GetValue<string>(), Is.EqualTo(traceId), "the trace the request came with");
        Assert.That(tracedEvent["@sp"]?.GetValue<string>(), Does.Match("^[0-9a-f]{16}$"));
        Assert.That(tracedEvent["StatusCode"]!.GetValue<int>(), Is.EqualTo(404));
        Assert.That(tracedEvent["Node"]!.GetValue<string>(), Is.EqualTo(Node));
        Assert.That(untracedEvent["@tr"]?.GetValue<string>(), Does.Match("^[0-9a-f]{32}$").And.Not.EqualTo(traceId), "a new trace of its own");
        Assert.That(DateTimeOffset.Parse(untracedEvent["@t"]!.GetValue<string>(), CultureInfo.InvariantCulture), Is.Not.EqualTo(default(DateTimeOffset)));
    }

    /// <summary>The readiness detail once it satisfies <paramref name="done"/> (within 20 s), with its status code checked against its word.</summary>
    private static async Task<JsonNode> ReadinessWhenAsync(HttpClient client, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var response = await client.GetAsync("/healthz/ready");
            var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var ready = detail["status"]!.GetValue<string>() is "ready" or "degraded";
            Assert.That(response.StatusCode, Is.EqualTo(ready ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable), detail.ToJsonString());
            if (done(detail))
            {
                return detail;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), detail.ToJsonString());
            await Task.Delay(250);
        }
    }

    private async Task<JsonNode> RequestEventAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            foreach (var file in Directory.GetFiles(_logs, $"mayorsclub-{Node}-*.clef"))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (!line.EndsWith('}'))
                    {
                        continue; // the last line, still being written
                    }

                    var logged = JsonNode.Parse(line)!;
                    if (logged["RequestPath"]?.GetValue<string>() == path && logged["StatusCode"] is not null)
                    {
                        return logged;
                    }
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new AssertionException($"no request event for {path} in {string.Join(", ", Directory.GetFiles(_logs))}");
            }

            await Task.Delay(200);
        }
    }

    private HttpClient ClientOf(string who)
    {
        var client = MemberSession.Anonymous(Site, who == "an allowed network" ? AllowedAddress : OtherAddress);
        switch (who)
        {
            case "the operations token":
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
                break;
            case "a wrong token":
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token[..^1] + "x");
                break;
            case "a back-office Administrator":
                client.DefaultRequestHeaders.Add("Cookie", _administratorCookie);
                break;
            case "a back-office Editor":
                client.DefaultRequestHeaders.Add("Cookie", _editorCookie);
                break;
        }

        return client;
    }

    /// <summary>The back-office cookie after signing in through the form: a tool (curl -b) may send it to any path.</summary>
    private async Task<string> BackOfficeCookieAsync(string email, string password)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new CookieContainerHandler(cookies) { InnerHandler = Site.Server.CreateHandler() }) { BaseAddress = new Uri("http://localhost") };
        using var response = await BackOfficeSession.PostSignInAsync(client, email, password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{email} signed in");
        var cookie = cookies.GetCookies(new Uri("http://localhost/umbraco"))["mc_backoffice"];
        Assert.That(cookie, Is.Not.Null);
        return $"{cookie!.Name}={cookie.Value}";
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await Client.GetAsync("/healthz/ready");
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return;
            }

            await Task.Delay(250);
        }
    }

    private async Task<MediaItem> UploadImageAsync()
    {
        var result = await WithServices(s => s.GetRequiredService<MediaUploader>().UploadAsync(
            new MediaUploader.UploadCommand(new MemoryStream(MediaTestFiles.Png(400, 300)), "Операції.png", null, false, Editor)));
        Assert.That(result.Succeeded, Is.True, string.Join(", ", result.Errors));
        return result.Item!;
    }

    private static async Task<Dictionary<string, double>> SamplesWhenAsync(HttpClient client, Func<Dictionary<string, double>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var samples = Samples(await client.GetStringAsync("/metrics"));
            if (done(samples) || DateTime.UtcNow > deadline)
            {
                return samples;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The Prometheus text format's samples: "name{labels}" to value.</summary>
    private static Dictionary<string, double> Samples(string text) =>
        text.Split('\n').Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => SampleLine().Match(line))
            .Where(match => match.Success)
            .GroupBy(match => match.Groups["series"].Value)
            .ToDictionary(group => group.Key, group => double.Parse(group.First().Groups["value"].Value, CultureInfo.InvariantCulture));

    /// <summary>The sum over one metric's series whose labels contain <paramref name="label"/>; null when there is none.</summary>
    private static double? Value(Dictionary<string, double> samples, string name, string? label = null)
    {
        var series = samples.Where(s => (s.Key == name || s.Key.StartsWith(name + "{", StringComparison.Ordinal))
            && (label is null || s.Key.Contains(label, StringComparison.Ordinal))).ToList();
        return series.Count == 0 ? null : series.Sum(s => s.Value);
    }

    [GeneratedRegex(@"^(?<series>[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})?) (?<value>[-+0-9.eE]+|NaN|[+-]Inf)( \d+)?$")]
    private static partial Regex SampleLine();
}
