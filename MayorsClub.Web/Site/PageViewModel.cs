namespace MayorsClub.Web.Site;

/// <summary>The model of the localized status pages (404, 400, 500): only the language is known for sure.</summary>
public sealed record NotFoundViewModel(string Culture)
{
    public string T(string key) => SiteText.Get(key, Culture);
}
