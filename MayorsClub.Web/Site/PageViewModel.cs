using MayorsClub.Core.Publishing;

namespace MayorsClub.Web.Site;

/// <summary>What a page view renders: the document in one culture, read from one snapshot.</summary>
public sealed record PageViewModel(PublishedDocument Document, string Culture, PublishedSnapshot Snapshot)
{
    public string OtherCulture => Culture == "uk" ? "en" : "uk";

    public string Name => Document.Name(Culture) ?? "";

    /// <summary>The same document in the other language, or that language's home page.</summary>
    public string OtherLanguageUrl => Document.Url(OtherCulture) ?? $"/{OtherCulture}/";

    public string T(string key) => SiteText.Get(key, Culture);
}

/// <summary>The localized 404 page.</summary>
public sealed record NotFoundViewModel(string Culture)
{
    public string T(string key) => SiteText.Get(key, Culture);
}
