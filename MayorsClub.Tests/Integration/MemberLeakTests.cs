using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MayorsClub.Core.Applications;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Members;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Nothing member-only leaks: an expert session and a protected page (with a page below it) carry a unique marker in
/// every protected field and in the names and keys of their members-only files. An anonymous client then crawls every
/// URL the site links or lists (pages in both languages, the sitemap, the feeds, the files they name, error pages, the
/// back office's preview) and must meet no marker in any body or header; members see them where they belong.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[NonParallelizable]
public sealed partial class MemberLeakTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const int MostRequests = 1500;
    private readonly string _marker = "leak" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<string> _markers = [];
    private readonly Dictionary<string, string> _protectedUrls = new();
    private Guid _session;
    private Guid _embedSession;
    private Guid _protectedPage;
    private Guid _pageBelow;
    private Guid _protectedEvent;

    private string Marker(string field)
    {
        var marker = $"{_marker}{field}";
        _markers.Add(marker);
        return marker;
    }

    [OneTimeSetUp]
    public async Task SeedProtectedContent()
    {
        var video = await UploadAsync($"{Marker("videofile")}.mp4", [.. MediaTestFiles.Mp4(), .. FreeBox(Marker("videobytes"))]);
        var slides = await UploadAsync($"Презентація {Marker("slides")}.pdf", MediaTestFiles.Pdf(Marker("slidebytes")));
        _markers.Add(video.Key.ToString());
        _markers.Add(slides.Key.ToString());

        var kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];
        var session = new ContentValues();
        session.Invariant[ExpertSession.Date] = ZonedValue.Create(Site.Clock.GetCurrentInstant().Minus(Duration.FromDays(3)).InZone(kyiv).LocalDateTime, kyiv.Id);
        session.Invariant[ExpertSession.Video] = new JsonArray(video.Key.ToString());
        session.Invariant[ExpertSession.Materials] = new JsonArray(slides.Key.ToString());
        foreach (var culture in Cultures.All)
        {
            session.Cultures[culture] = new CultureVariant
            {
                Name = Unique($"Сесія про бюджет {culture}"),
                Values = { [ExpertSession.Summary] = "Публічний виклад сесії.", [ExpertSession.Description] = "<p>Публічний опис.</p>" },
            };
        }

        var sessions = Snapshot.OfType(ExpertSessionIndex.Alias, "uk").Single().Key;
        _session = await CreateAndPublishAsync(sessions, ExpertSession.Alias, session);

        // A second session whose recording is a YouTube link rather than an uploaded file.
        var embedded = session.Clone();
        embedded.Invariant.Remove(ExpertSession.Video);
        embedded.Invariant[ExpertSession.VideoEmbedUrl] = $"https://www.youtube.com/watch?v={Marker("embed")}";
        foreach (var culture in Cultures.All)
        {
            embedded.Cultures[culture].Name = Unique($"Сесія з посиланням {culture}");
        }

        _embedSession = await CreateAndPublishAsync(sessions, ExpertSession.Alias, embedded);

        _protectedPage = await CreateAndPublishAsync(HomeKey, ContentPage.Alias, PageForMayors("Для мерів", Marker("pagebody")));
        _pageBelow = await CreateAndPublishAsync(_protectedPage, ContentPage.Alias, PageForMayors("Нижче", Marker("belowbody")));
        var rule = await WithServices(s => s.GetRequiredService<PublicAccessRules>().SetAsync(_protectedPage, [MemberGroups.Mayors], Editor, EditorRights.Publish));
        Assert.That(rule.Status, Is.EqualTo(ContentStatus.Success), string.Join("; ", rule.Errors));

        // An event for mayors only: the calendar, its feeds and its .ics show its teaser (name, summary, times), never where or how to join.
        var meeting = new ContentValues();
        var start = Site.Clock.GetCurrentInstant().Plus(Duration.FromDays(9)).InZone(kyiv).LocalDateTime;
        meeting.Invariant[Event.Start] = ZonedValue.Create(start, kyiv.Id);
        meeting.Invariant[Event.End] = ZonedValue.Create(start.PlusHours(2), kyiv.Id);
        meeting.Invariant[Event.EventType] = "forum";
        meeting.Invariant[Event.IsOnline] = true;
        meeting.Invariant[Event.OnlineLink] = $"https://meet.example.org/{Marker("eventlink")}";
        foreach (var culture in Cultures.All)
        {
            meeting.Cultures[culture] = new CultureVariant
            {
                Name = Unique($"Зустріч мерів {culture}"),
                Values =
                {
                    [Event.Summary] = "Публічний тизер зустрічі.", [Event.Description] = $"<p>{Marker("eventbody")}</p>",
                    [Event.Venue] = Marker("eventvenue"), [Event.City] = Marker("eventcity"), [Event.Country] = Marker("eventcountry"),
                },
            };
        }

        _protectedEvent = await CreateAndPublishAsync(Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Key, Event.Alias, meeting);
        var eventRule = await WithServices(s => s.GetRequiredService<PublicAccessRules>().SetAsync(_protectedEvent, [MemberGroups.Mayors], Editor, EditorRights.Publish));
        Assert.That(eventRule.Status, Is.EqualTo(ContentStatus.Success), string.Join("; ", eventRule.Errors));

        // An applicant's and a subscriber's personal data: only the back office may read them, never a page, feed or file of the site.
        var applied = await WithServices(s => s.GetRequiredService<ApplicationIntake>().SubmitAsync(ApplicationForms.Membership, "uk",
            new Dictionary<string, string?>
            {
                ["fullName"] = Marker("applicant"), ["position"] = "currentMayor", ["community"] = Marker("community"), ["region"] = "UA-46",
                ["email"] = $"{Marker("mail")}@hromada.test", ["phone"] = "+380 67 123 45 67", ["motivation"] = Marker("motivation"), ["consent"] = "true",
            }, null, CancellationToken.None));
        Assert.That(applied, Is.InstanceOf<IntakeResult.Accepted>());
        Assert.That(await WithServices(s => s.GetRequiredService<MayorsClub.Core.Announcements.Subscriptions>()
            .SubscribeAsync($"{Marker("subscriber")}@hromada.test", "en", CancellationToken.None)), Is.True, "a subscriber's address");
    }

    /// <summary>An MP4 "free" box (skipped by players) carrying the text, so the file's bytes hold a marker too.</summary>
    private static byte[] FreeBox(string text)
    {
        var payload = System.Text.Encoding.ASCII.GetBytes(text);
        var size = 8 + payload.Length;
        return [(byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size, (byte)'f', (byte)'r', (byte)'e', (byte)'e', .. payload];
    }

    [Test]
    public async Task AnAnonymousCrawl_OfEverythingTheSiteLinksOrLists_MeetsNoMarker()
    {
        // A member's visit first: if anything personal were kept in a shared cache, the crawl below would meet it.
        using (var mayor = await MemberSession.SignInNewAsync(Site, MemberGroups.Mayors))
        {
            foreach (var culture in Cultures.All)
            {
                Assert.That(await mayor.Client.GetStringAsync(UrlOf(_session, culture)), Does.Contain(_marker), "the member sees the session");
                Assert.That(await mayor.Client.GetStringAsync(UrlOf(_protectedPage, culture)), Does.Contain(_marker), "the member sees the page");
            }
        }

        var start = new List<string> { "/", "/robots.txt", "/sitemap.xml" };
        foreach (var culture in Cultures.All)
        {
            start.AddRange([$"/{culture}/", $"/{culture}/rss.xml", UrlOf(_session, culture), UrlOf(_embedSession, culture), UrlOf(_protectedPage, culture), UrlOf(_pageBelow, culture),
                $"/{culture}/no-such-page-{Guid.NewGuid():N}/", $"/{culture}/?page=abc",
                UrlOf(_protectedEvent, culture), $"/{culture}/calendar.ics", $"/{culture}/calendar.ics?format=online&past=1", $"/{culture}/calendar/{_protectedEvent}.ics",
                $"{Snapshot.OfType(EventsCalendar.Alias, culture).Single().Url(culture)}?view=month&month={Site.Clock.GetCurrentInstant().Plus(Duration.FromDays(9)).InZone(DateTimeZoneProviders.Tzdb["Europe/Kyiv"]).Date.ToYearMonth():uuuu-MM}",
                $"{Snapshot.OfType(EventsCalendar.Alias, culture).Single().Url(culture)}?format=online&type=forum"]);
        }

        // The back office's preview of the protected page, and the media library's public URLs of the members-only files.
        start.Add($"/umbraco/content/{_protectedPage}/preview/uk");
        start.Add($"/umbraco/content/{_session}/preview/en");

        var visited = await CrawlAsync(Client, start);

        Assert.That(visited.Count, Is.GreaterThan(50), "the crawl reached the site's pages");
        Assert.That(visited.Keys, Has.Some.Contains("/rss.xml"));
        Assert.That(visited.Where(page => page.Key.Contains(".ics", StringComparison.Ordinal)).Select(page => page.Value),
            Has.Some.Contains(Snapshot.Get(_protectedEvent)!.Name("uk")!), "the feeds list the members' event by its teaser");
        Assert.That(visited.Where(page => _markers.Any(marker => page.Value.Contains(marker, StringComparison.OrdinalIgnoreCase)))
            .Select(page => $"{page.Key}: {_markers.First(marker => page.Value.Contains(marker, StringComparison.OrdinalIgnoreCase))}"), Is.Empty);
    }

    [Test]
    public async Task TheDeliveryApi_ReadAnonymously_GivesNoMarker_AndRefusesTheProtectedItems()
    {
        const string api = "/umbraco/delivery/api/v2/content";
        var answers = new Dictionary<string, (int Status, string Body)>();
        async Task<string> Read(string url, string culture)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept-Language", culture } } };
            using var response = await Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            answers[$"{culture} {url}"] = ((int)response.StatusCode, body);
            return body;
        }

        foreach (var culture in Cultures.All)
        {
            // Every item the API lists, whole and expanded, page by page; then each one by id and by route, with the other culture's values.
            var ids = new List<string>();
            for (var skip = 0; ; skip += 100)
            {
                var page = System.Text.Json.JsonDocument.Parse(await Read($"{api}?take=100&skip={skip}&expand=properties[$all]", culture)).RootElement;
                ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
                if (skip + 100 >= page.GetProperty("total").GetInt32())
                {
                    break;
                }
            }

            Assert.That(ids, Does.Contain(_session.ToString()).And.Contain(_embedSession.ToString()), "sessions are listed by their public values");
            Assert.That(ids, Does.Not.Contain(_protectedPage.ToString()).And.Not.Contain(_pageBelow.ToString()).And.Not.Contain(_protectedEvent.ToString()));
            foreach (var id in ids.Concat([_protectedPage.ToString(), _pageBelow.ToString(), _protectedEvent.ToString()]))
            {
                await Read($"{api}/item/{id}?expand=properties[$all]&fallback=culture:{(culture == "uk" ? "en" : "uk")}", culture);
            }

            foreach (var key in new[] { _protectedPage, _pageBelow, _protectedEvent })
            {
                Assert.That(answers[$"{culture} {api}/item/{key}?expand=properties[$all]&fallback=culture:{(culture == "uk" ? "en" : "uk")}"].Status, Is.EqualTo(401), $"{key} {culture}");
                Assert.That((int)(await Client.GetAsync($"{api}/items?id={_session}&id={key}")).StatusCode, Is.EqualTo(401));
                await Read($"{api}/item{UrlOf(key, culture)[(culture.Length + 1)..]}", culture);
                await Read($"{api}?fetch=children:{key}&expand=properties[$all]", culture);
            }

            await Read($"{api}/items?{string.Join('&', ids.Select(id => "id=" + id))}&expand=properties[$all]", culture);
            await Read($"{api}?fetch=descendants:{HomeKey}&take=100&filter=contentType:event&filter=online:true&expand=properties[$all]", culture);
            await Read($"{api}?filter=eventStart>2000-01-01&take=100&sort=eventStart:desc", culture);
            foreach (var words in _markers.Append("Публічний тизер сторінки").Append("Лише для мерів").Append("Сесія про бюджет"))
            {
                await Read($"{api}?q={Uri.EscapeDataString(words)}&take=100&expand=properties[$all]", culture);
            }
        }

        Assert.That(answers.Values.Select(a => a.Status), Is.All.LessThan(500));
        Assert.That(answers.Where(a => _markers.Any(marker => a.Value.Body.Contains(marker, StringComparison.OrdinalIgnoreCase)))
            .Select(a => $"{a.Key}: {_markers.First(marker => a.Value.Body.Contains(marker, StringComparison.OrdinalIgnoreCase))}"), Is.Empty);
    }

    [Test]
    public async Task AMemberOfTheGroup_SeesEveryMarkerWhereItBelongs_AndTheFilesStreamOnlyToMembers()
    {
        using var mayor = await MemberSession.SignInNewAsync(Site, MemberGroups.Mayors);
        foreach (var culture in Cultures.All)
        {
            var session = await mayor.Client.GetStringAsync(UrlOf(_session, culture));
            var page = await mayor.Client.GetStringAsync(UrlOf(_protectedPage, culture));
            var below = await mayor.Client.GetStringAsync(UrlOf(_pageBelow, culture));

            Assert.That(session, Does.Contain($"{_marker}videofile").And.Contain($"{_marker}slides"), culture);
            Assert.That(await mayor.Client.GetStringAsync(UrlOf(_embedSession, culture)), Does.Contain($"{_marker}embed"), culture);
            Assert.That(page, Does.Contain($"{_marker}pagebody-{culture}"), culture);
            Assert.That(below, Does.Contain($"{_marker}belowbody-{culture}"), "the rule covers the page below");

            // The files the member's page names: the member gets the bytes, a signed-out copy of the URL gets none.
            foreach (var url in ProtectedFiles().Matches(session).Select(m => WebUtility.HtmlDecode(m.Value)).Distinct())
            {
                using var asMember = await mayor.Client.GetAsync(url);
                using var navigation = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", "text/html,application/xhtml+xml" } } };
                using var signedOut = await Client.SendAsync(navigation);
                using var player = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new System.Net.Http.Headers.RangeHeaderValue(0, null) } };
                using var signedOutPlayer = await Client.SendAsync(player);

                Assert.That((int)asMember.StatusCode, Is.EqualTo(200), url);
                Assert.That(await asMember.Content.ReadAsStringAsync(), Does.Contain(_marker + (url.Contains(".pdf") ? "slidebytes" : "videobytes")), url);
                Assert.That(asMember.Headers.CacheControl?.ToString(), Does.Contain("no-store").And.Contain("private"), url);
                Assert.That(signedOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), url);
                Assert.That(signedOut.Headers.Location?.OriginalString, Does.StartWith("/uk/members/sign-in").Or.StartWith("/en/members/sign-in"), url);
                Assert.That(signedOutPlayer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), url);
                Assert.That(await signedOut.Content.ReadAsStringAsync() + await signedOutPlayer.Content.ReadAsStringAsync(), Does.Not.Contain($"{_marker}videobytes").And.Not.Contain($"{_marker}slidebytes"), url);
            }
        }
    }

    [Test]
    public async Task AMembersOnlyImage_HasNoResizedVariants_SignedOrNot()
    {
        var photo = await UploadAsync($"{Marker("photofile")}.png", MediaTestFiles.Png(640, 400));
        var signed = Site.Services.GetRequiredService<MayorsClub.Core.Imaging.ImageUrls>();
        var signer = Site.Services.GetRequiredService<MayorsClub.Core.Imaging.ImageUrlSigner>();
        var card = new MayorsClub.Core.Imaging.ImageCommands { Crop = "card" };

        Assert.That(signed.For(photo, card), Is.Null, "the site never writes a variant URL for a members-only file");
        var forged = $"hmac={signer.Sign(photo.Key, photo.FileToken, card.ToQuery())}&{card.ToQuery()}&v={photo.FileToken}";
        foreach (var query in new[] { "crop=card", "width=800&format=webp", "width=333&height=111&rmode=pad", forged })
        {
            using var response = await Client.GetAsync($"/media/{photo.Key}/{_marker}photofile.png?{query}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), query);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(_marker), query);
        }
    }

    [Test]
    public async Task AMemberOutsideTheGroups_SeesTheSessionsRecording_ButNotTheProtectedPage()
    {
        using var partner = await MemberSession.SignInNewAsync(Site, MemberGroups.Partners);
        var session = await partner.Client.GetStringAsync(UrlOf(_session, "en"));
        var page = await partner.Client.GetStringAsync(UrlOf(_protectedPage, "en"));
        var below = await partner.Client.GetStringAsync(UrlOf(_pageBelow, "uk"));

        Assert.That(session, Does.Contain($"{_marker}videofile"), "a session's recording is for every member");
        Assert.That(page + below, Does.Not.Contain(_marker), "the page is for the Mayors group only");
        foreach (var url in ProtectedFiles().Matches(await partner.Client.GetStringAsync(UrlOf(_session, "uk"))).Select(m => WebUtility.HtmlDecode(m.Value)))
        {
            using var file = await partner.Client.GetAsync(url);
            Assert.That((int)file.StatusCode, Is.EqualTo(200), url);
        }
    }

    [Test]
    public async Task TheSiteSearch_NeverFindsNorShowsAMarker_InResultsSnippetsOrSuggestions()
    {
        var search = Site.Services.GetRequiredService<MayorsClub.Core.Search.SiteSearch>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!search.Search(new MayorsClub.Core.Search.SearchQuery("uk", "тизер")).Hits.Any(h => h.Key == _protectedPage))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the protected page's public teaser is found: the index holds the seeded content");
            await Task.Delay(50);
        }

        // Each answer without the visitor's own words (the page repeats them in its title, its box and "nothing found for …").
        var answers = new Dictionary<string, string>();
        foreach (var culture in Cultures.All)
        {
            foreach (var words in _markers.Append(_marker).Append("Публічний тизер сторінки").Append("Лише для мерів").Append("Сесія про бюджет"))
            {
                var query = Uri.EscapeDataString(words);
                foreach (var url in new[] { $"/{culture}/search?q={query}", $"/{culture}/search/suggest?q={query}", $"/{culture}/search?q={query}&kind=page" })
                {
                    using var response = await Client.GetAsync(url);
                    Assert.That((int)response.StatusCode, Is.EqualTo(200), url);
                    answers[url] = (await response.Content.ReadAsStringAsync()).Replace(words, "", StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        Assert.That(answers.Where(a => a.Key.StartsWith("/uk/search?q=" + Uri.EscapeDataString("Публічний"), StringComparison.Ordinal))
            .Any(a => a.Value.Contains(UrlOf(_protectedPage, "uk"), StringComparison.Ordinal)), Is.True, "the teaser is found (the search works here)");
        Assert.That(answers.Where(a => _markers.Any(m => a.Value.Contains(m, StringComparison.OrdinalIgnoreCase)))
            .Select(a => $"{a.Key}: {_markers.First(m => a.Value.Contains(m, StringComparison.OrdinalIgnoreCase))}"), Is.Empty);
    }

    [GeneratedRegex("/members/media/[^\"'\\s<>]+")]
    private static partial Regex ProtectedFiles();

    /// <summary>Every page reachable from the start pages over links, sources and sitemap/feed entries on this site: URL → status, headers and body.</summary>
    private static async Task<Dictionary<string, string>> CrawlAsync(HttpClient client, IEnumerable<string> start)
    {
        var visited = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>(start);
        while (queue.TryDequeue(out var url) && visited.Count < MostRequests)
        {
            if (visited.ContainsKey(url))
            {
                continue;
            }

            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            var headers = string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
            visited[url] = $"{(int)response.StatusCode}\n{headers}\n{body}";
            Assert.That((int)response.StatusCode, Is.LessThan(500), url);

            if (response.Headers.Location is { } location && Local(location.OriginalString) is { } target)
            {
                queue.Enqueue(target);
            }

            if (response.Content.Headers.ContentType?.MediaType is "text/html" or "application/xml" or "text/xml" or "application/rss+xml")
            {
                foreach (Match link in Links().Matches(body))
                {
                    foreach (var candidate in link.Groups["url"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (Local(WebUtility.HtmlDecode(candidate.Split(' ')[0])) is { } next && !visited.ContainsKey(next))
                        {
                            queue.Enqueue(next);
                        }
                    }
                }
            }
        }

        return visited;
    }

    /// <summary>The path and query of a URL on this site (absolute on the test origin or root-relative), or null.</summary>
    private static string? Local(string url)
    {
        if (url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal))
        {
            var uri = new Uri(url);
            return uri.Host is "localhost" or "127.0.0.1" ? uri.PathAndQuery : null;
        }

        return url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url.Split('#')[0] : null;
    }

    [GeneratedRegex("""(?:href|src|srcset|content|poster|data-src)\s*=\s*"(?<url>[^"]+)"|<loc>(?<url>[^<]+)</loc>|<link>(?<url>[^<]+)</link>|url="(?<url>[^"]+)" """)]
    private static partial Regex Links();

    private Task<MediaItem> UploadAsync(string fileName, byte[] bytes) =>
        WithServices(async services =>
        {
            using var content = new MemoryStream(bytes);
            var result = await services.GetRequiredService<MediaUploader>().UploadAsync(new MediaUploader.UploadCommand(content, fileName, null, true, "test"));
            Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
            return result.Item!;
        });
}
