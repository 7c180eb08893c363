using MayorsClub.Web.Infrastructure;

namespace MayorsClub.Web.Seo;

/// <summary>
/// Absolute URLs for feeds, the sitemap, canonical and sharing links: from the configured public address, since
/// these pages are cached and shared with everyone (the request's own address only in Development without it).
/// </summary>
public static class SiteAddress
{
    public static string Base(HttpRequest request) => request.HttpContext.RequestServices.GetRequiredService<PublicAddress>().Origin(request);

    public static string Absolute(HttpRequest request, string path) => Base(request) + path;
}
