using System.Text.Json.Nodes;

namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>An event in the calendar: when, where (or online), what kind, and whether one can register.</summary>
public static class Event
{
    public const string Alias = "event";
    public const string Start = "start";
    public const string End = "end";
    public const string AllDay = "allDay";
    public const string Summary = "summary";
    public const string Description = "description";
    public const string Image = "image";
    public const string Venue = "venue";
    public const string City = "city";
    public const string Country = "country";
    public const string IsOnline = "isOnline";
    public const string OnlineLink = "onlineLink";
    public const string EventType = "eventType";
    public const string RegistrationOpen = "registrationOpen";
    public const string RegistrationDeadline = "registrationDeadline";
    public const string Capacity = "capacity";
    public const string Speakers = "speakers";

    /// <summary>The kinds of event, as stored values.</summary>
    public static IReadOnlyList<string> EventTypes { get; } =
        ["expertSession", "conference", "forum", "tradeMission", "webinar", "other"];

    public static DocumentType Definition { get; } = new(Alias, "Event")
    {
        Properties =
        [
            new(Start, "Starts", PropertyEditor.DateTimeZoned) { Required = true, Group = "When" },
            new(End, "Ends", PropertyEditor.DateTimeZoned) { Required = true, Group = "When" },
            new(AllDay, "All day", PropertyEditor.TrueFalse) { Group = "When" },
            new(Summary, "Summary", PropertyEditor.TextArea) { Required = true, VariesByCulture = true, MaxLength = 500 },
            new(Description, "Description", PropertyEditor.RichText) { VariesByCulture = true },
            new(Image, "Image", PropertyEditor.MediaPicker),
            new(EventType, "Type", PropertyEditor.Dropdown) { Required = true, Options = EventTypes },
            new(Speakers, "Speakers", PropertyEditor.BlockList) { VariesByCulture = true, Multiple = true, Element = Elements.Speaker },
            new(Venue, "Venue", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 200, Group = "Where" },
            new(City, "City", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 100, Group = "Where" },
            new(Country, "Country", PropertyEditor.Text) { VariesByCulture = true, MaxLength = 100, Group = "Where" },
            new(IsOnline, "Online", PropertyEditor.TrueFalse) { Group = "Where" },
            new(OnlineLink, "Online link", PropertyEditor.Url) { Group = "Where" },
            new(RegistrationOpen, "Registration open", PropertyEditor.TrueFalse) { Group = "Registration" },
            new(RegistrationDeadline, "Registration deadline", PropertyEditor.DateTimeZoned) { Group = "Registration" },
            new(Capacity, "Places", PropertyEditor.Number) { Min = 0, Max = 100000, Group = "Registration" },
            Seo.MetaDescriptionProperty,
        ],
        Rules = EndsAfterStart,
    };

    private static IEnumerable<ContentError> EndsAfterStart(ContentValues values)
    {
        var start = ZonedValue.TryRead(values.Invariant.GetValueOrDefault(Start));
        var end = ZonedValue.TryRead(values.Invariant.GetValueOrDefault(End));
        if (start is { } s && end is { } e && e.ToInstant() < s.ToInstant())
        {
            yield return new ContentError(ContentMessages.EndBeforeStart, End);
        }
    }
}
