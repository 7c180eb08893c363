using MayorsClub.Core.Content;

namespace MayorsClub.Core.Applications;

/// <summary>
/// The forms' titles, labels, help, choices and validation messages in Ukrainian and English.
/// A test checks that every key a form declares, and every message, has both languages.
/// </summary>
public static class ApplicationTexts
{
    public const string Required = "application.required";
    public const string TooLong = "application.tooLong";
    public const string InvalidEmail = "application.invalidEmail";
    public const string InvalidPhone = "application.invalidPhone";
    public const string InvalidUrl = "application.invalidUrl";
    public const string NotAnOption = "application.notAnOption";
    public const string NotNumber = "application.notNumber";
    public const string NumberOutOfRange = "application.numberOutOfRange";
    public const string ConsentRequired = "application.consentRequired";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [Required] = ("Заповніть це поле.", "Please fill in this field."),
        [TooLong] = ("Задовго: не більше {0} символів.", "Too long: at most {0} characters."),
        [InvalidEmail] = ("Вкажіть адресу електронної пошти, наприклад name@example.com.", "Enter an e-mail address, such as name@example.com."),
        [InvalidPhone] = (
            "Вкажіть номер телефону: український, як 050 123 45 67 або +380 50 123 45 67, чи іноземний із кодом країни, як +48 …",
            "Enter a phone number: a Ukrainian one, such as 050 123 45 67 or +380 50 123 45 67, or a foreign one with its country code, such as +48 …"),
        [InvalidUrl] = ("Вкажіть адресу сайту, наприклад https://rada.gov.ua.", "Enter a website address, such as https://rada.gov.ua."),
        [NotAnOption] = ("Оберіть один із запропонованих варіантів.", "Choose one of the options offered."),
        [NotNumber] = ("Вкажіть ціле число.", "Enter a whole number."),
        [NumberOutOfRange] = ("Вкажіть число від {0} до {1}.", "Enter a number from {0} to {1}."),
        [ConsentRequired] = (
            "Без вашої згоди на обробку персональних даних ми не можемо прийняти заявку.",
            "We cannot accept the application without your consent to the processing of your personal data."),

        ["membership.title"] = ("Заявка на членство в клубі", "Apply for membership of the club"),
        ["membership.intro"] = (
            "Членство відкрите для чинних і колишніх міських голів, голів територіальних громад та їхніх команд. Комітет клубу розгляне заявку й відповість електронною поштою.",
            "Membership is open to current and former mayors, heads of territorial communities and their teams. The club’s committee will review your application and reply by e-mail."),
        ["membership.submit"] = ("Надіслати заявку", "Send the application"),
        ["membership.fullName"] = ("Прізвище, ім’я та по батькові", "Full name"),
        ["membership.position"] = ("Посада", "Position"),
        ["membership.position.currentMayor"] = ("Чинний міський голова", "Current mayor"),
        ["membership.position.formerMayor"] = ("Колишній міський голова", "Former mayor"),
        ["membership.position.communityHead"] = ("Голова територіальної громади", "Head of a territorial community"),
        ["membership.position.formerCommunityHead"] = ("Колишній голова територіальної громади", "Former head of a territorial community"),
        ["membership.position.communityTeam"] = ("Член команди громади", "Member of a community’s team"),
        ["membership.community"] = ("Громада", "Community"),
        ["membership.community.help"] = ("Місто, селище чи територіальна громада, яку ви очолюєте або очолювали.", "The city, town or territorial community you lead or led."),
        ["membership.region"] = ("Область", "Region"),
        ["membership.email"] = ("Електронна пошта", "E-mail"),
        ["membership.phone"] = ("Телефон", "Phone"),
        ["membership.phone.help"] = ("Український номер можна вказати без +380; іноземний — із кодом країни.", "A Ukrainian number may be given without +380; a foreign one with its country code."),
        ["membership.website"] = ("Сайт громади", "Community’s website"),
        ["membership.website.help"] = ("Необов’язково.", "Optional."),
        ["membership.motivation"] = ("Чому ви хочете приєднатися до клубу", "Why you would like to join the club"),
        ["membership.motivation.help"] = ("Кілька речень про ваш досвід і те, чим хочете ділитися з колегами.", "A few sentences about your experience and what you would like to share with colleagues."),
        ["membership.consent"] = ("Я погоджуюся на обробку моїх персональних даних", "I agree to the processing of my personal data"),
        ["membership.consent.help"] = ("Як ми зберігаємо й використовуємо дані, описано в політиці конфіденційності.", "How we keep and use the data is described in the privacy policy."),

