using System.Net;
using System.Text.RegularExpressions;

namespace MayorsClub.Tests.Infrastructure;

/// <summary>Forms as a browser posts them: with the antiforgery token of the page they are on.</summary>
public static partial class Antiforgery
{
    /// <summary>The antiforgery token of a page's forms (the client keeps the matching cookie).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new AssertionException($"No antiforgery token on {url} ({(int)response.StatusCode})");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
