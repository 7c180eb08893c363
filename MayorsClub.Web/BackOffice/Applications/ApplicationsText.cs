using MayorsClub.Core.Applications;
using MayorsClub.Core.Content;

namespace MayorsClub.Web.BackOffice.Applications;

/// <summary>
/// The texts of the back office's applications and outbox sections, the refusals of review commands
/// (<see cref="ReviewErrors"/>), the history's actions, the dashboard panel and the decision e-mails, in both languages.
/// A unit test checks every key has both.
/// </summary>
public static class ApplicationsText
{
    public const string Title = "applications.title";
    public const string Form = "applications.form";
    public const string AllForms = "applications.allForms";
    public const string Status = "applications.status";
    public const string AnyStatus = "applications.anyStatus";
    public const string From = "applications.from";
    public const string To = "applications.to";
    public const string DatesHelp = "applications.dates.help";
    public const string Search = "applications.search";
    public const string SearchHelp = "applications.search.help";
    public const string Show = "applications.show";
    public const string ClearFilter = "applications.clear";
    public const string Found = "applications.found";
    public const string NoneFound = "applications.noneFound";
    public const string Reference = "applications.reference";
    public const string Applicant = "applications.applicant";
    public const string ApplicantEmail = "applications.applicantEmail";
    public const string Submitted = "applications.submitted";
    public const string Updated = "applications.updated";
    public const string Language = "applications.language";
    public const string Anonymised = "applications.anonymised";
    public const string ExportCsv = "applications.export.csv";
    public const string ExportXlsx = "applications.export.xlsx";
    public const string ExportHelp = "applications.export.help";
    public const string Settings = "applications.settings";
    public const string PreviousPage = "applications.previous";
    public const string NextPage = "applications.next";
    public const string PageOf = "applications.pageOf";
    public const string InvalidDate = "applications.invalidDate";
    public const string UnknownForm = "applications.error.unknownForm";
    public const string UnknownStatus = "applications.error.unknownStatus";
    public const string UnknownFormat = "applications.error.unknownFormat";
    public const string VersionRequired = "applications.error.versionRequired";

    public const string BackToList = "applications.back";
    public const string Fields = "applications.fields";
    public const string NoFields = "applications.noFields";
    public const string History = "applications.history";
    public const string NoHistory = "applications.noHistory";
    public const string When = "applications.when";
    public const string Who = "applications.who";
    public const string What = "applications.what";
    public const string Internal = "applications.internal";
    public const string SentToApplicant = "applications.sentToApplicant";
    public const string AddNote = "applications.note";
    public const string NoteHelp = "applications.note.help";
    public const string SaveNote = "applications.note.save";
    public const string Decision = "applications.decision";
    public const string MessageToApplicant = "applications.message";
    public const string MessageHelp = "applications.message.help";
    public const string Approve = "applications.approve";
    public const string ApproveMembershipHelp = "applications.approve.membership";
    public const string ApprovePartnershipHelp = "applications.approve.partnership";
    public const string ApproveEventHelp = "applications.approve.event";
    public const string Reject = "applications.reject";
    public const string RejectEventHelp = "applications.reject.event";
    public const string Close = "applications.close";
    public const string CloseHelp = "applications.close.help";
    public const string MarkInReview = "applications.markInReview";
    public const string MemberAccount = "applications.member";
    public const string OpenMember = "applications.member.open";
    public const string EventPlaces = "applications.event.places";
    public const string Yes = "applications.yes";
    public const string No = "applications.no";

    public const string DoneReview = "applications.done.review";
    public const string DoneApproved = "applications.done.approved";
    public const string DoneMemberCreated = "applications.done.memberCreated";
    public const string DoneMemberExisting = "applications.done.memberExisting";
    public const string DoneRejected = "applications.done.rejected";
    public const string DoneClosed = "applications.done.closed";
    public const string DoneNote = "applications.done.note";
    public const string DoneErased = "applications.done.erased";

    public const string Erase = "applications.erase";
    public const string EraseTitle = "applications.erase.title";
    public const string EraseRemoves = "applications.erase.removes";
    public const string EraseName = "applications.erase.name";
    public const string EraseEmail = "applications.erase.email";
    public const string EraseFields = "applications.erase.fields";
    public const string EraseNotes = "applications.erase.notes";
    public const string EraseEmails = "applications.erase.emails";
    public const string PartnerEntry = "applications.partnerEntry";
    public const string PartnerEntryHelp = "applications.partnerEntry.help";
    public const string PartnerEntryForEditors = "applications.partnerEntry.forEditors";
    public const string EraseKeeps = "applications.erase.keeps";
    public const string EraseMemberKept = "applications.erase.member";
    public const string EraseNoMember = "applications.erase.noMember";
    public const string EraseIrreversible = "applications.erase.irreversible";
    public const string EraseConfirm = "applications.erase.confirm";
    public const string Cancel = "applications.cancel";

