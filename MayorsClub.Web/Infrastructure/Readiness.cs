using MayorsClub.Core.Setup;

namespace MayorsClub.Web.Infrastructure;

public static class Readiness
{
    public const string HealthPath = "/healthz";

    /// <summary>
    /// Until the database is migrated and the snapshot loaded, every request but /healthz and /healthz/ready gets 503.
    /// Only start-up: once ready, the site serves pages from the snapshot even while the database is down.
    /// </summary>
    public static void UseMayorsClubReadiness(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<SiteReadiness>();
        app.Use(async (context, next) =>
        {
            if (readiness.IsReady)
            {
                await next(context);
                return;
            }

            if (context.Request.Path.Equals(HealthPath, StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.Equals(Operations.OperationsEndpoints.ReadyPath, StringComparison.OrdinalIgnoreCase))
            {
                // Answered here, before authentication, whose handlers read keys from a database that may not be up yet
                // (so readiness has no detail for anyone until the site is ready).
                await Results.Text(readiness.Failure is null ? "starting" : "failed", statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
                return;
            }

            context.Response.Headers.RetryAfter = "2";
            if (ManagementApi.ManagementApiEndpoints.IsApiPath(context.Request.Path))
            {
                await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The site is starting. Сайт запускається.")
                    .ExecuteAsync(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("The site is starting. Сайт запускається.");
        });
    }

    /// <summary>GET /healthz: 200 once the site is ready to serve, 503 before (or if start-up failed).</summary>
    public static void MapMayorsClubHealth(this WebApplication app) =>
        app.MapGet(HealthPath, (SiteReadiness readiness) => readiness.IsReady
                ? Results.Text("ready")
                : Results.Text(readiness.Failure is null ? "starting" : "failed", statusCode: StatusCodes.Status503ServiceUnavailable))
            .ExcludeFromDescription();
}
