using MayorsClub.Core.Content;
using Microsoft.Net.Http.Headers;

namespace MayorsClub.Web.Site;

/// <summary>Which language a visitor wants: the language cookie, then the browser's Accept-Language, then Ukrainian.</summary>
public static class CultureSelector
{
    public const string CookieName = "mc_culture";

    public static string Preferred(HttpRequest request)
    {
        if (request.Cookies.TryGetValue(CookieName, out var cookie) && Cultures.IsSupported(cookie))
        {
            return cookie!;
        }

        var languages = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant());
        return languages.FirstOrDefault(Cultures.IsSupported) ?? Cultures.Default;
    }

    /// <summary>The culture a path starts with ("/en/news/" → en), else the visitor's preferred one.</summary>
    public static string FromPathOrPreferred(HttpRequest request) => FromPath(request.Path) ?? Preferred(request);

    /// <summary>The culture a path starts with ("/en/news/" → en), or null.</summary>
    public static string? FromPath(PathString path)
    {
        var value = path.Value.AsSpan().TrimStart('/');
        var end = value.IndexOf('/');
        var first = end < 0 ? value : value[..end];
        foreach (var culture in Cultures.All)
        {
            if (first.SequenceEqual(culture))
            {
                return culture;
            }
        }

        return null;
    }

    public static string AcceptLanguageHeader => HeaderNames.AcceptLanguage;
}