    public const string SettingsTitle = "applications.settings.title";
    public const string CommitteeAddresses = "applications.settings.addresses";
    public const string CommitteeAddressesHelp = "applications.settings.addresses.help";
    public const string RetentionMonths = "applications.settings.retention";
    public const string RetentionMonthsHelp = "applications.settings.retention.help";
    public const string SaveSettings = "applications.settings.save";
    public const string SettingsSaved = "applications.settings.saved";
    public const string InvalidAddresses = "applications.settings.invalidAddresses";
    public const string TooManyAddresses = "applications.settings.tooManyAddresses";
    public const string InvalidMonths = "applications.settings.invalidMonths";
    public const string FixTheFields = "applications.fixFields";

    public const string DashboardNew = "applications.dashboard.new";
    public const string DashboardAll = "applications.dashboard.all";

    public const string OutboxTitle = "outbox.title";
    public const string OutboxIntro = "outbox.intro";
    public const string OutboxWaiting = "outbox.waiting";
    public const string OutboxShowing = "outbox.showing";
    public const string OutboxNothingWaiting = "outbox.nothingWaiting";
    public const string OutboxTo = "outbox.to";
    public const string OutboxSubject = "outbox.subject";
    public const string OutboxAttempts = "outbox.attempts";
    public const string OutboxLastError = "outbox.lastError";
    public const string OutboxNextAttempt = "outbox.nextAttempt";
    public const string OutboxState = "outbox.state";
    public const string OutboxPending = "outbox.state.pending";
    public const string OutboxFailing = "outbox.state.failing";
    public const string OutboxGaveUp = "outbox.state.gaveUp";
    public const string OutboxRetryNow = "outbox.retry";
    public const string OutboxRetried = "outbox.retried";
    public const string OutboxNotWaiting = "outbox.notWaiting";
    public const string OutboxSent = "outbox.sent";
    public const string OutboxSentAt = "outbox.sentAt";
    public const string OutboxNothingSent = "outbox.nothingSent";

    // The decision e-mails ({0} the applicant's name, {1} the reference, {2} what they applied for; {3} the message)
    public const string EmailApprovedSubject = "applications.email.approved.subject";
    public const string EmailApprovedMemberCreated = "applications.email.approved.memberCreated";
    public const string EmailApprovedMemberExisting = "applications.email.approved.memberExisting";
    public const string EmailApprovedEvent = "applications.email.approved.event";
    public const string EmailApproved = "applications.email.approved";
    public const string EmailRejectedSubject = "applications.email.rejected.subject";
    public const string EmailRejected = "applications.email.rejected";
    public const string EmailClosedSubject = "applications.email.closed.subject";
    public const string EmailClosed = "applications.email.closed";
    public const string EmailMessage = "applications.email.message";
    public const string EmailSignature = "applications.email.signature";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [Title] = ("Заявки", "Applications"),
        [Form] = ("Форма", "Form"),
        [AllForms] = ("Усі форми", "All forms"),
        [Status] = ("Стан", "Status"),
        [AnyStatus] = ("Будь-який стан", "Any status"),
        [From] = ("Подано від", "Submitted from"),
        [To] = ("до", "to"),
        [DatesHelp] = ("Дати за київським часом, обидві включно.", "Dates in Kyiv time, both included."),
        [Search] = ("Пошук", "Search"),
        [SearchHelp] = ("Частина номера, імені, адреси чи будь-якого поля заявки.", "Part of the reference, name, e-mail or any field of the application."),
        [Show] = ("Показати", "Show"),
        [ClearFilter] = ("Скинути фільтр", "Clear the filter"),
        [Found] = ("Знайдено: {0}", "Found: {0}"),
        [NoneFound] = ("Заявок не знайдено.", "No applications found."),
        [Reference] = ("Номер", "Reference"),
        [Applicant] = ("Заявник", "Applicant"),
        [ApplicantEmail] = ("Електронна пошта", "E-mail"),
        [Submitted] = ("Подано", "Submitted"),
        [Updated] = ("Змінено", "Changed"),
        [Language] = ("Мова", "Language"),
        [Anonymised] = ("Персональні дані видалено", "Personal data erased"),
        [ExportCsv] = ("Експорт CSV", "Export CSV"),
        [ExportXlsx] = ("Експорт Excel", "Export Excel"),
        [ExportHelp] = (
            "Експортується список із поточним фільтром. Оберіть одну форму, щоб отримати окремий стовпець для кожного поля.",
            "The list is exported as filtered. Choose one form to get a column for each of its fields."),
        [Settings] = ("Налаштування заявок", "Application settings"),
        [PreviousPage] = ("Попередня", "Previous"),
        [NextPage] = ("Наступна", "Next"),
        [PageOf] = ("Сторінка {0} з {1}", "Page {0} of {1}"),
        [InvalidDate] = ("Вкажіть дату як РРРР-ММ-ДД.", "Enter a date as YYYY-MM-DD."),
        [UnknownForm] = ("Форма має бути membership, partnership, event або contact.", "The form must be membership, partnership, event or contact."),
        [UnknownStatus] = ("Стан має бути new, review, approved, rejected або closed.", "The status must be new, review, approved, rejected or closed."),
        [UnknownFormat] = ("Формат має бути csv або xlsx.", "The format must be csv or xlsx."),
        [VersionRequired] = (
            "Вкажіть version — версію заявки, з якої ви почали (її повертає GET application/{id}).",
            "Give version: the application's version you started from (GET application/{id} returns it)."),

