using MayorsClub.Core.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MayorsClub.Web.BackOffice;

/// <summary>
/// What every back-office page shares: its area, sign-in required (a stricter policy on the action where
/// needed), antiforgery on every POST, and the editor's interface language.
/// </summary>
[Area(BackOfficeSecurity.Area)]
[Authorize(Policy = BackOfficeSecurity.Access)]
[AutoValidateAntiforgeryToken]
public abstract class BackOfficeController : Controller
{
    public const string LanguageCookie = "mc_backoffice_lang";

    /// <summary>The interface language: the editor's choice, else the language they read the site in or their browser's, else Ukrainian.</summary>
    protected string UiCulture { get; private set; } = Cultures.Default;

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        UiCulture = UiCultureOf(Request);
        ViewData["UiCulture"] = UiCulture;
        base.OnActionExecuting(context);
    }

    protected string T(string key) => BackOfficeText.Get(key, UiCulture);

    protected string CurrentUser => User.Identity?.Name ?? "";

    public static string UiCultureOf(HttpRequest request) =>
        request.Cookies.TryGetValue(LanguageCookie, out var chosen) && Cultures.IsSupported(chosen)
            ? chosen!
            : Site.CultureSelector.Preferred(request);
}
