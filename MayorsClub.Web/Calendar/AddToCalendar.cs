using System.Globalization;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Events;
using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Web.Calendar;

/// <summary>
/// "Add to calendar" for one event: its <c>.ics</c> download and the Google Calendar and Outlook links, which take UTC
/// times (dates for an all-day event, the end day excluded as both services expect) and plain text.
/// </summary>
public sealed record AddToCalendar(string Title, string? Details, string? Location, Instant Starts, Instant Ends, bool AllDay,
    LocalDate FirstDay, LocalDate LastDay, string PageUrl, string IcsUrl)
{
    public static AddToCalendar Of(PublishedValues values, EventTimes times, string onlineWord)
    {
        var document = values.Document;
        var culture = values.Culture;
        var end = times.End is { } e && e.ToInstant() > times.Start.ToInstant() ? e.WithZone(times.Start.Zone) : times.Start;
        return new AddToCalendar(document.Name(culture) ?? "", values.Text(Event.Summary), EventIcal.LocationOf(values, onlineWord),
            times.Start.ToInstant(), end.ToInstant(), times.AllDay, times.Start.Date, end.Date, document.Url(culture)!, IcsPathOf(culture, document.Key));
    }

    /// <summary>"/uk/calendar/{key}.ics": the single event's download.</summary>
    public static string IcsPathOf(string culture, Guid key) => $"/{culture}/calendar/{key:D}.ics";

    public string GoogleUrl(string siteBase)
    {
        var dates = AllDay
            ? $"{Compact(FirstDay)}/{Compact(LastDay.PlusDays(1))}"
            : $"{Compact(Starts)}/{Compact(Ends)}";
        return "https://calendar.google.com/calendar/render?action=TEMPLATE"
            + $"&text={Escape(Title)}&dates={dates}&details={Escape(DetailsWithLink(siteBase))}"
            + (Location is null ? "" : $"&location={Escape(Location)}");
    }

    public string OutlookUrl(string siteBase)
    {
        var (start, end) = AllDay
            ? (Iso(FirstDay), Iso(LastDay.PlusDays(1)))
            : (Starts.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture), Ends.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture));
        return "https://outlook.live.com/calendar/0/action/compose?rru=addevent"
            + $"&subject={Escape(Title)}&startdt={start}&enddt={end}&allday={(AllDay ? "true" : "false")}&body={Escape(DetailsWithLink(siteBase))}"
            + (Location is null ? "" : $"&location={Escape(Location)}");
    }

    private string DetailsWithLink(string siteBase) => Details is null ? siteBase + PageUrl : $"{Details}\n\n{siteBase}{PageUrl}";

    private static string Compact(LocalDate date) => date.ToString("uuuuMMdd", CultureInfo.InvariantCulture);

    private static string Compact(Instant instant) => instant.ToString("uuuuMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Iso(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    private static string Escape(string text) => Uri.EscapeDataString(text);
}
