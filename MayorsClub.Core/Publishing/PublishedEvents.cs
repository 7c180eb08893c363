using MayorsClub.Core.Content.DocumentTypes;
using NodaTime;

namespace MayorsClub.Core.Publishing;

/// <summary>Whether one can still register for an event.</summary>
public enum RegistrationStatus
{
    Open,
    Closed,
    Ended,
}

/// <summary>An event's registration: its status and, while open, the deadline (if the editor set one).</summary>
public sealed record EventRegistration(RegistrationStatus Status, ZonedDateTime? Deadline);

/// <summary>When an event takes place. An event without an end ends when it starts.</summary>
public sealed record EventTimes(ZonedDateTime Start, ZonedDateTime? End, bool AllDay)
{
    public Instant Ends => (End ?? Start).ToInstant();

    /// <summary>Upcoming until it has ended (an event in progress is still upcoming).</summary>
    public bool IsUpcoming(Instant now) => Ends >= now;

    public bool IsPast(Instant now) => !IsUpcoming(now);
}

/// <summary>The facts about an event that every reader (pages, the calendar, feeds, the Delivery API) computes the same way.</summary>
public static class PublishedEvents
{
    /// <summary>When the event takes place, or null when it has no start.</summary>
    public static EventTimes? Times(this PublishedValues item) =>
        item.Zoned(Event.Start) is { } start ? new EventTimes(start, item.Zoned(Event.End), item.Flag(Event.AllDay)) : null;

    /// <summary>Open while the editor says so, the deadline has not passed and the event has not ended.</summary>
    public static EventRegistration Registration(this PublishedValues item, Instant now)
    {
        var ends = (item.Zoned(Event.End) ?? item.Zoned(Event.Start))?.ToInstant();
        if (ends < now)
        {
            return new EventRegistration(RegistrationStatus.Ended, null);
        }

        var deadline = item.Zoned(Event.RegistrationDeadline);
        if (!item.Flag(Event.RegistrationOpen) || deadline?.ToInstant() < now)
        {
            return new EventRegistration(RegistrationStatus.Closed, null);
        }

        return new EventRegistration(RegistrationStatus.Open, deadline);
    }
}
