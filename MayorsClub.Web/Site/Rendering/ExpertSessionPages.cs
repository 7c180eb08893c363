using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>The expert sessions, most recent first, a page at a time.</summary>
public sealed record ExpertSessionListPageModel(SiteLayout Layout, string Title, string? Intro, IReadOnlyList<SessionCard> Sessions, Pager Pager) : ISitePage;

/// <summary>
/// An expert session's public teaser: when, who speaks, what it is about. The video and materials are for members;
/// the page shows where they would be and how to join (<see cref="MembersOnly"/>), never the material itself.
/// </summary>
public sealed record ExpertSessionPageModel(
    SiteLayout Layout,
    string Title,
    DateLabel? When,
    string? Summary,
    ResponsiveImage? Image,
    IReadOnlyList<Speaker> Speakers,
    string? DescriptionHtml,
    IReadOnlyList<TagLink> Tags,
    MembersOnlyNotice MembersOnly,
    CallToAction? AllSessions) : ISitePage;

/// <summary>The placeholder that stands where members see the video and materials.</summary>
public sealed record MembersOnlyNotice(string Title, string Text, CallToAction? Join, string SignInNote);

public static class ExpertSessionPageBuilder
{
    public const int PageSize = 12;

    public static PageRendering BuildList(PageRequest request, Instant now)
    {
        var (index, culture, view) = (request.Document, request.Culture, request.View);
        var sessions = view.ExpertSessionsNewestFirst(index, culture);
        var pageCount = Pager.PageCountOf(sessions.Count, PageSize);
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { PageNumber = request.PageNumber, PageCount = pageCount });
        var model = new ExpertSessionListPageModel(layout, index.Name(culture) ?? "", request.Values.Text(ExpertSessionIndex.Intro),
            Pager.Slice(sessions, request.PageNumber, PageSize).Select(s => CardBuilder.ForSession(view, s, culture)).ToList(),
            new Pager(request.PageNumber, pageCount, index.Url(culture)!));
        return new PageRendering("ExpertSessionList", model, pageCount);
    }

    public static PageRendering BuildSession(PageRequest request, Instant now)
    {
        var (session, culture, values) = (request.Document, request.Culture, request.Values);
        var title = session.Name(culture) ?? "";
        var image = MediaImages.First(values, ExpertSession.Image, alt: title);
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { OpenGraphType = "article", Image = image });
        var when = values.Zoned(ExpertSession.Date) is { } date
            ? new DateLabel($"{LocalizedFormat.DateTime(date, culture)} ({LocalizedFormat.ZoneLabel(date, culture)})", LocalizedFormat.IsoDateTime(date))
            : null;
        var model = new ExpertSessionPageModel(
            layout,
            title,
            when,
            values.Text(ExpertSession.Summary),
            image,
            CardBuilder.Speakers(values, ExpertSession.Speakers),
            values.RichText(ExpertSession.Description),
            NewsPageBuilder.TagLinks(values.Tags(ExpertSession.Tags), newsListUrl: null),
            MembersOnly(request.View, culture),
            request.View.Parent(session) is { } parent && parent.Url(culture) is { } indexUrl
                ? new CallToAction(SiteText.Get(SiteText.AllExpertSessions, culture), indexUrl)
                : null);
        return new PageRendering("ExpertSession", model);
    }

    public static MembersOnlyNotice MembersOnly(PublishedView view, string culture) =>
        new(SiteText.Get(SiteText.MembersOnlyTitle, culture),
            SiteText.Get(SiteText.MembersOnlyDetails, culture),
            CardBuilder.MembershipPageUrl(view, culture) is { } url ? new CallToAction(SiteText.Get(SiteText.MembersOnlyJoin, culture), url) : null,
            SiteText.Get(SiteText.MembersOnlyContact, culture));
}
