using MayorsClub.Core.Content;

namespace MayorsClub.Web.Delivery.Platform;

/// <summary>
/// The messages of the Delivery API's shared answers and of the media endpoints, in both languages (the culture of the
/// request's Accept-Language). ProblemDetails titles stay Umbraco's (clients match on them); details are ours.
/// </summary>
public static class DeliveryPlatformText
{
    public const string TooManyRequests = "tooManyRequests";
    public const string NotFound = "notFound";
    public const string MediaNotFound = "media.notFound";
    public const string NoSuchEndpoint = "noSuchEndpoint";
    public const string MethodNotAllowed = "methodNotAllowed";
    public const string ServerError = "serverError";
    public const string Disabled = "disabled";
    public const string SelectorOptionNotFound = "query.selector";
    public const string FilterOptionNotFound = "query.filter";
    public const string SortOptionNotFound = "query.sort";
    public const string BadPaging = "query.paging";
    public const string BadId = "query.id";
    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [TooManyRequests] = ("Забагато запитів з вашої адреси. Зачекайте {0} с і спробуйте знову.", "Too many requests from your address. Wait {0} s and try again."),
        [NotFound] = ("Нічого не знайдено за цією адресою.", "Nothing was found at this address."),
        [MediaNotFound] = ("Такого медіафайлу немає або він доступний лише членам клубу.", "There is no such media item, or only members may see it."),
        [NoSuchEndpoint] = ("У Delivery API немає такої адреси. Перелік адрес: /umbraco/delivery/api/docs.", "The Delivery API has no such address. The list of addresses: /umbraco/delivery/api/docs."),
        [MethodNotAllowed] = ("Delivery API лише читає: використовуйте GET.", "The Delivery API only reads: use GET."),
        [ServerError] = ("Сталася помилка на сервері. Спробуйте за хвилину.", "Something went wrong on the server. Please try again in a minute."),
        [Disabled] = ("Delivery API вимкнено на цьому сайті.", "The Delivery API is turned off on this site."),
        [SelectorOptionNotFound] = ("Параметр «fetch» має бути «children:» з id або шляхом папки, наприклад «children:/».", "The 'fetch' option must be 'children:' with a folder's id or path, for example 'children:/'."),
        [FilterOptionNotFound] = ("Невідомий параметр «filter»: можна «mediaType:Image» або «name:слово».", "Unknown 'filter' option: use 'mediaType:Image' or 'name:word'."),
        [SortOptionNotFound] = ("Невідомий параметр «sort»: можна createDate, updateDate, name або sortOrder з «:asc» чи «:desc».", "Unknown 'sort' option: use createDate, updateDate, name or sortOrder with ':asc' or ':desc'."),
        [BadPaging] = ("«skip» і «take» мають бути цілими числами, не меншими за нуль.", "'skip' and 'take' must be whole numbers, not below zero."),
        [BadId] = ("«id» має бути GUID, наприклад 3fa85f64-5717-4562-b3fc-2c963f66afa6.", "'id' must be a GUID, for example 3fa85f64-5717-4562-b3fc-2c963f66afa6."),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);

    public static string Get(string key, string culture) => Texts.Get(key, culture);

    public static string Format(string key, string culture, params object?[] args) => Texts.Format(key, culture, args);
}
