using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace MayorsClub.Web.Site;

public static class ErrorPages
{
    public const string Path = "/error";

    /// <summary>An unexpected failure shows a localized 500 page (the developer page in Development); the details go to the log.</summary>
    public static void UseMayorsClubErrorPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler(Path);
        }
    }
}

/// <summary>Renders the 500 page in the language of the page that failed.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route(ErrorPages.Path)]
    public IActionResult ServerError()
    {
        var failedPath = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "";
        var first = failedPath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var culture = MayorsClub.Core.Content.Cultures.IsSupported(first) ? first! : CultureSelector.Preferred(Request);
        var view = View("Error", new NotFoundViewModel(culture));
        view.StatusCode = StatusCodes.Status500InternalServerError;
        return view;
    }
}
