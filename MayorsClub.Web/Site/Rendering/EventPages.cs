using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Calendar;
using NodaTime;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>An event with everything known about it.</summary>
public sealed record EventPageModel(
    SiteLayout Layout,
    string Title,
    string TypeName,
    DateLabel? When,
    bool AllDay,
    string? Summary,
    ResponsiveImage? Image,
    RichTextHtml? DescriptionHtml,
    string? Venue,
    string? CityAndCountry,
    bool IsOnline,
    string? OnlineLink,
    RegistrationState Registration,
    string? Capacity,
    IReadOnlyList<Speaker> Speakers,
    CallToAction? AllEvents,
    AddToCalendar? AddToCalendar = null,
    string? ZoneName = null,
    string? EventZoneUrl = null) : ISitePage
{
    public bool HasPlace => Venue is not null || CityAndCountry is not null || IsOnline;
}

public static class EventPageBuilder
{
    public static PageRendering BuildEvent(PageRequest request, Instant now)
    {
        var (item, culture, view, values) = (request.Document, request.Culture, request.View, request.Values);
        var title = item.Name(culture) ?? "";
        var image = MediaImages.First(values, Event.Image, alt: title, ImageSlot.Figure);
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { Image = image });
        var registration = CardBuilder.Registration(values, now, withTime: true);
        var isOnline = values.Flag(Event.IsOnline);
        var place = string.Join(", ", new[] { values.Text(Event.City), values.Text(Event.Country) }.OfType<string>());
        var venue = values.Text(Event.Venue);
        var capacity = values.Integer(Event.Capacity);
        var times = values.Times();
        var zone = CalendarQuery.Parse(request.Query).Zone;
        var model = new EventPageModel(
            layout,
            title,
            SiteText.EventType(values.Text(Event.EventType), culture),
            times is null ? null : CalendarPages.When(times.Start, times.End, times.AllDay, culture, zone),
            values.Flag(Event.AllDay),
            values.Text(Event.Summary),
            image,
            MediaImages.InText(values, Event.Description),
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
                : null,
            times is null ? null : AddToCalendar.Of(values, times, SiteText.Get(SiteText.EventOnline, culture)),
            zone is null ? null : TimeZoneNames.OptionLabel(zone.Id, culture),
            zone is null ? null : item.Url(culture));
        return new PageRendering("Event", model);
    }
}