        [BackToList] = ("До списку заявок", "Back to the applications"),
        [Fields] = ("Що вказав заявник", "What the applicant gave"),
        [NoFields] = ("Даних немає.", "No data."),
        [History] = ("Історія", "History"),
        [NoHistory] = ("Поки що нічого.", "Nothing yet."),
        [When] = ("Коли", "When"),
        [Who] = ("Хто", "Who"),
        [What] = ("Що", "What"),
        [Internal] = ("внутрішня", "internal"),
        [SentToApplicant] = ("надіслано заявникові", "sent to the applicant"),
        [AddNote] = ("Внутрішня нотатка", "Internal note"),
        [NoteHelp] = ("Бачать лише адміністратори й комітет; заявникові не надсилається.", "Only administrators and the committee see it; it is never sent to the applicant."),
        [SaveNote] = ("Додати нотатку", "Add the note"),
        [Decision] = ("Рішення", "Decision"),
        [MessageToApplicant] = ("Повідомлення заявникові (необов’язково)", "Message to the applicant (optional)"),
        [MessageHelp] = (
            "Додається до листа з рішенням, який іде мовою заявника. Під час закриття лист надсилається лише тоді, коли є повідомлення.",
            "Added to the decision e-mail, which goes in the applicant's language. When closing, an e-mail goes only if there is a message."),
        [Approve] = ("Схвалити", "Approve"),
        [ApproveMembershipHelp] = (
            "Створює члена клубу в групі «Міські голови» або «Команди громад» (за посадою) і надсилає йому посилання, щоб задати пароль. Якщо член клубу з цією адресою вже є, йому лише додається група.",
            "Creates the member in the Mayors or Community teams group (by position) and e-mails them a link to set their password. If a member with this e-mail exists, the group is added to them instead."),
        [ApprovePartnershipHelp] = (
            "Створює члена клубу в групі «Партнери» й надсилає посилання, щоб задати пароль (або додає групу наявному).",
            "Creates a member in the Partners group and e-mails a link to set a password (or adds the group to an existing member)."),
        [ApproveEventHelp] = ("Підтверджує місце на події листом заявникові.", "Confirms the place at the event by e-mail."),
        [Reject] = ("Відхилити", "Reject"),
        [RejectEventHelp] = ("Місця цієї реєстрації знову стають вільними.", "This registration's places become free again."),
        [Close] = ("Закрити", "Close"),
        [CloseHelp] = ("Для повідомлень і всього, що вже зроблено.", "For contact messages, and anything already done."),
        [MarkInReview] = ("Взяти на розгляд", "Take into review"),
        [MemberAccount] = ("Обліковий запис члена клубу", "Member account"),
        [OpenMember] = ("Відкрити члена клубу", "Open the member"),
        [EventPlaces] = ("Місць: {0}", "Places: {0}"),
        [Yes] = ("так", "yes"),
        [No] = ("ні", "no"),

