using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Members;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// An expert session's video and materials: the members' player and downloads on the page, and the members' file URL
/// with range requests (first bytes, middle, suffix, open-ended, several ranges, a malformed header, unsatisfiable),
/// the original Cyrillic file name, and what a signed-out copy of the URL or a member outside a rule's groups gets.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ProtectedMediaTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string MaterialName = "Матеріали сесії «Громади».pdf";

    private byte[] _video = null!;
    private Guid _session;
    private string _sessionUrl = null!;
    private string _videoUrl = null!;
    private string _materialUrl = null!;
    private MemberSession _member = null!;

    [OneTimeSetUp]
    public async Task PublishASessionWithAVideoAndMaterials()
    {
        // An MP4 header followed by 64 KiB of counting bytes: every range has its own content.
        _video = [.. MediaTestFiles.Mp4(), .. Enumerable.Range(0, 65536).Select(i => (byte)(i * 7))];
        var video = await UploadAsync("запис.mp4", _video);
        var material = await UploadAsync(MaterialName, MediaTestFiles.Pdf("slides of the session"));
        _session = await PublishedSessionAsync(video, material);
        _sessionUrl = UrlOf(_session, "uk");
        _videoUrl = $"/members/media/{_session}/{video}/zapys.mp4";
        _materialUrl = $"/members/media/{_session}/{material}/{MediaUrls.UrlFileName(MaterialName)}";
        _member = await MemberSession.SignInNewAsync(Site, MemberGroups.Mayors);
    }

    [OneTimeTearDown]
    public void SignOutTheMember() => _member.Dispose();

    [Test]
    public async Task Member_SeesThePlayer_AndTheMaterials_AnonymousSeesTheBox()
    {
        using var asMember = await GetAsync(_sessionUrl, _member, accept: "text/html");
        var memberHtml = await asMember.Content.ReadAsStringAsync();
        var (_, anonymousHtml) = await GetPageAsync(_sessionUrl);

        Assert.That(memberHtml, Does.Contain("<video").And.Contain("controls").And.Contain("preload=\"metadata\""));
        Assert.That(memberHtml, Does.Contain($"src=\"{_videoUrl}\""));
        Assert.That(memberHtml, Does.Contain(_materialUrl).And.Contain(MaterialName));
        Assert.That(anonymousHtml, Does.Contain("Запис і матеріали — для членів Клубу"));
        Assert.That(anonymousHtml, Does.Contain($"class=\"button button--gold\" href=\"/uk/members/sign-in?returnUrl={Uri.EscapeDataString(_sessionUrl)}\""),
            "the box's sign-in button (the header links the sign-in page on every page)");
        Assert.That(anonymousHtml, Does.Not.Contain("/members/media/").And.Not.Contain("<video"));
    }

    [Test]
    public async Task Member_SeesTheEmbeddedPlayer_ForAVideoLink_WithoutCookiesFromYouTube()
    {
        var member = Viewer.Member(Guid.NewGuid(), [MemberGroups.Mayors]);
        var session = Snapshot.OfType(ExpertSession.Alias, "uk")
            .First(d => Snapshot.For(member).Of(d, "uk").Text(ExpertSession.VideoEmbedUrl) is { } link && link.Contains("youtube", StringComparison.Ordinal));
        var id = Snapshot.For(member).Of(session, "uk").Text(ExpertSession.VideoEmbedUrl)!.Split('/')[^1];

        using var asMember = await GetAsync(UrlOf(session.Key, "uk"), _member, accept: "text/html");
        var (_, anonymous) = await GetPageAsync(UrlOf(session.Key, "uk"));

        Assert.That(await asMember.Content.ReadAsStringAsync(), Does.Contain($"<iframe src=\"https://www.youtube-nocookie.com/embed/{id}\""));
        Assert.That(anonymous, Does.Not.Contain(id));
    }

    [TestCase("bytes=0-99", 0, 99)]
    [TestCase("bytes=1000-1999", 1000, 1999)]
    [TestCase("bytes=-100", -100, -1)]
    [TestCase("bytes=100-", 100, -1)]
    public async Task RangeRequests_Answer206_WithThoseBytes(string range, int from, int to)
    {
        var length = _video.Length;
        var (first, last) = from < 0 ? (length + from, length - 1) : (from, to < 0 ? length - 1 : to);

        using var response = await GetAsync(_videoUrl, _member, range: range);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(response.Content.Headers.ContentRange?.ToString(), Is.EqualTo($"bytes {first}-{last}/{length}"));
        Assert.That(body, Is.EqualTo(_video[first..(last + 1)]));
        Assert.That(response.Headers.AcceptRanges, Does.Contain("bytes"));
        AssertPrivate(response);
    }

    [TestCase("bytes=0-9,20-29", Description = "several ranges: the whole file (multipart/byteranges is not supported)")]
    [TestCase("bytes=abc", Description = "a malformed header is ignored (RFC 9110)")]
    public async Task RangesItDoesNotTake_GetTheWholeFile(string range)
    {
        using var response = await GetAsync(_videoUrl, _member, range: range);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(_video));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("video/mp4"));
        Assert.That(response.Content.Headers.ContentDisposition, Is.Null, "a video plays inline");
        AssertPrivate(response);
    }

    [Test]
    public async Task UnsatisfiableRange_Is416_WithTheLength()
    {
        using var response = await GetAsync(_videoUrl, _member, range: $"bytes={_video.Length + 10}-");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestedRangeNotSatisfiable));
        Assert.That(response.Content.Headers.ContentRange?.ToString(), Is.EqualTo($"bytes */{_video.Length}"));
    }

    [Test]
    public async Task Material_DownloadsWithItsCyrillicName()
    {
        using var response = await GetAsync(_materialUrl, _member);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo(MaterialName));
        Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Does.EndWith(".pdf").And.Match("^[\\x20-\\x7e]+$"), "an ASCII fallback");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        AssertPrivate(response);
    }

    [Test]
    public async Task SignedOutCopyOfTheUrl_GetsTheSignInPage_OrA401_NeverTheBytes()
    {
        using var browser = await GetAsync(_videoUrl, member: null, accept: "text/html,application/xhtml+xml");
        using var script = await GetAsync(_videoUrl, member: null, accept: "*/*");
        using var player = await GetAsync(_videoUrl, member: null, accept: "text/html", range: "bytes=0-");
        using var forged = await GetAsync(_materialUrl, member: null, accept: "*/*", cookie: "mc_member=not-a-ticket");

        Assert.That(browser.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(browser.Headers.Location?.OriginalString, Does.StartWith("/").And.Contain("/members/sign-in?returnUrl=" + Uri.EscapeDataString(_videoUrl)));
        Assert.That((script.StatusCode, player.StatusCode, forged.StatusCode),
            Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)));
        foreach (var response in new[] { browser, script, player, forged })
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.Not.EqualTo("video/mp4").And.Not.EqualTo("application/pdf"));
            Assert.That(response.Content.Headers.ContentRange, Is.Null);
            AssertPrivate(response);
        }
    }

    [Test]
    public async Task MemberOutsideTheGroupsOfAProtectedSession_Gets403()
    {
        var video = await UploadAsync("partners.mp4", _video);
        var session = await PublishedSessionAsync(video, null);
        var set = await WithServices(s => s.GetRequiredService<PublicAccessRules>()
            .SetAsync(session, [MemberGroups.Partners], Editor, EditorRights.Publish));
        using var partner = await MemberSession.SignInNewAsync(Site, MemberGroups.Partners);
        var url = $"/members/media/{session}/{video}/partners.mp4";

        using var asMayor = await GetAsync(url, _member, range: "bytes=0-9");
        using var asPartner = await GetAsync(url, partner, range: "bytes=0-9");
        using var notPicked = await GetAsync($"/members/media/{_session}/{video}/partners.mp4", _member);

        Assert.That(set.Succeeded, Is.True);
        Assert.That(asMayor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(asPartner.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(notPicked.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a file the document does not pick is not reached through it");
    }

    [Test]
    public async Task MembersFiles_AreNeverKeptByThePageCache()
    {
        using var first = await GetAsync(_materialUrl, _member);
        using var anonymous = await GetAsync(_materialUrl, member: null, accept: "*/*");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(first.Headers.Age, Is.Null);
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(anonymous.Headers.Age, Is.Null);
    }

    private static void AssertPrivate(HttpResponseMessage response)
    {
        Assert.That(response.Headers.CacheControl?.Private, Is.True, "Cache-Control: private");
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "Cache-Control: no-store");
        Assert.That(response.Headers.CacheControl?.Public, Is.False);
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Does.Contain("nosniff"));
    }

    /// <summary>A GET as the member (their own signed-in client) or, when <paramref name="member"/> is null, as an anonymous visitor.</summary>
    private async Task<HttpResponseMessage> GetAsync(string url, MemberSession? member, string accept = "*/*", string? range = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        request.Headers.Accept.ParseAdd(accept);
        if (range is not null)
        {
            request.Headers.TryAddWithoutValidation("Range", range);
        }

        return await (member?.Client ?? Client).SendAsync(request);
    }

    private async Task<Guid> UploadAsync(string fileName, byte[] bytes)
    {
        var result = await WithServices(s => s.GetRequiredService<MediaUploader>()
            .UploadAsync(new MediaUploader.UploadCommand(new MemoryStream(bytes), fileName, null, MembersOnly: true, Editor)));
        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
        return result.Item!.Key;
    }

    private async Task<Guid> PublishedSessionAsync(Guid video, Guid? material)
    {
        var sessions = Snapshot.OfType(ExpertSessionIndex.Alias, "uk").Single().Key;
        var values = new ContentValues();
        values.Invariant[ExpertSession.Date] = new JsonObject { ["local"] = "2026-11-20T11:00", ["zone"] = "Europe/Kyiv" };
        values.Invariant[ExpertSession.Video] = new JsonArray(video.ToString());
        if (material is { } key)
        {
            values.Invariant[ExpertSession.Materials] = new JsonArray(key.ToString());
        }

        values.Cultures["uk"] = new CultureVariant { Name = Unique("Сесія з записом"), Values = { [ExpertSession.Summary] = "Про що сесія." } };
        var created = await CreateAsync(sessions, ExpertSession.Alias, values);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        Assert.That((await PublishAsync(created.Document!.Key, "uk")).Succeeded, Is.True);
        return created.Document.Key;
    }
}
