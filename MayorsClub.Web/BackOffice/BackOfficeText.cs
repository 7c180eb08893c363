using MayorsClub.Core.Content;

namespace MayorsClub.Web.BackOffice;

/// <summary>The back office's UI strings in both languages; editors choose theirs. A test checks every key has both.</summary>
public static class BackOfficeText
{
    public const string SignInTitle = "signIn.title";
    public const string Email = "signIn.email";
    public const string Password = "signIn.password";
    public const string SignIn = "signIn.submit";
    public const string SignOut = "signOut";
    public const string SignInFailed = "signIn.failed";
    public const string FieldRequired = "field.required";
    public const string AccessDenied = "accessDenied";
    public const string AccessDeniedText = "accessDenied.text";
    public const string Dashboard = "section.dashboard";
    public const string Content = "section.content";
    public const string Media = "section.media";
    public const string Users = "section.users";
    public const string AuditLog = "section.audit";
    public const string Applications = "section.applications";
    public const string Announcements = "section.announcements";
    public const string Outbox = "section.outbox";
    public const string RecentlyEdited = "dashboard.recent";
    public const string Scheduled = "dashboard.scheduled";
    public const string AwaitingApproval = "dashboard.awaitingApproval";
    public const string Nothing = "dashboard.nothing";
    public const string PublishAt = "dashboard.publishAt";
    public const string UnpublishAt = "dashboard.unpublishAt";
    public const string By = "by";
    public const string Language = "uiLanguage";
    public const string ClubName = "clubName";
    public const string CreateQuick = "dashboard.create";
    public const string CreateOf = "dashboard.createOf";
    public const string EditedByMe = "dashboard.mine";
    public const string EditedByEveryone = "dashboard.everyone";
    public const string MissingTranslations = "dashboard.missingTranslations";
    public const string MissingTranslationsHint = "dashboard.missingTranslations.hint";
    public const string TranslationDraft = "dashboard.translationDraft";
    public const string TranslationNotWritten = "dashboard.translationNotWritten";
    public const string KyivTimeNote = "dashboard.kyivTime";
    public const string WaitingSince = "dashboard.waitingSince";
    public const string BackOfficeName = "backOfficeName";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [SignInTitle] = ("Вхід до адмінпанелі", "Sign in to the back office"),
        [Email] = ("Електронна пошта", "E-mail"),
        [Password] = ("Пароль", "Password"),
        [SignIn] = ("Увійти", "Sign in"),
        [SignOut] = ("Вийти", "Sign out"),
        [SignInFailed] = ("Неправильна пошта або пароль.", "The e-mail or password is not right."),
        [FieldRequired] = ("Заповніть це поле.", "Fill in this field."),
        [AccessDenied] = ("Доступ заборонено", "Access denied"),
        [AccessDeniedText] = ("Ваша група користувачів не має права на цю дію.", "Your user group may not do this."),
        [Dashboard] = ("Огляд", "Dashboard"),
        [Content] = ("Вміст", "Content"),
        [Media] = ("Медіа", "Media"),
        [Users] = ("Користувачі", "Users"),
        [AuditLog] = ("Журнал дій", "Audit log"),
        [Applications] = ("Заявки", "Applications"),
        [Announcements] = ("Розсилки", "Announcements"),
        [Outbox] = ("Пошта", "Outbox"),
        [RecentlyEdited] = ("Нещодавно змінені", "Recently edited"),
        [Scheduled] = ("Заплановано", "Scheduled"),
        [AwaitingApproval] = ("Чекають на схвалення", "Waiting for approval"),
        [Nothing] = ("Поки нічого.", "Nothing yet."),
        [PublishAt] = ("публікація", "publish"),
        [UnpublishAt] = ("зняття", "unpublish"),
        [By] = ("автор", "by"),
        [Language] = ("Мова інтерфейсу", "Interface language"),
        [ClubName] = ("Клуб мерів", "Mayors' Club"),
        [CreateQuick] = ("Створити", "Create"),
        [CreateOf] = ("Створити: {0}", "Create: {0}"),
        [EditedByMe] = ("Мої останні зміни", "My recent edits"),
        [EditedByEveryone] = ("Останні зміни всіх", "Everyone's recent edits"),
        [MissingTranslations] = ("Бракує перекладу", "Translation missing"),
        [MissingTranslationsHint] = ("Опубліковано однією мовою, а іншою — ні.", "Published in one language but not in the other."),
        [TranslationDraft] = ("{0}: чернетка не опублікована", "{0}: draft not published"),
        [TranslationNotWritten] = ("{0}: ще не написано", "{0}: not written yet"),
        [KyivTimeNote] = ("Час за Києвом.", "Times are Kyiv time."),
        [WaitingSince] = ("надіслано", "sent"),
        [BackOfficeName] = ("Адмінпанель сайту", "The site's back office"),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, string culture) =>
        Texts.Get(key, culture);

    public static string Format(string key, string culture, params object[] args) =>
        Texts.Format(key, culture, args);

    internal static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);
}