        [DoneReview] = ("Заявку {0} взято на розгляд.", "Application {0} is in review."),
        [DoneApproved] = ("Заявку {0} схвалено; заявникові надіслано лист.", "Application {0} approved; the applicant has been e-mailed."),
        [DoneMemberCreated] = (
            "Створено члена клубу в групі «{1}»; лист із посиланням для пароля вже в дорозі ({0}).",
            "The member was created in the group {1}; an e-mail with the set-password link is on its way ({0})."),
        [DoneMemberExisting] = (
            "Член клубу з адресою {0} уже був: другого облікового запису не створено, йому додано групу «{1}».",
            "A member with the address {0} already existed: no second account was made; the group {1} was added to them."),
        [DoneRejected] = ("Заявку {0} відхилено; заявникові надіслано лист.", "Application {0} rejected; the applicant has been e-mailed."),
        [DoneClosed] = ("Заявку {0} закрито.", "Application {0} closed."),
        [DoneNote] = ("Нотатку додано.", "The note was added."),
        [DoneErased] = ("Персональні дані заявки {0} видалено.", "The personal data of application {0} was erased."),

        [Erase] = ("Видалити персональні дані на запит", "Delete personal data on request"),
        [EraseTitle] = ("Видалити персональні дані заявки {0}?", "Delete the personal data of application {0}?"),
        [EraseRemoves] = ("Буде видалено:", "This removes:"),
        [EraseName] = ("ім’я заявника: {0}", "the applicant's name: {0}"),
        [EraseEmail] = ("адресу електронної пошти: {0}", "the e-mail address: {0}"),
        [EraseFields] = ("усі поля заявки ({0})", "every field of the application ({0})"),
        [PartnerEntry] = ("Створити запис партнера (чернетку)", "Create the partner's entry (a draft)"),
        [PartnerEntryHelp] = (
            "Чернетка в каталозі партнерів із тим, що написав заявник; перевірте її та опублікуйте в розділі «Контент».",
            "A draft in the partners directory with what the applicant gave; check it and publish it in the Content section."),
        [PartnerEntryForEditors] = (
            "Запис у каталозі партнерів із цієї заявки може створити адміністратор (він працює і з контентом).",
            "An administrator (who also works on content) can create the partner's directory entry from this application."),
        [EraseEmails] = (
            "листи щодо цієї заявки в поштовій черзі (надіслані й ні): підтвердження, сповіщення комітету, рішення",
            "this application's e-mails in the outbox (sent or not): the acknowledgement, the committee's notification, the decision"),
        [EraseNotes] = (
            "тексти нотаток і повідомлень заявникові ({0}) — у них ідеться про людину; записи про те, хто що й коли зробив, лишаються",
            "the texts of the notes and messages to the applicant ({0}): they speak of the person; the record of who did what and when stays"),
        [EraseKeeps] = (
            "Залишаються номер заявки, форма, стан, дати та історія дій — без персональних даних.",
            "The reference, form, status, dates and history of actions stay, without personal data."),
        [EraseMemberKept] = (
            "Обліковий запис члена клубу, створений із цієї заявки, НЕ видаляється. Якщо людина просить видалити і його, зробіть це в розділі членів клубу:",
            "The member account made from this application is NOT deleted. If the person asks for it to go too, delete it in the members section:"),
        [EraseNoMember] = ("Облікового запису члена клубу з цієї заявки немає.", "No member account was made from this application."),
        [EraseIrreversible] = ("Це не можна скасувати.", "This cannot be undone."),
        [EraseConfirm] = ("Видалити персональні дані", "Delete the personal data"),
        [Cancel] = ("Скасувати", "Cancel"),

        [SettingsTitle] = ("Налаштування заявок", "Application settings"),
        [CommitteeAddresses] = ("Адреси комітету", "Committee addresses"),
        [CommitteeAddressesHelp] = (
            "Кому надходить сповіщення про кожну заявку: по одній адресі в рядку (до 20). Якщо порожньо — на контактну адресу сайту.",
            "Who is notified of each application: one address per line (20 at most). Empty: the site's contact address."),
        [RetentionMonths] = ("Строк зберігання, місяців", "Retention, months"),
        [RetentionMonthsHelp] = (
            "Відхилені та закриті заявки, які не змінювалися довше, автоматично знеособлюються. Від 1 до 120.",
            "Rejected and closed applications unchanged for longer are anonymised automatically. From 1 to 120."),
        [SaveSettings] = ("Зберегти", "Save"),
        [SettingsSaved] = ("Налаштування збережено.", "The settings were saved."),
        [InvalidAddresses] = (
            "Кожен рядок має бути адресою електронної пошти, наприклад committee@mayorsclub.org.ua.",
            "Each line must be an e-mail address, such as committee@mayorsclub.org.ua."),
        [TooManyAddresses] = ("Не більше 20 адрес.", "20 addresses at most."),
        [InvalidMonths] = ("Вкажіть ціле число місяців від 1 до 120.", "Enter a whole number of months from 1 to 120."),
        [FixTheFields] = ("Нічого не збережено: виправте позначені поля.", "Nothing was saved: correct the fields marked."),

