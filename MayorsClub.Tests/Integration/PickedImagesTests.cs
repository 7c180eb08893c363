using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Images picked on events, expert sessions, speakers and the home page, as the site shows them: on the cards and
/// pages, with the library's alt text in the page's language (or the fallback), their size, og:image, and still
/// without database commands. On SQLite and PostgreSQL.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class PickedImagesTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private static readonly DateTimeZone Kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];

    // No page is kept in the page cache, so every request below renders its page from the snapshot.
    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["MayorsClub:PageCache:MaxPageKilobytes"] = "0",
    };

    [Test]
    public async Task Event_ShowsItsImage_OnItsPageAndInTheCalendar_InBothLanguages()
    {
        var photo = await UploadAsync("Форум громад.png", 64, 48, "Учасники форуму громад", "Participants of the communities forum");
        var (ukTitle, enTitle) = (Unique("Форум громад"), Unique("Communities forum"));
        var start = Now().PlusHours(2);
        var values = new ContentValues();
        values.Invariant[Event.Start] = ZonedValue.Create(start, Kyiv.Id);
        values.Invariant[Event.End] = ZonedValue.Create(start.PlusHours(3), Kyiv.Id);
        values.Invariant[Event.EventType] = "forum";
        values.Invariant[Event.Image] = new JsonArray(photo.Key.ToString());
        values.Cultures["uk"] = new CultureVariant { Name = ukTitle, Values = { [Event.Summary] = "Виклад події." } };
        values.Cultures["en"] = new CultureVariant { Name = enTitle, Values = { [Event.Summary] = "The event in short." } };
        var calendarKey = Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Key;
        var item = await CreatedAndPublishedAsync(calendarKey, Event.Alias, values);
        var calendarUrl = UrlOf(calendarKey, "uk");

        var uk = await ViewAsync(UrlOf(item.Key, "uk"));
        var en = await ViewAsync(UrlOf(item.Key, "en"));
        var calendar = await ViewAsync(calendarUrl);

        Assert.That(Images(uk, photo), Is.EqualTo(new[] { "Учасники форуму громад" }));
        Assert.That(uk, Does.Contain("width=\"64\" height=\"48\""));
        Assert.That(uk, Does.Contain($"<meta property=\"og:image\" content=\"http://localhost{photo.PublicUrl}&crop=og&format=jpg&hmac="));
        Assert.That(Images(en, photo), Is.EqualTo(new[] { "Participants of the communities forum" }));
        Assert.That(Images(calendar, photo), Is.EqualTo(new[] { "Учасники форуму громад" }), "the event's card, with the library's alt text");
        Assert.That(Card(calendar, ukTitle), Does.Contain("event-card--image"));
        Assert.That(Regex.Count(calendar, "event-card--image"), Is.GreaterThan(1), "the demo events show their own drawn pictures beside it");
        await AssertNoDatabaseCommandsAsync(UrlOf(item.Key, "uk"), UrlOf(item.Key, "en"), calendarUrl);
    }

    [Test]
    public async Task ExpertSession_ShowsItsImage_AndItsSpeakersPhotos_WithTheirNamesAsAltText()
    {
        var cover = await UploadAsync("Обкладинка сесії.png", 80, 45);
        var portrait = await UploadAsync("Портрет.png", 30, 40, "Портрет на конференції", "A portrait at the conference");
        var (ukTitle, enTitle) = (Unique("Бюджет громади"), Unique("Community budget"));
        var values = new ContentValues();
        values.Invariant[ExpertSession.Date] = ZonedValue.Create(Now().PlusDays(400), Kyiv.Id);
        values.Invariant[ExpertSession.Image] = new JsonArray(cover.Key.ToString());
        values.Cultures["uk"] = new CultureVariant
        {
            Name = ukTitle,
            Values = { [ExpertSession.Summary] = "Виклад сесії.", [ExpertSession.Speakers] = Speakers(("Ірина Коваль", portrait), ("Петро Без Фото", null)) },
        };
        values.Cultures["en"] = new CultureVariant
        {
            Name = enTitle,
            Values = { [ExpertSession.Summary] = "The session in short.", [ExpertSession.Speakers] = Speakers(("Iryna Koval", portrait)) },
        };
        var index = Snapshot.OfType(ExpertSessionIndex.Alias, "uk").Single().Key;
        var session = await CreatedAndPublishedAsync(index, ExpertSession.Alias, values);
        var listUrl = UrlOf(index, "en");

        var uk = await ViewAsync(UrlOf(session.Key, "uk"));
        var en = await ViewAsync(UrlOf(session.Key, "en"));
        var list = await ViewAsync(listUrl);

        // The cover has no alt text in the library: the page names it by the session's title, the card leaves it empty.
        Assert.That(Images(uk, cover), Is.EqualTo(new[] { ukTitle }));
        Assert.That(Images(en, cover), Is.EqualTo(new[] { enTitle }));
        Assert.That(uk, Does.Contain("width=\"80\" height=\"45\""));
        Assert.That(en, Does.Contain($"<meta property=\"og:image\" content=\"http://localhost{cover.PublicUrl}&crop=og&format=jpg&hmac="));
        Assert.That(Images(Card(list, enTitle), cover), Is.EqualTo(new[] { "" }));
        Assert.That(Images(uk, portrait), Is.EqualTo(new[] { "Ірина Коваль" }), "a speaker's photo is named after the speaker");
        Assert.That(Images(en, portrait), Is.EqualTo(new[] { "Iryna Koval" }));
        Assert.That(uk, Does.Contain("&crop=portrait&width=96&format=avif&hmac=").And.Contain("width=\"240\" height=\"240\""),
            "the photo is cut to the square portrait crop, offered at the 3rem circle's one, two and three times");
        Assert.That(uk, Does.Contain("<span class=\"speaker__avatar\" aria-hidden=\"true\">ПБ</span>"), "a speaker without a photo keeps the initials");
        await AssertNoDatabaseCommandsAsync(UrlOf(session.Key, "uk"), UrlOf(session.Key, "en"), listUrl);
    }

    [Test]
    public async Task Home_ShowsTheHeroImage_InBothLanguages_InsteadOfTheDrawnArt()
    {
        var before = await ViewAsync("/uk/");
        var hero = await UploadAsync("Мери на форумі.png", 160, 90, "Мери на форумі в Києві", "Mayors at the forum in Kyiv");
        var home = (await GetAsync(HomeKey))!;
        var invariant = new Dictionary<string, JsonNode?>(home.Draft.Invariant.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())))
        {
            [Home.HeroImage] = new JsonArray(hero.Key.ToString()),
        };
        var saved = await SaveAsync(HomeKey, home.Version, "uk", home.Draft.Cultures["uk"], invariant);
        Assert.That(saved.Succeeded, Is.True, string.Join("; ", saved.Errors));
        Assert.That((await PublishAsync(HomeKey, "uk", "en")).Succeeded);

        var uk = await ViewAsync("/uk/");
        var en = await ViewAsync("/en/");

        Assert.That(before, Does.Contain("hero--image").And.Not.Contain(hero.PublicUrl!), "the demo's drawn hero picture, until an editor picks another");
        Assert.That(Images(uk, hero), Is.EqualTo(new[] { "Мери на форумі в Києві" }));
        Assert.That(Images(en, hero), Is.EqualTo(new[] { "Mayors at the forum in Kyiv" }));
        Assert.That(uk, Does.Contain("class=\"hero hero--image\"").And.Not.Contain("class=\"hero__art\""));
        Assert.That(uk, Does.Contain("width=\"1600\" height=\"700\" loading=\"eager\" fetchpriority=\"high\""), "the hero is cut to the hero crop and is not lazy");
        Assert.That(uk, Does.Contain($"{hero.PublicUrl}&crop=hero&width=1024&format=webp&hmac="));
        Assert.That(uk, Does.Contain($"<meta property=\"og:image\" content=\"http://localhost{hero.PublicUrl}&crop=og&format=jpg&hmac="));
        await AssertNoDatabaseCommandsAsync("/uk/", "/en/");
    }

    [Test]
    public async Task PublicImageFile_IsServedFromTheSnapshot_WithoutADatabaseCommand()
    {
        var image = await UploadAsync("served-from-snapshot.png", 40, 30);
        var bytes = MediaTestFiles.Png(40, 30);

        using var counter = new DatabaseCommandCounter();
        using var response = await Client.GetAsync(image.PublicUrl);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        Assert.That(body, Is.EqualTo(bytes));
        Assert.That(counter.Commands, Is.Empty, "the file is found in the published snapshot");
    }

    private async Task<DocumentState> CreatedAndPublishedAsync(Guid parent, string type, ContentValues values)
    {
        var created = await CreateAsync(parent, type, values);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        var published = await PublishAsync(created.Document!.Key, "uk", "en");
        Assert.That(published.Succeeded, Is.True, string.Join("; ", published.Errors));
        return created.Document!;
    }

    private async Task AssertNoDatabaseCommandsAsync(params string[] urls)
    {
        using var counter = new DatabaseCommandCounter();
        foreach (var url in urls)
        {
            Assert.That((await GetPageAsync(url)).Status, Is.EqualTo(200), url);
        }

        Assert.That(counter.Commands, Is.Empty, "pages with images are rendered from the snapshot");
    }

    private LocalDateTime Now() => Site.Clock.GetCurrentInstant().InZone(Kyiv).LocalDateTime;

    private static JsonArray Speakers(params (string Name, MediaItem? Photo)[] speakers) =>
        new(speakers.Select(s => (JsonNode?)new JsonObject
        {
            ["name"] = s.Name,
            ["photo"] = s.Photo is null ? null : new JsonArray(s.Photo.Key.ToString()),
        }).ToArray());

    private async Task<MediaItem> UploadAsync(string fileName, int width, int height, string? ukAlt = null, string? enAlt = null)
    {
        var item = await WithServices(async services =>
        {
            using var content = new MemoryStream(MediaTestFiles.Png(width, height));
            var result = await services.GetRequiredService<MediaUploader>().UploadAsync(new MediaUploader.UploadCommand(content, fileName, null, false, "test"));
            Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
            return result.Item!;
        });
        if (ukAlt is not null)
        {
            var alt = new Dictionary<string, string?> { ["uk"] = ukAlt, ["en"] = enAlt };
            var updated = await WithServices(services => services.GetRequiredService<MediaEditor>().UpdateAsync(
                new MediaEditor.UpdateCommand(item.Key, null, item.Name, alt, null, null, "test", EditorRights.Publish)));
            Assert.That(updated.Succeeded, Is.True);
        }

        return item;
    }

    /// <summary>A page with its HTML entities decoded.</summary>
    private async Task<string> ViewAsync(string url)
    {
        var (status, html) = await GetPageAsync(url);
        Assert.That(status, Is.EqualTo(200), url);
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>The alt text of each &lt;img&gt; showing the media item.</summary>
    private static string[] Images(string html, MediaItem item) =>
        ImgTag().Matches(html)
            .Where(m => m.Groups["src"].Value.StartsWith(item.PublicUrl!, StringComparison.Ordinal))
            .Select(m => m.Groups["alt"].Value)
            .ToArray();

    /// <summary>The card (&lt;article&gt;) that links to the page with this title.</summary>
    private static string Card(string html, string title)
    {
        var at = html.IndexOf($">{title}</a>", StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThan(0), $"a card for {title}");
        var start = html.LastIndexOf("<article", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</article>", at, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<img src=\"(?<src>[^\"]+)\"[^>]*? alt=\"(?<alt>[^\"]*)\"")]
    private static partial Regex ImgTag();
}
