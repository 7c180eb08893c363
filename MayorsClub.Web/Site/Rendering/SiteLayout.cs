using MayorsClub.Core.Publishing;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>A page model the shared layout can render: it carries the head, header, breadcrumbs and footer data.</summary>
public interface ISitePage
{
    SiteLayout Layout { get; }
}

/// <summary>
/// Everything the shared layout shows around a page: the &lt;head&gt; (title, description, canonical and alternate
/// URLs, Open Graph), the header (navigation, language switch), breadcrumbs and the footer. URLs are site-relative;
/// the layout makes the ones that must be absolute (canonical, Open Graph) absolute with the request's origin.
/// </summary>
public sealed record SiteLayout
{
    public required string Culture { get; init; }

    /// <summary>The &lt;title&gt;: "Page — Site name".</summary>
    public required string DocumentTitle { get; init; }

    /// <summary>The page's own title, for Open Graph and Twitter cards.</summary>
    public required string PageTitle { get; init; }

    public required string MetaDescription { get; init; }

    /// <summary>The canonical path ("/uk/novyny/?page=2"); null for pages that are not documents (404, errors).</summary>
    public string? CanonicalPath { get; init; }

    /// <summary>The same page in each language it exists in, plus x-default (the Ukrainian one, or the only one).</summary>
    public IReadOnlyList<AlternateLink> Alternates { get; init; } = [];

    /// <summary>"article" for news and sessions, "website" otherwise.</summary>
    public string OpenGraphType { get; init; } = "website";

    /// <summary>
    /// The picture link previews show (og:image, twitter:image): the page's own image, else the site settings' share image;
    /// null for the built-in one (<see cref="ShareImage.BuiltInPath"/>).
    /// </summary>
    public ShareImage? ShareImage { get; init; }

    /// <summary>Ask search engines not to index (status pages).</summary>
    public bool NoIndex { get; init; }

    public required SiteIdentity Site { get; init; }

    public IReadOnlyList<NavigationLink> Navigation { get; init; } = [];

    public required LanguageSwitch LanguageSwitch { get; init; }

    /// <summary>From the home page down to the current page; empty on the home page itself.</summary>
    public IReadOnlyList<Breadcrumb> Breadcrumbs { get; init; } = [];

    public required SiteFooter Footer { get; init; }

    public string OpenGraphLocale => Culture == "uk" ? "uk_UA" : "en_GB";

    public string OtherOpenGraphLocale => Culture == "uk" ? "en_GB" : "uk_UA";

    public string HomeUrl => $"/{Culture}/";

    public string RssUrl => $"/{Culture}/rss.xml";

    public string T(string key) => SiteText.Get(key, Culture);

    /// <summary>"https://example.org", the site's public address, to make canonical and sharing URLs absolute.</summary>
    public static string Origin(HttpRequest request) => Seo.SiteAddress.Base(request);

    /// <summary>An absolute URL for a site-relative path (absolute URLs are returned as they are).</summary>
    public static string Absolute(HttpRequest request, string path) =>
        path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? path
            : Origin(request) + path;
}

/// <summary>An image of the library shared as og:image through the "og" crop, with its alternative text.</summary>
public sealed record ShareImage(PublishedMedia Media, string Alt)
{
    /// <summary>The club's own share picture in wwwroot (1200×630, like the "og" crop), for a site with none picked.</summary>
    public const string BuiltInPath = "/img/share.png";

    /// <summary>What every share picture measures: the "og" crop, and the built-in picture made to it.</summary>
    public static Core.Imaging.ImageCrop Crop => Core.Imaging.ImageCrops.Og;
}

/// <summary>The site's name and tagline in one language.</summary>
public sealed record SiteIdentity(string Name, string Tagline);

/// <summary>&lt;link rel="alternate" hreflang="…"&gt;: a language (or "x-default") and the page's path in it.</summary>
public sealed record AlternateLink(string HrefLang, string Path);

/// <summary>A link in the main navigation. <paramref name="AriaCurrent"/> is "page" on the page itself, "true" within its section.</summary>
public sealed record NavigationLink(string Name, string Url, string? AriaCurrent = null);

/// <summary>The link to this page in the other language, or to that language's home when the page has no twin.</summary>
public sealed record LanguageSwitch(string Culture, string Url, string Label, string Hint, bool IsTwin);

/// <summary>One step of the breadcrumb trail; the last is the current page.</summary>
public sealed record Breadcrumb(string Name, string Url, bool IsCurrent);

/// <summary>The footer: who the club is, how to reach it, where to follow it.</summary>
public sealed record SiteFooter(
    string SiteName,
    string? Tagline,
    string? FooterText,
    string? Email,
    string? Phone,
    IReadOnlyList<string> AddressLines,
    IReadOnlyList<SocialLink> SocialLinks,
    IReadOnlyList<NavigationLink> Sections,
    int Year)
{
    /// <summary>The phone number for a tel: link ("+380440001234").</summary>
    public string? PhoneHref => Phone is null ? null : "tel:" + new string(Phone.Where(c => char.IsDigit(c) || c == '+').ToArray());
}

/// <summary>A link to the club's page on a social network.</summary>
public sealed record SocialLink(string Network, string Url);
