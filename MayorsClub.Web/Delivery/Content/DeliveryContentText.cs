using MayorsClub.Core.Content;

namespace MayorsClub.Web.Delivery.Content;

/// <summary>
/// The details of the Delivery API's refusals, in the request's culture (<c>Accept-Language</c>). Titles stay Umbraco's
/// (English), which clients match on.
/// </summary>
public static class DeliveryContentText
{
    public const string NotEnabled = "notEnabled";
    public const string InvalidToken = "invalidToken";
    public const string PreviewNeedsKey = "previewNeedsKey";
    public const string KeyNeeded = "keyNeeded";
    public const string StartItemNotFound = "startItemNotFound";
    public const string NoSuchId = "noSuchId";
    public const string NoSuchRoute = "noSuchRoute";
    public const string NoSelectorItem = "noSelectorItem";
    public const string TooManyIds = "tooManyIds";
    public const string NotAGuid = "notAGuid";
    public const string FilterNotFound = "filterNotFound";
    public const string SelectorNotFound = "selectorNotFound";
    public const string SortNotFound = "sortNotFound";
    public const string FilterValue = "filterValue";
    public const string PagingUnreadable = "pagingUnreadable";
    public const string PagingNegative = "pagingNegative";
    public const string ExpandUnreadable = "expandUnreadable";
    public const string FieldsUnreadable = "fieldsUnreadable";
    public const string FallbackUnreadable = "fallbackUnreadable";
    public const string ForMembers = "forMembers";
    public const string ForOtherGroups = "forOtherGroups";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [NotEnabled] = ("API доставки вмісту вимкнено на цьому сайті.", "The Delivery API is not enabled on this site."),
        [InvalidToken] = ("Токен доступу недійсний або прострочений: увійдіть знову.", "The access token is not valid or has expired: sign in again."),
        [PreviewNeedsKey] = ("Для перегляду чернеток (Preview: true) потрібен чинний ключ у заголовку Api-Key.",
            "Reading drafts (Preview: true) needs a valid key in the Api-Key header."),
        [KeyNeeded] = ("Цей API відкритий лише з чинним ключем у заголовку Api-Key.", "This API answers only with a valid key in the Api-Key header."),
        [StartItemNotFound] = ("Документ, названий у заголовку Start-Item, не знайдено.", "The document named in the Start-Item header was not found."),
        [NoSuchId] = ("Вмісту з id «{0}» мовою «{1}» немає.", "There is no content with the id \"{0}\" in \"{1}\"."),
        [NoSuchRoute] = ("За цим шляхом мовою «{0}» вмісту немає.", "There is no content at this path in \"{0}\"."),
        [NoSelectorItem] = ("Документа, названого в параметрі fetch, мовою «{0}» немає.", "The document named in 'fetch' does not exist in \"{0}\"."),
        [TooManyIds] = ("Запитуйте не більше ніж {0} елементів за раз.", "Ask for at most {0} items at once."),
        [NotAGuid] = ("«{0}» не є GUID.", "\"{0}\" is not a GUID."),
        [FilterNotFound] = ("Одного з фільтрів (filter) не існує.", "One of the attempted 'filter' options does not exist."),
        [SelectorNotFound] = ("Такого вибору (fetch) не існує: children:, descendants: або ancestors: з id чи шляхом.",
            "The attempted 'fetch' option does not exist: children:, descendants: or ancestors: with an id or a path."),
        [SortNotFound] = ("Одного з сортувань (sort) не існує.", "One of the attempted 'sort' options does not exist."),
        [FilterValue] = ("Значення фільтра «{0}» не вдалося прочитати (дати — як 2026-06-01 або 2026-06-01T10:00:00+03:00).",
            "The value of the filter \"{0}\" cannot be read (dates as 2026-06-01 or 2026-06-01T10:00:00+03:00)."),
        [PagingUnreadable] = ("«skip» і «take» мають бути цілими числами, кожне вказане один раз.", "'skip' and 'take' must be whole numbers, each given once."),
        [PagingNegative] = ("«skip» і «take» не можуть бути від'ємними.", "'skip' and 'take' cannot be negative."),
        [ExpandUnreadable] = ("Вкажіть expand як properties[$all], properties[a,b] або properties[a[properties[b]]].",
            "Give 'expand' as properties[$all], properties[a,b] or properties[a[properties[b]]]."),
        [FieldsUnreadable] = ("Вкажіть fields як properties[$all], properties[a,b] або properties[a[properties[b]]].",
            "Give 'fields' as properties[$all], properties[a,b] or properties[a[properties[b]]]."),
        [FallbackUnreadable] = ("Вкажіть fallback як culture:uk або culture:en.", "Give 'fallback' as culture:uk or culture:en."),
        [ForMembers] = ("Цей вміст — для членів клубу: надішліть токен доступу члена клубу.", "This content is for members: send a member's access token."),
        [ForOtherGroups] = ("Цей вміст — для членів інших груп.", "This content is for members of other groups."),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, HttpContext http, params object?[] args) => Texts.Format(key, DeliveryHeaders.Culture(http.Request), args);

    internal static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);
}
