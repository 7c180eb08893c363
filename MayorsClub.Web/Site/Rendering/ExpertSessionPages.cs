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
        var (index, culture, snapshot) = (request.Document, request.Culture, request.Snapshot);
        var sessions = snapshot.ExpertSessionsNewestFirst(index, culture);
        var pageCount = Pager.PageCountOf(sessions.Count, PageSize);
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { PageNumber = request.PageNumber, PageCount = pageCount });
        var model = new ExpertSessionListPageModel(layout, index.Name(culture) ?? "", index.TextOrNull(ExpertSessionIndex.Intro, culture),
            Pager.Slice(sessions, request.PageNumber, PageSize).Select(s => CardBuilder.ForSession(s, culture, snapshot)).ToList(),
            new Pager(request.PageNumber, pageCount, index.Url(culture)!));
        return new PageRendering("ExpertSessionList", model, pageCount);
    }

    public static PageRendering BuildSession(PageRequest request, Instant now)
    {
        var (session, culture, snapshot) = (request.Document, request.Culture, request.Snapshot);
        var title = session.Name(culture) ?? "";
        var image = MediaImages.First(session, ExpertSession.Image, culture, alt: title, snapshot);
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { OpenGraphType = "article", Image = image });
        var when = session.Zoned(ExpertSession.Date, culture) is { } date
            ? new DateLabel($"{LocalizedFormat.DateTime(date, culture)} ({LocalizedFormat.ZoneLabel(date, culture)})", LocalizedFormat.IsoDateTime(date))
            : null;
        var model = new ExpertSessionPageModel(
            layout,
            title,
            when,
            session.TextOrNull(ExpertSession.Summary, culture),
            image,
            CardBuilder.Speakers(session, ExpertSession.Speakers, culture, snapshot),
            session.TextOrNull(ExpertSession.Description, culture),
            NewsPageBuilder.TagLinks(session.Strings(ExpertSession.Tags, culture), newsListUrl: null),
            MembersOnly(snapshot, culture),
            session.Parent is { } parent && parent.Url(culture) is { } indexUrl
                ? new CallToAction(SiteText.Get(SiteText.AllExpertSessions, culture), indexUrl)
                : null);
        return new PageRendering("ExpertSession", model);
    }

    public static MembersOnlyNotice MembersOnly(PublishedSnapshot snapshot, string culture) =>
        new(SiteText.Get(SiteText.MembersOnlyTitle, culture),
            SiteText.Get(SiteText.MembersOnlyDetails, culture),
            CardBuilder.MembershipPageUrl(snapshot, culture) is { } url ? new CallToAction(SiteText.Get(SiteText.MembersOnlyJoin, culture), url) : null,
            SiteText.Get(SiteText.MembersOnlyContact, culture));
}
