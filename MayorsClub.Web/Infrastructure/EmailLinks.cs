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
    public static string Html(string text, string link, string culture) => EmailLayout.Html(text, culture, [link]);
}

/// <summary>
/// The club's e-mails as HTML: the plain text's paragraphs in the club's colours (a dark-blue band with the club's
/// name, a gold rule, a muted footer), inline styles only because mail clients drop style sheets. Any of the links
/// given that a paragraph contains is made clickable.
/// </summary>
public static class EmailLayout
{
    private const string Blue = "#0b2548";
    private const string Gold = "#e6ad14";
    private const string Ink = "#1b2434";
    private const string Muted = "#4a5466";

    public static string Html(string text, string culture, IReadOnlyCollection<string>? links = null, string? footer = null)
    {
        var club = culture == "en" ? "Mayors’ Club" : "Клуб мерів";
        var body = new StringBuilder();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            body.Append("<p style=\"margin:0 0 16px;line-height:1.5\">").Append(Linked(paragraph, links)).Append("</p>");
        }

        var foot = footer is null ? "" : $"<p style=\"margin:16px 0 0;font-size:13px;color:{Muted}\">{Linked(footer, links)}</p>";
        return $"<!DOCTYPE html><html lang=\"{culture}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"></head>"
            + $"<body style=\"margin:0;padding:0;background:#f2f5fa;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:{Ink}\">"
            + "<table role=\"presentation\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"background:#f2f5fa\"><tr><td align=\"center\" style=\"padding:24px 12px\">"
            + "<table role=\"presentation\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"max-width:600px;background:#fff;border-radius:6px;overflow:hidden\">"
            + $"<tr><td style=\"background:{Blue};color:#fff;padding:16px 24px;font-size:18px;font-weight:600;border-bottom:4px solid {Gold}\">{WebUtility.HtmlEncode(club)}</td></tr>"
            + $"<tr><td style=\"padding:24px;font-size:16px\">{body}{foot}</td></tr>"
            + "</table></td></tr></table></body></html>";
    }

    /// <summary>The paragraph HTML-encoded, line breaks kept, each of the links in it made clickable.</summary>
    private static string Linked(string paragraph, IReadOnlyCollection<string>? links)
    {
        var html = WebUtility.HtmlEncode(paragraph);
        foreach (var link in (links ?? []).Where(l => !string.IsNullOrEmpty(l)).Distinct().OrderByDescending(l => l.Length))
        {
            var encoded = WebUtility.HtmlEncode(link);
            html = html.Replace(encoded, $"<a href=\"{encoded}\">{encoded}</a>", StringComparison.Ordinal);
        }

        return html.Replace("\n", "<br>", StringComparison.Ordinal);
    }
}
