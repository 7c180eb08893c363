using System.Net;
using System.Text.RegularExpressions;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// What the users, password, two-factor and audit tests share: a site that sends its mail to the real SMTP sink,
/// whose time the test can move on (a disabled account's session ends at its next check, a minute later), and whose
/// in-memory requests each come from their own client address (as they would from different people) unless a test
/// names one; plus helpers to post forms and read the mail the site sent.
/// </summary>
public abstract class BackOfficeUsersTestBase(DatabaseProvider provider)
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    protected TestSite Site { get; private set; } = null!;

    protected DatabaseProvider Provider => provider;

    /// <summary>The time ASP.NET Core's authentication reads (cookies, security-stamp checks).</summary>
    protected AdjustableTime Time { get; } = new();

    /// <summary>Configuration a test class needs beyond the SMTP sink.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    [OneTimeSetUp]
    public async Task StartSite() =>
        Site = await TestSite.StartAsync(provider, settings: SmtpSink.Settings.Concat(ExtraSettings).ToDictionary(), configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IHttpContextFactory>(sp => new ClientAddressContextFactory(new DefaultHttpContextFactory(sp)));
            ConfigureServices(services);
        });

    /// <summary>Changes to the site's services a test class needs.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    [OneTimeTearDown]
    public async Task StopSite() => await Site.DisposeAsync();

    protected Task<BackOfficeSession> SignInAdminAsync() =>
        BackOfficeSession.SignInAsync(Site, TestSite.AdminEmail, TestSite.AdminPassword, BackOfficeGroups.Administrators);

    protected static string NewAddress(string who) => $"{who}-{Guid.NewGuid().ToString("N")[..8]}@hromada.test";

    /// <summary>Posts a form the way a browser does: with the antiforgery token of a page the client has open.</summary>
    protected static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string tokenPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await BackOfficeSession.AntiforgeryTokenAsync(client, tokenPage);
        var all = fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)).ToList();
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    protected static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string tokenPage, string action, params (string Name, string Value)[] fields) =>
        PostFormAsync(client, tokenPage, action, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    protected async Task<BackOfficeUser> UserAsync(string email)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>().FindByEmailAsync(email)
            ?? throw new AssertionException($"No user {email}");
    }

    protected async Task<IList<string>> GroupsOfAsync(string email)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    /// <summary>The messages the SMTP sink received for an address, waiting (up to 15 s) until there are at least <paramref name="count"/>.</summary>
    protected static async Task<IReadOnlyList<MimeMessage>> MailToAsync(string address, int count = 1)
    {
        await SmtpSink.WaitForMessageToAsync(address);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var messages = await ReceivedAsync(address);
            if (messages.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.That(messages, Has.Count.GreaterThanOrEqualTo(count), $"e-mails to {address}");
                return messages;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>What the SMTP sink has received for an address so far, oldest first.</summary>
    protected static async Task<IReadOnlyList<MimeMessage>> ReceivedAsync(string address)
    {
        var folder = Path.Combine(Environment.GetEnvironmentVariable(SmtpSink.MaildirVariable)!, "new");
        var found = new List<MimeMessage>();
        if (!Directory.Exists(folder))
        {
            return found;
        }

        foreach (var file in Directory.GetFiles(folder))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(message);
            }
        }

        // The dispatcher names each message after its outbox row ("outbox-{id}-…"): that is the order they were queued in.
        return found.OrderBy(m => System.Text.RegularExpressions.Regex.Match(m.MessageId ?? "", @"^outbox-(\d+)-") is { Success: true } id
                ? long.Parse(id.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : long.MaxValue)
            .ThenBy(m => m.Date).ToList();
    }

    /// <summary>The site-relative address (path and query) of the link in an e-mail that goes to the given path.</summary>
    protected static string LinkIn(MimeMessage message, string path)
    {
        var match = Regex.Match(message.TextBody ?? "", @"https?://\S+" + Regex.Escape(path) + @"\?\S+");
        Assert.That(match.Success, Is.True, $"a link to {path} in: {message.TextBody}");
        return new Uri(match.Value).PathAndQuery;
    }

    /// <summary>The fields of the form an e-mailed link opens (the link's user and token), with the password typed twice.</summary>
    protected static (string Name, string Value)[] LinkFields(string link, string password, string confirm)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://site" + link).Query);
        return [("User", query["user"]!), ("Token", query["token"]!), ("Password", password), ("Confirm", confirm)];
    }

    protected static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    protected static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await BodyAsync(response));
    }

    /// <summary>A time that moves on with the clock and jumps forward when a test says so.</summary>
    public sealed class AdjustableTime : TimeProvider
    {
        private long _offsetTicks;

        public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
    }

    /// <summary>
    /// The in-memory test server has no network, so no client address: give each request one (its own, so that tests
    /// do not share the per-address rate limits), or the one a test names in a header. Set as the request's context is
    /// made, so the whole pipeline (forwarded headers, rate limits) sees it as the connection's address.
    /// </summary>
    private sealed class ClientAddressContextFactory(DefaultHttpContextFactory inner) : IHttpContextFactory
    {
        public HttpContext Create(IFeatureCollection featureCollection)
        {
            var context = inner.Create(featureCollection);
            context.Connection.RemoteIpAddress ??=
                context.Request.Headers.TryGetValue(ClientAddressHeader, out var named) && IPAddress.TryParse(named, out var address)
                    ? address
                    : new IPAddress(Random.Shared.NextInt64(1, uint.MaxValue));
            return context;
        }

        public void Dispose(HttpContext httpContext) => inner.Dispose(httpContext);
    }
}
