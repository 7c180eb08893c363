using MayorsClub.Core.Cluster;
using MayorsClub.Web.Delivery;
using MayorsClub.Web.ManagementApi;
using MayorsClub.Web.Site;

namespace MayorsClub.Web.Cluster;

/// <summary>
/// While the database is unreachable (restarted, failed over, refusing connections) public pages are still served from
/// the published snapshot and the page cache, and whatever needs the database answers <c>503</c> with
/// <c>Retry-After</c> and a clear message in the caller's language: ProblemDetails in the Management and Delivery APIs,
/// the localized status page on the site and in the back office. Nothing was saved by the failed request, so nothing is
/// lost; the change feed, its listener and the jobs reconnect by themselves.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>What the answer suggests: the database usually comes back within seconds (a restart, a failover).</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>Inside the error pages and the Management API's errors, so their re-execution renders the 503.</summary>
    public static void UseMayorsClubDatabaseOutage(this WebApplication app) => app.UseMiddleware<DatabaseOutageMiddleware>();
}

/// <summary>Turns a database outage that reached the pipeline into its 503 (see <see cref="DatabaseOutage"/>).</summary>
internal sealed class DatabaseOutageMiddleware(RequestDelegate next, ILogger<DatabaseOutageMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception error) when (DatabaseErrors.IsUnreachable(error) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("{Method} {Path} answered 503: the database cannot be reached ({Error})", context.Request.Method, context.Request.Path,
                error.GetBaseException().Message);
            DatabaseErrors.ForgetPooledConnections(error);
            var response = context.Response;
            response.Clear();
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers.CacheControl = "no-store";
            if (ManagementApiEndpoints.IsApiPath(context.Request.Path))
            {
                var culture = ManagementApiText.CultureOf(context.Request);
                await WriteProblemAsync(context, culture, ManagementApiText.Get(ManagementApiText.UnavailableTitle, culture),
                    ManagementApiText.Get(ManagementApiText.DatabaseUnavailable, culture));
            }
            else if (DeliveryApi.IsApiPath(context.Request.Path))
            {
                var culture = CultureSelector.Preferred(context.Request);
                await WriteProblemAsync(context, culture, SiteText.Get(SiteText.UnavailableTitle, culture), SiteText.Get(SiteText.UnavailableText, culture));
            }

            // Elsewhere the status code pages render the localized 503 page (ErrorController).
        }
    }

    private static Task WriteProblemAsync(HttpContext context, string culture, string title, string detail)
    {
        context.Response.Headers.ContentLanguage = culture;
        var problem = ContentProblems.Problem(StatusCodes.Status503ServiceUnavailable, title, detail);
        problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4";
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }
}
