using MayorsClub.Core.Content;

namespace MayorsClub.Core.Announcements;

/// <summary>The announcements' texts in both languages: e-mails, the subscription pages, the back office. A test checks every key has both.</summary>
public static class AnnouncementsText
{
    // E-mails
    public const string ConfirmSubject = "mail.confirmSubject";
    public const string ConfirmBody = "mail.confirmBody";
    public const string AlreadySubject = "mail.alreadySubject";
    public const string AlreadyBody = "mail.alreadyBody";
    public const string MailFooter = "mail.footer";

    // The subscribe box and the public pages
    public const string BoxTitle = "box.title";
    public const string BoxText = "box.text";
    public const string Email = "box.email";
    public const string SubscribeButton = "box.button";
    public const string Honeypot = "box.honeypot";
    public const string SubscribeTitle = "subscribe.title";
    public const string SendAgain = "subscribe.sendAgain";
    public const string EmailInvalid = "subscribe.emailInvalid";
    public const string TooMany = "subscribe.tooMany";
    public const string CheckInboxTitle = "subscribed.title";
    public const string CheckInboxText = "subscribed.text";
    public const string ConfirmTitle = "confirm.title";
    public const string ConfirmText = "confirm.text";
    public const string ConfirmButton = "confirm.button";
    public const string ConfirmedTitle = "confirmed.title";
    public const string ConfirmedText = "confirmed.text";
    public const string LinkInvalidTitle = "link.invalidTitle";
    public const string LinkInvalidText = "link.invalidText";
    public const string UnsubscribeTitle = "unsubscribe.title";
    public const string UnsubscribeText = "unsubscribe.text";
    public const string UnsubscribeButton = "unsubscribe.button";
    public const string UnsubscribedTitle = "unsubscribed.title";
    public const string UnsubscribedText = "unsubscribed.text";
    public const string BackHome = "page.backHome";

    // Back office
    public const string Title = "bo.title";
    public const string Compose = "bo.compose";
    public const string Drafts = "bo.drafts";
    public const string NoAnnouncements = "bo.none";
    public const string Language = "bo.language";
    public const string Subject = "bo.subject";
    public const string Text = "bo.text";
    public const string TextHelp = "bo.textHelp";
    public const string StateColumn = "bo.state";
    public const string Draft = "bo.draft";
    public const string SentOn = "bo.sentOn";
    public const string Recipients = "bo.recipients";
    public const string SaveDraft = "bo.save";
    public const string Preview = "bo.preview";
    public const string PreviewText = "bo.previewText";
    public const string SendTest = "bo.sendTest";
    public const string SendTestHelp = "bo.sendTestHelp";
    public const string Send = "bo.send";
    public const string SendConfirm = "bo.sendConfirm";
    public const string SendHelp = "bo.sendHelp";
    public const string DoneCreated = "bo.doneCreated";
    public const string DoneSaved = "bo.doneSaved";
    public const string DoneTest = "bo.doneTest";
    public const string DoneSent = "bo.doneSent";
    public const string AlreadySent = "bo.alreadySent";
    public const string NoSubscribers = "bo.noSubscribers";
    public const string NotFound = "bo.notFound";
    public const string FixTheFields = "bo.fix";
    public const string FieldRequired = "bo.required";
    public const string CultureRequired = "bo.cultureRequired";
    public const string SubjectTooLong = "bo.subjectTooLong";
    public const string TextTooLong = "bo.textTooLong";
    public const string NoOwnEmail = "bo.noOwnEmail";
    public const string Subscribers = "bo.subscribers";
    public const string SubscribersHelp = "bo.subscribersHelp";
    public const string Confirmed = "bo.confirmed";
    public const string Pending = "bo.pending";
    public const string Unsubscribed = "bo.unsubscribed";
    public const string SubscribedOn = "bo.subscribedOn";
    public const string AllLanguages = "bo.allLanguages";
    public const string Search = "bo.search";
    public const string Show = "bo.show";
    public const string NoSubscribersFound = "bo.noSubscribersFound";
    public const string Remove = "bo.remove";
    public const string RemoveConfirm = "bo.removeConfirm";
    public const string DoneRemoved = "bo.doneRemoved";
    public const string PreviousPage = "bo.previous";
    public const string NextPage = "bo.next";
    public const string FillFromEvents = "bo.fillFromEvents";
    public const string UpcomingSubject = "bo.upcomingSubject";
    public const string UpcomingIntro = "bo.upcomingIntro";
    public const string NoUpcomingEvents = "bo.noUpcomingEvents";
    public const string PartnerFailed = "bo.partnerFailed";
    public const string PartnerNoDirectory = "bo.partnerNoDirectory";
    public const string PartnerNotApproved = "bo.partnerNotApproved";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [ConfirmSubject] = ("Підтвердіть підписку на анонси Клубу мерів", "Confirm your subscription to the Mayors’ Club announcements"),
        [ConfirmBody] = (
            "Вітаємо!\n\nХтось (сподіваємося, ви) попросив надсилати анонси Клубу мерів — про нові події та новини клубу — на цю адресу.\n\nЩоб підтвердити підписку, відкрийте посилання й натисніть кнопку на сторінці (посилання діє {1} днів):\n\n{0}\n\nЯкщо ви не підписувалися, нічого не робіть: без підтвердження листів не буде.",
            "Hello,\n\nSomeone (we hope it was you) asked for the Mayors’ Club announcements — new events and news of the club — to be sent to this address.\n\nTo confirm, open this link and press the button on the page (the link works for {1} days):\n\n{0}\n\nIf you did not subscribe, do nothing: without a confirmation you will get no announcements."),
        [AlreadySubject] = ("Ви вже підписані на анонси Клубу мерів", "You are already subscribed to the Mayors’ Club announcements"),
        [AlreadyBody] = (
            "Вітаємо!\n\nАдресу {0} знову вказали для підписки на анонси Клубу мерів. Вона вже підписана, тож нічого робити не треба.\n\nВідписатися можна за посиланням унизу будь-якого анонсу.",
            "Hello,\n\nThe address {0} was given again to subscribe to the Mayors’ Club announcements. It is already subscribed, so there is nothing to do.\n\nYou can unsubscribe with the link at the bottom of any announcement."),
        [MailFooter] = (
            "Ви отримали цей лист, бо підписалися на анонси Клубу мерів. Відписатися одним кліком: {0}",
            "You get this e-mail because you subscribed to the Mayors’ Club announcements. Unsubscribe with one click: {0}"),

