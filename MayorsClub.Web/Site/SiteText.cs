using MayorsClub.Core.Content;

namespace MayorsClub.Web.Site;

/// <summary>
/// The site's own UI strings in both languages. A test checks that every key has both.
/// Texts with "{0}" are format strings (<see cref="Format"/>); texts with "|" are plural forms
/// (Ukrainian "one|few|many", English "one|other"; see <c>LocalizedFormat.Count</c>).
/// </summary>
public static class SiteText
{
    // Status pages
    public const string NotFoundTitle = "notFound.title";
    public const string NotFoundText = "notFound.text";
    public const string BadRequestTitle = "badRequest.title";
    public const string BadRequestText = "badRequest.text";
    public const string ServerErrorTitle = "serverError.title";
    public const string ServerErrorText = "serverError.text";
    public const string StatusSuggestions = "status.suggestions";
    public const string RequestInvalidText = "badRequest.request";
    public const string MethodNotAllowedText = "badRequest.method";
    public const string TooLargeText = "badRequest.tooLarge";
    public const string UnsupportedTypeText = "badRequest.type";
    public const string TooManyRequestsTitle = "tooManyRequests.title";
    public const string TooManyRequestsText = "tooManyRequests.text";
    public const string UnavailableTitle = "unavailable.title";
    public const string UnavailableText = "unavailable.text";

    // Layout
    public const string SiteName = "site.name";
    public const string ToHome = "nav.home";
    public const string Home = "nav.homeShort";
    public const string OtherLanguage = "nav.otherLanguage";
    public const string OtherLanguageHint = "nav.otherLanguageHint";
    public const string OtherLanguageHome = "nav.otherLanguageHome";
    public const string OnlyThisLanguageArticle = "nav.onlyThisLanguageArticle";
    public const string OnlyThisLanguagePage = "nav.onlyThisLanguagePage";
    public const string SkipToContent = "nav.skip";
    public const string MainNavigation = "nav.main";
    public const string Menu = "nav.menu";
    public const string Breadcrumbs = "nav.breadcrumbs";
    public const string FooterNavigation = "footer.navigation";
    public const string FooterSections = "footer.sections";
    public const string FooterContacts = "footer.contacts";
    public const string FooterFollow = "footer.follow";
    public const string Copyright = "footer.copyright";
    public const string NewsFeed = "footer.rss";
    public const string Email = "contact.email";
    public const string Phone = "contact.phone";
    public const string Address = "contact.address";
    public const string WriteToUs = "contact.writeToUs";

    // Lists and pagination
    public const string Pagination = "pagination.label";
    public const string PreviousPage = "pagination.previous";
    public const string NextPage = "pagination.next";
    public const string PageNumber = "pagination.page";
    public const string PageOfPages = "pagination.pageOf";

    // News
    public const string LatestNews = "news.latest";
    public const string NoNews = "news.none";
    public const string AllNews = "news.all";
    public const string Tags = "news.tags";
    public const string RelatedNews = "news.related";
    public const string NewsWithTag = "news.withTag";
    public const string NoNewsWithTag = "news.noneWithTag";
    public const string Source = "news.source";
    public const string Share = "share.title";
    public const string ShareOn = "share.on";
    public const string ShareByEmail = "share.email";

    // Expert sessions
    public const string Speakers = "sessions.speakers";
    public const string AllExpertSessions = "sessions.all";
    public const string NoExpertSessions = "sessions.none";
    public const string SessionDate = "sessions.date";
    public const string MembersOnlyPlaceholder = "members.placeholder";
    public const string MembersOnlyDetails = "members.details";
    public const string MembersOnlyBadge = "members.badge";
    public const string MembersOnlySessionBox = "members.sessionBox";
    public const string MembersSignIn = "members.signIn";
    public const string MembersApply = "members.apply";
    public const string ProtectedPageTitle = "protected.title";
    public const string ProtectedPageText = "protected.text";
    public const string ProtectedNotIncludedTitle = "protected.notIncludedTitle";
    public const string ProtectedNotIncludedText = "protected.notIncludedText";
    public const string SessionRecording = "session.recording";
    public const string SessionMaterials = "session.materials";
    public const string SessionVideoFallback = "session.videoFallback";
    public const string SessionOpenRecording = "session.openRecording";
    public const string SessionNotIncludedText = "session.notIncludedText";

    // Events
    public const string UpcomingEvents = "events.upcoming";
    public const string PastEvents = "events.past";
    public const string NoEvents = "events.none";
    public const string AllEvents = "events.all";
    public const string EventWhen = "events.when";
    public const string EventWhere = "events.where";
    public const string EventKind = "events.type";
    public const string EventRegistration = "events.registration";
    public const string EventCapacity = "events.capacity";
    public const string EventOnline = "events.online";
    public const string EventJoinOnline = "events.joinOnline";
    public const string EventAllDay = "events.allDay";
    public const string EventEnded = "events.ended";
    public const string RegistrationOpen = "events.registrationOpen";
    public const string RegistrationOpenUntil = "events.registrationOpenUntil";
    public const string RegistrationClosed = "events.registrationClosed";
    public const string PlacesForms = "events.places";
    public const string KyivTime = "time.kyiv";
    public const string EventTypeExpertSession = "eventType.expertSession";
    public const string EventTypeConference = "eventType.conference";
    public const string EventTypeForum = "eventType.forum";
    public const string EventTypeTradeMission = "eventType.tradeMission";
    public const string EventTypeWebinar = "eventType.webinar";
    public const string EventTypeOther = "eventType.other";

