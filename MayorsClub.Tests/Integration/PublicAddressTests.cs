using System.Net;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Absolute URLs the site sends away or caches (reset links in e-mails, the sitemap, robots.txt, feeds, canonical and
/// sharing URLs) start with the configured public address, whatever Host the request names. Here AllowedHosts lets
/// a forged host in, as a careless explicit setting would, to show that the links still do not follow it.
/// </summary>
public sealed class PublicAddressTests() : BackOfficeUsersTestBase(DatabaseProvider.Sqlite)
{
    private const string PublicUrl = "https://club.example";

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["MayorsClub:BackOffice:PublicUrl"] = PublicUrl,
        ["AllowedHosts"] = "localhost;evil.example",
    };

    [Test]
    public async Task ForgotPassword_WithAForgedHost_EmailsALinkToThePublicAddress()
    {
        var email = NewAddress("editor");
        (await BackOfficeSession.SignInAsync(Site, email, "Old-password-123", BackOfficeGroups.Editors)).Dispose();
        using var browser = BackOfficeSession.Anonymous(Site);
        browser.BaseAddress = new Uri("http://evil.example");

        using var response = await PostFormAsync(browser, "/umbraco/forgot-password", "/umbraco/forgot-password", ("Email", email));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = (await MailToAsync(email)).Single().TextBody;
        Assert.That(body, Does.Contain(PublicUrl + "/umbraco/reset-password?"));
        Assert.That(body, Does.Not.Contain("evil.example"));
    }

    [TestCase("/sitemap.xml")]
    [TestCase("/robots.txt")]
    [TestCase("/uk/rss.xml")]
    [TestCase("/en/")]
    public async Task PagesThatAreCachedForEveryone_WithAForgedHost_UseThePublicAddress(string path)
    {
        using var client = BackOfficeSession.Anonymous(Site);

        var forged = await client.GetStringAsync("http://evil.example" + path);
        var plain = await client.GetStringAsync(path);

        Assert.That(forged, Does.Contain(PublicUrl + "/"));
        Assert.That(forged + plain, Does.Not.Contain("evil.example").And.Not.Contain("http://localhost"));
    }

    [Test]
    public async Task WithNoProxyConfigured_ForwardedHeadersAreIgnored()
    {
        using var client = BackOfficeSession.Anonymous(Site);
        client.DefaultRequestHeaders.Add(ClientAddressHeader, "192.0.2.77");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.77");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await client.GetAsync("/umbraco/login");

        Assert.That(response.Headers.GetValues("Set-Cookie"), Has.None.Contains("secure"));
    }
}
