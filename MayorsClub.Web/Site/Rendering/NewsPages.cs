using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>The news list: one page of articles, newest first; all of them, or those with one tag (then <paramref name="AllNews"/> leads back).</summary>
public sealed record NewsListPageModel(
    SiteLayout Layout, string Title, string? Intro, IReadOnlyList<NewsCard> Articles, Pager Pager, string? Tag = null, CallToAction? AllNews = null) : ISitePage;

/// <summary>A tag on a page: its name, and the list of news with it (null where there is no such list).</summary>
public sealed record TagLink(string Name, string? Url);

/// <summary>A news article with its related news and the links to share it.</summary>
public sealed record NewsArticlePageModel(
    SiteLayout Layout,
    string Title,
    DateLabel? Date,
    string? Summary,
    ResponsiveImage? Image,
    RichTextHtml? BodyHtml,
    IReadOnlyList<TagLink> Tags,
    string? SourceUrl,
    IReadOnlyList<NewsCard> Related,
    CallToAction? AllNews) : ISitePage
{
    /// <summary>The links that share this article, for the page's absolute URL.</summary>
    public IReadOnlyList<ShareLink> ShareLinks(string absoluteUrl) => ShareLink.For(absoluteUrl, Title, Layout.Culture);
}

/// <summary>
/// A link that shares a page on a network or by e-mail. <see cref="Name"/> is what the button shows;
/// <see cref="HiddenPrefix"/> completes it for screen readers ("Share on " + "Facebook").
/// </summary>
public sealed record ShareLink(string Network, string Name, string HiddenPrefix, string Url)
{
    public static IReadOnlyList<ShareLink> For(string url, string title, string culture)
    {
        var u = Uri.EscapeDataString(url);
        var t = Uri.EscapeDataString(title);
        var on = SiteText.Format(SiteText.ShareOn, culture, "");
        return
        [
            new("facebook", "Facebook", on, $"https://www.facebook.com/sharer/sharer.php?u={u}"),
            new("linkedin", "LinkedIn", on, $"https://www.linkedin.com/sharing/share-offsite/?url={u}"),
            new("x", "X", on, $"https://x.com/intent/post?url={u}&text={t}"),
            new("telegram", "Telegram", on, $"https://t.me/share/url?url={u}&text={t}"),
            new("email", SiteText.Get(SiteText.ShareByEmail, culture), "", $"mailto:?subject={t}&body={u}"),
        ];
    }
}

public static class NewsPageBuilder
{
    public const int RelatedCount = 3;

    public static PageRendering BuildList(PageRequest request, Instant now)
    {
        var (index, culture, view) = (request.Document, request.Culture, request.View);
        var pageSize = Math.Clamp(request.Values.Integer(NewsIndex.PageSize) ?? Pager.DefaultPageSize, 1, 100);
        var articles = view.NewsNewestFirst(index, culture);
        var tag = request.Tag;
        if (tag is not null)
        {
            articles = articles.Where(a => view.Of(a, culture).Tags(NewsArticle.Tags).Contains(tag, StringComparer.CurrentCultureIgnoreCase)).ToList();
        }

        var pageCount = Pager.PageCountOf(articles.Count, pageSize);
        var filter = tag is null ? null : Pager.TagFilter(tag);
        var title = tag is null ? index.Name(culture) ?? "" : SiteText.Format(SiteText.NewsWithTag, culture, tag);
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest
        {
            PageNumber = request.PageNumber, PageCount = pageCount, Filter = filter, Title = tag is null ? null : title,
        });
        var model = new NewsListPageModel(layout, title, tag is null ? request.Values.Text(NewsIndex.Intro) : null,
            Pager.Slice(articles, request.PageNumber, pageSize).Select(a => CardBuilder.ForNews(view, a, culture)).ToList(),
            new Pager(request.PageNumber, pageCount, index.Url(culture)!, filter),
            tag,
            tag is null ? null : new CallToAction(SiteText.Get(SiteText.AllNews, culture), index.Url(culture)!));
        return new PageRendering("NewsList", model, pageCount);
    }

    public static PageRendering BuildArticle(PageRequest request, Instant now)
    {
        var (article, culture, view, values) = (request.Document, request.Culture, request.View, request.Values);
        var title = article.Name(culture) ?? "";
        var image = MediaImages.First(values, NewsArticle.Image, alt: title, ImageSlot.Figure);
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { OpenGraphType = "article", Image = image });
        var index = view.Parent(article) is { } parent && parent.Url(culture) is { } indexUrl
            ? new CallToAction(SiteText.Get(SiteText.AllNews, culture), indexUrl)
            : null;
        var model = new NewsArticlePageModel(
            layout,
            title,
            values.Date(NewsArticle.Date) is { } date ? CardBuilder.DateOf(date, culture) : null,
            values.Text(NewsArticle.Summary),
            image,
            MediaImages.InText(values, NewsArticle.Body),
            TagLinks(values.Tags(NewsArticle.Tags), index?.Url),
            values.Text(NewsArticle.SourceUrl),
            view.RelatedNews(article, culture, RelatedCount).Select(a => CardBuilder.ForNews(view, a, culture)).ToList(),
            index);
        return new PageRendering("NewsArticle", model);
    }

    /// <summary>Each tag links to its list of news in the article's own news list (no link when there is no list).</summary>
    public static IReadOnlyList<TagLink> TagLinks(IReadOnlyList<string> tags, string? newsListUrl) =>
        tags.Select(tag => new TagLink(tag, newsListUrl is null ? null : $"{newsListUrl}?{Pager.TagFilter(tag)}")).ToList();
}