    // Pages
    public const string MembershipAndPartnership = "home.membershipAndPartnership";
    public const string InThisSection = "page.inThisSection";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [NotFoundTitle] = ("Сторінку не знайдено", "Page not found"),
        [NotFoundText] = ("Такої сторінки немає або її ще не опубліковано цією мовою.", "There is no such page, or it has not been published in this language yet."),
        [BadRequestTitle] = ("Некоректний запит", "Bad request"),
        [BadRequestText] = ("Номер сторінки має бути цілим числом.", "The page number must be a whole number."),
        [ServerErrorTitle] = ("На сайті сталася помилка", "Something went wrong"),
        [ServerErrorText] = ("Ми вже знаємо про проблему. Спробуйте оновити сторінку за хвилину або поверніться на головну.", "We know about the problem. Please reload the page in a minute or go back to the home page."),
        [StatusSuggestions] = ("Можливо, вас зацікавить", "You may be looking for"),
        [RequestInvalidText] = ("Запит не вдалося прочитати: перевірте адресу та дані, які ви надсилаєте.", "The request could not be read: check the address and the data you send."),
        [MethodNotAllowedText] = ("Ця адреса не приймає такого запиту.", "This address does not accept this kind of request."),
        [TooLargeText] = ("Надіслані дані завеликі.", "The data sent is too large."),
        [UnsupportedTypeText] = ("Ця адреса не приймає даних такого типу.", "This address does not accept data of this type."),
        [TooManyRequestsTitle] = ("Забагато запитів", "Too many requests"),
        [TooManyRequestsText] = ("Ви надсилаєте зміни надто часто. Зачекайте хвилину й спробуйте знову.", "You are sending changes too often. Wait a minute and try again."),
        [UnavailableTitle] = ("Сервіс тимчасово недоступний", "Temporarily unavailable"),
        [UnavailableText] = ("Сайт зараз не може зберегти дані: база даних тимчасово недоступна. Нічого з надісланого не збережено. Спробуйте ще раз за кілька секунд.",
            "The site cannot save anything right now: its database is temporarily unavailable. Nothing you sent was saved. Please try again in a few seconds."),

        [SiteName] = ("Клуб мерів", "Mayors’ Club"),
        [ToHome] = ("На головну", "To the home page"),
        [Home] = ("Головна", "Home"),
        [OtherLanguage] = ("English", "Українська"),
        [OtherLanguageHint] = ("Read this page in English", "Читати цю сторінку українською"),
        // These three are in the language the switch leads to, like the hint above: for the reader of that language.
        [OtherLanguageHome] = ("Go to the English home page", "Перейти на головну сторінку українською"),
        [OnlyThisLanguageArticle] = ("This article is only in Ukrainian — go to the English home page", "Ця публікація є лише англійською — перейти на головну сторінку українською"),
        [OnlyThisLanguagePage] = ("This page is only in Ukrainian — go to the English home page", "Ця сторінка є лише англійською — перейти на головну сторінку українською"),
        [SkipToContent] = ("Перейти до змісту", "Skip to content"),
        [MainNavigation] = ("Головне меню", "Main menu"),
        [Menu] = ("Меню", "Menu"),
        [Breadcrumbs] = ("Навігаційний ланцюжок", "Breadcrumbs"),
        [FooterNavigation] = ("Меню в підвалі сайту", "Footer menu"),
        [FooterSections] = ("Розділи", "Sections"),
        [FooterContacts] = ("Контакти", "Contacts"),
        [FooterFollow] = ("Ми в соцмережах", "Follow us"),
        [Copyright] = ("© {0} {1}. Усі права захищено.", "© {0} {1}. All rights reserved."),
        [NewsFeed] = ("RSS-стрічка новин", "News RSS feed"),
        [Email] = ("Електронна пошта", "E-mail"),
        [Phone] = ("Телефон", "Phone"),
        [Address] = ("Адреса", "Address"),
        [WriteToUs] = ("Написати нам", "Write to us"),

        [Pagination] = ("Сторінки списку", "List pages"),
        [PreviousPage] = ("Попередня", "Previous"),
        [NextPage] = ("Наступна", "Next"),
        [PageNumber] = ("Сторінка {0}", "Page {0}"),
        [PageOfPages] = ("сторінка {0} з {1}", "page {0} of {1}"),

        [LatestNews] = ("Останні новини", "Latest news"),
        [NoNews] = ("Новин поки немає.", "There is no news yet."),
        [AllNews] = ("Усі новини", "All news"),
        [Tags] = ("Теми", "Topics"),
        [RelatedNews] = ("Читайте також", "Related news"),
        [NewsWithTag] = ("Новини на тему «{0}»", "News on “{0}”"),
        [NoNewsWithTag] = ("Новин на цю тему поки немає.", "There is no news on this topic yet."),
        [Source] = ("Джерело", "Source"),
        [Share] = ("Поділитися", "Share"),
        [ShareOn] = ("Поділитися в {0}", "Share on {0}"),
        [ShareByEmail] = ("Надіслати листом", "Send by e-mail"),

