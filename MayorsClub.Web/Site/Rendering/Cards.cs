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

/// <summary>Whether one can still register for an event.</summary>
public enum RegistrationStatus
{
    Open,
    Closed,
    Ended,
}

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
    public static NewsCard ForNews(PublishedDocument article, string culture, PublishedSnapshot snapshot) =>
        new(article.Name(culture) ?? "", article.Url(culture)!, article.TextOrNull(NewsArticle.Summary, culture),
            article.Date(NewsArticle.Date, culture) is { } date ? DateOf(date, culture) : null,
            MediaImages.First(article, NewsArticle.Image, culture, alt: "", snapshot));

    public static SessionCard ForSession(PublishedDocument session, string culture, PublishedSnapshot snapshot) =>
        new(session.Name(culture) ?? "", session.Url(culture)!, session.TextOrNull(ExpertSession.Summary, culture),
            session.Zoned(ExpertSession.Date, culture) is { } date ? DateTimeOf(date, culture) : null,
            MediaImages.First(session, ExpertSession.Image, culture, alt: "", snapshot));

    public static EventCard ForEvent(PublishedDocument item, string culture, Instant now, PublishedSnapshot snapshot)
    {
        var start = item.Zoned(Event.Start, culture);
        var end = item.Zoned(Event.End, culture);
        var date = start?.Date ?? default;
        var isOnline = item.Flag(Event.IsOnline, culture);
        var city = item.TextOrNull(Event.City, culture);
        return new EventCard(
            item.Name(culture) ?? "",
            item.Url(culture)!,
            item.TextOrNull(Event.Summary, culture),
            When(item, culture) ?? new DateLabel("", ""),
            start is null ? "" : date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            start is null ? "" : $"{LocalizedFormat.MonthShort(date, culture)} {date.Year}",
            SiteText.EventType(item.Text(Event.EventType, culture), culture),
            isOnline ? SiteText.Get(SiteText.EventOnline, culture) : city,
            isOnline,
            Registration(item, culture, now, start, end, withTime: false),
            MediaImages.First(item, Event.Image, culture, alt: "", snapshot));
    }

    /// <summary>When an event takes place, with its zone: "11 травня 2026, 10:00–17:00 (за київським часом)".</summary>
    public static DateLabel? When(PublishedDocument item, string culture)
    {
        if (item.Zoned(Event.Start, culture) is not { } start)
        {
            return null;
        }

        var end = item.Zoned(Event.End, culture);
        var allDay = item.Flag(Event.AllDay, culture);
        var text = LocalizedFormat.Range(start, end, allDay, culture);
        if (!allDay)
        {
            text += $" ({LocalizedFormat.ZoneLabel(start, culture)})";
        }

        return new DateLabel(text, allDay ? LocalizedFormat.IsoDate(start.Date) : LocalizedFormat.IsoDateTime(start));
    }

    /// <summary>Open while the editor says so, the deadline has not passed and the event has not ended.</summary>
    public static RegistrationState Registration(PublishedDocument item, string culture, Instant now, ZonedDateTime? start, ZonedDateTime? end, bool withTime)
    {
        var ends = (end ?? start)?.ToInstant();
        if (ends is { } e && e < now)
        {
            return new RegistrationState(RegistrationStatus.Ended, SiteText.Get(SiteText.EventEnded, culture));
        }

        var deadline = item.Zoned(Event.RegistrationDeadline, culture);
        if (!item.Flag(Event.RegistrationOpen, culture) || deadline?.ToInstant() < now)
        {
            return new RegistrationState(RegistrationStatus.Closed, SiteText.Get(SiteText.RegistrationClosed, culture));
        }

        if (deadline is not { } until)
        {
            return new RegistrationState(RegistrationStatus.Open, SiteText.Get(SiteText.RegistrationOpen, culture));
        }

        var when = withTime
            ? $"{LocalizedFormat.DateTime(until, culture)} ({LocalizedFormat.ZoneLabel(until, culture)})"
            : LocalizedFormat.Date(until.Date, culture);
        return new RegistrationState(RegistrationStatus.Open, SiteText.Format(SiteText.RegistrationOpenUntil, culture, when));
    }

    /// <summary>The speakers of a block list; a photo's alt text is the speaker's name, which is what it shows.</summary>
    public static IReadOnlyList<Speaker> Speakers(PublishedDocument document, string alias, string culture, PublishedSnapshot snapshot) =>
        document.Blocks(alias, culture)
            .Select(block => block.BlockText("name") is { } name
                ? new Speaker(name, block.BlockText("role"), block.BlockText("organisation"),
                    MediaImages.First(block.BlockKeys("photo"), culture, name, snapshot) is { } photo ? photo with { Alt = name } : null)
                : null)
            .OfType<Speaker>()
            .ToList();

    public static DateLabel DateOf(LocalDate date, string culture) => new(LocalizedFormat.Date(date, culture), LocalizedFormat.IsoDate(date));

    public static DateLabel DateTimeOf(ZonedDateTime value, string culture) =>
        new(LocalizedFormat.DateTime(value, culture), LocalizedFormat.IsoDateTime(value));

    /// <summary>The membership page the home page picks, in the culture (for "become a member" links).</summary>
    public static string? MembershipPageUrl(PublishedSnapshot snapshot, string culture) =>
        snapshot.Home?.PickedDocuments(Home.MembershipPage, culture, snapshot) is [var page, ..] ? page.Url(culture) : null;
}
