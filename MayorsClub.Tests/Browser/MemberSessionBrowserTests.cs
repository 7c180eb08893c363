using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MayorsClub.Tests.Browser;

/// <summary>
/// The issue's scenario in Chromium, on an expert session with a real video (Fixtures/session.mp4, H.264) and a material
/// with a Cyrillic name: a visitor sees the public part and the members' box, signs in from it and lands back on the
/// session, the video plays and seeks with range requests, the material downloads by its name; the member adds a passkey
/// and signs in to the session with it alone (as localhost: see <see cref="MemberBrowsing"/>); signed out, the copied
/// video URL no longer plays.
/// </summary>
public sealed class MemberSessionBrowserTests : BrowserTestBase
{
    private const string Editor = "editor@test.local";
    private const string MaterialName = "Презентація бюджету.pdf";

    private readonly byte[] _material = MediaTestFiles.Pdf("the budget's slides");
    private string _site = "";
    private string _ukUrl = "";
    private string _enUrl = "";

    protected override IReadOnlyDictionary<string, string>? Settings => MemberBrowsing.LocalhostSettings;

    [OneTimeSetUp]
    public async Task PublishASessionWithAVideoAndAMaterial()
    {
        _site = MemberBrowsing.Localhost(BaseUrl);
        await using var scope = Site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var video = await MemberBrowsing.UploadSessionVideoAsync(services, Editor);
        var material = await MemberBrowsing.UploadMembersOnlyAsync(services, MaterialName, _material, Editor);

        var values = new ContentValues();
        values.Invariant[ExpertSession.Date] = new JsonObject { ["local"] = "2026-11-20T11:00", ["zone"] = "Europe/Kyiv" };
        values.Invariant[ExpertSession.Video] = new JsonArray(video.ToString());
        values.Invariant[ExpertSession.Materials] = new JsonArray(material.ToString());
        values.Cultures["uk"] = Variant("Бюджет громади на 2027 рік", "Як скласти бюджет.", "<p>Розбираємо бюджетний календар.</p>", "Ірина Коваль");
        values.Cultures["en"] = Variant("The community's budget for 2027", "How to draft a budget.", "<p>We go through the budget calendar.</p>", "Iryna Koval");
        var sessions = services.GetRequiredService<PublishedSnapshotService>().Current.OfType(ExpertSessionIndex.Alias, "uk").Single().Key;
        var created = await services.GetRequiredService<DocumentEditor>().CreateAsync(new DocumentEditor.CreateCommand(sessions, ExpertSession.Alias, values, Editor));
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        var published = await services.GetRequiredService<DocumentPublisher>().PublishAsync(new DocumentPublisher.PublishCommand(created.Document!.Key, ["uk", "en"], Editor));
        Assert.That(published.Succeeded, Is.True, string.Join("; ", published.Errors));

        var session = services.GetRequiredService<PublishedSnapshotService>().Current.Get(created.Document.Key)!;
        (_ukUrl, _enUrl) = (session.Url("uk")!, session.Url("en")!);
    }

    [Test]
    public async Task AVisitor_SignsInFromTheSession_WatchesIt_DownloadsAMaterial_SignsInAgainWithAPasskey_AndSignedOutTheVideoUrlNoLongerPlays()
    {
        var email = MemberSession.NewEmail("session");
        await MemberSession.CreateMemberAsync(Site, email, name: "Оксана Глядач");
        var page = await NewPageAsync();
        await MemberBrowsing.AddVirtualAuthenticatorAsync(page);
        var membersFiles = new List<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/members/media/", StringComparison.Ordinal))
            {
                lock (membersFiles)
                {
                    membersFiles.Add(response);
                }
            }
        };

        await SeesThePublicPartAndTheMembersBoxAsync(page);
        await page.ClickAsync(".members-only__actions a.button--gold");
        await MemberBrowsing.SignInWithPasswordAsync(page, email);
        await page.WaitForURLAsync(_site + _ukUrl);
        Assert.That(await page.InnerTextAsync(".member-header__name"), Is.EqualTo("Оксана Глядач"));

        var videoUrl = await PlaysAndSeeksTheVideoAsync(page, membersFiles);
        await DownloadsTheMaterialByItsNameAsync(page);
        await SignsInToTheSessionWithAPasskeyAloneAsync(page);

