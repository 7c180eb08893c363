namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>The events calendar; its children are the events.</summary>
public static class EventsCalendar
{
    public const string Alias = "eventsCalendar";
    public const string Intro = "intro";

    public static DocumentType Definition { get; } = new(Alias, "Events calendar")
    {
        AllowedChildren = [Event.Alias],
        Properties =
        [
            new(Intro, "Introduction", PropertyEditor.TextArea) { VariesByCulture = true, MaxLength = 1000 },
            Seo.MetaDescriptionProperty,
        ],
    };
}
