using MayorsClub.Core.Content;

namespace MayorsClub.Web.ManagementApi;

/// <summary>
/// What the Management API says to its callers beyond the content rules (those come from
/// <see cref="ContentMessages"/>), in Ukrainian and English. A test checks every key has both.
/// </summary>
public static class ManagementApiText
{
    public const string InvalidTitle = "title.invalid";
    public const string NotFoundTitle = "title.notFound";
    public const string ConflictTitle = "title.conflict";
    public const string ForbiddenTitle = "title.forbidden";
    public const string BadRequestTitle = "title.badRequest";
    public const string UnauthorizedTitle = "title.unauthorized";
    public const string UnavailableTitle = "title.unavailable";
    public const string DatabaseUnavailable = "databaseUnavailable";
    public const string NotAllowedForGroup = "notAllowedForGroup";
    public const string Unauthorized = "unauthorized";
    public const string Required = "required";
    public const string InvalidJson = "invalidJson";
    public const string WrongType = "wrongType";
    public const string BodyRequired = "bodyRequired";
    public const string BadRequest = "badRequest";
    public const string UnsupportedMediaType = "unsupportedMediaType";
    public const string MethodNotAllowed = "methodNotAllowed";
    public const string Antiforgery = "antiforgery";
    public const string SegmentsNotUsed = "segmentsNotUsed";
    public const string DuplicateVariant = "duplicateVariant";
    public const string DuplicateValue = "duplicateValue";
    public const string VariantMissing = "variantMissing";
    public const string CulturesRequired = "culturesRequired";
    public const string DocumentExists = "documentExists";
    public const string TimeWithoutZone = "timeWithoutZone";
    public const string NoSuchEndpoint = "noSuchEndpoint";
    public const string ServerErrorTitle = "title.serverError";
    public const string ServerError = "serverError";
    public const string BodyUnreadable = "bodyUnreadable";
    public const string TooLarge = "tooLarge";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [InvalidTitle] = ("Запит містить помилки.", "The request has errors."),
        [NotFoundTitle] = ("Не знайдено.", "Not found."),
        [ConflictTitle] = ("Документ змінився.", "The document has changed."),
        [ForbiddenTitle] = ("Недостатньо прав.", "Not allowed."),
        [BadRequestTitle] = ("Неправильний запит.", "Bad request."),
        [UnauthorizedTitle] = ("Потрібен вхід.", "Sign-in required."),
        [NotAllowedForGroup] = ("Ваша група користувачів не може цього робити: публікують, знімають з публікації, планують, переміщують, сортують, видаляють і керують членами клубу редактори та адміністратори.",
            "Your user group may not do this: editors and administrators publish, unpublish, schedule, move, sort, delete and manage members."),
        [Unauthorized] = ("Увійдіть до адмінпанелі або надішліть токен доступу в заголовку «Authorization: Bearer …».",
            "Sign in to the back office or send an access token in the \"Authorization: Bearer …\" header."),
        [Required] = ("Вкажіть «{0}».", "Give \"{0}\"."),
        [InvalidJson] = ("Тіло запиту не є правильним JSON (рядок {0}, позиція {1}).", "The request body is not valid JSON (line {0}, position {1})."),
        [WrongType] = ("Значення «{0}» має неправильний тип.", "The value of \"{0}\" has the wrong type."),
        [BodyRequired] = ("Запит потребує тіла у форматі JSON.", "The request needs a JSON body."),
        [BadRequest] = ("Запит не вдалося прочитати: перевірте адресу та її параметри.", "The request could not be read: check the address and its parameters."),
        [UnsupportedMediaType] = ("Надсилайте тіло запиту як application/json.", "Send the request body as application/json."),
        [MethodNotAllowed] = ("Цей метод HTTP не підтримується за цією адресою.", "This HTTP method is not supported at this address."),
        [Antiforgery] = ("Бракує токена захисту запиту (заголовок RequestVerificationToken) або він недійсний. Перезавантажте сторінку адмінпанелі.",
            "The request verification token (the RequestVerificationToken header) is missing or not valid. Reload the back-office page."),
        [SegmentsNotUsed] = ("Сегменти аудиторії на цьому сайті не використовуються: залиште «segment» порожнім (адреса сторінки задається в «urlSegment»).",
            "Audience segments are not used on this site: leave \"segment\" empty (a page's address goes in \"urlSegment\")."),
        [DuplicateVariant] = ("Мову «{0}» вказано двічі.", "The language \"{0}\" is given twice."),
        [DuplicateValue] = ("Значення «{0}» для цієї мови вказано двічі.", "The value \"{0}\" is given twice for this language."),
        [VariantMissing] = ("Щоб записати значення мовою «{0}», додайте цю мову до «variants» разом із назвою документа.",
            "To write values in \"{0}\", add that language to \"variants\" with the document's name."),
        [CulturesRequired] = ("Вкажіть хоча б одну мову.", "Name at least one language."),
        [DocumentExists] = ("Документ з таким id уже існує.", "A document with this id already exists."),
        [TimeWithoutZone] = ("Вкажіть час в UTC (із «Z» наприкінці) або зі зміщенням, наприклад 2026-12-01T09:00:00Z.",
            "Give the time in UTC (ending in \"Z\") or with an offset, for example 2026-12-01T09:00:00Z."),
        [NoSuchEndpoint] = ("У Management API за цією адресою нічого немає (або не цим методом HTTP).",
            "The Management API has nothing at this address (or not for this HTTP method)."),
        [ServerErrorTitle] = ("Помилка на сервері.", "Server error."),
        [UnavailableTitle] = ("Сервіс тимчасово недоступний.", "Service temporarily unavailable."),
        [DatabaseUnavailable] = ("База даних тимчасово недоступна, тож запит не виконано й нічого не змінено. Повторіть його за кілька секунд (див. Retry-After).",
            "The database is temporarily unavailable, so the request was not carried out and nothing was changed. Repeat it in a few seconds (see Retry-After)."),
        [ServerError] = ("Запит не вдалося виконати через помилку на сервері. Нічого не змінено; спробуйте ще раз пізніше.",
            "The request failed because of an error on the server. Nothing was changed; try again later."),
        [BodyUnreadable] = ("Тіло запиту не вдалося прочитати: воно неповне або коротше, ніж зазначено в Content-Length.",
            "The request body could not be read: it is incomplete or shorter than its Content-Length says."),
        [TooLarge] = ("Тіло запиту завелике.", "The request body is too large."),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, string culture, params object[] args) => Texts.Format(key, culture, args);

    /// <summary>
    /// The caller's language: for people signed in to the back office, their interface language;
    /// for API clients, Accept-Language; Ukrainian otherwise.
    /// </summary>
    public static string CultureOf(HttpRequest request) => BackOffice.BackOfficeController.UiCultureOf(request);

    internal static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);
}
