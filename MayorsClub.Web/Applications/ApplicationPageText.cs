using MayorsClub.Core.Content;

namespace MayorsClub.Web.Applications;

/// <summary>
/// What the public forms' pages and the intake's e-mails say around the forms' own texts
/// (<see cref="Core.Applications.ApplicationTexts"/>), in Ukrainian and English.
/// </summary>
public static class ApplicationPageText
{
    public const string Resend = "form.resend";
    public const string ErrorSummary = "form.errorSummary";
    public const string RequiredMark = "form.requiredMark";
    public const string PrivacyLink = "form.privacyLink";
    public const string Honeypot = "form.honeypot";
    public const string ThanksTitle = "thanks.title";
    public const string ThanksReference = "thanks.reference";
    public const string ToHome = "thanks.toHome";
    public const string EventClosed = "event.closed";
    public const string EventFull = "event.full";
    public const string EventTooFew = "event.tooFew";
    public const string EventUnknown = "event.unknown";
    public const string PlacesLeft = "event.placesLeft";
    public const string TooMany = "form.tooMany";
    public const string Yes = "mail.yes";
    public const string CommitteeSubject = "mail.committee.subject";
    public const string CommitteeIntro = "mail.committee.intro";
    public const string CommitteeEvent = "mail.committee.event";
    public const string CommitteeLink = "mail.committee.link";
    public const string ApplicantGreeting = "mail.applicant.greeting";
    public const string ApplicantFooter = "mail.applicant.footer";

    /// <summary>The form's kind as the committee's e-mail names it.</summary>
    public static string Kind(string form) => $"kind.{form}";

    /// <summary>The thank-you page's text after each form.</summary>
    public static string Next(string form) => $"next.{form}";

    /// <summary>The acknowledgement's subject and first paragraph for each form.</summary>
    public static string AcknowledgementSubject(string form) => $"mail.applicant.subject.{form}";

    public static string AcknowledgementBody(string form) => $"mail.applicant.body.{form}";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [Resend] = (
            "Ми не змогли переконатися, що форму надіслано з цієї сторінки. Перевірте, будь ласка, що все заповнено правильно, і надішліть її ще раз.",
            "We could not make sure the form was sent from this page. Please check that everything is filled in correctly and send it again."),
        [ErrorSummary] = ("Виправте, будь ласка, помилки у формі:", "Please correct the errors in the form:"),
        [RequiredMark] = ("обов’язкове поле", "required"),
        [PrivacyLink] = ("Політика конфіденційності", "Privacy policy"),
        [Honeypot] = ("Залиште це поле порожнім", "Leave this field empty"),
        [ThanksTitle] = ("Дякуємо! Ми отримали ваше звернення", "Thank you! We have received it"),
        [ThanksReference] = ("Його номер: {0}. Назвіть його, якщо писатимете нам про це звернення.", "Its reference number is {0}. Please quote it if you write to us about it."),
        [ToHome] = ("На головну", "Back to the home page"),
        [EventClosed] = ("Реєстрацію на цей захід закрито.", "Registration for this event is closed."),
        [EventFull] = ("На цей захід вільних місць не залишилося.", "There are no places left at this event."),
        [EventTooFew] = ("Залишилося місць: {0}. Зменште, будь ласка, кількість учасників.", "Places left: {0}. Please register fewer participants."),
        [EventUnknown] = ("Цей захід не приймає реєстрацій.", "This event does not take registrations."),
        [PlacesLeft] = ("Залишилося місць: {0} з {1}.", "Places left: {0} of {1}."),
        [TooMany] = (
            "З вашої адреси надіслано забагато форм. Спробуйте знову за {0} хв.",
            "Too many forms have been sent from your address. Please try again in {0} min."),
        [Yes] = ("так", "yes"),

        [Kind("membership")] = ("заявка на членство", "membership application"),
        [Kind("partnership")] = ("заявка на партнерство", "partnership application"),
        [Kind("event")] = ("реєстрація на захід", "event registration"),
        [Kind("contact")] = ("повідомлення з сайту", "message from the website"),

