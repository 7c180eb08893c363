using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MayorsClub.Tests.Browser;

/// <summary>
/// Pages with picked images (the home page's hero, an event, an expert session with a speaker's photo, their lists)
/// in a real browser: no serious accessibility violations, and no horizontal scroll on a phone.
/// </summary>
public sealed class PickedImagesVisitorTests : BrowserTestBase
{
    private const string Editor = "editor@test.local";

    private readonly List<string> _urls = [];

    private PublishedSnapshot Snapshot => Site.Services.GetRequiredService<PublishedSnapshotService>().Current;

    [OneTimeSetUp]
    public async Task PickImages()
    {
        var photo = await UploadAsync("Фото.png");
        var kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];
        var now = Site.Clock.GetCurrentInstant().InZone(kyiv).LocalDateTime;

        var home = (await WithServices(s => s.GetRequiredService<DocumentTree>().GetAsync(Snapshot.Home!.Key)))!;
        var invariant = home.Draft.Invariant.ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        invariant[Home.HeroImage] = new JsonArray(photo.Key.ToString());
        await Succeeds(WithServices(s => s.GetRequiredService<DocumentEditor>().SaveAsync(new DocumentEditor.SaveCommand(
            home.Key, home.Version, new Dictionary<string, CultureVariant>(), invariant, Editor))));
        await PublishAsync(home.Key);

        var item = new ContentValues();
        item.Invariant[Event.Start] = ZonedValue.Create(now.PlusHours(2), kyiv.Id);
        item.Invariant[Event.End] = ZonedValue.Create(now.PlusHours(4), kyiv.Id);
        item.Invariant[Event.EventType] = "forum";
        item.Invariant[Event.Image] = new JsonArray(photo.Key.ToString());
        var session = new ContentValues();
        session.Invariant[ExpertSession.Date] = ZonedValue.Create(now.PlusDays(400), kyiv.Id);
        session.Invariant[ExpertSession.Image] = new JsonArray(photo.Key.ToString());
        foreach (var (culture, name) in new[] { ("uk", "Ірина Коваль"), ("en", "Iryna Koval") })
        {
            var speakers = new JsonArray(new JsonObject { ["name"] = name, ["photo"] = new JsonArray(photo.Key.ToString()) }, new JsonObject { ["name"] = "Petro" });
            item.Cultures[culture] = new CultureVariant { Name = $"Forum {culture}", Values = { [Event.Summary] = "Summary.", [Event.Speakers] = speakers } };
            session.Cultures[culture] = new CultureVariant { Name = $"Session {culture}", Values = { [ExpertSession.Summary] = "Summary.", [ExpertSession.Speakers] = speakers.DeepClone() } };
        }

        var calendar = Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Key;
        var sessions = Snapshot.OfType(ExpertSessionIndex.Alias, "uk").Single().Key;
        var itemKey = await CreateAndPublishAsync(calendar, Event.Alias, item);
        var sessionKey = await CreateAndPublishAsync(sessions, ExpertSession.Alias, session);
        foreach (var culture in new[] { "uk", "en" })
        {
            _urls.AddRange([$"/{culture}/", .. new[] { calendar, itemKey, sessions, sessionKey }.Select(key => Snapshot.Get(key)!.Url(culture)!)]);
        }
    }

    [Test]
    public async Task PagesWithImages_HaveNoSeriousOrCriticalAccessibilityViolations()
    {
        var page = await NewPageAsync();
        foreach (var url in _urls)
        {
            await page.GotoAsync(url);
            Assert.That(await page.Locator($"img[src^='/media/']").CountAsync(), Is.GreaterThan(0), url);
            var serious = await SeriousAccessibilityViolationsAsync(page, url);
            Assert.That(serious, Is.Empty, url);
        }
    }

    [Test]
    public async Task PagesWithImages_OnAPhone_HaveNoHorizontalScroll()
    {
        var page = await NewPageAsync(width: 360, height: 740);
        foreach (var url in _urls)
        {
            await page.GotoAsync(url);
            var widths = await WidthsAsync(page);
            Assert.That(widths.Page, Is.LessThanOrEqualTo(widths.Screen), $"{url} is wider than the phone's screen");
        }
    }

    private async Task<Guid> CreateAndPublishAsync(Guid parent, string type, ContentValues values)
    {
        var created = await Succeeds(WithServices(s => s.GetRequiredService<DocumentEditor>().CreateAsync(
            new DocumentEditor.CreateCommand(parent, type, values, Editor, null))));
        await PublishAsync(created.Document!.Key);
        return created.Document.Key;
    }

    private Task<ContentResult> PublishAsync(Guid key) =>
        Succeeds(WithServices(s => s.GetRequiredService<DocumentPublisher>().PublishAsync(new DocumentPublisher.PublishCommand(key, ["uk", "en"], Editor))));

    private static async Task<ContentResult> Succeeds(Task<ContentResult> work)
    {
        var result = await work;
        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
        return result;
    }

    private Task<MediaItem> UploadAsync(string fileName) =>
        WithServices(async services =>
        {
            using var content = new MemoryStream(MediaTestFiles.Png(320, 180, 90, 140, 200));
            var result = await services.GetRequiredService<MediaUploader>().UploadAsync(new MediaUploader.UploadCommand(content, fileName, null, false, "test"));
            Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
            return result.Item!;
        });

    private async Task<T> WithServices<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
