using MayorsClub.Core.Events;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Seo;
using MayorsClub.Web.Site;
using NodaTime;

namespace MayorsClub.Web.Calendar;

/// <summary>
/// The events calendar: its page builder (the page itself is a published page, see <see cref="CalendarPages"/>), each
/// culture's iCal feed <c>/{culture}/calendar.ics</c> (upcoming events, narrowed by the calendar's filter parameters)
/// and each event's download <c>/{culture}/calendar/{key}.ics</c>. Both are cached like pages and read as anonymous
/// visitors read: no members-only value, and no event's online link, is ever written.
/// </summary>
public static class CalendarEndpoints
{
    public static IServiceCollection AddMayorsClubCalendar(this IServiceCollection services)
    {
        services.AddSingleton<CalendarPages>();
        return services;
    }

    public static void MapMayorsClubCalendar(this WebApplication app)
    {
        app.MapGet("/{culture:regex(^(uk|en)$)}/calendar.ics", Feed).WithMetadata(new PublishedPageAttribute()).ExcludeFromDescription();
        app.MapGet("/{culture:regex(^(uk|en)$)}/calendar/{key:guid}.ics", Single).WithMetadata(new PublishedPageAttribute()).ExcludeFromDescription();
    }

    private static IResult Feed(string culture, HttpRequest request, PublishedSnapshotService snapshots, IClock clock, CalendarPages pages)
    {
        var snapshot = snapshots.Current;
        var query = CalendarQuery.Parse(request.Query);
        var words = pages.WordsKeys(culture, query.Words, request.HttpContext);
        // A feed is of events to come: past events only for the days a date range names.
        var filter = query.ToFilter(words) with { Past = false };
        var entries = EventCalendar.Of(snapshot, culture).Find(filter, clock.GetCurrentInstant());
        return Ics(EventIcal.Write(snapshot, culture, entries, Context(request, culture)), null);
    }

    private static IResult Single(string culture, Guid key, HttpRequest request, PublishedSnapshotService snapshots)
    {
        var snapshot = snapshots.Current;
        var entry = EventCalendar.Of(snapshot, culture).ByStart.FirstOrDefault(e => e.Document.Key == key);
        if (entry is null)
        {
            return Results.NotFound();
        }

        var segment = entry.Document.Cultures[culture].UrlSegment;
        return Ics(EventIcal.Write(snapshot, culture, [entry], Context(request, culture)), $"{segment}.ics");
    }

    private static IcalContext Context(HttpRequest request, string culture) =>
        new(SiteAddress.Base(request), CalendarText.Get(CalendarText.FeedName, culture), SiteText.Get(SiteText.EventOnline, culture));

    private static IResult Ics(string body, string? downloadName) =>
        downloadName is null
            ? Results.Text(body, EventIcal.ContentType)
            : Results.File(System.Text.Encoding.UTF8.GetBytes(body), EventIcal.ContentType, downloadName);
}
