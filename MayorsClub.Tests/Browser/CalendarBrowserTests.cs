using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;

namespace MayorsClub.Tests.Browser;

/// <summary>
/// A visitor with the events calendar in Chromium: filters by type and month (htmx updates the results and the address),
/// goes back to the previous filter, opens an event and downloads its .ics; on a phone the month is an agenda.
/// </summary>
public sealed class CalendarBrowserTests : BrowserTestBase
{
    private const string Editor = "editor@test.local";
    private static readonly DateTimeZone Kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];

    private readonly string _tag = Guid.NewGuid().ToString("N")[..6];
    private YearMonth _month;
    private Guid _conference;

    private PublishedSnapshot Snapshot => Site.Services.GetRequiredService<PublishedSnapshotService>().Current;

    private string CalendarUrl => Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Url("uk")!;

    private string ConferenceName => Snapshot.Get(_conference)!.Name("uk")!;

    [OneTimeSetUp]
    public async Task SeedAConference()
    {
        _month = Site.Clock.GetCurrentInstant().InZone(Kyiv).Date.ToYearMonth().PlusMonths(2);
        var values = new ContentValues();
        values.Invariant[Event.Start] = ZonedValue.Create(_month.OnDayOfMonth(14).At(new LocalTime(10, 0)), Kyiv.Id);
        values.Invariant[Event.End] = ZonedValue.Create(_month.OnDayOfMonth(15).At(new LocalTime(17, 0)), Kyiv.Id);
        values.Invariant[Event.EventType] = "conference";
        values.Cultures["uk"] = new CultureVariant
        {
            Name = $"Конференція громад {_tag}",
            Values = { [Event.Summary] = "Дводенна конференція громад.", [Event.City] = "Вінниця", [Event.Venue] = "Палац культури" },
        };
        values.Cultures["en"] = new CultureVariant
        {
            Name = $"Communities conference {_tag}",
            Values = { [Event.Summary] = "A two-day conference of communities.", [Event.City] = "Vinnytsia" },
        };
        await using var scope = Site.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<DocumentEditor>().CreateAsync(
            new DocumentEditor.CreateCommand(Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Key, Event.Alias, values, Editor, null));
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        var published = await scope.ServiceProvider.GetRequiredService<MayorsClub.Core.Publishing.DocumentPublisher>()
            .PublishAsync(new MayorsClub.Core.Publishing.DocumentPublisher.PublishCommand(created.Document!.Key, ["uk", "en"], Editor));
        Assert.That(published.Succeeded, Is.True, string.Join("; ", published.Errors));
        _conference = created.Document.Key;
    }

    [Test]
    public async Task AVisitor_FiltersByTypeAndMonth_GoesBack_OpensTheEvent_AndDownloadsItsIcs()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(CalendarUrl);

        // The type filter: htmx brings the results and puts the filter in the address bar.
        await page.Locator("#calendar-type").SelectOptionAsync("conference");
        await page.WaitForURLAsync(url => url.Contains("type=conference", StringComparison.Ordinal));
        await page.Locator("#calendar-format").SelectOptionAsync("online");
        await page.WaitForURLAsync(url => url.Contains("format=online", StringComparison.Ordinal));
        Assert.That(await page.Locator(".calendar-empty").IsVisibleAsync() || await page.Locator(".event-card").CountAsync() > 0, Is.True);

        // Back: the previous filter again, in the address and in the form.
        await page.GoBackAsync();
        await page.WaitForURLAsync(url => !url.Contains("format=", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => document.querySelector('#calendar-format').value === ''");
        Assert.That(page.Url, Does.Contain("type=conference"));
        Assert.That(await page.Locator("#calendar-type").InputValueAsync(), Is.EqualTo("conference"));
        Assert.That(await page.Locator(".event-card__title", new() { HasTextString = ConferenceName }).CountAsync(), Is.EqualTo(1));

        // The month view, then on to the conference's month: both days show it.
        await page.Locator(".calendar-filters input[name=view][value=month]").CheckAsync();
        await page.WaitForURLAsync(url => url.Contains("view=month", StringComparison.Ordinal));
        var months = 0;
        while (!page.Url.Contains($"month={_month:uuuu-MM}", StringComparison.Ordinal) && months++ < 3)
        {
            var current = page.Url;
            await page.Locator(".month__step[rel~=next]").ClickAsync();
            await page.WaitForURLAsync(url => url != current);
        }

        Assert.That(page.Url, Does.Contain("type=conference"), "the month links keep the filter");
        var conferenceLinks = page.Locator(".month-grid a", new() { HasTextString = ConferenceName });
        await Assertions.Expect(conferenceLinks).ToHaveCountAsync(2);
        Assert.That(await SeriousAccessibilityViolationsAsync(page, "the month grid"), Is.Empty);

        // The keyboard: from the first day's link, the right arrow goes to the next day.
        await conferenceLinks.First.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.That(await page.EvaluateAsync<string>("() => document.activeElement.closest('td').dataset.date"),
            Is.EqualTo($"{_month.OnDayOfMonth(15):uuuu-MM-dd}"));

        await conferenceLinks.First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == Snapshot.Get(_conference)!.Url("uk"));
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo(ConferenceName));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Завантажити файл .ics" }).ClickAsync());
        Assert.That(download.SuggestedFilename, Does.EndWith(".ics"));
        var calendar = Ical.Net.Calendar.Load(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        var item = calendar.Events.Single();
        Assert.That(item.Summary, Is.EqualTo(ConferenceName));
        Assert.That(item.DtStart!.TzId, Is.EqualTo("Europe/Kyiv"));
        Assert.That(Instant.FromDateTimeUtc(item.DtStart.AsUtc), Is.EqualTo(_month.OnDayOfMonth(14).At(new LocalTime(10, 0)).InZoneStrictly(Kyiv).ToInstant()));
    }

    [Test]
    public async Task OnAPhone_TheMonthIsAnAgenda_OfTheDaysThatHaveEvents()
    {
        var page = await NewPageAsync(width: 360, height: 740);
        await page.GotoAsync($"{CalendarUrl}?view=month&month={_month:uuuu-MM}&type=conference");

        Assert.That(await page.Locator(".month-grid thead").IsHiddenAsync(), Is.True, "no weekday row");
        var visibleDays = await page.Locator(".month-grid td:visible").AllAsync();
        Assert.That(visibleDays, Is.Not.Empty);
        foreach (var day in visibleDays)
        {
            Assert.That(await day.Locator(".month-grid__event").CountAsync(), Is.GreaterThan(0), "only days with events");
        }

        Assert.That(await page.Locator($"td[data-date='{_month.OnDayOfMonth(14):uuuu-MM-dd}'] .month-grid__label").InnerTextAsync(),
            Does.Contain(LocalizedDay(_month.OnDayOfMonth(14))), "each day is named in full");
        var widths = await WidthsAsync(page);
        Assert.That(widths.Page, Is.LessThanOrEqualTo(widths.Screen), "the agenda is no wider than the phone");
    }

    private static string LocalizedDay(LocalDate day) =>
        $"{day.Day} {new[] { "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня" }[day.Month - 1]}";
}
