using MayorsClub.Web.Site.Rendering;
using NodaTime;

namespace MayorsClub.Web.Calendar;

/// <summary>The events calendar page: its filters, the list or the month grid, and the links that keep its state.</summary>
public sealed record EventsCalendarPageModel(
    SiteLayout Layout,
    string Title,
    string? Intro,
    CalendarForm Form,
    IReadOnlyList<EventCard> Upcoming,
    IReadOnlyList<EventCard> Past,
    int Found,
    MonthGrid? Month,
    Pager Pager,
    CalendarLinks Links,
    bool WordsPending) : ISitePage
{
    public bool IsMonthView => Month is not null;

    /// <summary>Nothing matched: the "No events found" note with a link that clears the filters.</summary>
    public bool NoResults => Found == 0;
}

/// <summary>One choice of a select.</summary>
public sealed record CalendarOption(string Value, string Label, bool Selected);

/// <summary>The filters form as the visitor left it.</summary>
public sealed record CalendarForm(
    string Action,
    string? Words,
    string From,
    string To,
    IReadOnlyList<CalendarOption> Types,
    IReadOnlyList<CalendarOption> Formats,
    IReadOnlyList<CalendarOption> Cities,
    bool Past,
    bool MonthView,
    string? Month,
    IReadOnlyList<CalendarOption> Zones,
    string? Zone);

/// <summary>
/// The calendar's links, each keeping the rest of the state: the two views, the clear link, the feed of this selection
/// (path and query; the page adds the host for webcal://), and the month and zone switches.
/// </summary>
public sealed record CalendarLinks(string ListUrl, string MonthUrl, string ClearUrl, bool HasFilters, string FeedPath, string? ZoneName, string? EventZoneUrl);

/// <summary>A month as a grid of weeks from Monday to Sunday; <see cref="Count"/> events fall on its days.</summary>
public sealed record MonthGrid(string Title, string Machine, string PreviousUrl, string NextUrl, IReadOnlyList<string> WeekdayNames,
    IReadOnlyList<string> WeekdayShortNames, IReadOnlyList<IReadOnlyList<GridDay>> Weeks, int Count);

/// <summary>One day of the grid; <see cref="Label"/> names it in full ("понеділок, 1 червня") for the agenda and screen readers.</summary>
public sealed record GridDay(LocalDate Date, string Label, bool InMonth, bool IsToday, IReadOnlyList<GridEvent> Events)
{
    public string Machine => LocalizedFormat.IsoDate(Date);
}

/// <summary>An event on a day of the grid: its start time that day (null for all-day or a following day), and whether it goes on from the day before.</summary>
public sealed record GridEvent(string Title, string Url, string? Time, bool ContinuesFromBefore, bool ContinuesAfter);
