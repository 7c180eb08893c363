using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Web.Seo;

/// <summary>The RSS 2.0 feed of a culture's latest news.</summary>
public static class NewsFeed
{
    public const int ItemCount = 20;

    private static readonly DateTimeZone Kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];

    /// <summary>The feed as anonymous visitors may read it: it is public and cached.</summary>
    public static string Write(PublishedSnapshot snapshot, string culture, string baseUrl)
    {
        var view = snapshot.For(Viewer.Anonymous);
        var settings = snapshot.Settings is { } found ? view.Of(found, culture) : null;
        var siteName = settings?.Text(SiteSettings.SiteName) ?? (culture == Cultures.Ukrainian ? "Клуб мерів" : "Mayors’ Club");
        var news = view.NewsNewestFirst(culture).Take(ItemCount).ToList();
        var feed = new SyndicationFeed(
            siteName,
            settings?.Text(SiteSettings.Tagline) ?? siteName,
            new Uri(baseUrl + (snapshot.Home?.Url(culture) ?? $"/{culture}/")))
        {
            Language = culture,
            LastUpdatedTime = news.Count == 0 ? snapshot.BuiltUtc : news.Max(n => n.Cultures[culture].PublishedUtc),
            Items = news.Select(article => Item(view.Of(article, culture), baseUrl)).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri($"{baseUrl}/{culture}/rss.xml"), "self", null, "application/rss+xml", 0));

        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = Encoding.UTF8 }))
        {
            new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true).WriteTo(xml);
        }

        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static SyndicationItem Item(PublishedValues article, string baseUrl)
    {
        var url = new Uri(baseUrl + article.Url);
        var published = article.Date(NewsArticle.Date) is { } date
            ? date.AtStartOfDayInZone(Kyiv).ToDateTimeOffset()
            : new DateTimeOffset(article.Document.Cultures[article.Culture].PublishedUtc);
        var item = new SyndicationItem(article.Name, article.Text(NewsArticle.Summary) ?? "", url, url.AbsoluteUri, published)
        {
            PublishDate = published,
        };
        foreach (var tag in article.Tags(NewsArticle.Tags))
        {
            item.Categories.Add(new SyndicationCategory(tag));
        }

        return item;
    }
}