        await MemberBrowsing.SignOutAsync(page, _site + "/uk/");
        await TheCopiedVideoUrlNoLongerPlaysAsync(page, videoUrl, membersFiles);
    }

    /// <summary>Title, date, speakers, description and the box with Sign in and Apply, in both languages; nothing of the members' part in the page.</summary>
    private async Task SeesThePublicPartAndTheMembersBoxAsync(IPage page)
    {
        await page.GotoAsync(_site + _enUrl);
        Assert.That(await page.InnerTextAsync(".members-only h2"), Is.EqualTo("The recording and materials are for members of the club"));
        Assert.That(await page.Locator(".members-only__actions a").AllInnerTextsAsync(), Is.EqualTo(new[] { "Sign in", "Apply for membership" }));

        var anonymous = await page.GotoAsync(_site + _ukUrl);
        Assert.That(await page.InnerTextAsync("h1"), Is.EqualTo("Бюджет громади на 2027 рік"));
        Assert.That(await page.Locator("time[datetime^='2026-11-20T11:00']").CountAsync(), Is.EqualTo(1), "the date");
        Assert.That(await page.Locator(".speaker__name").AllInnerTextsAsync(), Is.EqualTo(new[] { "Ірина Коваль" }));
        Assert.That(await page.InnerTextAsync(".article__body"), Is.EqualTo("Розбираємо бюджетний календар."));
        Assert.That(await page.InnerTextAsync(".members-only h2"), Is.EqualTo("Запис і матеріали — для членів Клубу"));
        Assert.That(await page.Locator(".members-only__actions a").AllInnerTextsAsync(), Is.EqualTo(new[] { "Увійти", "Подати заявку на членство" }));
        Assert.That(await page.Locator("video").CountAsync(), Is.Zero);
        Assert.That(await anonymous!.TextAsync(), Does.Not.Contain("/members/media/").And.Not.Contain("<video").And.Not.Contain("Презентація бюджету"));
    }

    /// <summary>Plays the member's video (muted) until its time advances, seeks to 7 s; the player's request carried a Range answered 206. Returns the video's URL.</summary>
    private static async Task<string> PlaysAndSeeksTheVideoAsync(IPage page, List<IResponse> membersFiles)
    {
        var videoUrl = (await page.GetAttributeAsync("video source", "src"))!;
        Assert.That(videoUrl, Does.StartWith("/members/media/"));
        Assert.That(await page.EvaluateAsync<string>("() => document.createElement('video').canPlayType('video/mp4; codecs=\"avc1.42E01E\"')"),
            Is.EqualTo("probably"), "this Chromium plays H.264");
        var video = page.Locator("video");
        await video.EvaluateAsync("v => { v.muted = true; return v.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('video').currentTime > 0.5", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        var seekedTo = await video.EvaluateAsync<double>(
            "v => new Promise(resolve => { v.addEventListener('seeked', () => resolve(v.currentTime), { once: true }); v.currentTime = 7; })");
        Assert.That(seekedTo, Is.EqualTo(7).Within(0.5));

        var ranges = new List<string>();
        foreach (var response in Recorded(membersFiles).Where(r => r.Request.ResourceType == "media"))
        {
            ranges.Add($"{response.Status} {await response.Request.HeaderValueAsync("range")}");
        }

        Assert.That(ranges, Has.Some.Match("^206 bytes=\\d+-"), "a range request answered 206");
        return videoUrl;
    }

    private async Task DownloadsTheMaterialByItsNameAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".session-materials a"));
        Assert.That(download.SuggestedFilename, Is.EqualTo(MaterialName));
        Assert.That(await File.ReadAllBytesAsync((await download.PathAsync())!), Is.EqualTo(_material));
    }

    /// <summary>Adds a passkey on the profile page, signs out, and signs in from the session's box with the passkey: back on the session, with its player.</summary>
    private async Task SignsInToTheSessionWithAPasskeyAloneAsync(IPage page)
    {
        await page.GotoAsync(_site + "/uk/members/profile");
        await MemberBrowsing.AddPasskeyAsync(page, "Ноутбук");
        await MemberBrowsing.SignOutAsync(page, _site + "/uk/");

        await page.GotoAsync(_site + _ukUrl);
        await page.ClickAsync(".members-only__actions a.button--gold");
        await page.ClickAsync("#passkey-sign-in");
        await page.WaitForURLAsync(_site + _ukUrl);
        Assert.That(await page.InnerTextAsync(".member-header__name"), Is.EqualTo("Оксана Глядач"));
        await page.WaitForFunctionAsync("() => document.querySelector('video').readyState >= 1", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        Assert.That(await page.Locator("video").EvaluateAsync<double>("v => v.duration"), Is.EqualTo(10).Within(0.5), "the player read the video's length");
    }

    /// <summary>Signed out, the copied URL gets the sign-in page, a player pointed at it errors, a range request gets 401: never the bytes.</summary>
    private async Task TheCopiedVideoUrlNoLongerPlaysAsync(IPage page, string videoUrl, List<IResponse> membersFiles)
    {
        var signedIn = Recorded(membersFiles).Count;
        await page.GotoAsync(_site + videoUrl);
        Assert.That(page.Url, Does.StartWith(_site + "/uk/members/sign-in?returnUrl="));
        Assert.That(await page.Locator("#Password").CountAsync(), Is.EqualTo(1), "the sign-in form");
        var error = await page.EvaluateAsync<int>(
            """
            url => new Promise(resolve => {
                const v = document.createElement('video');
                v.muted = true;
                v.addEventListener('error', () => resolve(v.error ? v.error.code : -1), { once: true });
                v.addEventListener('loadedmetadata', () => resolve(0), { once: true });
                v.src = url;
                document.body.append(v);
            })
            """, videoUrl);
        Assert.That(error, Is.GreaterThan(0), "the player's error.code");
        var status = await page.EvaluateAsync<int>("url => fetch(url, { headers: { Range: 'bytes=0-' } }).then(r => r.status)", videoUrl);
        Assert.That(status, Is.EqualTo(401));
        Assert.That(Recorded(membersFiles).Skip(signedIn).Select(r => r.Status), Is.Not.Empty.And.None.InRange(200, 299), "never the bytes");
    }

    private static List<IResponse> Recorded(List<IResponse> responses)
    {
        lock (responses)
        {
            return [.. responses];
        }
    }

    private static CultureVariant Variant(string name, string summary, string description, string speaker) => new()
    {
        Name = name,
        Values =
        {
            [ExpertSession.Summary] = summary,
            [ExpertSession.Description] = description,
            [ExpertSession.Speakers] = new JsonArray(new JsonObject { ["name"] = speaker, ["role"] = "Speaker" }),
        },
    };

}
