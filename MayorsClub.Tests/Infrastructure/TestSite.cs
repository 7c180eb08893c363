using MayorsClub.Core.Setup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace MayorsClub.Tests.Infrastructure;

/// <summary>
/// The real web application on a test server, with its own new database, and a clock the test can move
/// (the only fake: time is outside the system).
/// </summary>
public sealed class TestSite : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Test-admin-password-1";

    private readonly TestDatabase _database;
    private readonly bool _demoContent;

    private readonly Action<IServiceCollection>? _configureServices;
    private string _publicUrl = "http://localhost";
    private bool _keepDatabase;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private TestSite(TestDatabase database, bool demoContent, Action<IServiceCollection>? configureServices, IReadOnlyDictionary<string, string>? settings)
    {
        _database = database;
        _demoContent = demoContent;
        _configureServices = configureServices;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public FakeClock Clock { get; } = new(SystemClock.Instance.GetCurrentInstant());

    public TestDatabase Database => _database;

    /// <summary>Starts a site on a new database and waits until /healthz would say it is ready.</summary>
    /// <param name="configureServices">Changes to the site's services, for tests that provoke a failure.</param>
    /// <param name="useKestrel">Serve on a real socket on 127.0.0.1 (for a browser) instead of the in-memory test server.</param>
    /// <param name="settings">Configuration for this site beyond the test defaults (SMTP, for example).</param>
    /// <param name="beforeStart">Runs on the new database and data folder before the site starts (to put an older site's files or a backup there).</param>
    public static async Task<TestSite> StartAsync(
        DatabaseProvider provider, bool demoContent = true, Action<IServiceCollection>? configureServices = null, bool useKestrel = false,
        IReadOnlyDictionary<string, string>? settings = null, Func<TestDatabase, Task>? beforeStart = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        if (beforeStart is not null)
        {
            await beforeStart(database);
        }

        return await StartOnAsync(database, demoContent, configureServices, useKestrel, settings);
    }

    /// <summary>A second node: another site on this site's database, with its own data folder (and <paramref name="settings"/>, such as a shared MediaPath).</summary>
    public Task<TestSite> StartAnotherNodeAsync(IReadOnlyDictionary<string, string>? settings = null) =>
        StartOnAsync(_database.ForAnotherNode(), demoContent: false, _configureServices, useKestrel: false, settings ?? _settings);

    private static async Task<TestSite> StartOnAsync(
        TestDatabase database, bool demoContent, Action<IServiceCollection>? configureServices, bool useKestrel, IReadOnlyDictionary<string, string>? settings)
    {
        var site = new TestSite(database, demoContent, configureServices, settings);
        if (useKestrel)
        {
            // The public address (required outside Development) must be known before start: pick a free port first.
            var port = FreePort();
            site._publicUrl = $"http://127.0.0.1:{port}";
            site.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
            site.StartServer();
        }
        else
        {
            _ = site.Server; // builds and starts the host
        }

        await site.Services.GetRequiredService<SiteReadiness>().WhenReady.WaitAsync(TimeSpan.FromSeconds(60));
        return site;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("MayorsClub:Database:Provider", _database.ProviderSetting);
        builder.UseSetting("ConnectionStrings:Default", _database.ConnectionString);
        builder.UseSetting("MayorsClub:DataPath", _database.DataPath);
        builder.UseSetting("MayorsClub:DemoContent", _demoContent ? "true" : "false");
        builder.UseSetting("MayorsClub:Admin:Email", AdminEmail);
        builder.UseSetting("MayorsClub:Admin:Password", AdminPassword);
        builder.UseSetting("MayorsClub:BackOffice:PublicUrl", _publicUrl);

        // Scheduled publishing is driven by the tests (they move the clock), not by the timer.
        builder.UseSetting("MayorsClub:Scheduling:IntervalSeconds", "86400");

        // Suites call the Delivery API many times from one address; the suite that checks the limit sets its own.
        builder.UseSetting("MayorsClub:DeliveryApi:RequestsPerMinute", "1000000");

        // A test site stops at once (no load balancer to drain); the shutdown test sets its own drain.
        builder.UseSetting("MayorsClub:Operations:DrainSeconds", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
            _configureServices?.Invoke(services);
        });
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Stops this site and starts a new one on the same database and data folder, as a restart of the process would;
    /// <paramref name="whileStopped"/> gets the data folder between the two (to damage or remove what is there).
    /// </summary>
    public async Task<TestSite> RestartAsync(Action<string>? whileStopped = null)
    {
        _keepDatabase = true;
        await DisposeAsync();
        whileStopped?.Invoke(_database.DataPath);
        var site = new TestSite(_database, _demoContent, _configureServices, _settings);
        _ = site.Server;
        await site.Services.GetRequiredService<SiteReadiness>().WhenReady.WaitAsync(TimeSpan.FromSeconds(60));
        return site;
    }

    /// <summary>
    /// Starts several nodes together on one new database, each with its own data folder, as a cluster's first start.
    /// The first node owns the database: dispose it last.
    /// </summary>
    public static async Task<TestSite[]> StartNodesTogetherAsync(DatabaseProvider provider, int count)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var nodes = Enumerable.Range(0, count)
            .Select(i => new TestSite(database, demoContent: true, null, new Dictionary<string, string> { ["MayorsClub:DataPath"] = Path.Combine(database.DataPath, $"node-{i}") })
            {
                _keepDatabase = i > 0,
            })
            .ToArray();
        await Task.WhenAll(nodes.Select(node => Task.Run(() => node.Server)));
        await Task.WhenAll(nodes.Select(node => node.Services.GetRequiredService<SiteReadiness>().WhenReady.WaitAsync(TimeSpan.FromSeconds(90))));
        return nodes;
    }

    /// <summary>
    /// Starts another node of this site, as a second process would be: the same database (already migrated and seeded),
    /// a data folder of its own (search index, image cache, keys), and its own clock. Disposing it leaves the database.
    /// </summary>
    /// <param name="dataPath">The node's data folder (a new one under this site's when null; an earlier node's to restart it).</param>
    public async Task<TestSite> StartAnotherNodeAsync(IReadOnlyDictionary<string, string>? settings = null, string? dataPath = null)
    {
        var own = new Dictionary<string, string>(settings ?? _settings)
        {
            ["MayorsClub:DataPath"] = dataPath ?? Path.Combine(_database.DataPath, "node-" + Guid.NewGuid().ToString("N")[..8]),
        };
        var node = new TestSite(_database, _demoContent, _configureServices, own) { _keepDatabase = true };
        _ = node.Server;
        await node.Services.GetRequiredService<SiteReadiness>().WhenReady.WaitAsync(TimeSpan.FromSeconds(60));
        return node;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_keepDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
