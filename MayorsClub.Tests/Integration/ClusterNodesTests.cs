using System.Diagnostics;
using System.Net;
using MayorsClub.Core.Changes;
using MayorsClub.Core.Cluster;
using MayorsClub.Core.Content;
using MayorsClub.Core.Email;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Publishing;
using MayorsClub.Core.Search;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Two nodes of the site (A: <see cref="SiteTestBase.Site"/>, B) on one PostgreSQL database, each with its own data
/// folder, as two processes behind a load balancer would be. Both read the change feed only every hour on their own, so
/// what B shows of A's changes within a second, only the notification can explain. Each test leaves both nodes working
/// (the database outage waits for their recovery), so the tests may run in any order.
/// </summary>
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ClusterNodesTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private TestSite _b = null!;

    private string BDataPath => Path.Combine(Site.Database.DataPath, "node-b");

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>(SmtpSink.Settings.Concat(ManagementApiClient.Settings))
    {
        ["MayorsClub:ChangeFeed:PollSeconds"] = "3600",
        ["MayorsClub:Scheduling:IntervalSeconds"] = "1",
    };

    [OneTimeSetUp]
    public async Task StartNodeB() => _b = await Site.StartAnotherNodeAsync(dataPath: BDataPath);

    [OneTimeTearDown]
    public async Task StopNodeB()
    {
        await AllowConnectionsAsync(true);
        await _b.DisposeAsync();
    }

    [Test]
    public async Task PublishOnA_IsOnBsPage_DeliveryApi_AndSearch_WithinOneSecond()
    {
        var word = "кластер" + Guid.NewGuid().ToString("N")[..6];
        var article = await CreatedArticleAsync($"Новина {word}", $"News {word}");
        using var b = _b.CreateClient(new() { AllowAutoRedirect = false });

        var clock = Stopwatch.StartNew();
        Assert.That((await PublishAsync(article.Key, "uk", "en")).Succeeded, Is.True);
        var published = clock.Elapsed;
        await WaitOnBAsync(() => BSnapshot.Get(article.Key) is not null);
        var inSnapshot = clock.Elapsed;
        await WaitOnBAsync(() => _b.Services.GetRequiredService<SiteSearch>().Search(new SearchQuery("uk", word)).Total == 1);
        var inSearch = clock.Elapsed;

        using var page = await b.GetAsync(BSnapshot.Get(article.Key)!.Url("uk")!);
        using var delivery = await b.GetAsync($"/umbraco/delivery/api/v2/content/item/{article.Key}");
        var html = await page.Content.ReadAsStringAsync();
        var json = await delivery.Content.ReadAsStringAsync();
        TestContext.Progress.WriteLine($"Cross-node: A's publish returned after {published.TotalMilliseconds:F0} ms; "
            + $"in B's snapshot at {inSnapshot.TotalMilliseconds:F0} ms, in B's search index at {inSearch.TotalMilliseconds:F0} ms");
        Assert.That(inSearch - published, Is.LessThan(TimeSpan.FromSeconds(1)), "on B (snapshot and search) within a second of A's commit");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain(word));
        Assert.That(delivery.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json, Does.Contain(word));
    }

    [Test]
    public async Task BsListeningConnectionDropped_BReconnects_AndCatchesUpFromTheFeed()
    {
        var listener = _b.Services.GetRequiredService<ChangeNotificationListener>();
        var before = listener.ProcessId;
        Assert.That(before, Is.Not.Zero, "B listens");
        var article = await CreatedArticleAsync(Unique("Поки B не слухав"));

        await using (var admin = await AdminConnectionAsync())
        {
            await using var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @name AND pid = @pid", admin);
            terminate.Parameters.AddWithValue("name", ChangeNotificationListener.ApplicationName);
            terminate.Parameters.AddWithValue("pid", before);
            Assert.That(await terminate.ExecuteScalarAsync(), Is.True);
        }

        Assert.That((await PublishAsync(article.Key, "uk")).Succeeded, Is.True);

        var clock = Stopwatch.StartNew();
        await WaitOnBAsync(() => BSnapshot.Get(article.Key) is not null, TimeSpan.FromSeconds(10));
        TestContext.Progress.WriteLine($"B caught up {clock.ElapsedMilliseconds} ms after A published, its listener having been cut");
        Assert.That(listener.ProcessId, Is.Not.Zero.And.Not.EqualTo(before), "B listens again on a new connection");
    }

    [Test]
    public async Task BDownWhileAPublishes_BRestarted_CatchesUpItsSnapshotAndItsOwnSearchIndex()
    {
        var word = "наздогін" + Guid.NewGuid().ToString("N")[..6];
        await WaitOnBAsync(() => _b.Services.GetRequiredService<SearchIndexer>().Position == _b.Services.GetRequiredService<ChangeFeedWorker>().Position,
            TimeSpan.FromSeconds(30));
        await _b.DisposeAsync();

        var article = await CreatedArticleAsync($"Поки B лежав {word}");
        Assert.That((await PublishAsync(article.Key, "uk")).Succeeded, Is.True);
        _b = await Site.StartAnotherNodeAsync(dataPath: BDataPath);

        Assert.That(BSnapshot.Get(article.Key), Is.Not.Null, "B's snapshot is loaded from the database");
        await WaitOnBAsync(() => _b.Services.GetRequiredService<SiteSearch>().Search(new SearchQuery("uk", word)).Total == 1, TimeSpan.FromSeconds(30));
    }

    [Test]
    public async Task ScheduledPublish_HappensOnce_WithBothNodesTicking()
    {
        var article = await CreatedArticleAsync(Unique("Заплановано на обох вузлах"));
        var at = Site.Clock.GetCurrentInstant().ToDateTimeUtc().AddHours(1);
        var scheduled = await WithServices(s => s.GetRequiredService<DocumentPublisher>().ScheduleAsync(
            new DocumentPublisher.ScheduleCommand(article.Key, Cultures.Ukrainian, at, null, Editor)));
        Assert.That(scheduled.Succeeded, Is.True, string.Join("; ", scheduled.Errors));

        Site.Clock.AdvanceMinutes(61);
        _b.Clock.AdvanceMinutes(61);
        await WaitOnBAsync(() => BSnapshot.Get(article.Key) is not null, TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(3)); // both nodes tick every second meanwhile

        var rows = await WithServices(async s => (await s.GetRequiredService<MayorsClubDbContext>().PublishedChanges.AsNoTracking()
                .Where(c => c.Kind == nameof(PublishedChangeKind.ScheduledPublish)).ToListAsync())
            .Count(c => c.DocumentKeys.Contains(article.Key.ToString("D"), StringComparison.Ordinal)));
        Assert.That(rows, Is.EqualTo(1));
    }

    [Test]
    public async Task OutboxMessages_AreSentOnce_WithBothDispatchersSending()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var addresses = Enumerable.Range(0, 10).Select(i => $"mayor-{run}-{i}@hromada.test").ToList();
        await WithServices(async s =>
        {
            var outbox = s.GetRequiredService<EmailOutbox>();
            foreach (var to in addresses)
            {
                outbox.Queue(to, null, "Один раз", "Лист має прийти один раз.");
            }

            return await s.GetRequiredService<MayorsClubDbContext>().SaveChangesAsync();
        });

        await Task.WhenAll(
            Site.Services.GetRequiredService<EmailDispatcher>().SendDueAsync(CancellationToken.None),
            _b.Services.GetRequiredService<EmailDispatcher>().SendDueAsync(CancellationToken.None),
            Site.Services.GetRequiredService<EmailDispatcher>().SendDueAsync(CancellationToken.None),
            _b.Services.GetRequiredService<EmailDispatcher>().SendDueAsync(CancellationToken.None));
        foreach (var to in addresses)
        {
            await SmtpSink.WaitForMessageToAsync(to);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // the background passes of both nodes too

        Assert.That(addresses.Select(CountMessagesTo), Is.All.EqualTo(1));
    }

    [Test]
    public async Task DatabaseGoesAway_PagesAreServed_WritesAnswer503InTheirLanguage_AndAllResumesWithNothingLost()
    {
        var before = await CreatedArticleAsync(Unique("Перед відключенням бази"), Unique("Before the outage"));
        Assert.That((await PublishAsync(before.Key, "uk", "en")).Succeeded, Is.True);
        await WaitOnBAsync(() => BSnapshot.Get(before.Key) is not null);
        using var editors = await SignedInAsync(Site, EditorsId, EditorsSecret, "en");
        using var editorsUk = await SignedInAsync(Site, EditorsId, EditorsSecret, "uk");
        using var visitor = Visitor(_b);
        var form = Applications.Contact("Марта Шевченко", $"outage-{Guid.NewGuid():N}@hromada.test", "Чи працює сайт без бази?");
        var token = System.Text.Json.Nodes.JsonNode.Parse(await visitor.GetStringAsync("/forms/token"))!;
        form["__RequestVerificationToken"] = (string)token["token"]!;
        form["_started"] = (string)token["started"]!;
        _b.Clock.AdvanceSeconds(20);
        var memberEmail = MemberSession.NewEmail();
        await MemberSession.CreateMemberAsync(Site, memberEmail);
        using var member = MemberSession.Anonymous(_b);
        using var backOffice = BackOfficeSession.Anonymous(Site);
        await EmptyPageCacheAsync();
        await _b.Services.GetRequiredService<PublishedSnapshotService>().RebuildAsync();

        await AllowConnectionsAsync(false);
        try
        {
            var pages = new[]
            {
                (Site, "/uk/"), (_b, "/en/"), (_b, BSnapshot.Get(before.Key)!.Url("uk")!), (Site, Snapshot.Get(before.Key)!.Url("en")!),
                (_b, Snapshot.Get(NewsIndexKey)!.Url("en")!), (Site, "/uk/search?q=громади"), (_b, "/en/search/suggest?q=comm"), (Site, "/sitemap.xml"),
                (_b, "/uk/rss.xml"), (Site, "/en/members/sign-in"), (_b, "/umbraco/login"), (Site, "/forms/token"),
                (_b, $"/umbraco/delivery/api/v2/content/item/{before.Key}"), (Site, "/umbraco/delivery/api/v2/content?take=5"),
            };
            foreach (var (node, url) in pages)
            {
                using var client = node.CreateClient(new() { AllowAutoRedirect = false });
                using var page = await client.GetAsync(url);
                Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{url} from the snapshot while the database is away");
            }

            foreach (var (culture, text) in new[] { ("uk", "база даних тимчасово недоступна"), ("en", "its database is temporarily unavailable") })
            {
                using var refused = await visitor.PostAsync($"/{culture}/applications/contact", new FormUrlEncodedContent(form));
                var html = await refused.Content.ReadAsStringAsync();
                Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), html);
                Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
                Assert.That(html, Does.Contain(text).And.Contain($"lang=\"{culture}\""));
            }

            using (var signIn = await MemberSession.PostSignInAsync(member, memberEmail, MemberSession.DefaultPassword, "en"))
            {
                var html = await signIn.Content.ReadAsStringAsync();
                Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), html);
                Assert.That(html, Does.Contain("its database is temporarily unavailable"), "a member's sign-in");
            }

            backOffice.DefaultRequestHeaders.AcceptLanguage.ParseAdd("uk");
            using (var signIn = await BackOfficeSession.PostSignInAsync(backOffice, TestSite.AdminEmail, TestSite.AdminPassword))
            {
                var html = await signIn.Content.ReadAsStringAsync();
                Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), html);
                Assert.That(html, Does.Contain("база даних тимчасово недоступна"), "the back office's sign-in");
            }

            var write = await PostJsonAsync(editors, "document", NewsArticle(NewsIndexKey, "Під час відключення", "During the outage"));
            Assert.That(write.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), write.Body?.ToJsonString());
            Assert.That(write.Response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(write.Response.Headers.RetryAfter, Is.Not.Null);
            Assert.That(write.Body!["detail"]!.GetValue<string>(), Does.Contain("database is temporarily unavailable"));
            var writeUk = await PostJsonAsync(editorsUk, "document", NewsArticle(NewsIndexKey, "Під час відключення", "During the outage"));
            Assert.That(writeUk.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(writeUk.Body!["detail"]!.GetValue<string>(), Does.Contain("База даних тимчасово недоступна"));
        }
        finally
        {
            await AllowConnectionsAsync(true);
        }

        var created = await RetryAsync(async () =>
        {
            var answer = await PostJsonAsync(editors, "document", NewsArticle(NewsIndexKey, Unique("Після відключення"), Unique("After the outage")));
            return answer.Status == HttpStatusCode.Created ? answer.Body : null;
        });
        var id = created["id"]!.GetValue<Guid>();
        var published = await PutJsonAsync(editors, $"document/{id}/publish", new { cultures = new[] { "uk", "en" } });
        Assert.That(published.Status, Is.EqualTo(HttpStatusCode.OK), published.Body?.ToJsonString());
        await WaitOnBAsync(() => BSnapshot.Get(id) is not null, TimeSpan.FromSeconds(10));
        Assert.That(BSnapshot.Get(before.Key), Is.Not.Null, "what was published before the outage is still there");

        using var accepted = await visitor.PostAsync("/uk/applications/contact", new FormUrlEncodedContent(form));
        Assert.That((int)accepted.StatusCode, Is.LessThan(400), await accepted.Content.ReadAsStringAsync());
    }

    private PublishedSnapshot BSnapshot => _b.Services.GetRequiredService<PublishedSnapshotService>().Current;

    private static HttpClient Visitor(TestSite site) =>
        new(new CookieContainerHandler { InnerHandler = site.Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.16")) })
        {
            BaseAddress = site.Server.BaseAddress,
        };

    /// <summary>Waits (polling every 5 ms) until the condition holds on node B.</summary>
    private static async Task WaitOnBAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(5)))
            {
                throw new AssertionException($"Not so on node B within {(timeout ?? TimeSpan.FromSeconds(5)).TotalSeconds} s");
            }

            await Task.Delay(5);
        }
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T?>> attempt) where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            if (await attempt() is { } done)
            {
                return done;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new AssertionException("The write did not succeed again within 15 s of the database's return");
            }

            await Task.Delay(200);
        }
    }

    private static int CountMessagesTo(string address)
    {
        var folder = Path.Combine(Environment.GetEnvironmentVariable(SmtpSink.MaildirVariable)!, "new");
        return Directory.GetFiles(folder).Select(file => MimeMessage.Load(file))
            .Count(m => m.To.Mailboxes.Any(box => string.Equals(box.Address, address, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task<NpgsqlConnection> AdminConnectionAsync()
    {
        var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable));
        await admin.OpenAsync();
        return admin;
    }

    /// <summary>The database refuses new connections and its sessions end (as when PostgreSQL stops), or takes them again.</summary>
    private async Task AllowConnectionsAsync(bool allow)
    {
        var name = new NpgsqlConnectionStringBuilder(Site.Database.ConnectionString).Database!;
        await using var admin = await AdminConnectionAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS {(allow ? "true" : "false")}", admin))
        {
            await alter.ExecuteNonQueryAsync();
        }

        if (!allow)
        {
            await using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name", admin);
            terminate.Parameters.AddWithValue("name", name);
            await terminate.ExecuteScalarAsync();
        }
    }
}