        [DashboardNew] = ("Нові заявки: {0}", "New applications: {0}"),
        [DashboardAll] = ("Усі нові заявки", "All new applications"),

        [OutboxTitle] = ("Пошта", "Outbox"),
        [OutboxIntro] = (
            "Листи, які сайт ще не надіслав або не зміг надіслати. Тексти листів тут не показуються: у них є посилання для входу.",
            "E-mails the site has not sent yet or could not send. Their texts are not shown here: they hold sign-in links."),
        [OutboxWaiting] = ("Очікують і невдалі", "Waiting and failed"),
        [OutboxShowing] = ("Показано {0} з {1}.", "Showing {0} of {1}."),
        [OutboxNothingWaiting] = ("Усі листи надіслано.", "Every e-mail has been sent."),
        [OutboxTo] = ("Кому", "To"),
        [OutboxSubject] = ("Тема", "Subject"),
        [OutboxAttempts] = ("Спроб", "Attempts"),
        [OutboxLastError] = ("Остання помилка", "Last error"),
        [OutboxNextAttempt] = ("Наступна спроба", "Next attempt"),
        [OutboxState] = ("Стан", "State"),
        [OutboxPending] = ("в черзі", "pending"),
        [OutboxFailing] = ("не вдалося, буде ще спроба", "failed, will retry"),
        [OutboxGaveUp] = ("не вдалося, спроби припинено", "failed, gave up"),
        [OutboxRetryNow] = ("Спробувати зараз", "Retry now"),
        [OutboxRetried] = ("Лист #{0} буде надіслано зараз.", "E-mail #{0} is being sent now."),
        [OutboxNotWaiting] = ("Цей лист уже надіслано або його немає.", "That e-mail has been sent already, or does not exist."),
        [OutboxSent] = ("Надіслані за останні 7 днів ({0})", "Sent in the last 7 days ({0})"),
        [OutboxSentAt] = ("Надіслано", "Sent"),
        [OutboxNothingSent] = ("Нічого не надсилалося.", "Nothing was sent."),

        [EmailApprovedSubject] = ("Вашу заявку {0} схвалено", "Your application {0} is approved"),
        [EmailApprovedMemberCreated] = (
            "Вітаємо, {0}!\n\nКомітет Клубу мерів схвалив вашу заявку {1} ({2}). Ласкаво просимо до клубу!\n\nОкремим листом ви отримаєте посилання, щоб задати пароль і увійти на сайт клубу. Після входу на сторінці профілю можна додати ключ доступу (passkey).",
            "Hello {0},\n\nThe Mayors' Club committee has approved your application {1} ({2}). Welcome to the club!\n\nA separate e-mail brings you a link to set your password and sign in to the club's site. Once signed in, you can add a passkey on your profile page."),
        [EmailApprovedMemberExisting] = (
            "Вітаємо, {0}!\n\nКомітет Клубу мерів схвалив вашу заявку {1} ({2}). Ви вже маєте обліковий запис на сайті клубу: входьте з тією ж адресою й паролем, що й раніше.",
            "Hello {0},\n\nThe Mayors' Club committee has approved your application {1} ({2}). You already have an account on the club's site: sign in with the same address and password as before."),
        [EmailApprovedEvent] = (
            "Вітаємо, {0}!\n\nВашу реєстрацію {1} підтверджено: місце на події за вами ({2}). Чекаємо на вас!",
            "Hello {0},\n\nYour registration {1} is confirmed: your place at the event is reserved ({2}). We look forward to seeing you!"),
        [EmailApproved] = (
            "Вітаємо, {0}!\n\nКомітет Клубу мерів схвалив вашу заявку {1} ({2}).",
            "Hello {0},\n\nThe Mayors' Club committee has approved your application {1} ({2})."),
        [EmailRejectedSubject] = ("Рішення щодо вашої заявки {0}", "The decision on your application {0}"),
        [EmailRejected] = (
            "Вітаємо, {0}!\n\nДякуємо за вашу заявку {1} ({2}). На жаль, комітет Клубу мерів не може її схвалити.",
            "Hello {0},\n\nThank you for your application {1} ({2}). Unfortunately, the Mayors' Club committee cannot approve it."),
        [EmailClosedSubject] = ("Відповідь на ваше звернення {0}", "A reply to your message {0}"),
        [EmailClosed] = ("Вітаємо, {0}!\n\nДякуємо за ваше звернення {1} ({2}).", "Hello {0},\n\nThank you for your message {1} ({2})."),
        [EmailMessage] = ("Повідомлення від комітету:\n{0}", "A message from the committee:\n{0}"),
        [EmailSignature] = ("З повагою,\nКлуб мерів", "Kind regards,\nThe Mayors' Club"),

