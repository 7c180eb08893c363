using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Members;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Web.Delivery;
using MayorsClub.Web.Delivery.Platform;
using MayorsClub.Web.Delivery.Security;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Member-protected content in the Delivery API with real member tokens (code flow with PKCE): a page under a public
/// access rule for Mayors (with a page below it) and an expert session whose members-only properties carry markers; and
/// CVE-2025-54425: with the cache on, whatever the order of requests, nothing made for a preview, a member or a key reaches
/// an anonymous caller, and nothing kept for anonymous callers is served to them.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class DeliveryProtectedContentTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Api = DeliveryApi.BasePath + "/content";
    private const string Key = "protected-content-tests-key-0123456789abcdef";
    private readonly string _marker = "gated" + Guid.NewGuid().ToString("N")[..8];
    private Guid _page;
    private Guid _below;
    private Guid _session;
    private Guid _article;
    private string _mayorToken = "";
    private string _partnerToken = "";

    /// <summary>What only the protected pages' bodies hold (their names and the other documents' names do not).</summary>
    private string Gated => $"{_marker}gated";

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>(DeliveryMemberTokens.Settings)
    {
        ["MayorsClub:DeliveryApi:ApiKeys:app"] = Key,
        ["MayorsClub:Members:SecurityStampValidationSeconds"] = "0", // a revoked token is refused at once, not after the check interval
    };

    [OneTimeSetUp]
    public async Task SeedProtectedContent()
    {
        _page = await CreateAndPublishAsync(HomeKey, ContentPage.Alias, PageForMayors("Для мерів", $"{Gated}page"));
        _below = await CreateAndPublishAsync(_page, ContentPage.Alias, PageForMayors("Нижче", $"{Gated}below"));
        var rule = await WithServices(s => s.GetRequiredService<PublicAccessRules>().SetAsync(_page, [MemberGroups.Mayors], Editor, EditorRights.Publish));
        Assert.That(rule.Status, Is.EqualTo(ContentStatus.Success), string.Join("; ", rule.Errors));

        var kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];
        var session = new ContentValues();
        session.Invariant[ExpertSession.Date] = ZonedValue.Create(Site.Clock.GetCurrentInstant().Minus(Duration.FromDays(3)).InZone(kyiv).LocalDateTime, kyiv.Id);
        session.Invariant[ExpertSession.VideoEmbedUrl] = $"https://www.youtube.com/watch?v={_marker}video";
        foreach (var culture in Cultures.All)
        {
            session.Cultures[culture] = new CultureVariant
            {
                Name = Unique($"Сесія {_marker} {culture}"),
                Values = { [ExpertSession.Summary] = "Публічний виклад сесії.", [ExpertSession.Description] = "<p>Публічний опис.</p>" },
            };
        }

        _session = await CreateAndPublishAsync(Snapshot.OfType(ExpertSessionIndex.Alias, "uk").Single().Key, ExpertSession.Alias, session);

        // A published article whose saved (not published) draft carries a marker only a preview may show.
        _article = await CreateAndPublishAsync(NewsIndexKey, NewsArticle.Alias, Article($"Стаття {_marker}", $"Article {_marker}"));
        var state = (await GetAsync(_article))!;
        var saved = await SaveAsync(_article, state.Version, "uk", ArticleText($"Чернетка {_marker}draft", "Чернетка.", $"<p>{_marker}draft</p>"));
        Assert.That(saved.Succeeded, Is.True, string.Join("; ", saved.Errors));

        var mayor = MemberSession.NewEmail("mayor");
        var partner = MemberSession.NewEmail("partner");
        await MemberSession.CreateMemberAsync(Site, mayor, groups: [MemberGroups.Mayors]);
        await MemberSession.CreateMemberAsync(Site, partner, groups: [MemberGroups.Partners]);
        _mayorToken = await DeliveryMemberTokens.GetAsync(Site, mayor);
        _partnerToken = await DeliveryMemberTokens.GetAsync(Site, partner);
    }

    [Test]
    public async Task AProtectedPage_Is401ForAnonymous_403ForAMemberWithoutTheGroup_WholeForAMemberInIt_InEveryEndpoint()
    {
        var whole = await GetAsync($"{Api}/item/{_page}", _mayorToken);
        Assert.That(whole.Status, Is.EqualTo(HttpStatusCode.OK), whole.Body);
        Assert.That((string?)whole.Json!["properties"]![ContentPage.Body]!["markup"], Does.Contain($"{Gated}page-uk"), "every property");
        var route = (string)whole.Json["route"]!["path"]!;
        var belowRoute = (string)(await GetAsync($"{Api}/item/{_below}", _mayorToken)).Json!["route"]!["path"]!;

        string[] single = [$"{Api}/item/{_page}", $"{Api}/item{route}", $"{Api}/items?id={_session}&id={_page}", $"{Api}/item/{_below}", $"{Api}/item{belowRoute}"];
        foreach (var url in single)
        {
            var anonymous = await GetAsync(url);
            var outsider = await GetAsync(url, _partnerToken);
            var insider = await GetAsync(url, _mayorToken);
            Assert.That(anonymous.Status, Is.EqualTo(HttpStatusCode.Unauthorized), url);
            Assert.That(anonymous.Media, Is.EqualTo("application/problem+json"), url);
            Assert.That(outsider.Status, Is.EqualTo(HttpStatusCode.Forbidden), url);
            Assert.That(outsider.Media, Is.EqualTo("application/problem+json"), url);
            Assert.That(insider.Status, Is.EqualTo(HttpStatusCode.OK), url);
            Assert.That(anonymous.Body + outsider.Body, Does.Not.Contain(Gated), url);
            Assert.That(insider.Body, Does.Contain(Gated), url);
        }

        // Queries leave the protected pages out silently; the member in the group finds them with their protected text.
        var home = HomeKey;
        string[] queries =
        [
            $"{Api}?fetch=children:{home}&take=100", $"{Api}?fetch=descendants:{home}&take=1000",
            $"{Api}?fetch=descendants:{home}&filter=contentType:{ContentPage.Alias}&take=1000", $"{Api}?fetch=children:{_page}",
        ];
        foreach (var url in queries)
        {
            var anonymous = await GetAsync(url);
            var outsider = await GetAsync(url, _partnerToken);
            var insider = await GetAsync(url, _mayorToken);
            Assert.That(anonymous.Status, Is.EqualTo(HttpStatusCode.OK), url);
            Assert.That(outsider.Status, Is.EqualTo(HttpStatusCode.OK), url);
            Assert.That(Ids(anonymous), Does.Not.Contain(_page).And.Not.Contain(_below), url);
            Assert.That(Ids(outsider), Does.Not.Contain(_page).And.Not.Contain(_below), url);
            Assert.That(anonymous.Body + outsider.Body, Does.Not.Contain(Gated), url);
            Assert.That(insider.Status, Is.EqualTo(HttpStatusCode.OK), url);
            Assert.That(Ids(insider), Does.Contain(url.Contains($"children:{_page}", StringComparison.Ordinal) ? _below : _page), url);
            Assert.That(insider.Body, Does.Contain(Gated), url);
        }

        var search = $"{Api}?q={Gated}page&take=100";
        Assert.That(Ids(await GetAsync(search)), Does.Not.Contain(_page), "the search leaves it out for anonymous callers");
        Assert.That(Ids(await GetAsync(search, _partnerToken)), Does.Not.Contain(_page), "and for a member without the group");
    }

    [Test]
    public async Task MembersOnlyProperties_AreAbsentForAnonymous_PresentForAMember_InItemsAndQueries()
    {
        var urls = new[]
        {
            $"{Api}/item/{_session}", $"{Api}/items?id={_session}",
            $"{Api}?fetch=children:{Snapshot.OfType(ExpertSessionIndex.Alias, "uk").Single().Key}&take=100",
            $"{Api}?filter=contentType:{ExpertSession.Alias}&take=100", $"{Api}?fetch=descendants:{HomeKey}&filter=name:{_marker}",
        };
        foreach (var url in urls)
        {
            var anonymous = await GetAsync(url);
            var member = await GetAsync(url, _partnerToken);
            Assert.That(anonymous.Status, Is.EqualTo(HttpStatusCode.OK), url);
            Assert.That(member.Status, Is.EqualTo(HttpStatusCode.OK), url);
            var seen = Item(anonymous, _session);
            var asMember = Item(member, _session);
            Assert.That(seen, Is.Not.Null, $"the session itself is public: {url}");
            Assert.That(seen!["properties"]!.AsObject().ContainsKey(ExpertSession.VideoEmbedUrl), Is.False, url);
            Assert.That((string?)seen["properties"]![ExpertSession.Summary], Is.EqualTo("Публічний виклад сесії."), url);
            Assert.That(anonymous.Body, Does.Not.Contain($"{_marker}video"), url);
            Assert.That((string?)asMember!["properties"]![ExpertSession.VideoEmbedUrl], Does.Contain($"{_marker}video"), url);
        }
    }

    [Test]
    public async Task AGarbageOrRevokedToken_Is401_NeverAnonymousContent()
    {
        var email = MemberSession.NewEmail("revoked");
        await MemberSession.CreateMemberAsync(Site, email, groups: [MemberGroups.Mayors]);
        var (browser, tokens) = await DeliveryMemberTokens.SignInAsync(Site, email);
        using (browser)
        {
            var token = (string)tokens["access_token"]!;
            Assert.That((await GetAsync($"{Api}/item/{_page}", token)).Status, Is.EqualTo(HttpStatusCode.OK));
            var (revoked, _) = await DeliveryMemberTokens.PostAsync(browser, "revoke", new()
            {
                ["client_id"] = DeliveryMemberAuthorization.ClientId, ["token"] = token, ["token_type_hint"] = "access_token",
            });
            Assert.That(revoked, Is.EqualTo(HttpStatusCode.OK));

            foreach (var bearer in new[] { token, "garbage", token[..^4] + "AAAA" })
            {
                foreach (var url in new[] { $"{Api}/item/{_page}", $"{Api}/item/{_session}", $"{Api}?fetch=children:{HomeKey}" })
                {
                    var answer = await GetAsync(url, bearer);
                    Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Unauthorized), $"{url} with {bearer[..Math.Min(8, bearer.Length)]}…");
                    Assert.That(answer.Media, Is.EqualTo("application/problem+json"));
                }
            }
        }
    }

    /// <summary>CVE-2025-54425 (Umbraco's cache varied on too little): checked in both orders for each kind of caller.</summary>
    [TestCase("preview", true)]
    [TestCase("preview", false)]
    [TestCase("member", true)]
    [TestCase("member", false)]
    [TestCase("key", true)]
    [TestCase("key", false)]
    public async Task TheCache_NeverServesAPersonalAnswerToAnonymous_NorTheAnonymousAnswerToThem(string caller, bool anonymousFirst)
    {
        var tag = $"{caller}{anonymousFirst}";
        var draft = $"{_marker}draft";
        var video = $"{_marker}video";

        // Each answer and what only the personal caller may find in it (the draft for the preview, the video link for a member).
        var answers = new (string Url, string? Preview, string? Member)[]
        {
            ($"{Api}/item/{_article}?case={tag}", draft, null), ($"{Api}/item/{_session}?case={tag}", null, video),
            ($"{Api}?fetch=children:{NewsIndexKey}&take=100&case={tag}", draft, null), ($"{Api}?filter=contentType:{ExpertSession.Alias}&take=100&case={tag}", null, video),
        };
        (string, string)[] personal = caller switch
        {
            "preview" => [(DeliveryHeaders.ApiKey, Key), (DeliveryHeaders.Preview, "true")],
            "member" => [("Authorization", "Bearer " + _mayorToken)],
            _ => [(DeliveryHeaders.ApiKey, Key)],
        };

        foreach (var (url, previewMarker, memberMarker) in answers)
        {
            Answer anonymous, mine;
            if (anonymousFirst)
            {
                var primed = await GetAsync(url);
                Assert.That(primed.Cache, Is.EqualTo("MISS"), url);
                mine = await GetAsync(url, headers: personal);
                anonymous = await GetAsync(url);
                Assert.That(anonymous.Cache, Is.EqualTo("HIT"), $"the anonymous answer is kept: {url}");
            }
            else
            {
                mine = await GetAsync(url, headers: personal);
                anonymous = await GetAsync(url);
                Assert.That(anonymous.Cache, Is.EqualTo("MISS"), $"nothing personal was kept: {url}");
                Assert.That((await GetAsync(url)).Cache, Is.EqualTo("HIT"), url);
            }

            Assert.That(mine.Status, Is.EqualTo(HttpStatusCode.OK), $"{url} {mine.Body}");
            Assert.That(mine.Cache, Is.Null, $"a personal answer never comes from, nor goes to, the cache: {url}");
            Assert.That(mine.CacheControl, Is.EqualTo("no-store, private"), url);
            Assert.That(anonymous.Body, Does.Not.Contain(draft).And.Not.Contain(video), url);
            var personalMarker = caller switch { "preview" => previewMarker, "member" => memberMarker, _ => null };
            if (personalMarker is not null)
            {
                Assert.That(mine.Body, Does.Contain(personalMarker), $"the personal answer is the personal one: {url}");
            }

        }
    }

    private sealed record Answer(HttpStatusCode Status, string Body, JsonNode? Json, string? Media, string? Cache, string? CacheControl);

    private async Task<Answer> GetAsync(string url, string? bearer = null, (string Name, string Value)[]? headers = null)
    {
        using var client = MemberSession.Anonymous(Site);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.LessThan(500), body);
        var media = response.Content.Headers.ContentType?.MediaType;
        return new Answer(
            response.StatusCode, body, media?.EndsWith("json", StringComparison.Ordinal) == true && body.Length > 0 ? JsonNode.Parse(body) : null, media,
            response.Headers.TryGetValues(DeliveryAnswers.CacheHeader, out var cache) ? cache.Single() : null, response.Headers.CacheControl?.ToString());
    }

    private static JsonArray Items(Answer answer) => answer.Json is JsonArray array ? array : answer.Json!["items"]!.AsArray();

    private static List<Guid> Ids(Answer answer)
    {
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
        return Items(answer).Select(item => Guid.Parse((string)item!["id"]!)).ToList();
    }

    /// <summary>The item with this id in an answer: the item itself, or one of the items listed.</summary>
    private static JsonNode? Item(Answer answer, Guid id) =>
        answer.Json is JsonObject single && single.ContainsKey("id") && !single.ContainsKey("items")
            ? single
            : Items(answer).FirstOrDefault(item => (string?)item!["id"] == id.ToString());
}
