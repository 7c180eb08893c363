using AngleSharp.Dom;
using Ganss.Xss;

namespace MayorsClub.Core.Content.Validation;

/// <summary>
/// The HTML editors may save: what the back office's editor (TipTap's StarterKit, links, images, tables and video
/// embeds) can make, plain structure around text, and nothing else. No forms or inputs, no inline styles, classes, ids or names (no overlays,
/// no DOM clobbering), frames only for the known video players, and a link that opens a new tab gets
/// rel="noopener noreferrer".
/// </summary>
public static class RichTextSanitizer
{
    /// <summary>How deeply elements may nest: far more than any editor's text needs, far less than what slows the parser.</summary>
    public const int MaxNestingDepth = 32;

    private static readonly string[] VideoHosts = ["https://www.youtube.com/embed/", "https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/"];

    private static readonly string[] Tags =
    [
        // What the editor makes
        "p", "br", "h2", "h3", "strong", "em", "u", "s", "blockquote", "ul", "ol", "li", "hr", "a", "img",
        "table", "colgroup", "col", "tbody", "tr", "th", "td", "iframe",

        // and plain text structure that imports and pasted text bring (no attributes, so harmless): kept rather than lost
        "div", "span", "h4", "h5", "h6", "b", "i", "sub", "sup", "code", "pre", "thead", "tfoot", "caption", "figure", "figcaption",
    ];

    private static readonly string[] Attributes =
    [
        "href", "target", "rel", "title", "src", "alt", "width", "height", "start", "colspan", "rowspan", "span", "frameborder", "allowfullscreen",
    ];

    public static IHtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto", "tel"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });
        sanitizer.AllowDataAttributes = false;
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
            if (e.Node is not IElement element)
            {
                return;
            }

            if (element.TagName == "IFRAME" && string.IsNullOrEmpty(element.GetAttribute("src")))
            {
                element.Remove();
            }
            else if (element.TagName == "A")
            {
                // A new tab may not reach back to this page (window.opener) nor learn where it came from.
                if (element.GetAttribute("target") is { } target && !target.Equals("_blank", StringComparison.OrdinalIgnoreCase))
                {
                    element.RemoveAttribute("target");
                }

                if (element.HasAttribute("target"))
                {
                    element.SetAttribute("target", "_blank");
                    element.SetAttribute("rel", "noopener noreferrer");
                }
                else
                {
                    element.RemoveAttribute("rel");
                }
            }
            else
            {
                element.RemoveAttribute("rel");
                element.RemoveAttribute("target");
            }
        };
        return sanitizer;
    }

    /// <summary>
    /// How deeply the elements of <paramref name="html"/> nest, counted in one pass over the text the way a parser
    /// would open and close them (void elements do not nest; an end tag closes up to its open element, a stray one is
    /// ignored), stopping as soon as <paramref name="stopAbove"/> is passed. Cheap enough to run before the sanitizer,
    /// whose parsing grows much faster than linearly with depth.
    /// </summary>
    public static int NestingDepth(string html, int stopAbove = MaxNestingDepth)
    {
        var open = new List<string>();
        var deepest = 0;
        var at = 0;
        while ((at = html.IndexOf('<', at)) >= 0 && at + 1 < html.Length)
        {
            if (html.AsSpan(at).StartsWith("<!--"))
            {
                var end = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
                at = end < 0 ? html.Length : end + 3;
                continue;
            }

            var closing = html[at + 1] == '/';
            var start = at + (closing ? 2 : 1);
            var nameEnd = start;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == start || !char.IsAsciiLetter(html[start]))
            {
                at++;
                continue; // "<" as text, "<!doctype", "<?"
            }

            var name = html[start..nameEnd].ToLowerInvariant();
            var tagEnd = html.IndexOf('>', nameEnd);
            var selfClosed = tagEnd > 0 && html[tagEnd - 1] == '/';
            at = tagEnd < 0 ? html.Length : tagEnd + 1;
            if (closing)
            {
                var index = open.LastIndexOf(name);
                if (index >= 0)
                {
                    open.RemoveRange(index, open.Count - index);
                }
            }
            else if (!selfClosed && !VoidElements.Contains(name))
            {
                open.Add(name);
                deepest = Math.Max(deepest, open.Count);
                if (deepest > stopAbove)
                {
                    return deepest;
                }
            }
        }

        return deepest;
    }

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };
}