        [Speakers] = ("Спікери", "Speakers"),
        [AllExpertSessions] = ("Усі експертні сесії", "All expert sessions"),
        [NoExpertSessions] = ("Експертних сесій поки немає.", "There are no expert sessions yet."),
        [SessionDate] = ("Дата і час", "Date and time"),
        [MembersOnlyPlaceholder] = ("Відео та матеріали сесії доступні членам клубу.", "The session’s video and materials are available to club members."),
        [MembersOnlyDetails] = ("Повний запис сесії, презентації спікерів і додаткові матеріали доступні лише членам Клубу мерів — міським головам, очільникам громад та їхнім командам.", "The full recording, the speakers’ slides and further materials are available only to members of the Mayors’ Club: mayors, heads of communities and their teams."),
        [MembersOnlyBadge] = ("Відео для членів Клубу", "Video for members"),
        [MembersOnlySessionBox] = ("Запис і матеріали — для членів Клубу", "The recording and materials are for members of the club"),
        [MembersSignIn] = ("Увійти", "Sign in"),
        [MembersApply] = ("Подати заявку на членство", "Apply for membership"),
        [ProtectedPageTitle] = ("Ця сторінка — для членів Клубу", "This page is for members of the club"),
        [ProtectedPageText] = ("Увійдіть як член Клубу мерів, щоб прочитати її повністю.", "Sign in as a member of the Mayors’ Club to read all of it."),
        [ProtectedNotIncludedTitle] = ("Ваше членство не охоплює цієї сторінки", "Your membership does not include this"),
        [ProtectedNotIncludedText] = ("Цю сторінку бачать лише члени окремих груп Клубу. Якщо вважаєте, що вона має бути доступна вам, зверніться до секретаріату Клубу.", "Only members of certain groups of the club see this page. If you believe it should be open to you, write to the club’s secretariat."),
        [SessionRecording] = ("Запис сесії", "Recording of the session"),
        [SessionMaterials] = ("Матеріали", "Materials"),
        [SessionVideoFallback] = ("Ваш браузер не відтворює це відео. Завантажте його:", "Your browser cannot play this video. Download it:"),
        [SessionOpenRecording] = ("Відкрити запис", "Open the recording"),
        [SessionNotIncludedText] = ("Запис і матеріали цієї сесії доступні іншим групам членів Клубу.", "The recording and materials of this session are open to other groups of members."),

        [UpcomingEvents] = ("Найближчі події", "Upcoming events"),
        [PastEvents] = ("Минулі події", "Past events"),
        [NoEvents] = ("Подій не знайдено", "No events found"),
        [AllEvents] = ("Календар подій", "Events calendar"),
        [EventWhen] = ("Коли", "When"),
        [EventWhere] = ("Де", "Where"),
        [EventKind] = ("Формат", "Type"),
        [EventRegistration] = ("Реєстрація", "Registration"),
        [EventCapacity] = ("Кількість місць", "Places"),
        [EventOnline] = ("Онлайн", "Online"),
        [EventJoinOnline] = ("Посилання на онлайн-трансляцію", "Link to the online broadcast"),
        [EventAllDay] = ("увесь день", "all day"),
        [EventEnded] = ("Подія завершилася", "This event has ended"),
        [RegistrationOpen] = ("Реєстрацію відкрито", "Registration open"),
        [RegistrationOpenUntil] = ("Реєстрацію відкрито до {0}", "Registration open until {0}"),
        [RegistrationClosed] = ("Реєстрацію закрито", "Registration closed"),
        [PlacesForms] = ("місце|місця|місць", "place|places"),
        [KyivTime] = ("за київським часом", "Kyiv time"),
        [EventTypeExpertSession] = ("Експертна сесія", "Expert session"),
        [EventTypeConference] = ("Конференція", "Conference"),
        [EventTypeForum] = ("Форум", "Forum"),
        [EventTypeTradeMission] = ("Торговельна місія", "Trade mission"),
        [EventTypeWebinar] = ("Вебінар", "Webinar"),
        [EventTypeOther] = ("Подія", "Event"),

        [MembershipAndPartnership] = ("Членство і партнерство", "Membership and partnership"),
        [InThisSection] = ("У цьому розділі", "In this section"),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, string culture) =>
        Texts.Get(key, culture);

    /// <summary>A text with "{0}"-style placeholders, filled in.</summary>
    public static string Format(string key, string culture, params object[] args) =>
        Texts.Format(key, culture, args);

    /// <summary>The localized name of an event type ("tradeMission" → "Торговельна місія").</summary>
    public static string EventType(string? type, string culture) =>
        Texts.Contains($"eventType.{type}") ? Get($"eventType.{type}", culture) : Get(EventTypeOther, culture);

    internal static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);
}
