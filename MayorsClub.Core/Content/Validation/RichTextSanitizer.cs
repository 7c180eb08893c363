using Ganss.Xss;

namespace MayorsClub.Core.Content.Validation;

/// <summary>The HTML editors may save: text formatting, links, images, tables and video embeds from known hosts.</summary>
public static class RichTextSanitizer
{
    private static readonly string[] VideoHosts = ["https://www.youtube.com/embed/", "https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/"];

    public static IHtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Add("iframe");
        sanitizer.AllowedTags.Add("figure");
        sanitizer.AllowedTags.Add("figcaption");
        sanitizer.AllowedAttributes.Add("allowfullscreen");
        sanitizer.AllowedAttributes.Add("frameborder");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        sanitizer.FilterUrl += (_, e) =>
        {
            // Only video players may be framed.
            if (e.Tag.TagName.Equals("IFRAME", StringComparison.OrdinalIgnoreCase)
                && !VideoHosts.Any(host => e.OriginalUrl.StartsWith(host, StringComparison.OrdinalIgnoreCase)))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "IFRAME" } frame && string.IsNullOrEmpty(frame.GetAttribute("src")))
            {
                frame.Remove();
            }
        };
        return sanitizer;
    }
}