        [BoxTitle] = ("Анонси клубу", "Club announcements"),
        [BoxText] = ("Першими дізнавайтеся про відкриті події та новини клубу. Лише анонси, без спаму.", "Be the first to hear about open events and the club’s news. Announcements only, no spam."),
        [Email] = ("Електронна пошта", "E-mail"),
        [SubscribeButton] = ("Підписатися", "Subscribe"),
        [Honeypot] = ("Не заповнюйте це поле", "Leave this field empty"),
        [SubscribeTitle] = ("Підписка на анонси", "Subscribe to announcements"),
        [SendAgain] = ("Перевірте адресу й надішліть ще раз.", "Please check the address and send it again."),
        [EmailInvalid] = ("Вкажіть адресу електронної пошти, як-от name@example.com.", "Enter an e-mail address such as name@example.com."),
        [TooMany] = ("Забагато спроб підписатися. Спробуйте знову за {0} хв.", "Too many attempts to subscribe. Try again in {0} min."),
        [CheckInboxTitle] = ("Перевірте пошту", "Check your inbox"),
        [CheckInboxText] = ("Ми надіслали лист із посиланням для підтвердження. Підписка почне діяти, щойно ви її підтвердите. Якщо листа немає, перегляньте папку «Спам».", "We have sent an e-mail with a link to confirm. The subscription starts once you confirm it. If the e-mail is not there, look in your spam folder."),
        [ConfirmTitle] = ("Підтвердження підписки", "Confirm your subscription"),
        [ConfirmText] = ("Натисніть кнопку, щоб отримувати анонси Клубу мерів на адресу {0}.", "Press the button to get the Mayors’ Club announcements at {0}."),
        [ConfirmButton] = ("Підтвердити підписку", "Confirm the subscription"),
        [ConfirmedTitle] = ("Підписку підтверджено", "Subscription confirmed"),
        [ConfirmedText] = ("Дякуємо! Анонси надходитимуть на {0}. Відписатися можна одним кліком у будь-якому листі.", "Thank you! Announcements will come to {0}. You can unsubscribe with one click in any of them."),
        [LinkInvalidTitle] = ("Посилання не діє", "This link does not work"),
        [LinkInvalidText] = ("Посилання недійсне, застаріле або підписку вже скасовано. Щоб підписатися знову, скористайтеся формою внизу сторінки.", "This link is not valid, has expired, or the subscription has ended. To subscribe again, use the form at the bottom of the page."),
        [UnsubscribeTitle] = ("Відписатися від анонсів", "Unsubscribe from announcements"),
        [UnsubscribeText] = ("Натисніть кнопку, щоб більше не отримувати анонси Клубу мерів на {0}.", "Press the button to stop getting the Mayors’ Club announcements at {0}."),
        [UnsubscribeButton] = ("Відписатися", "Unsubscribe"),
        [UnsubscribedTitle] = ("Ви відписалися", "You have unsubscribed"),
        [UnsubscribedText] = ("Анонси більше не надходитимуть на {0}.", "No more announcements will be sent to {0}."),
        [BackHome] = ("На головну", "To the home page"),

