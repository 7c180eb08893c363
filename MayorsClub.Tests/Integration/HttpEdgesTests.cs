using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The site on a real socket (Kestrel), as a browser or an attacker's script meets it: the security headers of every
/// group of routes, HEAD wherever GET works, a body shorter than its Content-Length, cultures in the wrong case,
/// conditional requests for missing pages, /error asked for directly, and the limit on changes per caller.
/// </summary>
public sealed partial class HttpEdgesTests
{
    private const string AdminEmail = "edges-admin@test.local";
    private const string AdminPassword = "Edges-admin-password-1";
    private const int WritesPerMinute = 10;

    private TestSite _site = null!;
    private string _base = "";
    private HttpClient _anonymous = null!;
    private HttpClient _api = null!;
    private HttpClient _backOffice = null!;
    private Guid _document;
    private string _mediaUrl = "";

    [OneTimeSetUp]
    public async Task StartSite()
    {
        var settings = new Dictionary<string, string>(ManagementApiClient.Settings)
        {
            ["MayorsClub:RateLimits:WritesPerMinute"] = WritesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        // A body that stops arriving is given up on after two seconds rather than Kestrel's five.
        _site = await TestSite.StartAsync(DatabaseProvider.Sqlite, useKestrel: true, settings: settings, configureServices: services =>
            services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(2))));
        _base = _site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _anonymous = NewClient();
        _api = await ApiClientAsync(AdministratorsId, AdministratorsSecret);
        _backOffice = await SignedInToBackOfficeAsync();