        ["partnership.title"] = ("Стати партнером клубу", "Become a partner of the club"),
        ["partnership.intro"] = (
            "Розкажіть про вашу організацію та про те, що ви пропонуєте громадам. Комітет клубу відповість електронною поштою.",
            "Tell us about your organisation and what you offer to communities. The club’s committee will reply by e-mail."),
        ["partnership.submit"] = ("Надіслати заявку", "Send the application"),
        ["partnership.organisation"] = ("Організація", "Organisation"),
        ["partnership.kind"] = ("Тип організації", "Kind of organisation"),
        ["partnership.kind.ukrainianEnterprise"] = ("Українське підприємство", "Ukrainian enterprise"),
        ["partnership.kind.internationalCompany"] = ("Міжнародна компанія", "International company"),
        ["partnership.kind.investor"] = ("Інвестиційний фонд або інвестор", "Investment fund or investor"),
        ["partnership.kind.other"] = ("Інше", "Other"),
        ["partnership.country"] = ("Країна", "Country"),
        ["partnership.contactPerson"] = ("Контактна особа", "Contact person"),
        ["partnership.email"] = ("Електронна пошта", "E-mail"),
        ["partnership.phone"] = ("Телефон", "Phone"),
        ["partnership.phone.help"] = ("Необов’язково. Іноземний номер — із кодом країни, як +49 …", "Optional. A foreign number with its country code, such as +49 …"),
        ["partnership.offer"] = ("Що ви пропонуєте", "What you offer"),
        ["partnership.offer.help"] = ("Продукти, послуги, інвестиції чи досвід, корисні громадам.", "Products, services, investment or expertise that would help communities."),
        ["partnership.consent"] = ("Я погоджуюся на обробку моїх персональних даних", "I agree to the processing of my personal data"),
        ["partnership.consent.help"] = ("Як ми зберігаємо й використовуємо дані, описано в політиці конфіденційності.", "How we keep and use the data is described in the privacy policy."),

        ["event.title"] = ("Реєстрація на захід", "Register for the event"),
        ["event.intro"] = ("Зареєструйте вашу громаду чи організацію; підтвердження надійде електронною поштою.", "Register your community or organisation; the confirmation will come by e-mail."),
        ["event.submit"] = ("Зареєструватися", "Register"),
        ["event.organisation"] = ("Громада або організація", "Community or organisation"),
        ["event.organisation.help"] = ("Кого ви представляєте на заході.", "Whom you represent at the event."),
        ["event.contactPerson"] = ("Контактна особа", "Contact person"),
        ["event.email"] = ("Електронна пошта", "E-mail"),
        ["event.phone"] = ("Телефон", "Phone"),
        ["event.phone.help"] = ("Український номер можна вказати без +380; іноземний — із кодом країни.", "A Ukrainian number may be given without +380; a foreign one with its country code."),
        ["event.participants"] = ("Кількість учасників", "Number of participants"),
        ["event.participants.help"] = ("Від 1 до 50 осіб разом із вами.", "From 1 to 50 people, yourself included."),
        ["event.consent"] = ("Я погоджуюся на обробку моїх персональних даних", "I agree to the processing of my personal data"),
        ["event.consent.help"] = ("Як ми зберігаємо й використовуємо дані, описано в політиці конфіденційності.", "How we keep and use the data is described in the privacy policy."),

        ["contact.title"] = ("Залишилися запитання? Напишіть нам", "Still have questions? Write to us"),
        ["contact.intro"] = ("Ми відповімо електронною поштою.", "We will reply by e-mail."),
        ["contact.submit"] = ("Надіслати", "Send"),
        ["contact.name"] = ("Ваше ім’я", "Your name"),
        ["contact.email"] = ("Електронна пошта", "E-mail"),
        ["contact.message"] = ("Повідомлення", "Message"),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static bool Contains(string key) => Texts.Contains(key);

    public static string Get(string key, string culture) => Texts.Get(key, culture);

    public static string Format(string key, string culture, params object?[] args) => Texts.Format(key, culture, args);

    public static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);
}
