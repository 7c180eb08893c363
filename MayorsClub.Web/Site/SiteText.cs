namespace MayorsClub.Web.Site;

/// <summary>
/// The site's own UI strings in both languages. A test checks that every key has both.
/// </summary>
public static class SiteText
{
    public const string NotFoundTitle = "notFound.title";
    public const string NotFoundText = "notFound.text";
    public const string ToHome = "nav.home";
    public const string OtherLanguage = "nav.otherLanguage";
    public const string MembersOnlyPlaceholder = "members.placeholder";
    public const string BadRequestTitle = "badRequest.title";
    public const string BadRequestText = "badRequest.text";

    private static readonly Dictionary<string, (string Uk, string En)> Texts = new(StringComparer.Ordinal)
    {
        [NotFoundTitle] = ("Сторінку не знайдено", "Page not found"),
        [NotFoundText] = ("Такої сторінки немає або її ще не опубліковано цією мовою.", "There is no such page, or it has not been published in this language yet."),
        [ToHome] = ("На головну", "To the home page"),
        [OtherLanguage] = ("English", "Українською"),
        [BadRequestTitle] = ("Некоректний запит", "Bad request"),
        [BadRequestText] = ("Номер сторінки має бути цілим числом.", "The page number must be a whole number."),
        [MembersOnlyPlaceholder] = ("Відео та матеріали сесії доступні членам клубу.", "The session's video and materials are available to club members."),
    };

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, string culture) =>
        Texts.TryGetValue(key, out var text) ? (culture == "uk" ? text.Uk : text.En) : key;

    internal static bool HasBothLanguages(string key) =>
        Texts.TryGetValue(key, out var t) && t.Uk.Length > 0 && t.En.Length > 0;
}
