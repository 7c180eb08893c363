using System.Diagnostics;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Search;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The site search and the calendar's words filter over the index: what is published is found within a second, what is
/// taken off the site is gone, and the index survives a missing or damaged folder.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class SiteSearchTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private static readonly DateTimeZone Kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];

    private SiteSearch Search => Site.Services.GetRequiredService<SiteSearch>();

    private IEventTextSearch EventWords => Site.Services.GetRequiredService<IEventTextSearch>();

    [OneTimeSetUp]
    public async Task WaitForTheIndex() => await WaitForIndexAsync();

    [Test]
    public async Task APublishedArticle_IsFoundWithinASecond_AndIsGoneOnceUnpublished()
    {
        var word = MadeUpWord("сапфір");
        var article = await CreatedArticleAsync($"Громади обговорили {word}", $"Communities discussed {word}");

        var elapsed = await PublishedAndFoundAsync(article.Key, "uk", word);
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "found within a second of the publish returning");

        var hit = Search.Search(new SearchQuery("uk", word)).Hits.Single();
        Assert.Multiple(() =>
        {
            Assert.That(hit.Key, Is.EqualTo(article.Key));
            Assert.That(hit.Kind, Is.EqualTo(SearchKinds.News));
            Assert.That(hit.Url, Is.EqualTo(UrlOf(article.Key, "uk")));
            Assert.That(Search.Search(new SearchQuery("en", word)).Hits.Single().Url, Is.EqualTo(UrlOf(article.Key, "en")));
        });

        Assert.That((await UnpublishAsync(article.Key, "uk")).Succeeded, Is.True);
        await PollAsync(() => Search.Search(new SearchQuery("uk", word)).Total == 0, "unpublished in Ukrainian: gone from the Ukrainian search");
        Assert.That(Search.Search(new SearchQuery("en", word)).Total, Is.EqualTo(1), "still published in English");
    }

    [Test]
    public async Task TheCalendarsWordsFilter_AdmitsTheMatchingEventsOnly()
    {
        var word = MadeUpWord("смарагд");
        var matching = await PublishedEventAsync($"Форум {word}", "Форум громад про відбудову.");
        var other = await PublishedEventAsync(MadeUpWord("Конференція"), "Конференція про енергетику.");

        await PollAsync(() => EventWords.Match("uk", word).Admits(matching), "the event is matched");
        var matches = EventWords.Match("uk", word);
        Assert.Multiple(() =>
        {
            Assert.That(matches.IsRebuilding, Is.False);
            Assert.That(matches.Keys, Is.EquivalentTo(new[] { matching }));
            Assert.That(matches.Admits(other), Is.False);
            Assert.That(EventWords.Match("uk", "  ").Keys, Is.Null, "no words: every event");
            Assert.That(EventWords.Match("uk", "*** ~ \"").Keys, Is.Null, "only symbols: every event");
        });
    }

    private async Task<TimeSpan> PublishedAndFoundAsync(Guid key, string culture, string word)
    {
        Assert.That((await PublishAsync(key, "uk", "en")).Succeeded, Is.True);
        var published = Stopwatch.StartNew();
        await PollAsync(() => Search.Search(new SearchQuery(culture, word)).Total > 0, "found after publishing");
        return published.Elapsed;
    }

    private async Task<Guid> PublishedEventAsync(string ukTitle, string ukSummary, string type = "forum", string? city = null, bool online = false,
        int inDays = 20)
    {
        var start = Site.Clock.GetCurrentInstant().InZone(Kyiv).LocalDateTime.PlusDays(inDays);
        var values = new ContentValues();
        values.Invariant[Event.Start] = ZonedValue.Create(start, Kyiv.Id);
        values.Invariant[Event.End] = ZonedValue.Create(start.PlusHours(3), Kyiv.Id);
        values.Invariant[Event.EventType] = type;
        values.Invariant[Event.IsOnline] = online;
        values.Cultures["uk"] = new CultureVariant { Name = ukTitle, Values = { [Event.Summary] = ukSummary } };
        if (city is not null)
        {
            values.Cultures["uk"].Values[Event.City] = city;
        }

        var calendar = Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Key;
        var created = await CreateAsync(calendar, Event.Alias, values);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        Assert.That((await PublishAsync(created.Document!.Key, "uk")).Succeeded, Is.True);
        return created.Document!.Key;
    }

    /// <summary>A word no demo text holds: a stem and letters made from a new GUID.</summary>
    private static string MadeUpWord(string stem)
    {
        const string letters = "бвгджзклмнпрстфх";
        return stem + string.Concat(Guid.NewGuid().ToString("N")[..5].Select(c => letters[Convert.ToInt32(c.ToString(), 16)]));
    }

    private async Task WaitForIndexAsync() =>
        await PollAsync(() => !Site.Services.GetRequiredService<SearchIndex>().IsRebuilding, "the index is built", TimeSpan.FromSeconds(30));

    private static async Task PollAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > (within ?? TimeSpan.FromSeconds(5)))
            {
                Assert.Fail($"Not true within {(within ?? TimeSpan.FromSeconds(5)).TotalSeconds} s: {what}");
            }

            await Task.Delay(20);
        }
    }
}
