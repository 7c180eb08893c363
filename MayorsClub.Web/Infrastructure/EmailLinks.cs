using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MayorsClub.Web.Infrastructure;

/// <summary>
/// What the e-mails with a link in them share, the back office's and the members': the Identity token the link carries
/// and the HTML part made from the plain text.
/// </summary>
public static class EmailLinks
{
    /// <summary>Identity's tokens carry characters that do not survive in URLs and mail clients; links carry them base64url-encoded.</summary>
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token from a link, or null when it is missing or malformed.</summary>
    public static string? DecodeToken(string? encoded)
    {
        if (string.IsNullOrWhiteSpace(encoded) || encoded.Length > 4000)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The HTML part of an e-mail: the same text, paragraph by paragraph, with the link made clickable.</summary>
    public static string Html(string text, string link, string culture)
    {
        var paragraphs = text.Split("\n\n").Select(p => p == link || p.EndsWith("\n" + link, StringComparison.Ordinal)
            ? WebUtility.HtmlEncode(p[..^link.Length]).Replace("\n", "<br>", StringComparison.Ordinal) + $"<a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a>"
            : WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal));
        return $"<!DOCTYPE html><html lang=\"{culture}\"><body>{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}</body></html>";
    }
}
