using System.Security.Cryptography;
using System.Text;
using MayorsClub.Core.Content;
using Microsoft.Net.Http.Headers;

namespace MayorsClub.Web.Delivery;

/// <summary>The request headers every Delivery API endpoint reads, as Umbraco names them.</summary>
public static class DeliveryHeaders
{
    public const string ApiKey = "Api-Key";
    public const string Preview = "Preview";
    public const string StartItem = "Start-Item";

    /// <summary>What every answer varies on (a cache, the browser's or a proxy's, must key on all of it).</summary>
    public const string Vary = "Accept-Language, Preview, Start-Item, Api-Key, Authorization";

    /// <summary>
    /// The culture the request asks for: the first supported language of <c>Accept-Language</c> in the order of its
    /// quality values ("uk", "uk-UA", "en", "en-GB"…); the default culture when none is supported or the header does not parse.
    /// </summary>
    public static string Culture(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages))
        {
            return Cultures.Default;
        }

        foreach (var language in languages.Where(l => l.Quality is not 0).OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? "";
            var primary = tag.Split('-')[0].ToLowerInvariant();
            if (Cultures.IsSupported(primary))
            {
                return primary;
            }
        }

        return Cultures.Default;
    }

    /// <summary>Whether the request asks for drafts (<c>Preview: true</c>).</summary>
    public static bool WantsPreview(HttpRequest request) =>
        bool.TryParse(request.Headers[Preview].ToString(), out var preview) && preview;

    /// <summary>
    /// The name of the configured key the request's <c>Api-Key</c> header carries, or null (no header, or no key matches).
    /// Every configured key is compared in constant time, so the answer's timing tells nothing about the keys.
    /// </summary>
    public static string? ApiKeyName(HttpRequest request, DeliveryApiOptions options)
    {
        var sent = request.Headers[ApiKey];
        if (sent.Count != 1 || string.IsNullOrEmpty(sent[0]))
        {
            return null;
        }

        var sentHash = SHA256.HashData(Encoding.UTF8.GetBytes(sent[0]!));
        string? match = null;
        foreach (var (name, key) in options.ApiKeys)
        {
            if (CryptographicOperations.FixedTimeEquals(sentHash, SHA256.HashData(Encoding.UTF8.GetBytes(key))))
            {
                match ??= name;
            }
        }

        return match;
    }
}
