using MayorsClub.Core.Content;

namespace MayorsClub.Web.Search;

/// <summary>The site search's texts in both languages ("|": plural forms, see <c>LocalizedFormat.Count</c>).</summary>
public static class SearchText
{
    public const string Title = "search.title";
    public const string TitleWithWords = "search.titleWithWords";
    public const string Description = "search.description";
    public const string BoxLabel = "search.boxLabel";
    public const string Placeholder = "search.placeholder";
    public const string Button = "search.button";
    public const string SuggestionsLabel = "search.suggestions";
    public const string KindLabel = "search.kindLabel";
    public const string KindAll = "search.kind.all";
    public const string KindNews = "search.kind.news";
    public const string KindSession = "search.kind.session";
    public const string KindEvent = "search.kind.event";
    public const string KindPage = "search.kind.page";
    public const string Found = "search.found";
    public const string Results = "search.results";
    public const string NothingFound = "search.nothingFound";
    public const string NothingFoundHint = "search.nothingFoundHint";
    public const string NoWords = "search.noWords";
    public const string WordsCut = "search.wordsCut";
    public const string Rebuilding = "search.rebuilding";
    public const string RebuildingOld = "search.rebuildingOld";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [Title] = ("Пошук по сайту", "Search the site"),
        [TitleWithWords] = ("Пошук: {0}", "Search: {0}"),
        [Description] = ("Новини, експертні сесії, події та сторінки Клубу мерів.", "News, expert sessions, events and pages of the Mayors’ Club."),
        [BoxLabel] = ("Пошук по сайту", "Search the site"),
        [Placeholder] = ("Пошук…", "Search…"),
        [Button] = ("Знайти", "Search"),
        [SuggestionsLabel] = ("Підказки", "Suggestions"),
        [KindLabel] = ("Що шукати", "Look in"),
        [KindAll] = ("Усе", "Everything"),
        [KindNews] = ("Новини", "News"),
        [KindSession] = ("Експертні сесії", "Expert sessions"),
        [KindEvent] = ("Події", "Events"),
        [KindPage] = ("Сторінки", "Pages"),
        [Found] = ("Знайдено: {0}", "Found: {0}"),
        [Results] = ("результат|результати|результатів", "result|results"),
        [NothingFound] = ("За запитом «{0}» нічого не знайдено.", "Nothing was found for “{0}”."),
        [NothingFoundHint] = ("Спробуйте інші слова або шукайте в усіх розділах.", "Try other words, or look in every section."),
        [NoWords] = ("Введіть слово чи кілька слів, щоб шукати новини, сесії, події та сторінки.", "Type a word or a few words to search the news, sessions, events and pages."),
        [WordsCut] = ("Запит задовгий: шукаємо за першими {0} символами.", "The query is too long: we searched for its first {0} characters."),
        [Rebuilding] = ("Пошук саме оновлюється. Спробуйте ще раз за хвилину.", "Search is being rebuilt. Please try again in a minute."),
        [RebuildingOld] = ("Пошук саме оновлюється: найновіших публікацій у результатах може ще не бути.", "Search is being rebuilt: the newest items may not show up yet."),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);

    public static string Get(string key, string culture) => Texts.Get(key, culture);

    public static string Format(string key, string culture, params object[] args) => Texts.Format(key, culture, args);

    /// <summary>The label of a result's kind.</summary>
    public static string Kind(string kind, string culture) => Get(kind switch
    {
        Core.Search.SearchKinds.News => KindNews,
        Core.Search.SearchKinds.Session => KindSession,
        Core.Search.SearchKinds.Event => KindEvent,
        Core.Search.SearchKinds.Page => KindPage,
        _ => KindAll,
    }, culture);
}