        [Next("membership")] = (
            "Комітет клубу розгляне вашу заявку й повідомить про рішення електронною поштою. Підтвердження ми вже надіслали на вашу адресу.",
            "The club’s committee will review your application and let you know its decision by e-mail. We have sent a confirmation to your address."),
        [Next("partnership")] = (
            "Комітет клубу розгляне вашу заявку й відповість електронною поштою. Підтвердження ми вже надіслали на вашу адресу.",
            "The club’s committee will review your application and reply by e-mail. We have sent a confirmation to your address."),
        [Next("event")] = (
            "Ми підтвердимо вашу участь електронною поштою. Лист про отримання реєстрації вже надіслано на вашу адресу.",
            "We will confirm your place by e-mail. We have sent a confirmation of your registration to your address."),
        [Next("contact")] = (
            "Ми відповімо електронною поштою, щойно зможемо.",
            "We will reply by e-mail as soon as we can."),

        [CommitteeSubject] = ("{0}: {1} — {2}", "{0}: {1} — {2}"),
        [CommitteeIntro] = ("Надійшла нова {0} {1} ({2}, мова заявника: {3}).", "A new {0} {1} has arrived ({2}, the applicant’s language: {3})."),
        [CommitteeEvent] = ("Захід: {0}", "Event: {0}"),
        [CommitteeLink] = ("Розглянути в бек-офісі: {0}", "Review it in the back office: {0}"),
        [ApplicantGreeting] = ("Вітаємо, {0}!", "Dear {0},"),
        [ApplicantFooter] = (
            "Цей лист надіслано автоматично, щоб підтвердити отримання. Якщо ви нічого не надсилали, просто видаліть його.",
            "This e-mail was sent automatically to confirm receipt. If you did not send anything, please ignore it."),

        [AcknowledgementSubject("membership")] = ("Вашу заявку на членство отримано ({0})", "We have received your membership application ({0})"),
        [AcknowledgementSubject("partnership")] = ("Вашу заявку на партнерство отримано ({0})", "We have received your partnership application ({0})"),
        [AcknowledgementSubject("event")] = ("Вашу реєстрацію на захід отримано ({0})", "We have received your event registration ({0})"),
        [AcknowledgementSubject("contact")] = ("Ваше повідомлення отримано ({0})", "We have received your message ({0})"),
        [AcknowledgementBody("membership")] = (
            "Дякуємо за заявку на членство в Клубі мерів. Її номер — {0}.\n\nКомітет клубу розгляне заявку й повідомить про рішення електронною поштою. Якщо її схвалять, ви отримаєте лист із посиланням, за яким зможете встановити пароль до свого облікового запису на сайті.",
            "Thank you for applying for membership of the Mayors’ Club. Your reference number is {0}.\n\nThe club’s committee will review your application and let you know its decision by e-mail. If it is approved, you will receive an e-mail with a link to set the password for your account on the site."),
        [AcknowledgementBody("partnership")] = (
            "Дякуємо за заявку на партнерство з Клубом мерів. Її номер — {0}.\n\nКомітет клубу розгляне заявку й відповість електронною поштою.",
            "Thank you for applying to become a partner of the Mayors’ Club. Your reference number is {0}.\n\nThe club’s committee will review your application and reply by e-mail."),
        [AcknowledgementBody("event")] = (
            "Дякуємо за реєстрацію на захід «{1}». Її номер — {0}.\n\nМи підтвердимо вашу участь окремим листом.",
            "Thank you for registering for “{1}”. Your reference number is {0}.\n\nWe will confirm your place in a separate e-mail."),
        [AcknowledgementBody("contact")] = (
            "Дякуємо за ваше повідомлення. Його номер — {0}.\n\nМи відповімо електронною поштою, щойно зможемо.",
            "Thank you for your message. Its reference number is {0}.\n\nWe will reply by e-mail as soon as we can."),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, string culture) => Texts.Get(key, culture);

    public static string Format(string key, string culture, params object?[] args) => Texts.Format(key, culture, args);

    public static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);
}
