using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Core.Setup;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MayorsClub.Tests.Integration;

/// <summary>What a new user meets on the first runs: the log at start, a lost administrator password, the icons.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class FirstRunTests(DatabaseProvider provider) : IDisposable
{
    private readonly CapturedLog _log = new();
    private TestSite _site = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _site = await TestSite.StartAsync(provider, configureServices: services => services.AddSingleton<ILoggerFactory>(new LoggerFactory([_log])));
        _client = BackOfficeSession.Anonymous(_site);
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        _client.Dispose();
        await _site.DisposeAsync();
    }

    public void Dispose() => _log.Dispose();

    [Test]
    public async Task AdministratorWhoNeverSignedIn_IsToldHowToGetIn_OnEveryStart_UntilTheyHaveSignedIn()
    {
        var hint = _log.Messages.SingleOrDefault(m => m.Contains("has not signed in yet"));
        Assert.That(hint, Is.Not.Null, "the first start says how to get in");
        Assert.That(hint, Does.Contain(TestSite.AdminEmail).And.Contain("Forgot password").And.Contain(Path.Combine(_site.Database.DataPath, "mail-pickup"))
            .And.Contain($"dotnet run --project MayorsClub.Web -- reset-admin-password {TestSite.AdminEmail}"));

        Assert.That(await WithAccessAsync(a => a.LogSignInHintAsync(CancellationToken.None)), Is.True, "a second start says it again");

        using var signIn = await BackOfficeSession.PostSignInAsync(BackOfficeSession.Anonymous(_site), TestSite.AdminEmail, TestSite.AdminPassword);
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await WithAccessAsync(a => a.LogSignInHintAsync(CancellationToken.None)), Is.False, "once signed in, no more hints");
    }

    [Test]
    public async Task ResetAdminPasswordCommand_PrintsANewPasswordThatSignsIn_AndTheOldOneNoLonger()
    {
        const string email = "second-admin@test.local", oldPassword = "Second-admin-password-1";
        await CreateAdministratorAsync(email, oldPassword);

        var (exitCode, output) = await RunSiteCommandAsync("reset-admin-password", email);

        Assert.That(exitCode, Is.EqualTo(0), output);
        var password = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("password:", StringComparison.Ordinal))["password:".Length..].Trim();
        Assert.That(output, Does.Contain($"e-mail:   {email}"));
        using (var withNew = await BackOfficeSession.PostSignInAsync(BackOfficeSession.Anonymous(_site), email, password))
        {
            Assert.That(withNew.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the new password signs in");
        }

        using var withOld = await BackOfficeSession.PostSignInAsync(BackOfficeSession.Anonymous(_site), email, oldPassword);
        Assert.That(withOld.StatusCode, Is.Not.EqualTo(HttpStatusCode.Redirect), "the old one no longer does");
    }

    [Test]
    public async Task ResetAdminPasswordCommand_ForSomeoneWhoIsNoAdministrator_FailsAndNamesTheAdministrators()
    {
        var (exitCode, output) = await RunSiteCommandAsync("reset-admin-password", "nobody@test.local");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("No back-office administrator nobody@test.local").And.Contain(TestSite.AdminEmail));
    }

    [Test]
    public async Task PagedQueryWithoutAnOrder_FailsOutsideProduction_AndTheDashboardsQueriesAreOrdered()
    {
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
            Assert.That(async () => await db.Documents.Skip(1).Take(2).ToListAsync(), Throws.InstanceOf<InvalidOperationException>(), "unstable pages are an error");
            Assert.That(await db.Documents.OrderBy(d => d.Id).Skip(1).Take(2).ToListAsync(), Has.Count.EqualTo(2));
        }

        await CreateAdministratorAsync("dashboard-admin@test.local", "Dashboard-password-1");
        using var session = await BackOfficeSession.SignInAsync(_site, "dashboard-admin@test.local", "Dashboard-password-1", BackOfficeGroups.Administrators);
        using var dashboard = await session.Client.GetAsync("/umbraco");
        Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the dashboard's scheduled list has an order");
    }

    [Test]
    public async Task DataProtectionKeys_AreKeptInTheDatabase_AndTheLogSaysWhereAndWhyTheyAreNotEncrypted()
    {
        using var login = await _client.GetAsync("/umbraco/login"); // an antiforgery token: the first key is made
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MayorsClub.Core.Persistence.MayorsClubDbContext>();
            Assert.That(db.DataProtectionKeys.Count(), Is.EqualTo(1));
        }

        Assert.That(Directory.Exists(Path.Combine(_site.Database.DataPath, "keys")), Is.False, "nothing in the data folder");
        Assert.That(_log.Messages, Has.Some.Matches<string>(m => m!.Contains("stored unencrypted") && m.Contains("(table DataProtectionKeys)")
            && m.Contains(provider == DatabaseProvider.Sqlite ? "SQLite database" : "PostgreSQL database") && m.Contains("MayorsClub:DataProtection:CertificatePath")));
        Assert.That(_log.Warnings, Has.None.Matches<string>(m => m!.Contains("encrypt", StringComparison.OrdinalIgnoreCase)), "no alarm in the log");
        Assert.That(_log.Errors, Has.None.Matches<string>(m => m!.Contains("key ring") || m.Contains("DataProtectionKeys")),
            "the key ring is not read before the database has its tables");
    }

    [TestCase("/favicon.ico", "image/x-icon")]
    [TestCase("/favicon.svg", "image/svg+xml")]
    [TestCase("/apple-touch-icon.png", "image/png")]
    [TestCase("/icons/icon-192.png", "image/png")]
    [TestCase("/icons/icon-512.png", "image/png")]
    [TestCase("/site.webmanifest", "application/manifest+json")]
    public async Task Icon_AndManifest_AnswerWithTheirType(string url, string contentType)
    {
        using var response = await _client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(contentType));
        Assert.That((await response.Content.ReadAsByteArrayAsync()).Length, Is.GreaterThan(100));
    }

    [Test]
    public async Task Manifest_NamesTheClubInUkrainian_AndItsIconsExist()
    {
        using var manifest = JsonDocument.Parse(await _client.GetStringAsync("/site.webmanifest"));

        Assert.That(manifest.RootElement.GetProperty("name").GetString(), Is.EqualTo("Клуб мерів"));
        Assert.That(manifest.RootElement.GetProperty("lang").GetString(), Is.EqualTo("uk"));
        foreach (var icon in manifest.RootElement.GetProperty("icons").EnumerateArray())
        {
            var src = icon.GetProperty("src").GetString()!;
            using var response = await _client.GetAsync(src);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), src);
        }
    }

    [TestCase("/uk/")]
    [TestCase("/en/")]
    [TestCase("/umbraco/login")]
    public async Task Layout_LinksTheIcons(string url)
    {
        var html = await _client.GetStringAsync(url);

        Assert.That(html, Does.Contain("<link rel=\"icon\" href=\"/favicon.ico\"")
            .And.Contain("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">")
            .And.Contain("<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\">"));
        if (url.StartsWith("/umbraco", StringComparison.Ordinal))
        {
            Assert.That(html, Does.Not.Contain("site.webmanifest"), "the back office is not the installable site");
        }
        else
        {
            Assert.That(html, Does.Contain("<link rel=\"manifest\" href=\"/site.webmanifest\">"));
        }
    }

    private async Task<T> WithAccessAsync<T>(Func<AdministratorAccess, Task<T>> work)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AdministratorAccess>());
    }

    private async Task CreateAdministratorAsync(string email, string password)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new BackOfficeUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedUtc = DateTime.UtcNow };
        Assert.That((await users.CreateAsync(user, password)).Succeeded, Is.True);
        await users.AddToRoleAsync(user, BackOfficeGroups.Administrators);
    }

    /// <summary>The built site run as a command on this test's database, as <c>dotnet run --project MayorsClub.Web -- …</c> runs it.</summary>
    private async Task<(int ExitCode, string Output)> RunSiteCommandAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["MayorsClub__Database__Provider"] = _site.Database.ProviderSetting,
                ["ConnectionStrings__Default"] = _site.Database.ConnectionString,
                ["MayorsClub__DataPath"] = _site.Database.DataPath,
                ["MayorsClub__Admin__Email"] = TestSite.AdminEmail,
                ["MayorsClub__BackOffice__PublicUrl"] = "http://localhost",
            },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MayorsClub.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The site's log lines, kept for the test to read.</summary>
    private sealed class CapturedLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

        public IEnumerable<string> Messages => _lines.Select(l => l.Text);

        public IEnumerable<string> Warnings => _lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Text);

        public IEnumerable<string> Errors => _lines.Where(l => l.Level >= LogLevel.Error).Select(l => l.Text);

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log._lines.Enqueue((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
