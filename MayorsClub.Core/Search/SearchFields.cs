namespace MayorsClub.Core.Search;

/// <summary>The fields of a search document: one Lucene document per (published document, culture it is visible in).</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string Key = "key";
    public const string KeyValues = "key_dv";
    public const string Culture = "culture";
    public const string Kind = "kind";
    public const string Url = "url";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string PlainSuffix = "_plain";
    public const string TitlePlain = Title + PlainSuffix;
    public const string SummaryPlain = Summary + PlainSuffix;
    public const string Date = "date";
    public const string Start = "start";
    public const string End = "end";
    public const string EventType = "type";
    public const string City = "city";
    public const string Online = "online";

    /// <summary>The analysed text fields (the culture's full analysis).</summary>
    public static IReadOnlyList<string> Analysed { get; } = [Title, Summary, Body];

    /// <summary>
    /// The fields with a plain (unstemmed) copy for typo tolerance and prefixes: the title and the summary. The body has
    /// none: its stems find its words' forms, and a second analysis of every body would double the cost of indexing.
    /// </summary>
    public static IReadOnlyList<string> WithPlainCopy { get; } = [Title, Summary];

    /// <summary>The city as the filter compares it: trimmed, lower case, one kind of apostrophe, single spaces.</summary>
    public static string NormaliseCity(string city)
    {
        var text = city.Trim().ToLowerInvariant().Replace('’', '\'').Replace('ʼ', '\'').Replace('`', '\'').Replace('‘', '\'');
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>What a search result is: the kinds of document the site search finds.</summary>
public static class SearchKinds
{
    public const string News = "news";
    public const string Session = "session";
    public const string Event = "event";
    public const string Page = "page";

    public static IReadOnlyList<string> All { get; } = [News, Session, Event, Page];

    /// <summary>The kind of a document type, or null for types the search leaves out (home, lists, settings, partners).</summary>
    public static string? Of(string contentType) => contentType switch
    {
        Content.DocumentTypes.NewsArticle.Alias => News,
        Content.DocumentTypes.ExpertSession.Alias => Session,
        Content.DocumentTypes.Event.Alias => Event,
        Content.DocumentTypes.ContentPage.Alias => Page,
        _ => null,
    };

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);
}
