using System.Text;
using System.Xml;
using MayorsClub.Core.Content;
using MayorsClub.Core.Publishing;

namespace MayorsClub.Web.Seo;

/// <summary>
/// sitemap.xml: every page visible in either culture, each URL with its other-language twin as an
/// alternate (Google's hreflang sitemap form). Built from the snapshot only, with what anonymous visitors may see.
/// </summary>
public static class Sitemap
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public static string Write(PublishedSnapshot snapshot, string baseUrl)
    {
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = false, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            var view = snapshot.For(Viewer.Anonymous);
            foreach (var document in snapshot.All)
            {
                if (!view.MaySee(document))
                {
                    continue;
                }

                var urls = Cultures.All
                    .Select(culture => (Culture: culture, Url: document.Url(culture)))
                    .Where(u => u.Url is not null)
                    .ToList();
                foreach (var (culture, url) in urls)
                {
                    xml.WriteStartElement("url", SitemapNamespace);
                    xml.WriteElementString("loc", SitemapNamespace, baseUrl + url);
                    xml.WriteElementString("lastmod", SitemapNamespace, document.Cultures[culture].PublishedUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    if (urls.Count > 1)
                    {
                        foreach (var alternate in urls)
                        {
                            xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
                            xml.WriteAttributeString("rel", "alternate");
                            xml.WriteAttributeString("hreflang", alternate.Culture);
                            xml.WriteAttributeString("href", baseUrl + alternate.Url);
                            xml.WriteEndElement();
                        }
                    }

                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
        }

        // StringBuilder output declares utf-16; the bytes are sent as UTF-8.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
