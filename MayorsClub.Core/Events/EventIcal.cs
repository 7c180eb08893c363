using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Core.Events;

/// <summary>Where the feed's links point and how its fixed words read in its culture.</summary>
/// <param name="SiteBase">The site's public origin, "https://mayorsclub.org.ua" (event URLs and UIDs are made from it).</param>
/// <param name="CalendarName">The feed's name, shown by calendar apps (X-WR-CALNAME).</param>
/// <param name="OnlineWord">What LOCATION says of an online event without a venue: "Онлайн" / "Online".</param>
public sealed record IcalContext(string SiteBase, string CalendarName, string OnlineWord);

/// <summary>
/// Writes events as an RFC 5545 calendar with Ical.Net, from the read model as anonymous visitors read it: an event under
/// a public access rule gives only its teaser (name, summary, times), and no event's online link is ever written.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>UID</c> is "{document key}@{site host}": the same in every feed and in the single download, so calendar apps
/// update the event instead of adding it again.</item>
/// <item><c>SEQUENCE</c> is the number of seconds from <see cref="SequenceEpoch"/> to the last change of the published
/// event (the later of the document's last update and its culture's last publish): it grows whenever a change is
/// published, which is all RFC 5545 asks, without keeping a counter.</item>
/// <item><c>LAST-MODIFIED</c> and <c>DTSTAMP</c> are that same instant, so a feed's bytes change only when an event does.</item>
/// <item>Times carry their zone (<c>TZID</c>) with a <c>VTIMEZONE</c> for each zone used; all-day events are dates.</item>
/// </list>
/// </remarks>
public static class EventIcal
{
    public static readonly Instant SequenceEpoch = Instant.FromUtc(2026, 1, 1, 0, 0);

    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(PublishedSnapshot snapshot, string culture, IEnumerable<CalendarEntry> entries, IcalContext context)
    {
        var view = snapshot.For(Viewer.Anonymous);
        var calendar = new Calendar { ProductId = "-//Mayors' Club//Events calendar//" + culture.ToUpperInvariant() };
        calendar.AddProperty("X-WR-CALNAME", context.CalendarName);
        var host = new Uri(context.SiteBase).Host;
        var zones = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            calendar.Events.Add(EventOf(view, culture, entry, context, host));
            if (!entry.AllDay)
            {
                var zone = entry.Start.Zone.Id;
                zones[zone] = zones.TryGetValue(zone, out var earliest) && earliest < entry.FirstDay ? earliest : entry.FirstDay;
            }
        }

        foreach (var (zone, earliest) in zones.OrderBy(z => z.Key, StringComparer.Ordinal))
        {
            // The zone's rules from the year before its earliest event on (Ical.Net goes back one year from the date given).
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, earliest.ToDateTimeUnspecified(), includeHistoricalData: false));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>The event's UID: "{key}@{host}".</summary>
    public static string UidOf(PublishedDocument document, string host) => $"{document.Key:D}@{host}";

    /// <summary>The SEQUENCE of the event's current published state in the culture (see the type's remarks).</summary>
    public static int SequenceOf(PublishedDocument document, string culture) =>
        (int)Math.Max(0, (LastChangeOf(document, culture) - SequenceEpoch).TotalSeconds);

    public static Instant LastChangeOf(PublishedDocument document, string culture)
    {
        var updated = DateTime.SpecifyKind(document.UpdatedUtc, DateTimeKind.Utc);
        if (document.Cultures.TryGetValue(culture, out var published) && published.PublishedUtc > updated)
        {
            updated = DateTime.SpecifyKind(published.PublishedUtc, DateTimeKind.Utc);
        }

        return Instant.FromDateTimeUtc(updated);
    }

    /// <summary>What LOCATION says: the venue and city (with the country), else "Online" for an online event.</summary>
    public static string? LocationOf(PublishedValues values, string onlineWord)
    {
        var parts = new[] { values.Text(Event.Venue), values.Text(Event.City), values.Text(Event.Country) }
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .ToList();
        if (parts.Count > 0)
        {
            return string.Join(", ", parts);
        }

        return values.Flag(Event.IsOnline) ? onlineWord : null;
    }

    private static CalendarEvent EventOf(PublishedView view, string culture, CalendarEntry entry, IcalContext context, string host)
    {
        var document = entry.Document;
        var values = view.Of(document, culture);
        var changed = new CalDateTime(LastChangeOf(document, culture).ToDateTimeUtc(), "UTC");
        var item = new CalendarEvent
        {
            Uid = UidOf(document, host),
            Summary = document.Name(culture),
            Description = values.Text(Event.Summary),
            Location = LocationOf(values, context.OnlineWord),
            Url = new Uri(context.SiteBase + document.Url(culture)),
            Sequence = SequenceOf(document, culture),
            LastModified = changed,
            DtStamp = changed,
        };

        if (entry.AllDay)
        {
            item.DtStart = new CalDateTime(entry.FirstDay.Year, entry.FirstDay.Month, entry.FirstDay.Day);
            var after = entry.LastDay.PlusDays(1);
            item.DtEnd = new CalDateTime(after.Year, after.Month, after.Day);
        }
        else
        {
            item.DtStart = new CalDateTime(entry.Start.LocalDateTime.ToDateTimeUnspecified(), entry.Start.Zone.Id);
            if (entry.Ends > entry.Starts)
            {
                // An event without an end is a moment (RFC 5545 3.6.1: no DTEND, no duration).
                item.DtEnd = new CalDateTime(entry.End.LocalDateTime.ToDateTimeUnspecified(), entry.End.Zone.Id);
            }
        }

        return item;
    }
}
