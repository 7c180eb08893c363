using MayorsClub.Core.Content.DocumentTypes;
using NodaTime;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>
/// Picks the view and builds the typed model for each document type (a page under an access rule that does not admit the
/// viewer: its teaser and a notice). Reads only the snapshot, never the database.
/// </summary>
public sealed class PageRenderer(IClock clock, Calendar.CalendarPages calendar) : IPageRenderer
{
    public PageRendering Render(PageRequest request)
    {
        var now = clock.GetCurrentInstant();
        if (!request.View.MayReadWhole(request.Document))
        {
            return ProtectedPageBuilder.Build(request, now);
        }

        return request.Document.ContentType switch
        {
            Home.Alias => new PageRendering("Home", HomePageBuilder.Build(request, now)),
            NewsIndex.Alias => NewsPageBuilder.BuildList(request, now),
            NewsArticle.Alias => NewsPageBuilder.BuildArticle(request, now),
            ExpertSessionIndex.Alias => ExpertSessionPageBuilder.BuildList(request, now),
            ExpertSession.Alias => ExpertSessionPageBuilder.BuildSession(request, now),
            EventsCalendar.Alias => calendar.Build(request, now),
            Event.Alias => EventPageBuilder.BuildEvent(request, now),
            PartnersIndex.Alias => PartnersPageBuilder.Build(request, now),
            _ => ContentPageBuilder.Build(request, now),
        };
    }
}
