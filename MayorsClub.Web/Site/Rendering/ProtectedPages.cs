using MayorsClub.Core.Publishing;
using MayorsClub.Web.Members;
using NodaTime;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>
/// A page under a public access rule, for a viewer the rule does not admit: its teaser (title, summary) and a box that
/// says how to get in. It holds nothing else of the document, so the anonymous rendering may be kept and shared.
/// </summary>
public sealed record ProtectedPageModel(SiteLayout Layout, string Title, string? Summary, AccessNotice Notice) : ISitePage;

/// <summary>
/// The box that stands where a visitor is not let in: for a visitor who has not signed in, "Sign in" (back to this page)
/// and "Apply for membership"; for a member outside the groups, what their membership does not include.
/// </summary>
public sealed record AccessNotice(string Title, string Text, CallToAction? SignIn, CallToAction? Apply, bool IsMember);

public static class ProtectedPageBuilder
{
    public static PageRendering Build(PageRequest request, Instant now)
    {
        var (page, culture, values) = (request.Document, request.Culture, request.Values);
        var title = page.Name(culture) ?? "";
        var summary = values.Text("summary");
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { Description = summary });
        var viewer = request.View.Viewer;
        var notice = viewer.IsMember
            ? Notice(request, SiteText.ProtectedNotIncludedTitle, SiteText.ProtectedNotIncludedText)
            : Notice(request, SiteText.ProtectedPageTitle, SiteText.ProtectedPageText);
        return new PageRendering("Protected", new ProtectedPageModel(layout, title, summary, notice));
    }

    /// <summary>The notice for this page's viewer with the given title and text (the member's text when they are a member).</summary>
    public static AccessNotice Notice(PageRequest request, string titleKey, string textKey)
    {
        var (culture, view) = (request.Culture, request.View);
        if (view.Viewer.IsMember)
        {
            return new AccessNotice(SiteText.Get(titleKey, culture), SiteText.Get(textKey, culture), null, null, IsMember: true);
        }

        var here = request.Document.Url(culture) ?? $"/{culture}/";
        return new AccessNotice(
            SiteText.Get(titleKey, culture),
            SiteText.Get(textKey, culture),
            new CallToAction(SiteText.Get(SiteText.MembersSignIn, culture), $"{MemberLinks.SignInPath(culture)}?returnUrl={Uri.EscapeDataString(here)}"),
            new CallToAction(SiteText.Get(SiteText.MembersApply, culture), CardBuilder.MembershipPageUrl(view, culture) ?? $"/{culture}/"),
            IsMember: false);
    }
}
