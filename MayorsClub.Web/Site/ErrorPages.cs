using MayorsClub.Web.ManagementApi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace MayorsClub.Web.Site;

/// <summary>
/// Errors on the site and in the back office end in a localized page: an unexpected failure in the 500 page (the
/// developer page in Development; the details go to the log), a request the server could not read (a truncated body,
/// one shorter than its Content-Length) in the 400 page, and a 4xx answered without a body (an unknown media key, a
/// refused method, a rate limit) in the page for its status. The Management API answers ProblemDetails instead
/// (<see cref="ApiErrorResponses"/>).
/// </summary>
public static class ErrorPages
{
    public const string Path = "/error";

    public static void UseMayorsClubErrorPages(this WebApplication app)
    {
        app.UseWhen(context => !ManagementApiEndpoints.IsApiPath(context.Request.Path), site =>
        {
            if (app.Environment.IsDevelopment())
            {
                site.UseDeveloperExceptionPage();
            }
            else
            {
                site.UseExceptionHandler(new ExceptionHandlerOptions
                {
                    ExceptionHandlingPath = Path,
                    StatusCodeSelector = StatusFor,
                    SuppressDiagnosticsCallback = IsClientFault,
                });
            }

            site.UseStatusCodePagesWithReExecute(Path + "/{0}");
        });
    }

    /// <summary>The status an exception answers with: the client's fault for a request the server could not read.</summary>
    public static int StatusFor(Exception exception) => exception is BadHttpRequestException bad
        ? bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? bad.StatusCode : StatusCodes.Status400BadRequest
        : StatusCodes.Status500InternalServerError;

    /// <summary>A body the client never sent in full is its fault, not an error of the site's to log.</summary>
    public static bool IsClientFault(ExceptionHandlerSuppressDiagnosticsContext context) => context.Exception is BadHttpRequestException;
}

/// <summary>Renders the error pages in the language of the page that failed; /error asked for directly is a 404.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[AllowAnonymous]
// A failed POST is re-executed here with its own method and form: checking its antiforgery token again would turn the
// error page into a second failure. These actions change nothing; they only render the page for a status.
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    [Route(ErrorPages.Path)]
    public IActionResult ServerError()
    {
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not { } failure)
        {
            return Status(StatusCodes.Status404NotFound, CultureSelector.FromPathOrPreferred(Request));
        }

        return Status(ErrorPages.StatusFor(failure.Error), CultureOf(failure.Path));
    }

    [Route(ErrorPages.Path + "/{status:int}")]
    public IActionResult StatusPage(int status)
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not { } reExecuted || status is < 400 or > 599)
        {
            return Status(StatusCodes.Status404NotFound, CultureSelector.FromPathOrPreferred(Request));
        }

        return Status(status, CultureOf(reExecuted.OriginalPath));
    }

    private string CultureOf(string? failedPath) =>
        CultureSelector.FromPath(new PathString(failedPath)) ?? CultureSelector.Preferred(Request);

    private ViewResult Status(int status, string culture)
    {
        var view = status switch
        {
            StatusCodes.Status404NotFound => View("NotFound", new NotFoundViewModel(culture)),
            StatusCodes.Status503ServiceUnavailable => View("Status", new StatusViewModel(culture, status, SiteText.UnavailableTitle, SiteText.UnavailableText)),
            >= 500 => View("Error", new NotFoundViewModel(culture)),
            _ => View("Status", new StatusViewModel(culture, status, TitleOf(status), TextOf(status))),
        };
        view.StatusCode = status;
        return view;
    }

    private static string TitleOf(int status) =>
        status == StatusCodes.Status429TooManyRequests ? SiteText.TooManyRequestsTitle : SiteText.BadRequestTitle;

    private static string TextOf(int status) => status switch
    {
        StatusCodes.Status405MethodNotAllowed => SiteText.MethodNotAllowedText,
        StatusCodes.Status413PayloadTooLarge => SiteText.TooLargeText,
        StatusCodes.Status415UnsupportedMediaType => SiteText.UnsupportedTypeText,
        StatusCodes.Status429TooManyRequests => SiteText.TooManyRequestsText,
        _ => SiteText.RequestInvalidText,
    };
}

/// <summary>The model of a status page other than 404 and 500: its language, status and texts.</summary>
public sealed record StatusViewModel(string Culture, int StatusCode, string TitleKey, string TextKey);
