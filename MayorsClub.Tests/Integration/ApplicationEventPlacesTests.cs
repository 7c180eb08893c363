using System.Net;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Persistence;
using MayorsClub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// An event's places are counted in the registration's transaction: two registrations for the last place sent at the
/// same moment cannot both take it, on either database.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ApplicationEventPlacesTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private static readonly DateTimeZone Kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["MayorsClub:Applications:MinimumFillSeconds"] = "0",
        ["MayorsClub:Applications:SubmissionsPerWindow"] = "1000",
    };

    [Test]
    public async Task TwoRegistrationsForTheLastPlace_AtTheSameMoment_OneIsAccepted_TheOtherToldTheEventIsFull()
    {
        var item = await EventWithPlacesAsync(3);
        var client = Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (token, started) = await TokenAsync(client);
        using var first = await RegisterAsync(client, item, token, started, participants: 2);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        var page = await GetPageAsync(UrlOf(item, "uk"));
        Assert.That(page.Html, Does.Contain("Залишилося місць: 1 з 3."));

        var answers = await Task.WhenAll(
            RegisterAsync(client, item, token, started, participants: 1),
            RegisterAsync(client, item, token, started, participants: 1));

        Assert.That(answers.Select(a => a.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.SeeOther, HttpStatusCode.Conflict }));
        var refusal = await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync();
        Assert.That(refusal, Does.Contain("На цей захід вільних місць не залишилося."));
        var (taken, registrations) = await WithServices(async s =>
        {
            var db = s.GetRequiredService<MayorsClubDbContext>();
            return ((await db.EventPlaces.SingleAsync(p => p.EventKey == item)).Taken, await db.Applications.CountAsync(a => a.EventKey == item));
        });
        Assert.That((taken, registrations), Is.EqualTo((3, 2)));

        await EmptyPageCacheAsync();
        var full = await GetPageAsync(UrlOf(item, "en"));
        Assert.That(full.Html, Does.Contain("There are no places left at this event.").And.Not.Contain("action=\"/en/applications/event\""));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Test]
    public async Task WithNoCommitteeAddressesSet_TheNotificationGoesToTheSitesContactEmail()
    {
        var item = await EventWithPlacesAsync(0);
        var client = Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (token, started) = await TokenAsync(client);

        using var answer = await RegisterAsync(client, item, token, started, participants: 4);

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        var reference = await WithServices(s => s.GetRequiredService<MayorsClubDbContext>().Applications.Where(a => a.EventKey == item).Select(a => a.Reference).SingleAsync());
        var notified = await WithServices(s => s.GetRequiredService<MayorsClubDbContext>().OutboxMessages
            .Where(m => m.ToAddress == "info@mayorsclub.org.ua" && m.Subject.Contains(reference)).CountAsync());
        Assert.That(notified, Is.EqualTo(1), "the demo site's contact e-mail");
    }

    private static async Task<(string Token, string Started)> TokenAsync(HttpClient client)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/forms/token"))!;
        return ((string)json["token"]!, (string)json["started"]!);
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, Guid item, string token, string started, int participants) =>
        client.PostAsync("/uk/applications/event", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organisation"] = "Ірпінська громада", ["contactPerson"] = "Ihor Melnyk", ["email"] = $"reg-{Guid.NewGuid():N}@hromada.test",
            ["phone"] = "0501234567", ["participants"] = participants.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["consent"] = "true", ["eventKey"] = item.ToString(), ["__RequestVerificationToken"] = token, ["_started"] = started,
        }));

    private async Task<Guid> EventWithPlacesAsync(int capacity)
    {
        var now = Site.Clock.GetCurrentInstant().InZone(Kyiv).LocalDateTime;
        var values = new ContentValues();
        values.Invariant[Event.Start] = ZonedValue.Create(now.PlusDays(20), Kyiv.Id);
        values.Invariant[Event.End] = ZonedValue.Create(now.PlusDays(20).PlusHours(3), Kyiv.Id);
        values.Invariant[Event.EventType] = "conference";
        values.Invariant[Event.RegistrationOpen] = true;
        values.Invariant[Event.Capacity] = capacity;
        values.Cultures["uk"] = new CultureVariant { Name = Unique("Конференція"), Values = { [Event.Summary] = "Конференція громад." } };
        values.Cultures["en"] = new CultureVariant { Name = Unique("Conference"), Values = { [Event.Summary] = "A conference of communities." } };
        var calendar = Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Key;
        var created = await CreateAsync(calendar, Event.Alias, values);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        Assert.That((await PublishAsync(created.Document!.Key, "uk", "en")).Succeeded, Is.True);
        return created.Document!.Key;
    }
}
