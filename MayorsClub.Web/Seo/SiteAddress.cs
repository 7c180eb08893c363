namespace MayorsClub.Web.Seo;

/// <summary>Absolute URLs for feeds and the sitemap, from the address the visitor used.</summary>
public static class SiteAddress
{
    public static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public static string Absolute(HttpRequest request, string path) => Base(request) + path;
}