        var created = await PostJsonAsync(_api, $"{Base}/document", NewsArticle(NewsIndex(), "Заголовки безпеки", "Security headers"));
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created), created.Body?.ToJsonString());
        _document = created.Body!["id"]!.GetValue<Guid>();

        using var image = new ByteArrayContent(MediaTestFiles.Png(8, 8));
        image.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var uploaded = await SendAsync(_api, HttpMethod.Post, $"{Base}/media?fileName=edges.png", image);
        Assert.That(uploaded.Status, Is.EqualTo(HttpStatusCode.Created), uploaded.Body?.ToJsonString());
        _mediaUrl = uploaded.Body!["url"]!.GetValue<string>();
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        _anonymous.Dispose();
        _api.Dispose();
        _backOffice.Dispose();
        await _site.DisposeAsync();
    }

    // ---- Security headers ----

    public static IEnumerable<TestCaseData> RouteGroups() => new (string Name, string Kind)[]
    {
        ("public page, rendered", "site"),
        ("public page, from the page cache", "site"),
        ("public page, 304 to a revalidation", "site"),
        ("404 page", "site"),
        ("400 page", "site"),
        ("static file", "site"),
        ("sitemap", "site"),
        ("RSS feed", "site"),
        ("robots.txt", "site"),
        ("health check", "site"),
        ("HEAD of a page", "site"),
        ("media file", "file"),
        ("back-office page", "back office"),
        ("back-office sign-in", "back office"),
        ("preview", "preview"),
        ("Management API JSON", "api"),
        ("Management API error", "api"),
        ("token endpoint", "api"),
    }.Select(group => new TestCaseData(group.Name, group.Kind).SetArgDisplayNames(group.Name));

    [TestCaseSource(nameof(RouteGroups))]
    public async Task EveryRouteGroup_CarriesTheSecurityHeaders(string group, string kind)
    {
        using var response = await RequestOfGroupAsync(group);
        var headers = AllHeaders(response);

        Assert.That(headers.GetValueOrDefault("X-Content-Type-Options"), Is.EqualTo("nosniff"), group);
        Assert.That(headers.GetValueOrDefault("Referrer-Policy"), Is.EqualTo("strict-origin-when-cross-origin"), group);
        Assert.That(headers.GetValueOrDefault("Permissions-Policy"), Does.Contain("camera=()").And.Contain("microphone=()").And.Contain("geolocation=()")
            .And.Contain("payment=()").And.Contain("usb=()").And.Contain("publickey-credentials-get=(self)"), group);
        Assert.That(headers.ContainsKey("Server"), Is.False, "no Server header");
        Assert.That(headers.ContainsKey("Strict-Transport-Security"), Is.False, "no HSTS over plain HTTP");
        var csp = headers.GetValueOrDefault("Content-Security-Policy") ?? "";
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        switch (kind)
        {
            case "site":
                Assert.That(directives["default-src"], Is.EqualTo("default-src 'self'"), csp);
                Assert.That(directives["script-src"], Is.EqualTo("script-src 'self'"), "no inline script on the public site");
                Assert.That(directives["style-src"], Is.EqualTo("style-src 'self'"), "no inline style on the public site");
                Assert.That(directives["frame-ancestors"], Is.EqualTo("frame-ancestors 'none'"));
                Assert.That(directives["frame-src"], Does.Contain("https://www.youtube-nocookie.com").And.Contain("https://player.vimeo.com"), "video embeds");
                Assert.That(directives["base-uri"], Is.EqualTo("base-uri 'self'"));
                Assert.That(directives["form-action"], Is.EqualTo("form-action 'self'"));
                Assert.That(directives["object-src"], Is.EqualTo("object-src 'none'"));
                break;
            case "preview":
                Assert.That(directives["script-src"], Is.EqualTo("script-src 'self'"));
                Assert.That(directives["frame-ancestors"], Is.EqualTo("frame-ancestors 'self'"), "the back office may frame a preview");
                break;
            case "back office":
                Assert.That(directives["script-src"], Does.StartWith("script-src 'self'").And.Not.Contain("unsafe"), "scripts from the site or with the page's nonce");
                Assert.That(directives["frame-ancestors"], Is.EqualTo("frame-ancestors 'self'"));
                break;
            case "api" or "file":
                Assert.That(directives["default-src"], Is.EqualTo("default-src 'none'"), csp);
                Assert.That(directives["frame-ancestors"], Is.EqualTo("frame-ancestors 'none'"));
                break;
        }
    }

    [Test]
    public async Task BackOfficePage_NamesTheNonceOfItsScripts()
    {
        using var response = await _backOffice.GetAsync($"/umbraco/content");
        var html = await response.Content.ReadAsStringAsync();

        var nonce = WebUtility.HtmlDecode(NoncePattern().Match(html).Groups[1].Value);
        Assert.That(nonce, Has.Length.GreaterThanOrEqualTo(16));
        Assert.That(AllHeaders(response)["Content-Security-Policy"], Does.Contain($"'nonce-{nonce}'"));
    }

    private async Task<HttpResponseMessage> RequestOfGroupAsync(string group)
    {
        switch (group)
        {
            case "public page, rendered":
                await _site.Services.GetRequiredService<Core.Publishing.PublishedSnapshotService>().RebuildAsync();
                return await _anonymous.GetAsync($"/en/");
            case "public page, from the page cache":
                (await _anonymous.GetAsync($"/uk/")).Dispose();
                var cached = await _anonymous.GetAsync($"/uk/");
                Assert.That(cached.Headers.Age, Is.Not.Null, "answered from the page cache");
                return cached;
            case "public page, 304 to a revalidation":
                using (var first = await _anonymous.GetAsync($"/uk/"))
                {
                    using var revalidation = new HttpRequestMessage(HttpMethod.Get, $"/uk/");
                    revalidation.Headers.IfNoneMatch.Add(first.Headers.ETag!);
                    var notModified = await _anonymous.SendAsync(revalidation);
                    Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
                    return notModified;
                }

            case "404 page":
                return await Expect(HttpStatusCode.NotFound, _anonymous.GetAsync($"/uk/no-such-page/"));
            case "400 page":
                return await Expect(HttpStatusCode.BadRequest, _anonymous.GetAsync($"/uk/?page=x"));
            case "static file":
                return await Expect(HttpStatusCode.OK, _anonymous.GetAsync($"/css/site.css"));
            case "sitemap":
                return await Expect(HttpStatusCode.OK, _anonymous.GetAsync($"/sitemap.xml"));
            case "RSS feed":
                return await Expect(HttpStatusCode.OK, _anonymous.GetAsync($"/uk/rss.xml"));
            case "robots.txt":
                return await Expect(HttpStatusCode.OK, _anonymous.GetAsync($"/robots.txt"));
            case "health check":
                return await Expect(HttpStatusCode.OK, _anonymous.GetAsync($"/healthz"));
            case "HEAD of a page":
                return await Expect(HttpStatusCode.OK, _anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/en/")));
            case "media file":
                return await Expect(HttpStatusCode.OK, _anonymous.GetAsync(_mediaUrl));
            case "back-office page":
                return await Expect(HttpStatusCode.OK, _backOffice.GetAsync($"/umbraco/content"));
            case "back-office sign-in":
                return await Expect(HttpStatusCode.OK, _anonymous.GetAsync($"/umbraco/login"));
            case "preview":
                return await Expect(HttpStatusCode.OK, _backOffice.GetAsync($"/umbraco/content/{_document}/preview/uk"));
            case "Management API JSON":
                return await Expect(HttpStatusCode.OK, _api.GetAsync($"{Base}/document-type"));
            case "Management API error":
                return await Expect(HttpStatusCode.NotFound, _api.GetAsync($"{Base}/document/{Guid.NewGuid()}"));
            case "token endpoint":
                return await Expect(HttpStatusCode.OK, RequestTokenAsync(_anonymous, EditorsId, EditorsSecret));
            default:
                throw new ArgumentOutOfRangeException(nameof(group), group, null);
        }
    }

    // ---- HEAD, /error, cultures, conditional requests ----

    [TestCase("/")]
    [TestCase("/uk/")]
    [TestCase("/healthz")]
    [TestCase("/umbraco/login")]
    [TestCase("/sitemap.xml")]
    [TestCase("/en/rss.xml")]
    [TestCase("/robots.txt")]
    [TestCase("/uk/no-such-page/")]
    [TestCase("/css/site.css")]
    [TestCase(Base + "/document-type")]
    public async Task Head_IsAnsweredWhereverGetIs_WithoutABody(string path)
    {
        var client = path.StartsWith(Base, StringComparison.Ordinal) ? _api : _anonymous;
        using var get = await client.GetAsync(path);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.That(head.StatusCode, Is.EqualTo(get.StatusCode), $"HEAD {path}");
        Assert.That(head.Content.Headers.ContentType?.MediaType, Is.EqualTo(get.Content.Headers.ContentType?.MediaType));
        Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task HeadOfAMediaFile_SaysItsSize_WithoutSendingIt()
    {
        using var head = await _anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, _mediaUrl));

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(MediaTestFiles.Png(8, 8).Length));
        Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [TestCase("/error")]
    [TestCase("/error/500")]
    [TestCase("/error/404")]
    [TestCase("/error/abc")]
    public async Task ErrorPage_AskedForDirectly_IsA404(string path)
    {
        using var response = await _anonymous.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(html, Does.Match("<html lang=\"(uk|en)\""));
    }

    [TestCase("/UK/rss.xml", "/uk/rss.xml")]
    [TestCase("/EN/", "/en/")]
    [TestCase("/Uk", "/uk")]
    [TestCase("/uK/novyny/?page=2", "/uk/novyny/?page=2")]
    [TestCase("/En/news/some-article/", "/en/news/some-article/")]
    public async Task CultureInAnotherCase_IsRedirectedPermanently_ToLowerCase(string path, string expected)
    {
        using var response = await _anonymous.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo(expected));
    }

    [Test]
    public async Task UpperCaseCultureFeed_NeverAnswersAFeedOfThatCulture()
    {
        using var followed = new HttpClient { BaseAddress = new Uri(_base) };

        var feed = await followed.GetStringAsync("/UK/rss.xml");

        Assert.That(feed, Does.Contain("<language>uk</language>").And.Not.Contain("<language>UK</language>"));
    }

    [Test]
    public async Task ChangeToAnUpperCaseCulture_IsA404()
    {
        using var response = await _anonymous.PostAsync($"/UK/", new StringContent("x"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task RevalidationOfAMissingPage_IsA404_EvenForAnyOrTheCurrentETag()
    {
        using var home = await _anonymous.GetAsync($"/uk/");
        var etag = home.Headers.ETag!;

        using var any = new HttpRequestMessage(HttpMethod.Get, $"/uk/no-such-page/");
        any.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var anyResponse = await _anonymous.SendAsync(any);
        using var current = new HttpRequestMessage(HttpMethod.Get, $"/uk/no-such-page/");
        current.Headers.IfNoneMatch.Add(etag);
        using var currentResponse = await _anonymous.SendAsync(current);
        using var existing = new HttpRequestMessage(HttpMethod.Get, $"/en/");
        existing.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var existingResponse = await _anonymous.SendAsync(existing);

        Assert.That(anyResponse.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "If-None-Match: * on a missing page");
        Assert.That(currentResponse.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another page's ETag on a missing page");
        Assert.That(currentResponse.Headers.ETag, Is.Null, "a missing page has no ETag");
        Assert.That(existingResponse.StatusCode, Is.EqualTo(HttpStatusCode.NotModified), "If-None-Match: * on a page that exists");
    }

    // ---- A body shorter than its Content-Length ----

    [Test]
    public async Task ApiUpload_ThatSendsLessThanItsContentLength_Is400ProblemDetails()
    {
        var (status, headers, body) = await SendLyingRequestAsync($"POST {Base}/media?fileName=photo.png", _api.DefaultRequestHeaders.Authorization!.ToString(),
            "application/octet-stream", declared: 100_000, MediaTestFiles.Png(8, 8)[..30]);

        Assert.That(status, Is.EqualTo(400), body);
        Assert.That(headers, Does.Contain("Content-Type: application/problem+json"));
        Assert.That(JsonNode.Parse(body)!["status"]!.GetValue<int>(), Is.EqualTo(400));
    }

    [Test]
    public async Task ApiJson_ThatSendsLessThanItsContentLength_Is400ProblemDetails()
    {
        var (status, headers, body) = await SendLyingRequestAsync($"POST {Base}/document", _api.DefaultRequestHeaders.Authorization!.ToString(),
            "application/json", declared: 5_000, "{\"documentType\": {\"alias\": \"news"u8.ToArray());

        Assert.That(status, Is.EqualTo(400), body);
        Assert.That(headers, Does.Contain("Content-Type: application/problem+json"));
        Assert.That(JsonNode.Parse(body)!["detail"]!.GetValue<string>(), Does.Contain("Content-Length"));
    }

    [Test]
    public async Task BackOfficeForm_ThatSendsLessThanItsContentLength_IsAClientError()
    {
        var cookies = string.Join("; ", _backOfficeCookies.GetCookies(new Uri($"{_base}/umbraco/content")).Select(c => $"{c.Name}={c.Value}"));
        var (status, _, body) = await SendLyingRequestAsync($"POST /umbraco/content/{_document}/save", null,
            "application/x-www-form-urlencoded", declared: 5_000, "Version=1&Values%5Buk%5D%5Bname%5D=abc"u8.ToArray(), $"Cookie: {cookies}");

        Assert.That(status, Is.InRange(400, 499), body);
        Assert.That(body, Does.Match("<html lang=\"(uk|en)\""));
    }

    [Test]
    public async Task SitePost_ThatSendsLessThanItsContentLength_IsAClientError()
    {
        var (status, _, body) = await SendLyingRequestAsync("POST /uk/", null, "application/x-www-form-urlencoded", declared: 5_000, "a=1"u8.ToArray());

        Assert.That(status, Is.InRange(400, 499), body);
        Assert.That(body, Does.Match("<html lang=\"(uk|en)\""));
    }

    /// <summary>Sends a request whose Content-Length promises more than the body that follows, and waits for the answer.</summary>
    private async Task<(int Status, string Headers, string Body)> SendLyingRequestAsync(
        string requestLine, string? authorization, string contentType, int declared, byte[] sent, string? extraHeader = null)
    {
        var address = new Uri(_base);
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        var stream = socket.GetStream();
        var head = new StringBuilder()
            .Append(requestLine).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(address.Authority).Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Content-Length: ").Append(declared).Append("\r\n");
        if (authorization is not null)
        {
            head.Append("Authorization: ").Append(authorization).Append("\r\n");
        }

        if (extraHeader is not null)
        {
            head.Append(extraHeader).Append("\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(sent);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new MemoryStream();
        var buffer = new byte[16384];
        while (!Complete(received.ToArray()))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.That(split, Is.GreaterThan(0), $"an answer: {text}");
        var headers = text[..split];
        var body = Dechunk(text[(split + 4)..], headers);
        return (int.Parse(headers.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, body);
    }

    private static bool Complete(byte[] received)
    {
        var text = Encoding.UTF8.GetString(received);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return false;
        }

        var headers = text[..split];
        var rest = text[(split + 4)..];
        if (ContentLengthPattern().Match(headers) is { Success: true } length)
        {
            return Encoding.UTF8.GetByteCount(rest) >= int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return !headers.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase) || rest.EndsWith("0\r\n\r\n", StringComparison.Ordinal);
    }

    private static string Dechunk(string body, string headers)
    {
        if (!headers.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        var result = new StringBuilder();
        var bytes = Encoding.UTF8.GetBytes(body);
        var position = 0;
        while (position < bytes.Length)
        {
            var lineEnd = Array.IndexOf(bytes, (byte)'\n', position);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(bytes, position, lineEnd - position).Trim(), 16);
            if (size == 0)
            {
                break;
            }

            result.Append(Encoding.UTF8.GetString(bytes, lineEnd + 1, size));
            position = lineEnd + 1 + size + 2;
        }

        return result.ToString();
    }

    // ---- The limit on changes ----

    [Test]
    public async Task ApiClient_ThatFloodsChanges_Gets429_WithRetryAfter_WhileOthersCarryOn()
    {
        using var writers = await ApiClientAsync(WritersId, WritersSecret);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= WritesPerMinute; i++)
        {
            // A stale version: refused, but a change all the same, as far as the limit is concerned.
            var answer = await PutJsonAsync(writers, $"{Base}/document/{_document}", new { version = 0, variants = new[] { new { culture = "uk", name = "x" } } });
            statuses.Add(answer.Status);
            answer.Response.Dispose();
        }

        using var limited = await writers.PutAsync($"{Base}/document/{_document}", Json(new { version = 0 }));
        var problem = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;
        using var read = await writers.GetAsync($"{Base}/document/{_document}");
        using var editors = await ApiClientAsync(EditorsId, EditorsSecret);
        var other = await PutJsonAsync(editors, $"{Base}/document/{_document}", new { version = 0 });

        Assert.That(statuses.Take(WritesPerMinute), Has.None.EqualTo(HttpStatusCode.TooManyRequests), "a burst up to the limit goes through");
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThanOrEqualTo(1));
        Assert.That(limited.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(429));
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reading is not limited");
        Assert.That(other.Status, Is.Not.EqualTo(HttpStatusCode.TooManyRequests), "another client has its own allowance");
    }

    [Test]
    public async Task BackOfficeUser_ThatFloodsChanges_Gets429_WithALocalizedPage()
    {
        using var flooder = await SignedInToBackOfficeAsync("edges-flooder@test.local", BackOfficeGroups.Writers);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < WritesPerMinute; i++)
        {
            // Without an antiforgery token: refused, but a change all the same, as far as the limit is concerned.
            using var answer = await flooder.PostAsync($"/umbraco/media/folders", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x" }));
            statuses.Add(answer.StatusCode);
        }

        using var limited = await flooder.PostAsync($"/umbraco/media/folders", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x" }));
        var html = await limited.Content.ReadAsStringAsync();

        Assert.That(statuses, Has.None.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThanOrEqualTo(1));
        Assert.That(html, Does.Contain("lang=\"uk\"").And.Contain("Забагато запитів"));
    }

    // ---- Clients ----

    private readonly CookieContainer _backOfficeCookies = new();

    private HttpClient NewClient(CookieContainer? cookies = null) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
    })
    {
        BaseAddress = new Uri(_base),
    };

    private async Task<HttpClient> ApiClientAsync(string id, string secret)
    {
        var client = NewClient();
        using var response = await RequestTokenAsync(client, id, secret);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(body)!["access_token"]!.GetValue<string>());
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private async Task<HttpClient> SignedInToBackOfficeAsync(string email = AdminEmail, string group = BackOfficeGroups.Administrators)
    {
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
            var user = new BackOfficeUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedUtc = DateTime.UtcNow };
            Assert.That((await users.CreateAsync(user, AdminPassword)).Succeeded, Is.True);
            await users.AddToRoleAsync(user, group);
        }

        var client = NewClient(email == AdminEmail ? _backOfficeCookies : new CookieContainer());
        var token = await BackOfficeSession.AntiforgeryTokenAsync(client, "/umbraco/login");
        using var response = await client.PostAsync("/umbraco/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = AdminPassword,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in");
        return client;
    }

    private Guid NewsIndex() =>
        _site.Services.GetRequiredService<Core.Publishing.PublishedSnapshotService>().Current
            .OfType(Core.Content.DocumentTypes.NewsIndex.Alias, "uk").Single().Key;

    private static async Task<HttpResponseMessage> Expect(HttpStatusCode status, Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.That(response.StatusCode, Is.EqualTo(status), response.RequestMessage?.RequestUri?.ToString());
        return response;
    }

    private static Dictionary<string, string> AllHeaders(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("<script[^>]+nonce=\"([^\"]+)\"")]
    private static partial Regex NoncePattern();

    [GeneratedRegex(@"Content-Length: (\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ContentLengthPattern();
}
