using System.Net.Sockets;
using MayorsClub.Web.Delivery;
using MayorsClub.Web.ManagementApi;
using MayorsClub.Web.Site;
using Microsoft.Data.Sqlite;
using Npgsql;

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

    /// <summary>
    /// Whether an exception (or one it wraps: EF Core's <c>DbUpdateException</c> and <c>InvalidOperationException</c>,
    /// Identity's) says the database could not be reached, rather than that the request or the code was wrong.
    /// </summary>
    public static bool IsOutage(Exception? error)
    {
        for (var depth = 0; error is not null && depth < 10; error = error.InnerException, depth++)
        {
            switch (error)
            {
                // The server ended or refused the session: admin shutdown (57P01), crash shutdown (57P02), cannot connect
                // now (57P03), too many connections (53300), a database not accepting connections (FATAL 55000).
                case PostgresException postgres when postgres.InvariantSeverity is "FATAL" or "PANIC"
                    || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300" || postgres.SqlState.StartsWith("08", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false; // the statement was refused: the request's or the code's fault, not an outage
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SocketException:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6: // SQLITE_BUSY, SQLITE_LOCKED (after the busy timeout)
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsOutage);
            }
        }

        return false;
    }
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
        catch (Exception error) when (DatabaseOutage.IsOutage(error) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("{Method} {Path} answered 503: the database cannot be reached ({Error})", context.Request.Method, context.Request.Path,
                error.GetBaseException().Message);
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
