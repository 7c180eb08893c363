using MayorsClub.Core.Operations;
using MayorsClub.Core.Setup;
using MayorsClub.Web.BackOffice;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace MayorsClub.Web.Operations;

/// <summary>
/// Operations: readiness (/healthz/ready), metrics for Prometheus (/metrics) and graceful shutdown
/// ("MayorsClub:Operations"). Liveness (/healthz) stays in <see cref="Infrastructure.Readiness"/>; logs in
/// <see cref="Infrastructure.Logging"/>.
/// </summary>
public static class OperationsSetup
{
    public const string ReadyTag = "ready";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    public static void AddMayorsClubOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMayorsClubOperationsCore();
        services.AddSingleton<OperationsAccess>();
        services.AddSingleton<ShutdownDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<ShutdownDrain>());
        if (builder.Environment.IsDevelopment() && builder.Configuration[OperationsOptions.Section + ":DrainSeconds"] is null)
        {
            // No load balancer on a developer's machine: Ctrl+C stops at once.
            services.PostConfigure<OperationsOptions>(operations => operations.DrainSeconds = 0);
        }

        services.AddOptions<HostOptions>().Configure<IOptions<OperationsOptions>>((host, operations) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(operations.Value.DrainSeconds + operations.Value.ShutdownTimeoutSeconds));

        // The database is shared by every node: when it is down, all are, and pages are still served from the snapshot.
        // So it makes a node "degraded" (still 200), never unready: a load balancer that took every node out would turn
        // an outage of writes into an outage of the whole site.
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", HealthStatus.Degraded, [ReadyTag], CheckTimeout)
            .AddCheck<SnapshotCheck>("snapshot", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<FeedCheck>("feed", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<SearchIndexCheck>("search", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<ShutdownCheck>("shutdown", tags: [ReadyTag], timeout: CheckTimeout);
        services.Configure<HealthCheckServiceOptions>(health =>
        {
            foreach (var registration in health.Registrations)
            {
                registration.Timeout = CheckTimeout;
            }
        });

        var node = NodeName.From(builder.Configuration);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("mayorsclub", serviceInstanceId: node, autoGenerateServiceInstanceId: false))
            .WithMetrics(metrics => metrics
                .AddMeter(SiteMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
    }

    public static void MapMayorsClubOperations(this WebApplication app)
    {
        app.MapGet(OperationsEndpoints.ReadyPath, OperationsEndpoints.ReadyAsync).ExcludeFromDescription();
        app.MapGet(OperationsEndpoints.BackOfficeReadyPath, OperationsEndpoints.ReadyAsync)
            .RequireAuthorization(BackOfficeSecurity.ManageUsers).ExcludeFromDescription();

        // Not public: a 404 (the site's own page) unless the operations access rule lets the request in.
        var access = app.Services.GetRequiredService<OperationsAccess>();
        app.MapPrometheusScrapingEndpoint(OperationsEndpoints.MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (await access.AllowsAsync(context))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }), optionsName: null).ExcludeFromDescription();
        app.MapPrometheusScrapingEndpoint(OperationsEndpoints.BackOfficeMetricsPath).RequireAuthorization(BackOfficeSecurity.ManageUsers).ExcludeFromDescription();
    }
}

public static class OperationsEndpoints
{
    public const string ReadyPath = "/healthz/ready";
    public const string MetricsPath = "/metrics";

    /// <summary>The same two under /umbraco, where a browser sends the back-office cookie: for a signed-in Administrator.</summary>
    public const string BackOfficeReadyPath = "/umbraco/operations/ready";
    public const string BackOfficeMetricsPath = "/umbraco/operations/metrics";

    /// <summary>
    /// GET /healthz/ready: 200 "ready" (or "degraded": the database cannot be reached, pages are served from the snapshot),
    /// 503 "starting", "failed", "unhealthy" or "stopping". The checks' detail as JSON only for whom
    /// <see cref="OperationsAccess"/> lets in.
    /// </summary>
    internal static async Task ReadyAsync(
        HttpContext context, HealthCheckService health, SiteReadiness readiness, ShutdownDrain drain, OperationsAccess access)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(OperationsSetup.ReadyTag), context.RequestAborted);
        var word = drain.IsStopping ? "stopping"
            : !readiness.IsReady ? (readiness.Failure is null ? "starting" : "failed")
            : report.Status switch
            {
                HealthStatus.Healthy => "ready",
                HealthStatus.Degraded => "degraded",
                _ => "unhealthy",
            };
        var response = context.Response;
        response.StatusCode = drain.IsStopping || !readiness.IsReady || report.Status == HealthStatus.Unhealthy
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK;
        response.Headers.CacheControl = "no-store";
        if (!await access.AllowsAsync(context))
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(word);
            return;
        }

        await response.WriteAsJsonAsync(new
        {
            status = word,
            node = NodeName.From(context.RequestServices.GetRequiredService<IConfiguration>()),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => new
            {
                status = entry.Value.Status.ToString().ToLowerInvariant(),
                durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                description = entry.Value.Description ?? entry.Value.Exception?.Message,
                data = entry.Value.Data.Count > 0 ? entry.Value.Data : null,
            }),
        });
    }
}