        [ReviewErrors.NotFound] = ("Такої заявки немає.", "There is no such application."),
        [ReviewErrors.Stale] = (
            "Цю заявку тим часом змінив хтось інший, тож ваше рішення не збережено. Перегляньте її поточний стан і вирішіть ще раз.",
            "Someone else changed this application meanwhile, so your decision was not saved. Look at its current state and decide again."),
        [ReviewErrors.NotAllowed] = (
            "Для цієї заявки в її поточному стані таке рішення неможливе.",
            "This decision is not possible for this application in its current state."),
        [ReviewErrors.Anonymised] = ("Персональні дані цієї заявки вже видалено.", "The personal data of this application has already been erased."),
        [ReviewErrors.MessageTooLong] = ("Задовго: не більше 4000 символів.", "Too long: 4000 characters at most."),
        [ReviewErrors.NoteRequired] = ("Напишіть текст нотатки.", "Write the note's text."),
        [ReviewErrors.MemberRefused] = (
            "Члена клубу не вдалося створити, тож заявку не схвалено: {0}",
            "The member could not be created, so the application was not approved: {0}"),
        [ReviewErrors.UnknownDecision] = ("Рішення має бути approve, reject або close.", "The decision must be approve, reject or close."),

        ["applications.status." + ApplicationStatus.New] = ("нова", "new"),
        ["applications.status." + ApplicationStatus.InReview] = ("на розгляді", "in review"),
        ["applications.status." + ApplicationStatus.Approved] = ("схвалена", "approved"),
        ["applications.status." + ApplicationStatus.Rejected] = ("відхилена", "rejected"),
        ["applications.status." + ApplicationStatus.Closed] = ("закрита", "closed"),

        ["applications.form." + ApplicationForms.MembershipName] = ("Членство", "Membership"),
        ["applications.form." + ApplicationForms.PartnershipName] = ("Партнерство", "Partnership"),
        ["applications.form." + ApplicationForms.EventName] = ("Реєстрація на подію", "Event registration"),
        ["applications.form." + ApplicationForms.ContactName] = ("Повідомлення", "Contact message"),

        ["applications.action." + ApplicationActions.Submitted] = ("подано", "submitted"),
        ["applications.action." + ApplicationActions.Review] = ("взято на розгляд", "taken into review"),
        ["applications.action." + ApplicationActions.Approve] = ("схвалено", "approved"),
        ["applications.action." + ApplicationActions.Reject] = ("відхилено", "rejected"),
        ["applications.action." + ApplicationActions.Close] = ("закрито", "closed"),
        ["applications.action." + ApplicationActions.Note] = ("нотатка", "note"),
        ["applications.action." + ApplicationActions.MemberCreated] = ("створено члена клубу", "member created"),
        ["applications.action." + ApplicationActions.MemberGroupAdded] = ("наявному члену клубу додано групу", "group added to the existing member"),
        ["applications.action." + ApplicationActions.Erase] = ("персональні дані видалено на запит", "personal data erased on request"),
        ["applications.action." + ApplicationActions.Anonymise] = ("знеособлено після строку зберігання", "anonymised after the retention period"),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, string culture) => Texts.Get(key, culture);

    public static string Format(string key, string culture, params object?[] values) => Texts.Format(key, culture, values);

    public static string StatusLabel(string status, string culture) => Get("applications.status." + status, culture);

    public static string FormLabel(string form, string culture) => Get("applications.form." + form, culture);

    public static string ActionLabel(string action, string culture) => Get("applications.action." + action, culture);

    internal static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);
}
