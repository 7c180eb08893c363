using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>What a page asks of the layout beyond its document: a title, a description, the list page it is on.</summary>
public sealed record LayoutRequest
{
    /// <summary>The page title; the document's name when null.</summary>
    public string? Title { get; init; }

    /// <summary>The meta description; the document's meta description, summary, introduction or the site tagline when null.</summary>
    public string? Description { get; init; }

    public string OpenGraphType { get; init; } = "website";

    /// <summary>The page's image, shared as og:image and twitter:image through the "og" crop (else the site's share image).</summary>
    public ResponsiveImage? Image { get; init; }

    /// <summary>For paged lists: the page shown (1 is the list itself).</summary>
    public int PageNumber { get; init; } = 1;

    public int PageCount { get; init; } = 1;

    /// <summary>A filter of a list ("tag=…", escaped): part of the canonical URL; such a page has no twin in the other language.</summary>
    public string? Filter { get; init; }
}

/// <summary>
/// Builds the <see cref="SiteLayout"/> of a page. The parts that are the same for every page of a culture
/// (site name, sections, footer) are computed once per snapshot and kept with it.
/// </summary>
public static class SiteLayoutBuilder
{
    private static readonly DateTimeZone ClubZone = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];

    /// <summary>The layout of a published page.</summary>
    public static SiteLayout ForDocument(PageRequest request, Instant now, LayoutRequest? page = null)
    {
        page ??= new LayoutRequest();
        var (document, culture, snapshot) = (request.Document, request.Culture, request.Snapshot);
        var chrome = Chrome(snapshot, culture);
        NoteSettingsRead(snapshot);
        var isHome = document.ContentType == Home.Alias && document.ParentId is null;
        var title = page.Title ?? document.Name(culture) ?? chrome.Identity.Name;
        var pageSuffix = page.PageNumber > 1 ? $", {SiteText.Format(SiteText.PageOfPages, culture, page.PageNumber, page.PageCount)}" : "";
        var query = new Pager(page.PageNumber, page.PageCount, "", page.Filter).UrlOf(page.PageNumber);

        var alternates = new List<AlternateLink>(3);
        foreach (var language in Cultures.All)
        {
            if (document.Url(language) is { } url && (page.Filter is null || language == culture))
            {
                alternates.Add(new AlternateLink(language, url + query));
            }
        }

        if (alternates.Count > 0)
        {
            var byDefault = alternates.Find(a => a.HrefLang == Cultures.Default) ?? alternates[0];
            alternates.Add(new AlternateLink("x-default", byDefault.Path));
        }

        return new SiteLayout
        {
            Culture = culture,
            DocumentTitle = isHome && page.PageNumber == 1
                ? JoinTitle(chrome.Identity.Name, chrome.Identity.Tagline)
                : JoinTitle(title + pageSuffix, chrome.Identity.Name),
            PageTitle = title,
            MetaDescription = page.Description ?? Description(request.Values) ?? chrome.Identity.Tagline,
            CanonicalPath = document.Url(culture) + query,
            Alternates = alternates,
            OpenGraphType = page.OpenGraphType,
            ShareImage = page.Image is { } image
                ? new ShareImage(image.Media, image.Alt.Length > 0 ? image.Alt : title)
                : chrome.ShareImage,
            Site = chrome.Identity,
            Navigation = MarkCurrent(chrome, request.View, document),
            LanguageSwitch = LanguageSwitchFor(document, culture),
            Breadcrumbs = isHome ? [] : BreadcrumbsFor(request.View, document, culture),
            Footer = chrome.Footer with { Year = now.InZone(ClubZone).Year },
        };
    }

    /// <summary>The layout of a page that is not a document (404, 400, 500): the site's navigation and footer, no canonical URL.</summary>
    public static SiteLayout ForStatusPage(PublishedSnapshot snapshot, string culture, Instant now, string title, string description)
    {
        var chrome = Chrome(snapshot, culture);
        NoteSettingsRead(snapshot);
        var other = Other(culture);
        return new SiteLayout
        {
            ShareImage = chrome.ShareImage,
            Culture = culture,
            DocumentTitle = JoinTitle(title, chrome.Identity.Name),
            PageTitle = title,
            MetaDescription = description,
            NoIndex = true,
            Site = chrome.Identity,
            Navigation = chrome.Sections,
            LanguageSwitch = new LanguageSwitch(other, $"/{other}/", SiteText.Get(SiteText.OtherLanguage, culture),
                SiteText.Get(SiteText.OtherLanguageHome, culture), IsTwin: false),
            Footer = chrome.Footer with { Year = now.InZone(ClubZone).Year },
        };
    }

    /// <summary>A layout that needs nothing but the culture: for an error page when even the published content is unavailable.</summary>
    public static SiteLayout Minimal(string culture, int year, string title, string description)
    {
        var other = Other(culture);
        var name = SiteText.Get(SiteText.SiteName, culture);
        return new SiteLayout
        {
            Culture = culture,
            DocumentTitle = JoinTitle(title, name),
            PageTitle = title,
            MetaDescription = description,
            NoIndex = true,
            Site = new SiteIdentity(name, ""),
            LanguageSwitch = new LanguageSwitch(other, $"/{other}/", SiteText.Get(SiteText.OtherLanguage, culture),
                SiteText.Get(SiteText.OtherLanguageHome, culture), IsTwin: false),
            Footer = new SiteFooter(name, null, null, null, null, [], [], [], year),
        };
    }

    /// <summary>meta description: the page's own, else its summary, else its introduction (null when none).</summary>
    public static string? Description(PublishedValues values) =>
        values.Text("metaDescription")
        ?? values.Text(NewsArticle.Summary)
        ?? values.Text(NewsIndex.Intro)
        ?? values.Text(Home.HeroSubtitle);

    private static string JoinTitle(string first, string? second) =>
        string.IsNullOrWhiteSpace(second) || first == second ? first : $"{first} — {second}";

    private static string Other(string culture) => culture == Cultures.Ukrainian ? Cultures.English : Cultures.Ukrainian;

    private static LanguageSwitch LanguageSwitchFor(PublishedDocument document, string culture)
    {
        var other = Other(culture);
        var twin = document.Url(other);
        // Without a twin the switch leads to the other language's home page, and says so rather than promising this page.
        var hint = twin is not null ? SiteText.OtherLanguageHint
            : document.ContentType is NewsArticle.Alias or ExpertSession.Alias or Event.Alias ? SiteText.OnlyThisLanguageArticle
            : SiteText.OnlyThisLanguagePage;
        return new LanguageSwitch(other, twin ?? $"/{other}/", SiteText.Get(SiteText.OtherLanguage, culture),
            SiteText.Get(hint, culture), IsTwin: twin is not null);
    }

    private static List<Breadcrumb> BreadcrumbsFor(PublishedView view, PublishedDocument document, string culture)
    {
        var trail = new List<Breadcrumb>(4);
        for (var current = document; current is not null; current = view.Parent(current))
        {
            if (current.Url(culture) is not { } url)
            {
                break;
            }

            var name = current.ContentType == Home.Alias ? SiteText.Get(SiteText.Home, culture) : current.Name(culture) ?? "";
            trail.Add(new Breadcrumb(name, url, IsCurrent: ReferenceEquals(current, document)));
        }

        trail.Reverse();
        return trail;
    }

    /// <summary>The sections with the one the page belongs to marked: "page" when it is the section itself, "true" below it.</summary>
    private static IReadOnlyList<NavigationLink> MarkCurrent(LayoutChrome chrome, PublishedView view, PublishedDocument document)
    {
        var section = document;
        while (view.Parent(section) is { } parent && parent.ParentId is not null)
        {
            section = parent;
        }

        var index = chrome.SectionIds.IndexOf(section.Id);
        if (index < 0)
        {
            return chrome.Sections;
        }

        var links = chrome.Sections.ToArray();
        links[index] = links[index] with { AriaCurrent = section == document ? "page" : "true" };
        return links;
    }


    private sealed record LayoutChrome(SiteIdentity Identity, IReadOnlyList<NavigationLink> Sections, List<int> SectionIds, SiteFooter Footer, ShareImage? ShareImage);

    /// <summary>
    /// The chrome is kept with the snapshot, so only the page that first built it noted reading the site settings: every
    /// page notes it here, and the page cache drops them all when an editor publishes new settings (name, footer, share image).
    /// </summary>
    private static void NoteSettingsRead(PublishedSnapshot snapshot) => _ = snapshot.Settings?.Cultures;

    // The chrome is the same for every viewer: it is built from what anonymous visitors may read, once per snapshot.
    private static LayoutChrome Chrome(PublishedSnapshot snapshot, string culture) =>
        snapshot.Memo($"site-layout-chrome:{culture}", s => BuildChrome(s.For(Viewer.Anonymous), culture));

    private static LayoutChrome BuildChrome(PublishedView view, string culture)
    {
        var snapshot = view.Snapshot;
        var sections = new List<NavigationLink>();
        var sectionIds = new List<int>();
        var footerLinks = new List<NavigationLink>();
        if (snapshot.Home is { } home)
        {
            foreach (var child in view.ChildrenIn(home, culture))
            {
                if (child.Url(culture) is not { } url)
                {
                    continue;
                }

                var link = new NavigationLink(child.Name(culture) ?? url, url);
                footerLinks.Add(link);
                if (!view.Of(child, culture).Flag(ContentPage.HideFromNavigation))
                {
                    sections.Add(link);
                    sectionIds.Add(child.Id);
                }
            }
        }

        var settings = snapshot.Settings is { } found && found.IsVisibleIn(culture) ? view.Of(found, culture) : null;
        var name = settings?.Text(SiteSettings.SiteName) ?? SiteText.Get(SiteText.SiteName, culture);
        var tagline = settings?.Text(SiteSettings.Tagline);
        var social = new List<SocialLink>(3);
        foreach (var (alias, network) in new[] { (SiteSettings.FacebookUrl, "Facebook"), (SiteSettings.LinkedInUrl, "LinkedIn"), (SiteSettings.YouTubeUrl, "YouTube") })
        {
            if (settings?.Text(alias) is { } url)
            {
                social.Add(new SocialLink(network, url));
            }
        }

        var address = settings?.Text(SiteSettings.Address)?
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var footer = new SiteFooter(name, tagline, settings?.Text(SiteSettings.FooterText),
            settings?.Text(SiteSettings.ContactEmail), settings?.Text(SiteSettings.ContactPhone),
            address, social, footerLinks, Year: 0);
        var shareImage = settings?.FirstImage(SiteSettings.ShareImage) is { } picked
            ? new ShareImage(picked, picked.Alt(culture) is { Length: > 0 } alt ? alt : name)
            : null;
        return new LayoutChrome(new SiteIdentity(name, tagline ?? ""), sections, sectionIds, footer, shareImage);
    }
}
