using MayorsClub.Core.Content;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Site;
using MayorsClub.Web.Site.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using NodaTime;

namespace MayorsClub.Web.Members;

/// <summary>
/// The base of the members' pages: the culture from the route, antiforgery on every POST, never cached, and the site's
/// layout around each page (navigation, footer, the language switch to the same page in the other language).
/// </summary>
[AutoValidateAntiforgeryToken]
public abstract class MemberController : Controller
{
    public const string CultureRoute = "{culture:regex(^(uk|en)$)}/members";

    protected string Culture { get; private set; } = Cultures.Default;

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        Culture = RouteData.Values["culture"] as string is { } culture && Cultures.IsSupported(culture) ? culture : Cultures.Default;
        Response.Headers.CacheControl = "no-store";
        base.OnActionExecuting(context);
    }

    protected string T(string key) => MemberText.Get(key, Culture);

    /// <summary>A members' page in the site's layout; <paramref name="otherLanguagePath"/> is where the language switch goes.</summary>
    protected ViewResult Page(string view, object model, string titleKey, string otherLanguagePath, int status = StatusCodes.Status200OK)
    {
        var snapshots = HttpContext.RequestServices.GetRequiredService<PublishedSnapshotService>();
        var now = HttpContext.RequestServices.GetRequiredService<IClock>().GetCurrentInstant();
        var title = T(titleKey);
        SiteLayout layout;
        try
        {
            layout = SiteLayoutBuilder.ForStatusPage(snapshots.Current, Culture, now, title, title);
        }
        catch (InvalidOperationException)
        {
            layout = SiteLayoutBuilder.Minimal(Culture, now.InUtc().Year, title, title);
        }

        var other = Culture == Cultures.Ukrainian ? Cultures.English : Cultures.Ukrainian;
        layout = layout with
        {
            LanguageSwitch = layout.LanguageSwitch with { Url = otherLanguagePath, Hint = SiteText.Get(SiteText.OtherLanguageHint, Culture), IsTwin = true, Culture = other },
        };
        ViewData[nameof(SiteLayout)] = layout;
        ViewData["Culture"] = Culture;
        var result = View(view, model);
        result.StatusCode = status;
        return result;
    }

    protected string OtherCulture => Culture == Cultures.Ukrainian ? Cultures.English : Cultures.Ukrainian;

    protected string HomePath => $"/{Culture}/";
}