        [Title] = ("Розсилки", "Announcements"),
        [Compose] = ("Написати анонс", "Write an announcement"),
        [Drafts] = ("Анонси", "Announcements"),
        [NoAnnouncements] = ("Анонсів ще немає.", "No announcements yet."),
        [Language] = ("Мова підписників", "Subscribers’ language"),
        [Subject] = ("Тема листа", "Subject"),
        [Text] = ("Текст", "Text"),
        [TextHelp] = ("Звичайний текст; порожній рядок починає новий абзац. Посилання на відписку додається саме.", "Plain text; an empty line starts a new paragraph. The unsubscribe link is added for you."),
        [StateColumn] = ("Стан", "State"),
        [Draft] = ("Чернетка", "Draft"),
        [SentOn] = ("Надіслано {0}", "Sent {0}"),
        [Recipients] = ("Отримувачів: {0}", "Recipients: {0}"),
        [SaveDraft] = ("Зберегти чернетку", "Save the draft"),
        [Preview] = ("Попередній перегляд", "Preview"),
        [PreviewText] = ("Текстова версія", "Plain-text version"),
        [SendTest] = ("Надіслати тест собі", "Send a test to me"),
        [SendTestHelp] = ("Тестовий лист із позначкою [TEST] піде лише на вашу адресу {0}.", "A test marked [TEST] goes only to your address {0}."),
        [Send] = ("Надіслати підписникам", "Send to subscribers"),
        [SendConfirm] = ("Надіслати цей анонс {0} підписникам? Скасувати це неможливо.", "Send this announcement to {0} subscribers? This cannot be undone."),
        [SendHelp] = ("Анонс отримають усі, хто підтвердив підписку цією мовою. Надіслати його можна лише один раз.", "Everyone who confirmed a subscription in this language gets it. It can be sent only once."),
        [DoneCreated] = ("Чернетку збережено.", "The draft is saved."),
        [DoneSaved] = ("Зміни збережено.", "The changes are saved."),
        [DoneTest] = ("Тестовий лист поставлено в чергу на {0}.", "The test e-mail is queued for {0}."),
        [DoneSent] = ("Анонс поставлено в чергу для {0} підписників.", "The announcement is queued for {0} subscribers."),
        [AlreadySent] = ("Цей анонс уже надіслано; вдруге його не надіслати й не змінити.", "This announcement has been sent already; it cannot be sent again or changed."),
        [NoSubscribers] = ("Цією мовою ще немає підтверджених підписників. Анонс лишається чернеткою.", "There are no confirmed subscribers in this language yet. The announcement stays a draft."),
        [NotFound] = ("Такого анонсу або підписника немає.", "There is no such announcement or subscriber."),
        [FixTheFields] = ("Виправте позначені поля.", "Correct the marked fields."),
        [FieldRequired] = ("Заповніть це поле.", "Fill in this field."),
        [CultureRequired] = ("Виберіть українську або англійську.", "Choose Ukrainian or English."),
        [SubjectTooLong] = ("Тема — не більше 200 символів.", "The subject may have at most 200 characters."),
        [TextTooLong] = ("Текст — не більше 20 000 символів.", "The text may have at most 20,000 characters."),
        [NoOwnEmail] = ("У вашому обліковому записі немає адреси електронної пошти.", "Your account has no e-mail address."),
        [Subscribers] = ("Підписники", "Subscribers"),
        [SubscribersHelp] = ("Адреси підписників — персональні дані: видаляйте адресу на прохання її власника.", "Subscribers’ addresses are personal data: remove an address when its owner asks."),
        [Confirmed] = ("Підтверджені", "Confirmed"),
        [Pending] = ("Очікують підтвердження", "Awaiting confirmation"),
        [Unsubscribed] = ("Відписалися", "Unsubscribed"),
        [SubscribedOn] = ("Підписка", "Subscribed"),
        [AllLanguages] = ("Усі мови", "All languages"),
        [Search] = ("Адреса містить", "Address contains"),
        [Show] = ("Показати", "Show"),
        [NoSubscribersFound] = ("Підписників не знайдено.", "No subscribers found."),
        [Remove] = ("Видалити", "Remove"),
        [RemoveConfirm] = ("Видалити адресу {0} назавжди?", "Remove the address {0} for good?"),
        [DoneRemoved] = ("Підписника видалено.", "The subscriber is removed."),
        [PreviousPage] = ("Попередня", "Previous"),
        [NextPage] = ("Наступна", "Next"),
        [FillFromEvents] = ("Заповнити з найближчих подій", "Fill from upcoming events"),
        [UpcomingSubject] = ("Найближчі події Клубу мерів", "Upcoming events of the Mayors’ Club"),
        [UpcomingIntro] = ("Запрошуємо на найближчі відкриті події клубу:", "You are welcome at the club’s upcoming open events:"),
        [NoUpcomingEvents] = ("Цією мовою немає опублікованих майбутніх подій.", "There are no published upcoming events in this language."),
        [PartnerFailed] = ("Не вдалося створити запис партнера: {0}", "The partner entry could not be created: {0}"),
        [PartnerNoDirectory] = ("Спершу створіть сторінку «Партнери клубу» на сайті.", "Create the partners directory page on the site first."),
        [PartnerNotApproved] = ("Запис партнера створюється лише зі схваленої заявки на партнерство.", "A partner entry can only be made from an approved partnership application."),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, string culture) => Texts.Get(key, culture);

    public static string Format(string key, string culture, params object?[] args) => Texts.Format(key, culture, args);

    public static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);
}
