using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>
/// Rich text as a page shows it (<c>_RichText.cshtml</c>): the sanitized HTML, in which each picture of the media
/// library becomes a responsive &lt;picture&gt; like every other image on the site (<see cref="ImageSlot.InText"/>:
/// AVIF and WebP, widths up to the column's, lazy) instead of the uploaded file at full size. The editor's alt text is
/// kept; an image from elsewhere, or one no longer public, stays as it was written.
/// </summary>
public sealed record RichTextHtml(IReadOnlyList<RichTextPart> Parts)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The text with its library pictures found through <paramref name="mediaOf"/>, or null for no text.</summary>
    public static RichTextHtml? From(string? html, Func<Guid, PublishedMedia?> mediaOf)
    {
        if (string.IsNullOrEmpty(html))
        {
            return null;
        }

        if (!html.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            return new RichTextHtml([new RichTextPart(html, null)]);
        }

        var body = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;
        var pictures = new List<ResponsiveImage>();
        var marker = "picture-" + Guid.NewGuid().ToString("N"); // comments never survive the sanitizer, so this cannot be in the text
        foreach (var img in body.QuerySelectorAll("img").ToList())
        {
            if (LibraryImage(img.GetAttribute("src"), mediaOf) is { } media)
            {
                pictures.Add(new ResponsiveImage(media, img.GetAttribute("alt") ?? "", ImageSlot.InText));
                img.Replace(body.Owner!.CreateComment(marker));
            }
        }

        if (pictures.Count == 0)
        {
            return new RichTextHtml([new RichTextPart(html, null)]);
        }

        var pieces = body.InnerHtml.Split($"<!--{marker}-->");
        var parts = new List<RichTextPart>(pieces.Length + pictures.Count);
        for (var i = 0; i < pieces.Length; i++)
        {
            if (pieces[i].Length > 0)
            {
                parts.Add(new RichTextPart(pieces[i], null));
            }

            if (i < pictures.Count)
            {
                parts.Add(new RichTextPart(null, pictures[i]));
            }
        }

        return new RichTextHtml(parts);
    }

    /// <summary>The public library image an img's src names ("/media/{key}/{name}?v=…", as the editor inserts it), or null.</summary>
    private static PublishedMedia? LibraryImage(string? src, Func<Guid, PublishedMedia?> mediaOf) =>
        MediaUrls.PublicKey(src) is { } key && mediaOf(key) is { IsImage: true } media ? media : null;
}

/// <summary>A run of the text's own HTML, or one of its pictures.</summary>
public sealed record RichTextPart(string? Html, ResponsiveImage? Picture);
