using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>The model of a status page (404, 400, 500): its texts and the site's layout around them.</summary>
public sealed record StatusPageModel(SiteLayout Layout, string Title, string Text, IReadOnlyList<NavigationLink> Suggestions) : ISitePage;

/// <summary>
/// Builds status pages from whatever published content there is. An error page must render even when the
/// content cannot be read, so <see cref="Build"/> falls back to a layout that needs nothing but the language.
/// </summary>
public static class StatusPageLayout
{
    public static StatusPageModel Build(PublishedSnapshotService? snapshots, IClock? clock, string culture, string titleKey, string textKey)
    {
        var title = SiteText.Get(titleKey, culture);
        var text = SiteText.Get(textKey, culture);
        var now = clock?.GetCurrentInstant() ?? SystemClock.Instance.GetCurrentInstant();
        try
        {
            var snapshot = snapshots?.Current ?? PublishedSnapshot.Empty;
            var layout = SiteLayoutBuilder.ForStatusPage(snapshot, culture, now, title, text);
            return new StatusPageModel(layout, title, text, layout.Navigation);
        }
        catch (Exception)
        {
            var layout = SiteLayoutBuilder.Minimal(culture, now.InUtc().Year, title, text);
            return new StatusPageModel(layout, title, text, []);
        }
    }
}
