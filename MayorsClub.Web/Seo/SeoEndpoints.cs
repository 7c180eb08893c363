using MayorsClub.Core.Content;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Site;

namespace MayorsClub.Web.Seo;

public static class SeoEndpoints
{
    /// <summary>robots.txt, sitemap.xml and the news feed of each culture, cached like pages.</summary>
    public static void MapMayorsClubSeo(this WebApplication app)
    {
        app.MapGet("/robots.txt", (HttpRequest request) => Results.Text(
                $"User-agent: *\nDisallow: /umbraco/\n\nSitemap: {SiteAddress.Absolute(request, "/sitemap.xml")}\n", "text/plain"))
            .WithMetadata(new PublishedPageAttribute());

        app.MapGet("/sitemap.xml", (HttpRequest request, PublishedSnapshotService snapshots) =>
                Results.Text(Sitemap.Write(snapshots.Current, SiteAddress.Base(request)), "application/xml; charset=utf-8"))
            .WithMetadata(new PublishedPageAttribute());

        app.MapGet("/{culture:regex(^(uk|en)$)}/rss.xml", (string culture, HttpRequest request, PublishedSnapshotService snapshots) =>
                Results.Text(NewsFeed.Write(snapshots.Current, culture, SiteAddress.Base(request)), "application/rss+xml; charset=utf-8"))
            .WithMetadata(new PublishedPageAttribute());
    }
}
