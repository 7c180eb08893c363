using System.Net;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Behind a proxy: X-Forwarded-For and -Proto count only from the configured proxies (one by address, a network by
/// CIDR); then cookies are Secure over HTTPS and rate limits key on the client. The Host must be the public address's
/// (AllowedHosts is derived from it when not set).
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.0.0.1";
    private const string ProxyInNetwork = "10.1.2.3";
    private const string NotAProxy = "10.9.9.9";

    private TestSite _site = null!;

    [OneTimeSetUp]
    public async Task StartSite() => _site = await TestSite.StartAsync(DatabaseProvider.Sqlite, demoContent: false,
        settings: new Dictionary<string, string>
        {
            ["MayorsClub:ForwardedHeaders:KnownProxies:0"] = Proxy,
            ["MayorsClub:ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16",
        });

    [OneTimeTearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [TestCase(Proxy, true)]
    [TestCase(ProxyInNetwork, true)]
    [TestCase(NotAProxy, false)]
    public async Task ForwardedProtoHttps_MakesCookiesSecure_OnlyFromAConfiguredProxy(string from, bool secure)
    {
        using var client = Client(from);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.50");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await client.GetAsync("/umbraco/login");

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.That(cookies, Is.Not.Empty);
        Assert.That(cookies.Select(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase)), Is.All.EqualTo(secure), string.Join("\n", cookies));
    }

    [Test]
    public async Task ForwardedFor_FromAConfiguredProxy_KeysRateLimitsOnTheClient()
    {
        var first = await ForgotPasswordStatusesAsync(Proxy, forwardedFor: _ => "198.51.100.1", count: 6);
        var another = await ForgotPasswordStatusesAsync(Proxy, forwardedFor: _ => "198.51.100.2", count: 1);

        Assert.That(first[^1], Is.EqualTo(HttpStatusCode.TooManyRequests), "the sixth from one client");
        Assert.That(another, Is.All.EqualTo(HttpStatusCode.OK), "another client behind the same proxy is not held up");
    }

    [Test]
    public async Task ForwardedFor_FromAnyoneElse_IsIgnored()
    {
        var statuses = await ForgotPasswordStatusesAsync(NotAProxy, forwardedFor: i => $"198.51.100.{10 + i}", count: 6);

        Assert.That(statuses[^1], Is.EqualTo(HttpStatusCode.TooManyRequests), "a new made-up client address each time changes nothing");
    }

    [Test]
    public async Task AForgedHost_IsRefused_WhenAllowedHostsIsDerivedFromThePublicAddress()
    {
        using var client = Client(NotAProxy);

        using var forged = await client.GetAsync("http://evil.example/umbraco/login");
        using var forwardedForged = await Client(Proxy).GetAsync("http://evil.example/umbraco/login");
        using var plain = await client.GetAsync("/umbraco/login");

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(forwardedForged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>Forwarded headers come before host filtering in the pipeline: a proxy may reach the site by an inner name.</summary>
    [Test]
    public async Task TheForwardedHost_FromAConfiguredProxy_IsTheOneChecked()
    {
        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "http://backend.internal/umbraco/login");
        viaProxy.Headers.Add("X-Forwarded-Host", "localhost");
        using var fromElsewhere = new HttpRequestMessage(HttpMethod.Get, "http://backend.internal/umbraco/login");
        fromElsewhere.Headers.Add("X-Forwarded-Host", "localhost");

        using var proxied = await Client(Proxy).SendAsync(viaProxy);
        using var direct = await Client(NotAProxy).SendAsync(fromElsewhere);

        Assert.That(proxied.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(direct.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private async Task<List<HttpStatusCode>> ForgotPasswordStatusesAsync(string from, Func<int, string> forwardedFor, int count)
    {
        using var client = Client(from);
        var token = await BackOfficeSession.AntiforgeryTokenAsync(client, "/umbraco/forgot-password");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/umbraco/forgot-password")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Email"] = $"nobody-{Guid.NewGuid():N}@hromada.test",
                    ["__RequestVerificationToken"] = token,
                }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor(i));
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    /// <summary>A client whose requests come from the given address (the in-memory test server has no network of its own).</summary>
    private HttpClient Client(string from) =>
        new(new CookieContainerHandler { InnerHandler = _site.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(from)) })
        {
            BaseAddress = new Uri("http://localhost"),
        };
}
