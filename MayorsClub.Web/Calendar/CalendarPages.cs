using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Events;
using MayorsClub.Core.Publishing;
using MayorsClub.Core.Search;
using MayorsClub.Web.Site;
using MayorsClub.Web.Site.Rendering;
using NodaTime;

namespace MayorsClub.Web.Calendar;

/// <summary>
/// Builds the events calendar page (<c>eventsCalendar</c>) from the read model: the filters from the URL
/// (<see cref="CalendarQuery"/>), the events from <see cref="EventCalendar"/> (sorted once per snapshot), and either a page
/// of the list or the month grid. The words filter asks site search (<see cref="IEventTextSearch"/>).
/// </summary>
public sealed class CalendarPages(IServiceProvider services)
{
    public const int PageSize = 12;

    private static readonly string[] UkrainianMonths =
        ["січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень", "жовтень", "листопад", "грудень"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] UkrainianWeekdays = ["понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя"];
    private static readonly string[] UkrainianWeekdaysShort = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Нд"];
    private static readonly string[] EnglishWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] EnglishWeekdaysShort = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public PageRendering Build(PageRequest request, Instant now)
    {
        var (page, culture, view) = (request.Document, request.Culture, request.View);
        var baseUrl = page.Url(culture)!;
        var query = CalendarQuery.Parse(request.Query);
        var calendar = EventCalendar.Of(request.Snapshot, culture);
        var (words, wordsPending) = WordsFilter(culture, query.Words);
        var filter = query.ToFilter(words);
        var today = now.InZone(query.Zone ?? DateTimeZoneProviders.Tzdb[TimeZoneNames.Kyiv]).Date;

        MonthGrid? grid = null;
        IReadOnlyList<EventCard> upcoming = [];
        IReadOnlyList<EventCard> past = [];
        int found;
        var pageCount = 1;
        if (query.MonthView)
        {
            var month = query.Month ?? (query.From is { } from ? from.ToYearMonth() : today.ToYearMonth());
            query = query with { Month = month };
            grid = Grid(calendar, filter, query, month, today, baseUrl, culture);
            found = grid.Count;
        }
        else
        {
            var events = calendar.Find(filter, now);
            found = events.Count;
            pageCount = Pager.PageCountOf(events.Count, PageSize);
            var onPage = Pager.Slice(events, Math.Min(request.PageNumber, pageCount), PageSize);
            upcoming = onPage.Where(e => e.IsUpcoming(now)).Select(e => Card(view, e, culture, now, query.Zone)).ToList();
            past = onPage.Where(e => !e.IsUpcoming(now)).Select(e => Card(view, e, culture, now, query.Zone)).ToList();
        }

        var filterQuery = query.ToQueryString();
        var layout = SiteLayoutBuilder.ForDocument(request, now,
            new LayoutRequest { PageNumber = request.PageNumber, PageCount = pageCount, Filter = filterQuery });
        if (filterQuery is not null)
        {
            // Filtered states, months and zones are for visitors, not for search engines (the months alone never end).
            layout = layout with { NoIndex = true };
        }

        var pager = new Pager(request.PageNumber, pageCount, baseUrl, filterQuery);
        var model = new EventsCalendarPageModel(
            layout,
            page.Name(culture) ?? "",
            request.Values.Text(EventsCalendar.Intro),
            Form(calendar, query, baseUrl, culture),
            upcoming,
            past,
            found,
            grid,
            pager,
            Links(query, baseUrl, culture),
            wordsPending);
        return new PageRendering("EventsCalendar", model, pageCount, pager);
    }

    /// <summary>The event's card with its time in the visitor's zone when they asked for one, else in its own, the zone named.</summary>
    public static EventCard Card(PublishedView view, CalendarEntry entry, string culture, Instant now, DateTimeZone? zone)
    {
        var card = CardBuilder.ForEvent(view, entry.Document, culture, now);
        return card with { When = When(entry.Start, entry.Ends > entry.Starts ? entry.End : null, entry.AllDay, culture, zone) };
    }

    /// <summary>"11 травня 2026, 11:00–13:00 за київським часом (UTC+3)": in <paramref name="zone"/> when given, else in the start's own zone.</summary>
    public static DateLabel When(ZonedDateTime start, ZonedDateTime? end, bool allDay, string culture, DateTimeZone? zone)
    {
        if (allDay)
        {
            return new DateLabel(LocalizedFormat.Range(start, end, allDay: true, culture), LocalizedFormat.IsoDate(start.Date));
        }

        var shown = zone is null ? start : start.WithZone(zone);
        var text = $"{LocalizedFormat.Range(shown, end?.WithZone(shown.Zone), allDay: false, culture)} {TimeZoneNames.Label(shown, culture)}";
        return new DateLabel(text, LocalizedFormat.IsoDateTime(shown));
    }

    /// <summary>
    /// The keys of the events the words match (null: every event, also while search cannot answer yet). An answer with
    /// words is not kept by the page cache (see <see cref="NotToBeKept"/>).
    /// </summary>
    public IReadOnlySet<Guid>? WordsKeys(string culture, string? words, HttpContext http)
    {
        if (words is not null)
        {
            NotToBeKept(http);
        }

        return WordsFilter(culture, words).Keys;
    }

    /// <summary>
    /// An answer to words: neither the page cache nor a browser keeps it. The search index follows a publish a moment
    /// after the snapshot (and the page cache) do, so a page kept in between would miss the event until the next change;
    /// and while the index is rebuilt, the words are not applied at all.
    /// </summary>
    public static void NotToBeKept(HttpContext http)
    {
        http.Items[PublishedPageCache.DoNotKeep] = true;
        http.Response.Headers.CacheControl = "no-store";
    }

    private (IReadOnlySet<Guid>? Keys, bool Pending) WordsFilter(string culture, string? words)
    {
        if (words is null)
        {
            return (null, false);
        }

        // Until site search can answer (not registered, or its index being rebuilt) the words are left out and the page says so.
        if (services.GetService<IEventTextSearch>() is not { } search)
        {
            return (null, true);
        }

        var matches = search.Match(culture, words);
        return matches.IsRebuilding ? (null, true) : (matches.Keys, false);
    }

    private static MonthGrid Grid(EventCalendar calendar, EventFilter filter, CalendarQuery query, YearMonth month, LocalDate today, string baseUrl, string culture)
    {
        var first = month.OnDayOfMonth(1);
        var last = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
        var gridStart = first.PlusDays(-((int)first.DayOfWeek - 1));
        var gridEnd = last.PlusDays(7 - (int)last.DayOfWeek);

        var byDay = new Dictionary<LocalDate, List<GridEvent>>();
        var count = 0;
        // An event sits on its days in its own zone (as the date filters read them); a visitor's zone changes only the time shown.
        foreach (var entry in calendar.Between(gridStart, gridEnd, filter))
        {
            var title = entry.Document.Name(culture) ?? "";
            var url = entry.Document.Url(culture)!;
            count += entry.FirstDay <= last && entry.LastDay >= first ? 1 : 0;
            var shownStart = query.Zone is null || entry.AllDay ? entry.Start : entry.Start.WithZone(query.Zone);
            for (var day = Max(entry.FirstDay, gridStart); day <= entry.LastDay && day <= gridEnd; day = day.PlusDays(1))
            {
                var isFirst = day == entry.FirstDay;
                var time = isFirst && !entry.AllDay ? LocalizedFormat.Time(shownStart.TimeOfDay, culture) : null;
                (byDay.TryGetValue(day, out var list) ? list : byDay[day] = []).Add(new GridEvent(title, url, time, !isFirst, day < entry.LastDay));
            }
        }

        var weeks = new List<IReadOnlyList<GridDay>>();
        for (var weekStart = gridStart; weekStart <= gridEnd; weekStart = weekStart.PlusWeeks(1))
        {
            var days = new List<GridDay>(7);
            for (var i = 0; i < 7; i++)
            {
                var day = weekStart.PlusDays(i);
                days.Add(new GridDay(day, DayLabel(day, culture), day.Month == month.Month, day == today,
                    byDay.TryGetValue(day, out var events) ? events : []));
            }

            weeks.Add(days);
        }

        var uk = culture == Cultures.Ukrainian;
        var name = (uk ? UkrainianMonths : EnglishMonths)[month.Month - 1];
        return new MonthGrid(
            $"{(uk ? char.ToUpperInvariant(name[0]) + name[1..] : name)} {month.Year}",
            CalendarQuery.FormatMonth(month),
            (query with { Month = month.PlusMonths(-1) }).UrlOn(baseUrl),
            (query with { Month = month.PlusMonths(1) }).UrlOn(baseUrl),
            uk ? UkrainianWeekdays : EnglishWeekdays,
            uk ? UkrainianWeekdaysShort : EnglishWeekdaysShort,
            weeks,
            count);
    }

    private static string DayLabel(LocalDate day, string culture) =>
        $"{(culture == Cultures.Ukrainian ? UkrainianWeekdays : EnglishWeekdays)[(int)day.DayOfWeek - 1]}, {LocalizedFormat.DayAndMonth(day, culture)}";

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static CalendarForm Form(EventCalendar calendar, CalendarQuery query, string baseUrl, string culture)
    {
        var types = new List<CalendarOption> { new("", CalendarText.Get(CalendarText.AnyType, culture), query.Type is null) };
        types.AddRange(Event.EventTypes.Select(t => new CalendarOption(t, SiteText.EventType(t, culture), t == query.Type)));

        var formats = new List<CalendarOption>
        {
            new("", CalendarText.Get(CalendarText.AnyFormat, culture), query.Format is null),
            new("online", CalendarText.Get(CalendarText.Online, culture), query.Format == EventFormat.Online),
            new("inperson", CalendarText.Get(CalendarText.InPerson, culture), query.Format == EventFormat.InPerson),
        };

        var cityKey = EventCalendar.CityKeyOf(query.City);
        var cities = new List<CalendarOption> { new("", CalendarText.Get(CalendarText.AnyCity, culture), cityKey is null) };
        cities.AddRange(calendar.Cities.Select(c => new CalendarOption(c.Name, c.Name, c.Key == cityKey)));
        if (cityKey is not null && !calendar.Cities.Any(c => c.Key == cityKey))
        {
            // A city no event has (an old link): kept selected so the visitor sees why nothing is found.
            cities.Add(new CalendarOption(query.City!, query.City!, true));
        }

        var zones = new List<CalendarOption> { new("", CalendarText.Get(CalendarText.EventsZone, culture), query.Zone is null) };
        zones.AddRange(TimeZoneNames.Common.Select(z => new CalendarOption(z, TimeZoneNames.OptionLabel(z, culture), z == query.Zone?.Id)));
        if (query.Zone is { } zone && !TimeZoneNames.Common.Contains(zone.Id))
        {
            zones.Add(new CalendarOption(zone.Id, TimeZoneNames.OptionLabel(zone.Id, culture), true));
        }

        return new CalendarForm(baseUrl, query.Words, CalendarQuery.FormatDate(query.From), CalendarQuery.FormatDate(query.To),
            types, formats, cities, query.Past, query.MonthView, query.Month is { } m ? CalendarQuery.FormatMonth(m) : null, zones, query.Zone?.Id);
    }

    private static CalendarLinks Links(CalendarQuery query, string baseUrl, string culture)
    {
        var culturePrefix = $"/{culture}/";
        var feed = query.ToQueryString(filtersOnly: true) is { } filters ? $"{culturePrefix}calendar.ics?{filters}" : $"{culturePrefix}calendar.ics";
        return new CalendarLinks(
            (query with { MonthView = false, Month = null }).UrlOn(baseUrl),
            (query with { MonthView = true }).UrlOn(baseUrl),
            new CalendarQuery { MonthView = query.MonthView, Month = query.Month, Zone = query.Zone }.UrlOn(baseUrl),
            query.HasFilters,
            feed,
            query.Zone is { } zone ? TimeZoneNames.OptionLabel(zone.Id, culture) : null,
            query.Zone is null ? null : (query with { Zone = null }).UrlOn(baseUrl));
    }
}
