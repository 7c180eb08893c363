using MayorsClub.Core.Content;

namespace MayorsClub.Web.Calendar;

/// <summary>The events calendar's words (filters, month grid, time zones, "Add to calendar"), in both languages. A unit test checks every key has both.</summary>
public static class CalendarText
{
    public const string Filters = "calendar.filters";
    public const string Words = "calendar.words";
    public const string WordsHint = "calendar.words.hint";
    public const string From = "calendar.from";
    public const string To = "calendar.to";
    public const string Type = "calendar.type";
    public const string AnyType = "calendar.type.any";
    public const string FormatFilter = "calendar.format";
    public const string AnyFormat = "calendar.format.any";
    public const string Online = "calendar.format.online";
    public const string InPerson = "calendar.format.inperson";
    public const string City = "calendar.city";
    public const string AnyCity = "calendar.city.any";
    public const string ShowPast = "calendar.past";
    public const string View = "calendar.view";
    public const string ListView = "calendar.view.list";
    public const string MonthView = "calendar.view.month";
    public const string Apply = "calendar.apply";
    public const string Clear = "calendar.clear";
    public const string NoEvents = "calendar.none";
    public const string ClearFilters = "calendar.none.clear";
    public const string Found = "calendar.found";
    public const string SearchRebuilding = "calendar.searchRebuilding";
    public const string PreviousMonth = "calendar.month.previous";
    public const string NextMonth = "calendar.month.next";
    public const string Today = "calendar.today";
    public const string Continues = "calendar.continues";
    public const string NoEventsInMonth = "calendar.month.none";
    public const string Subscribe = "calendar.subscribe";
    public const string SubscribeHint = "calendar.subscribe.hint";
    public const string SubscribeWebcal = "calendar.subscribe.webcal";
    public const string FeedName = "calendar.feedName";
    public const string AddToCalendar = "calendar.add";
    public const string DownloadIcs = "calendar.add.ics";
    public const string GoogleCalendar = "calendar.add.google";
    public const string OutlookCalendar = "calendar.add.outlook";
    public const string TimeZone = "calendar.tz";
    public const string EventsZone = "calendar.tz.event";
    public const string MyZone = "calendar.tz.mine";
    public const string ShownInZone = "calendar.tz.shown";
    public const string ShowInEventZone = "calendar.tz.back";
    public const string LocalTime = "calendar.tz.local";
    public const string ZoneTime = "calendar.tz.label";
    public const string ZoneTimeUnnamed = "calendar.tz.labelUnnamed";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [Filters] = ("Фільтри подій", "Event filters"),
        [Words] = ("Слова", "Words"),
        [WordsHint] = ("Назва, тема, місто", "Title, topic, city"),
        [From] = ("Від дати", "From"),
        [To] = ("До дати", "To"),
        [Type] = ("Формат події", "Type"),
        [AnyType] = ("Усі формати", "All types"),
        [FormatFilter] = ("Онлайн чи наживо", "Online or in person"),
        [AnyFormat] = ("Будь-як", "Either"),
        [Online] = ("Онлайн", "Online"),
        [InPerson] = ("Наживо", "In person"),
        [City] = ("Місто", "City"),
        [AnyCity] = ("Усі міста", "All cities"),
        [ShowPast] = ("Показати й минулі події", "Include past events"),
        [View] = ("Вигляд", "View"),
        [ListView] = ("Список", "List"),
        [MonthView] = ("Місяць", "Month"),
        [Apply] = ("Показати", "Show"),
        [Clear] = ("Скинути фільтри", "Clear filters"),
        [NoEvents] = ("Подій не знайдено", "No events found"),
        [ClearFilters] = ("Скинути фільтри й показати всі події", "Clear the filters and show every event"),
        [Found] = ("Знайдено: {0}", "Found: {0}"),
        [SearchRebuilding] = ("Пошук за словами зараз перебудовується, тому слова поки не враховано; інші фільтри працюють.",
            "Search is being rebuilt, so the words are not applied yet; the other filters work."),
        [PreviousMonth] = ("Попередній місяць", "Previous month"),
        [NextMonth] = ("Наступний місяць", "Next month"),
        [Today] = ("сьогодні", "today"),
        [Continues] = ("триває", "continues"),
        [NoEventsInMonth] = ("Цього місяця подій немає.", "No events this month."),
        [Subscribe] = ("Підписатися на цю добірку", "Subscribe to this selection"),
        [SubscribeHint] = ("Посилання на календар (iCal) з подіями за цими фільтрами — для Google Calendar, Outlook чи Apple Calendar.",
            "A calendar (iCal) link to the events these filters find, for Google Calendar, Outlook or Apple Calendar."),
        [SubscribeWebcal] = ("Відкрити в програмі календаря", "Open in your calendar app"),
        [FeedName] = ("Клуб мерів — події", "Mayors' Club events"),
        [AddToCalendar] = ("Додати до календаря", "Add to calendar"),
        [DownloadIcs] = ("Завантажити файл .ics", "Download an .ics file"),
        [GoogleCalendar] = ("Google Calendar", "Google Calendar"),
        [OutlookCalendar] = ("Outlook", "Outlook"),
        [TimeZone] = ("Часовий пояс", "Time zone"),
        [EventsZone] = ("Час події (пояс події)", "The event's own time"),
        [MyZone] = ("Показати в моєму часовому поясі", "Show in my time zone"),
        [ShownInZone] = ("Час показано в поясі {0}.", "Times are shown in {0}."),
        [ShowInEventZone] = ("Показати за часом подій", "Show in the events' own time"),
        [LocalTime] = ("у вашому часі", "your time"),
        [ZoneTime] = ("за {0} часом ({1})", "{0} time ({1})"),
        [ZoneTimeUnnamed] = ("за часом {0} ({1})", "{0} time ({1})"),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, string culture) => Texts.Get(key, culture);

    public static string Format(string key, string culture, params object?[] args) => Texts.Format(key, culture, args);

    public static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);
}
