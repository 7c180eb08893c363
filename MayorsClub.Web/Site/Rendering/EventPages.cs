using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>
/// The events calendar as a list: upcoming events (soonest first), then past ones (most recent first), a page at a time.
/// A page may hold the end of one group and the start of the other.
/// </summary>
public sealed record EventsCalendarPageModel(
    SiteLayout Layout,
    string Title,
    string? Intro,
    IReadOnlyList<EventCard> Upcoming,
    IReadOnlyList<EventCard> Past,
    bool HasUpcoming,
    Pager Pager) : ISitePage
{
    /// <summary>Show the "no upcoming events" note: on the first page, when nothing is coming up.</summary>
    public bool ShowNoUpcoming => !HasUpcoming && Pager.Current == 1;
}

/// <summary>An event with everything known about it.</summary>
public sealed record EventPageModel(
    SiteLayout Layout,
    string Title,
    string TypeName,
    DateLabel? When,
    bool AllDay,
    string? Summary,
    ResponsiveImage? Image,
    string? DescriptionHtml,
    string? Venue,
    string? CityAndCountry,
    bool IsOnline,
    string? OnlineLink,
    RegistrationState Registration,
    string? Capacity,
    IReadOnlyList<Speaker> Speakers,
    CallToAction? AllEvents) : ISitePage
{
    public bool HasPlace => Venue is not null || CityAndCountry is not null || IsOnline;
}

public static class EventPageBuilder
{
    public const int PageSize = 12;

    public static PageRendering BuildCalendar(PageRequest request, Instant now)
    {
        var (calendar, culture, view) = (request.Document, request.Culture, request.View);
        var upcoming = InCalendar(view.UpcomingEvents(culture, now), calendar);
        var past = InCalendar(view.PastEvents(culture, now), calendar);
        var pageCount = Pager.PageCountOf(upcoming.Count + past.Count, PageSize);

        // The page's window over "upcoming, then past", split back into its two groups.
        var from = (request.PageNumber - 1) * (long)PageSize;
        var to = from + PageSize;
        var upcomingOnPage = Window(upcoming, from, to);
        var pastOnPage = Window(past, from - upcoming.Count, to - upcoming.Count);

        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { PageNumber = request.PageNumber, PageCount = pageCount });
        var model = new EventsCalendarPageModel(layout, calendar.Name(culture) ?? "", request.Values.Text(EventsCalendar.Intro),
            upcomingOnPage.Select(e => CardBuilder.ForEvent(view, e, culture, now)).ToList(),
            pastOnPage.Select(e => CardBuilder.ForEvent(view, e, culture, now)).ToList(),
            upcoming.Count > 0,
            new Pager(request.PageNumber, pageCount, calendar.Url(culture)!));
        return new PageRendering("EventsCalendar", model, pageCount);
    }

    public static PageRendering BuildEvent(PageRequest request, Instant now)
    {
        var (item, culture, view, values) = (request.Document, request.Culture, request.View, request.Values);
        var title = item.Name(culture) ?? "";
        var image = MediaImages.First(values, Event.Image, alt: title);
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { Image = image });
        var registration = CardBuilder.Registration(values, now, withTime: true);
        var isOnline = values.Flag(Event.IsOnline);
        var place = string.Join(", ", new[] { values.Text(Event.City), values.Text(Event.Country) }.OfType<string>());
        var venue = values.Text(Event.Venue);
        var capacity = values.Integer(Event.Capacity);
        var model = new EventPageModel(
            layout,
            title,
            SiteText.EventType(values.Text(Event.EventType), culture),
            CardBuilder.When(values),
            values.Flag(Event.AllDay),
            values.Text(Event.Summary),
            image,
            values.RichText(Event.Description),
            // "Online" as a venue says nothing the online line does not.
            isOnline && string.Equals(venue, SiteText.Get(SiteText.EventOnline, culture), StringComparison.OrdinalIgnoreCase) ? null : venue,
            place.Length == 0 ? null : place,
            isOnline,
            registration.Status == RegistrationStatus.Ended ? null : values.Text(Event.OnlineLink),
            registration,
            capacity is > 0 ? LocalizedFormat.Count(capacity.Value, SiteText.Get(SiteText.PlacesForms, culture), culture) : null,
            CardBuilder.Speakers(values, Event.Speakers),
            view.Parent(item) is { } parent && parent.Url(culture) is { } calendarUrl
                ? new CallToAction(SiteText.Get(SiteText.AllEvents, culture), calendarUrl)
                : null);
        return new PageRendering("Event", model);
    }

    private static List<PublishedDocument> InCalendar(IReadOnlyList<PublishedDocument> events, PublishedDocument calendar)
    {
        var inCalendar = new List<PublishedDocument>(events.Count);
        foreach (var item in events)
        {
            if (item.ParentId == calendar.Id)
            {
                inCalendar.Add(item);
            }
        }

        return inCalendar;
    }

    private static List<PublishedDocument> Window(List<PublishedDocument> items, long from, long to)
    {
        var start = (int)Math.Clamp(from, 0, items.Count);
        var end = (int)Math.Clamp(to, 0, items.Count);
        return end > start ? items.GetRange(start, end - start) : [];
    }
}
