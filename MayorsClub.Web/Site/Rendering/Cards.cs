using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>A date or time as people read it and as machines do: &lt;time datetime="Machine"&gt;Text&lt;/time&gt;.</summary>
public sealed record DateLabel(string Text, string Machine);

/// <summary>A button-like link to another page ("Become a member").</summary>
public sealed record CallToAction(string Text, string Url);

/// <summary>A person speaking at a session or an event, with their portrait when the editor picked one.</summary>
public sealed record Speaker(string Name, string? Role, string? Organisation, ResponsiveImage? Photo = null)
{
    /// <summary>Up to two initials for the drawn avatar ("Юлія Чуфістова" → "ЮЧ").</summary>
    public string Initials => string.Concat(Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(part => char.IsLetter(part[0])).Take(2).Select(part => char.ToUpperInvariant(part[0])));
}

/// <summary>A news article in a list.</summary>
public sealed record NewsCard(string Title, string Url, string? Summary, DateLabel? Date, ResponsiveImage? Image);

/// <summary>An expert session in a list.</summary>
public sealed record SessionCard(string Title, string Url, string? Summary, DateLabel? Date, ResponsiveImage? Image);

/// <summary>Whether one can still register for an event (<see cref="RegistrationStatus"/>, computed in the read model) and what the page says about it.</summary>
public sealed record RegistrationState(RegistrationStatus Status, string Label);

/// <summary>An event in a list: a date badge, when, what kind, where, and whether registration is open.</summary>
public sealed record EventCard(
    string Title,
    string Url,
    string? Summary,
    DateLabel When,
    string Day,
    string Month,
    string TypeName,
    string? Place,
    bool IsOnline,
    RegistrationState Registration,
    ResponsiveImage? Image);

/// <summary>Builds the cards and small parts several pages share.</summary>
public static class CardBuilder
{
    public static NewsCard ForNews(PublishedView view, PublishedDocument article, string culture)
    {
        var values = view.Of(article, culture);
        return new(article.Name(culture) ?? "", article.Url(culture)!, values.Text(NewsArticle.Summary),
            values.Date(NewsArticle.Date) is { } date ? DateOf(date, culture) : null,
            MediaImages.First(values, NewsArticle.Image, alt: "", ImageSlot.Card));
    }

    public static SessionCard ForSession(PublishedView view, PublishedDocument session, string culture)
    {
        var values = view.Of(session, culture);
        return new(session.Name(culture) ?? "", session.Url(culture)!, values.Text(ExpertSession.Summary),
            values.Zoned(ExpertSession.Date) is { } date ? DateTimeOf(date, culture) : null,
            MediaImages.First(values, ExpertSession.Image, alt: "", ImageSlot.Card));
    }

    public static EventCard ForEvent(PublishedView view, PublishedDocument item, string culture, Instant now)
    {
        var values = view.Of(item, culture);
        var start = values.Zoned(Event.Start);
        var date = start?.Date ?? default;
        var isOnline = values.Flag(Event.IsOnline);
        var city = values.Text(Event.City);
        return new EventCard(
            item.Name(culture) ?? "",
            item.Url(culture)!,
            values.Text(Event.Summary),
            When(values) ?? new DateLabel("", ""),
            start is null ? "" : date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            start is null ? "" : $"{LocalizedFormat.MonthShort(date, culture)} {date.Year}",
            SiteText.EventType(values.Text(Event.EventType), culture),
            isOnline ? SiteText.Get(SiteText.EventOnline, culture) : city,
            isOnline,
            Registration(values, now, withTime: false),
            MediaImages.First(values, Event.Image, alt: "", ImageSlot.EventCard));
    }

    /// <summary>When an event takes place, in its own zone, named: "11 травня 2026, 10:00–17:00 за київським часом (UTC+3)".</summary>
    public static DateLabel? When(PublishedValues item) =>
        item.Times() is { } times ? Calendar.CalendarPages.When(times.Start, times.End, times.AllDay, item.Culture, zone: null) : null;

    /// <summary>The event's registration (see <see cref="PublishedEvents.Registration"/>) as the page says it.</summary>
    public static RegistrationState Registration(PublishedValues item, Instant now, bool withTime)
    {
        var culture = item.Culture;
        var registration = item.Registration(now);
        if (registration.Status == RegistrationStatus.Ended)
        {
            return new RegistrationState(RegistrationStatus.Ended, SiteText.Get(SiteText.EventEnded, culture));
        }

        if (registration.Status == RegistrationStatus.Closed)
        {
            return new RegistrationState(RegistrationStatus.Closed, SiteText.Get(SiteText.RegistrationClosed, culture));
        }

        if (registration.Deadline is not { } until)
        {
            return new RegistrationState(RegistrationStatus.Open, SiteText.Get(SiteText.RegistrationOpen, culture));
        }

        var when = withTime
            ? $"{LocalizedFormat.DateTime(until, culture)} ({LocalizedFormat.ZoneLabel(until, culture)})"
            : LocalizedFormat.Date(until.Date, culture);
        return new RegistrationState(RegistrationStatus.Open, SiteText.Format(SiteText.RegistrationOpenUntil, culture, when));
    }

    /// <summary>The speakers of a block list; a photo's alt text is the speaker's name, which is what it shows.</summary>
    public static IReadOnlyList<Speaker> Speakers(PublishedValues values, string alias) =>
        values.Blocks(alias)
            .Select(block => block.Text("name") is { } name
                ? new Speaker(name, block.Text("role"), block.Text("organisation"),
                    MediaImages.From(block.FirstImage("photo"), values.Culture, name, ImageSlot.Portrait) is { } photo ? photo with { Alt = name } : null)
                : null)
            .OfType<Speaker>()
            .ToList();

    public static DateLabel DateOf(LocalDate date, string culture) => new(LocalizedFormat.Date(date, culture), LocalizedFormat.IsoDate(date));

    public static DateLabel DateTimeOf(ZonedDateTime value, string culture) =>
        new(LocalizedFormat.DateTime(value, culture), LocalizedFormat.IsoDateTime(value));

    /// <summary>The membership page the home page picks, in the culture (for "become a member" links).</summary>
    public static string? MembershipPageUrl(PublishedView view, string culture) =>
        view.Snapshot.Home is { } home && view.Of(home, culture).Links(Home.MembershipPage) is [var page, ..] ? page.Url(culture) : null;
}
