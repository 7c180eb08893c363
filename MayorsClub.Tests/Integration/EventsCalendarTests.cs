using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ical.Net.CalendarComponents;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Web.Calendar;
using NodaTime;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The events calendar as a visitor uses it: filters in the URL (dates, type, format, city, past), the month grid, the
/// "nothing found" note, bad parameters, the iCal feed and download read back with Ical.Net, times in each zone, and the
/// back office refusing a time the spring-forward night skips. Four events of their own city keep the filters' answers
/// known whatever else the site holds.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class EventsCalendarTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private static readonly DateTimeZone Kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];
    private static readonly HtmlParser Parser = new();

    private readonly string _tag = Guid.NewGuid().ToString("N")[..6];
    private string _cityUk = null!;
    private YearMonth _month;
    private Guid _forum;
    private Guid _webinar;
    private Guid _conference;
    private Guid _pastForum;

    protected override IReadOnlyDictionary<string, string>? Settings => ManagementApiClient.Settings;

    private string CalendarUrl(string culture) => Snapshot.OfType(EventsCalendar.Alias, culture).Single().Url(culture)!;

    [OneTimeSetUp]
    public async Task SeedEvents()
    {
        _cityUk = $"Тестоград{_tag}";
        var today = Site.Clock.GetCurrentInstant().InZone(Kyiv).Date;
        _month = today.ToYearMonth().PlusMonths(2);
        _forum = await EventAsync("Форум громад", "Communities forum", "forum", online: false,
            At(5, 10, 0), At(5, 16, 0));
        _webinar = await EventAsync("Вебінар про бюджети", "Budgets webinar", "webinar", online: true,
            At(8, 18, 0), At(8, 19, 30));
        _conference = await EventAsync("Конференція мерів", "Mayors' conference", "conference", online: false,
            At(14, 9, 0), At(16, 17, 0));
        var past = today.PlusDays(-30).At(new LocalTime(11, 0));
        _pastForum = await EventAsync("Минулий форум", "Past forum", "forum", online: false, past, past.PlusHours(3));
    }

    private LocalDateTime At(int day, int hour, int minute) => _month.OnDayOfMonth(day).At(new LocalTime(hour, minute));

    private async Task<Guid> EventAsync(string uk, string en, string type, bool online, LocalDateTime start, LocalDateTime end)
    {
        var values = new ContentValues();
        values.Invariant[Event.Start] = ZonedValue.Create(start, Kyiv.Id);
        values.Invariant[Event.End] = ZonedValue.Create(end, Kyiv.Id);
        values.Invariant[Event.EventType] = type;
        values.Invariant[Event.IsOnline] = online;
        if (online)
        {
            values.Invariant[Event.OnlineLink] = "https://meet.example.org/budget";
        }

        values.Cultures["uk"] = new CultureVariant
        {
            Name = $"{uk} {_tag}",
            Values = { [Event.Summary] = $"{uk}: короткий опис.", [Event.City] = _cityUk, [Event.Venue] = "Будинок громад", [Event.Country] = "Україна" },
        };
        values.Cultures["en"] = new CultureVariant
        {
            Name = $"{en} {_tag}",
            Values = { [Event.Summary] = $"{en}: a short summary.", [Event.City] = $"Testograd{_tag}", [Event.Venue] = "Communities house", [Event.Country] = "Ukraine" },
        };
        var created = await CreateAsync(Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Key, Event.Alias, values);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        Assert.That((await PublishAsync(created.Document!.Key, "uk", "en")).Succeeded, Is.True);
        return created.Document.Key;
    }

    private string Name(Guid key, string culture = "uk") => Snapshot.Get(key)!.Name(culture)!;

    private async Task<IDocument> CalendarAsync(string query, string culture = "uk")
    {
        var (status, html) = await GetPageAsync($"{CalendarUrl(culture)}?{query}");
        Assert.That(status, Is.EqualTo(200), query);
        return await Parser.ParseDocumentAsync(html);
    }

    /// <summary>The titles of the event cards on a list page, in order.</summary>
    private static List<string> Titles(IDocument page) =>
        page.QuerySelectorAll(".event-card__title a").Select(a => a.TextContent.Trim()).ToList();

    private string City => Uri.EscapeDataString(_cityUk);

    [Test]
    public async Task TheCityFilter_ListsItsUpcomingEvents_SoonestFirst_AndPastOnesOnlyOnRequest()
    {
        var upcoming = await CalendarAsync($"city={City}");
        Assert.That(Titles(upcoming), Is.EqualTo(new[] { Name(_forum), Name(_webinar), Name(_conference) }));
        Assert.That(upcoming.QuerySelector("#calendar-city option[selected]")!.TextContent, Is.EqualTo(_cityUk), "the select shows the city");

        var withPast = await CalendarAsync($"city={City}&past=1");
        Assert.That(Titles(withPast), Is.EqualTo(new[] { Name(_forum), Name(_webinar), Name(_conference), Name(_pastForum) }));
        Assert.That(withPast.QuerySelector("#past-title")!.TextContent, Is.EqualTo("Минулі події"));
    }

    [Test]
    public async Task TypeAndFormatFilters_NarrowTheCity()
    {
        Assert.That(Titles(await CalendarAsync($"city={City}&type=forum&past=1")), Is.EqualTo(new[] { Name(_forum), Name(_pastForum) }));
        Assert.That(Titles(await CalendarAsync($"city={City}&format=online")), Is.EqualTo(new[] { Name(_webinar) }));
        Assert.That(Titles(await CalendarAsync($"city={City}&format=inperson")), Is.EqualTo(new[] { Name(_forum), Name(_conference) }));
        Assert.That(Titles(await CalendarAsync($"city={Uri.EscapeDataString($"testograd{_tag}")}&type=conference", "en")),
            Is.EqualTo(new[] { Name(_conference, "en") }), "the English city, in any case");
    }

    [Test]
    public async Task ADateRange_FindsTheEventsOnItsDays_AMultiDayEventByAnyOfThem()
    {
        var from = _month.OnDayOfMonth(6).ToString("uuuu-MM-dd", null);
        var to = _month.OnDayOfMonth(15).ToString("uuuu-MM-dd", null);
        Assert.That(Titles(await CalendarAsync($"city={City}&from={from}&to={to}")), Is.EqualTo(new[] { Name(_webinar), Name(_conference) }));

        var lastDay = _month.OnDayOfMonth(16).ToString("uuuu-MM-dd", null);
        Assert.That(Titles(await CalendarAsync($"city={City}&from={lastDay}&to={lastDay}")), Is.EqualTo(new[] { Name(_conference) }));

        var pastDay = Site.Clock.GetCurrentInstant().InZone(Kyiv).Date.PlusDays(-30).ToString("uuuu-MM-dd", null);
        Assert.That(Titles(await CalendarAsync($"city={City}&from={pastDay}&to={pastDay}")), Is.EqualTo(new[] { Name(_pastForum) }), "a range names past days too");
    }

    [Test]
    public async Task TheMonthGrid_StartsOnMonday_MarksToday_AndShowsAMultiDayEventOnEachDay()
    {
        var month = _month.ToString("uuuu-MM", null);
        var page = await CalendarAsync($"view=month&month={month}&city={City}");

        Assert.That(page.QuerySelector(".month-grid thead th abbr")!.GetAttribute("title"), Is.EqualTo("понеділок"));
        Assert.That(page.QuerySelector("#month-title time")!.GetAttribute("datetime"), Is.EqualTo(month));
        var firstCell = page.QuerySelector(".month-grid tbody td")!.GetAttribute("data-date")!;
        Assert.That(LocalDate.FromDateTime(DateTime.Parse(firstCell, System.Globalization.CultureInfo.InvariantCulture)).DayOfWeek, Is.EqualTo(IsoDayOfWeek.Monday));

        string[] DaysOf(Guid key) => page.QuerySelectorAll(".month-grid td")
            .Where(td => td.QuerySelectorAll("a").Any(a => a.TextContent.Contains(Name(key), StringComparison.Ordinal)))
            .Select(td => td.GetAttribute("data-date")!).ToArray();
        Assert.That(DaysOf(_conference), Is.EqualTo(new[] { 14, 15, 16 }.Select(d => _month.OnDayOfMonth(d).ToString("uuuu-MM-dd", null))));
        Assert.That(DaysOf(_forum), Is.EqualTo(new[] { _month.OnDayOfMonth(5).ToString("uuuu-MM-dd", null) }));
        Assert.That(page.QuerySelectorAll(".month-grid__event--continued").Length, Is.EqualTo(2), "the conference goes on over two more days");
        Assert.That(page.QuerySelector($"td[data-date='{_month.OnDayOfMonth(5):uuuu-MM-dd}'] .month-grid__time")!.TextContent, Is.EqualTo("10:00"));

        // The previous and next months keep the filters; this month marks today.
        Assert.That(page.QuerySelector(".month__step[rel~=next]")!.GetAttribute("href"), Does.Contain($"month={_month.PlusMonths(1):uuuu-MM}").And.Contain("city="));
        Assert.That(page.QuerySelector("meta[name=robots]")?.GetAttribute("content"), Is.EqualTo("noindex"), "a filtered month is not for search engines");
        var thisMonth = await CalendarAsync("view=month");
        var today = Site.Clock.GetCurrentInstant().InZone(Kyiv).Date.ToString("uuuu-MM-dd", null);
        Assert.That(thisMonth.QuerySelectorAll("[aria-current=date]").Select(td => td.GetAttribute("data-date")), Is.EqualTo(new[] { today }));
    }

    [TestCase("uk", "Подій не знайдено")]
    [TestCase("en", "No events found")]
    public async Task NothingFound_SaysSoInThePagesLanguage_WithALinkThatClearsTheFilters(string culture, string note)
    {
        var page = await CalendarAsync("city=Nowhere&type=webinar&view=list", culture);

        Assert.That(page.QuerySelector(".calendar-empty .empty-note")!.TextContent.Trim(), Is.EqualTo(note));
        Assert.That(page.QuerySelector(".calendar-empty a")!.GetAttribute("href"), Is.EqualTo(CalendarUrl(culture)));
    }

    [TestCase("from=2026-02-30&to=tomorrow&type=%3Cscript%3E&format=both&month=2026-13&view=year&tz=Mars%2FOlympus&past=maybe")]
    [TestCase("from=1-1-1&month=99999-01&city=" + "%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0")]
    [TestCase("q=title%3A%28&type=forum&type=webinar&view=month&month=1899-12")]
    [TestCase("from=2099-01-01&to=2000-01-01&tz=")]
    public async Task BadParameters_AreIgnored_NeverA500(string query)
    {
        foreach (var culture in Cultures.All)
        {
            var (status, html) = await GetPageAsync($"{CalendarUrl(culture)}?{query}");
            Assert.That(status, Is.EqualTo(200), $"{culture}: {query}");
            Assert.That(html, Does.Contain("calendar-filters"));
            using var feed = await Client.GetAsync($"/{culture}/calendar.ics?{query}");
            Assert.That(feed.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"feed {culture}: {query}");
        }

        Assert.That((await GetPageAsync($"{CalendarUrl("uk")}?page=two")).Status, Is.EqualTo(400), "a page number that is not a number");
        using var unknown = await Client.GetAsync($"/uk/calendar/{Guid.NewGuid()}.ics");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task APageNumberPastTheEnd_RedirectsToTheLastPage_KeepingTheFilters()
    {
        using var response = await Client.GetAsync($"{CalendarUrl("uk")}?city={City}&page=9");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo($"{CalendarUrl("uk")}?city={City}"));
    }

    [TestCase("uk", "за київським часом (UTC+", "за лондонським часом (UTC")]
    [TestCase("en", "Kyiv time (UTC+", "London time (UTC")]
    public async Task Times_AreShownInTheEventsZone_NamedWithItsOffset_OrInTheVisitorsZoneOnRequest(string culture, string kyiv, string london)
    {
        var url = UrlOf(_forum, culture);
        var own = WebUtility.HtmlDecode((await GetPageAsync(url)).Html);
        var inLondon = WebUtility.HtmlDecode((await GetPageAsync($"{url}?tz=Europe/London")).Html);

        Assert.That(own, Does.Contain(kyiv));
        Assert.That(inLondon, Does.Contain(london).And.Not.Contain(kyiv));
        var city = culture == "uk" ? City : $"Testograd{_tag}";
        Assert.That(Titles(await CalendarAsync($"city={city}&tz=Europe/London", culture)), Has.Count.EqualTo(3));
        Assert.That(WebUtility.HtmlDecode((await GetPageAsync($"{CalendarUrl(culture)}?city={city}&tz=Europe/London")).Html), Does.Contain(london));
    }

    [TestCase("uk", "тієї ночі годинники переводять уперед з 03:00 одразу на 04:00")]
    [TestCase("en", "that night the clocks jump forward from 03:00 straight to 04:00")]
    public async Task ATimeTheSpringForwardNightSkips_IsRefused_WithTheReason(string language, string reason)
    {
        using var client = await SignedInAsync(Site, EditorsId, EditorsSecret, language);
        var (documentsBefore, _) = await CountRowsAsync();

        var refused = await PostJsonAsync(client, "document", new
        {
            parent = new { id = Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Key },
            documentType = new { alias = Event.Alias },
            variants = new[] { new { culture = "uk", name = "Нічна подія" } },
            values = new object[]
            {
                new { alias = Event.Start, culture = (string?)null, value = (object)new { local = "2027-03-28T03:30", zone = "Europe/Kyiv" } },
                new { alias = Event.End, culture = (string?)null, value = (object)new { local = "2027-03-28T05:00", zone = "Europe/Kyiv" } },
                new { alias = Event.EventType, culture = (string?)null, value = (object)"forum" },
                new { alias = Event.Summary, culture = (string?)"uk", value = (object)"Подія вночі." },
            },
        });

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        var message = refused.Body!["errors"]!["values[start]"]![0]!.GetValue<string>();
        Assert.That(message, Does.Contain(reason).And.Contain("2027-03-28 03:30"));
        Assert.That((await CountRowsAsync()).Documents, Is.EqualTo(documentsBefore), "nothing was created");

        // The autumn night's repeated hour exists (twice): it is kept, read with summer time's offset.
        var autumn = new ContentValues();
        autumn.Invariant[Event.Start] = ZonedValue.Create(new LocalDateTime(2027, 10, 31, 3, 30), Kyiv.Id);
        autumn.Invariant[Event.End] = ZonedValue.Create(new LocalDateTime(2027, 10, 31, 5, 0), Kyiv.Id);
        autumn.Invariant[Event.EventType] = "forum";
        autumn.Cultures["uk"] = new CultureVariant { Name = Unique("Осіння нічна подія"), Values = { [Event.Summary] = "Вночі." } };
        var kept = await CreateAsync(Snapshot.OfType(EventsCalendar.Alias, "uk").Single().Key, Event.Alias, autumn);
        Assert.That(kept.Succeeded, Is.True, string.Join("; ", kept.Errors));
    }

    [Test]
    public async Task AnEventsIcs_IsADownload_ThatParsesBack_WithItsInstantZoneAndUid()
    {
        using var response = await Client.GetAsync($"/uk/calendar/{_conference}.ics");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/calendar"));
        Assert.That(response.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;

        var item = calendar.Events.Single();
        var expectedStart = At(14, 9, 0).InZoneStrictly(Kyiv).ToInstant();
        var expectedEnd = At(16, 17, 0).InZoneStrictly(Kyiv).ToInstant();
        Assert.That(item.DtStart!.TzId, Is.EqualTo("Europe/Kyiv"));
        Assert.That(Instant.FromDateTimeUtc(item.DtStart.AsUtc), Is.EqualTo(expectedStart));
        Assert.That(Instant.FromDateTimeUtc(item.DtEnd!.AsUtc), Is.EqualTo(expectedEnd));
        Assert.That(calendar.TimeZones.Select(z => z.TzId), Is.EqualTo(new[] { "Europe/Kyiv" }), "a VTIMEZONE for the zone used");
        Assert.That(item.Uid, Does.StartWith($"{_conference}@"));
        Assert.That(item.Summary, Is.EqualTo(Name(_conference)));
        Assert.That(item.Location, Is.EqualTo($"Будинок громад, {_cityUk}, Україна"));
        Assert.That(item.Url!.AbsolutePath, Is.EqualTo(Uri.UnescapeDataString(UrlOf(_conference, "uk"))).Or.EqualTo(UrlOf(_conference, "uk")));
        Assert.That(item.LastModified, Is.Not.Null);
        Assert.That(text, Does.Contain("BEGIN:VTIMEZONE").And.Contain("DTSTART;TZID=Europe/Kyiv:"));
    }

    [TestCase("uk", "Додати до календаря")]
    [TestCase("en", "Add to calendar")]
    public async Task AnEventPage_OffersItsIcs_AndGoogleAndOutlookLinks_InUtc(string culture, string heading)
    {
        var page = await Parser.ParseDocumentAsync((await GetPageAsync(UrlOf(_forum, culture))).Html);
        var links = page.QuerySelectorAll(".add-to-calendar a").Select(a => a.GetAttribute("href")!).ToList();
        var start = At(5, 10, 0).InZoneStrictly(Kyiv).ToInstant();
        var end = At(5, 16, 0).InZoneStrictly(Kyiv).ToInstant();

        Assert.That(page.QuerySelector("#add-to-calendar-title")!.TextContent, Is.EqualTo(heading));
        Assert.That(links, Has.Some.EqualTo($"/{culture}/calendar/{_forum}.ics"));
        var google = new Uri(links.Single(l => l.StartsWith("https://calendar.google.com/", StringComparison.Ordinal)));
        var outlook = new Uri(links.Single(l => l.StartsWith("https://outlook.live.com/", StringComparison.Ordinal)));
        var googleQuery = System.Web.HttpUtility.ParseQueryString(google.Query);
        var outlookQuery = System.Web.HttpUtility.ParseQueryString(outlook.Query);
        Assert.That(googleQuery["dates"], Is.EqualTo($"{start:uuuuMMdd'T'HHmmss'Z'}/{end:uuuuMMdd'T'HHmmss'Z'}"));
        Assert.That(googleQuery["text"], Is.EqualTo(Name(_forum, culture)));
        Assert.That(outlookQuery["startdt"], Is.EqualTo(start.ToString("uuuu-MM-dd'T'HH:mm:ss'Z'", null)));
        Assert.That(outlookQuery["enddt"], Is.EqualTo(end.ToString("uuuu-MM-dd'T'HH:mm:ss'Z'", null)));
        Assert.That(outlookQuery["body"], Does.Contain(UrlOf(_forum, culture)));
    }

    [Test]
    public async Task TheFeed_TakesTheCalendarsFilters_KeepsTheUid_AndGivesNoOnlineLink()
    {
        var page = await CalendarAsync($"city={City}&type=webinar");
        var feedUrl = page.QuerySelector("[data-calendar-feed]")!.GetAttribute("href")!;
        Assert.That(feedUrl, Does.StartWith("/uk/calendar.ics?").And.Contain("type=webinar"));

        using var response = await Client.GetAsync(feedUrl);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/calendar"));
        var text = await response.Content.ReadAsStringAsync();
        var feed = Ical.Net.Calendar.Load(text)!;
        var single = Ical.Net.Calendar.Load(await Client.GetStringAsync($"/uk/calendar/{_webinar}.ics"))!;

        Assert.That(feed.Events.Select(e => e.Summary), Is.EqualTo(new[] { Name(_webinar) }));
        Assert.That(feed.Events.First().Uid, Is.EqualTo(single.Events.First().Uid));
        Assert.That(text, Does.Not.Contain("meet.example.org"), "the online link stays on the page");
        Assert.That(feed.Events.First().Location, Does.Contain(_cityUk));

        var everything = Ical.Net.Calendar.Load(await Client.GetStringAsync($"/uk/calendar.ics?city={City}"))!;
        Assert.That(everything.Events.Select(e => e.Summary), Is.EquivalentTo(new[] { Name(_forum), Name(_webinar), Name(_conference) }), "upcoming only");
    }

    [TestCase("uk", "конференції", "Конференція мерів")]
    [TestCase("en", "conferences", "Mayors' conference")]
    public async Task TheWordsFilter_FindsAnEventByAnotherFormOfAWordInItsTitle(string culture, string words, string title)
    {
        var city = culture == "uk" ? City : $"Testograd{_tag}";
        var query = $"city={city}&q={Uri.EscapeDataString(words)}";
        var found = await EventuallyAsync(async () => Titles(await CalendarAsync(query, culture)), titles => titles.Count > 0);

        Assert.That(found, Is.EqualTo(new[] { Name(_conference, culture) }), $"{words} → {title}");
        Assert.That(Titles(await CalendarAsync($"city={city}&q={Uri.EscapeDataString(words)}&type=forum", culture)), Is.Empty, "with the other filters");
        using (var response = await Client.GetAsync($"{CalendarUrl(culture)}?{query}"))
        {
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "the index, not the snapshot, answers words: not kept");
        }

        var feed = Ical.Net.Calendar.Load(await Client.GetStringAsync($"/{culture}/calendar.ics?{query}"))!;
        Assert.That(feed.Events.Select(e => e.Summary), Is.EqualTo(new[] { Name(_conference, culture) }), "the feed of the selection");
    }

    [Test]
    public async Task WordsThatHoldNothingSearchable_LeaveTheOtherFiltersToDecide()
    {
        Assert.That(Titles(await CalendarAsync($"city={City}&q=%2A%2A%2A%20%21%21")), Is.EqualTo(new[] { Name(_forum), Name(_webinar), Name(_conference) }));
    }

    [Test]
    public async Task WhileTheIndexIsRebuilt_TheWordsWaitWithANote_AndTheOtherFiltersStillWork()
    {
        await RestartSiteAsync(data => Directory.Delete(Path.Combine(data, "Index"), recursive: true));

        var page = await CalendarAsync($"city={City}&q={Uri.EscapeDataString("конференції")}");
        var note = page.QuerySelector(".calendar-note[role=status]")?.TextContent;
        if (note is not null)
        {
            Assert.That(note, Does.Contain("перебудовується"));
            Assert.That(Titles(page), Is.EqualTo(new[] { Name(_forum), Name(_webinar), Name(_conference) }), "the city filter still applies");
        }
        else
        {
            Assert.That(Titles(page), Is.EqualTo(new[] { Name(_conference) }), "the index was back already");
        }

        var found = await EventuallyAsync(async () => Titles(await CalendarAsync($"city={City}&q={Uri.EscapeDataString("конференції")}")), t => t.Count == 1);
        Assert.That(found, Is.EqualTo(new[] { Name(_conference) }), "once rebuilt, the words apply again");
    }

    /// <summary>The site search follows publishing within a second: asks again until the answer is there (or five seconds pass).</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var answer = await ask();
            if (done(answer) || DateTime.UtcNow > until)
            {
                return answer;
            }

            await Task.Delay(100);
        }
    }

    [Test]
    public async Task ACachedFilteredPage_ShowsAnEventOnceItsCityBecomesTheFilters()
    {
        var moving = await EventAsync("Виїзна сесія", "Travelling session", "other", online: false, At(20, 10, 0), At(20, 12, 0));
        var newCity = $"Новоград{_tag}";
        var url = $"{CalendarUrl("uk")}?city={Uri.EscapeDataString(newCity)}";
        await GetPageAsync($"{CalendarUrl("uk")}?type=other"); // the snapshot's calendar is made by another page's view first
        await Client.GetStringAsync($"/uk/calendar.ics?city={Uri.EscapeDataString(newCity)}");
        Assert.That((await GetPageAsync(url)).Html, Does.Contain(CalendarText.Get(CalendarText.NoEvents, "uk")), "kept in the page cache while empty");

        var document = (await GetAsync(moving))!;
        var saved = await SaveAsync(moving, document.Version, "uk",
            new CultureVariant { Name = Name(moving), Values = { [Event.Summary] = "Сесія переїхала.", [Event.City] = newCity } });
        Assert.That(saved.Succeeded, Is.True, string.Join("; ", saved.Errors));
        Assert.That((await PublishAsync(moving, "uk")).Succeeded, Is.True);

        Assert.That(Titles(await CalendarAsync($"city={Uri.EscapeDataString(newCity)}")), Is.EqualTo(new[] { Name(moving) }));
        Assert.That(Ical.Net.Calendar.Load(await Client.GetStringAsync($"/uk/calendar.ics?city={Uri.EscapeDataString(newCity)}"))!.Events.Select(e => e.Summary),
            Is.EqualTo(new[] { Name(moving) }));
    }

    [Test]
    public async Task ARepublishWithAChange_RaisesTheSequence_AndLastModified()
    {
        var before = Ical.Net.Calendar.Load(await Client.GetStringAsync($"/uk/calendar/{_forum}.ics"))!.Events.Single();

        Site.Clock.Advance(Duration.FromMinutes(2));
        var document = (await GetAsync(_forum))!;
        var saved = await SaveAsync(_forum, document.Version, "uk",
            new CultureVariant { Name = Name(_forum), Values = { [Event.Summary] = "Оновлений опис форуму.", [Event.City] = _cityUk } });
        Assert.That(saved.Succeeded, Is.True, string.Join("; ", saved.Errors));
        Assert.That((await PublishAsync(_forum, "uk")).Succeeded, Is.True);
        var after = Ical.Net.Calendar.Load(await Client.GetStringAsync($"/uk/calendar/{_forum}.ics"))!.Events.Single();

        Assert.That(after.Description, Is.EqualTo("Оновлений опис форуму."));
        Assert.That(after.Uid, Is.EqualTo(before.Uid));
        Assert.That(after.Sequence, Is.GreaterThan(before.Sequence));
        Assert.That(after.LastModified!.AsUtc, Is.GreaterThan(before.LastModified!.AsUtc));
    }
}
