using System.Threading.RateLimiting;
using MayorsClub.Web.Delivery.Media;
using MayorsClub.Web.Delivery.Platform;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.Delivery;

/// <summary>What every Delivery API answer shares (CORS, rate limit, Vary, ETag, the cache), media, the dictionary and
/// the OpenAPI document.</summary>
public static class DeliveryPlatform
{
    /// <summary>The CORS policy of the paths under /umbraco/delivery (origins from MayorsClub:DeliveryApi:CorsOrigins).</summary>
    public const string CorsPolicy = "DeliveryApi";

    public static IServiceCollection AddDeliveryPlatform(this IServiceCollection services)
    {
        services.AddSingleton<DeliveryAnswerCache>();
        services.AddSingleton<Core.Changes.IPublishedChangeSubscriber>(sp => sp.GetRequiredService<DeliveryAnswerCache>());
        services.AddSingleton<DeliveryAnswers>();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DeliveryApiOptions>>((cors, api) => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins([.. api.Value.CorsOrigins])
            .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Options)
            .WithHeaders(DeliveryHeaders.ApiKey, DeliveryHeaders.Preview, DeliveryHeaders.StartItem, "Accept-Language", "Authorization",
                "If-None-Match", "Content-Type")
            .WithExposedHeaders("ETag", "Retry-After", "Content-Language", DeliveryAnswers.CacheHeader)
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.AddDeliveryDocs();
        return services;
    }

    /// <summary>
    /// Under /umbraco/delivery, before routing: 404 when the API is off; CORS (answering preflights); Vary and
    /// Cache-Control; the rate limit per client address (cached answers count too); then ETags, 304 and the cache.
    /// </summary>
    public static IApplicationBuilder UseDeliveryPlatform(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<DeliveryApiOptions>>().Value;
        var answers = app.ApplicationServices.GetRequiredService<DeliveryAnswers>();
        // The OpenID discovery document and its keys (outside /umbraco/delivery) are read by the same browser apps.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/.well-known", StringComparison.OrdinalIgnoreCase), wellKnown => wellKnown.UseCors(CorsPolicy));
        return app.UseWhen(context => DeliveryApi.IsApiPath(context.Request.Path), api =>
        {
            api.Use((context, next) =>
            {
                answers.MarkHeaders(context);
                return options.Enabled
                    ? next(context)
                    : DeliveryProblems.WriteAsync(context, StatusCodes.Status404NotFound, DeliveryProblems.TitleOf(404), DeliveryPlatformText.Disabled);
            });
            api.UseCors(CorsPolicy);
            if (options.RequestsPerMinute > 0)
            {
                api.UseRateLimiter(new RateLimiterOptions
                {
                    RejectionStatusCode = StatusCodes.Status429TooManyRequests,
                    GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })),
                    OnRejected = RejectAsync,
                });
            }

            api.Use((context, next) => answers.InvokeAsync(context, next));
        });
    }

    public static RouteGroupBuilder MapDeliveryMedia(this RouteGroupBuilder v2) => v2.MapDeliveryMediaEndpoints();

    public static RouteGroupBuilder MapDeliveryDictionary(this RouteGroupBuilder v2) => v2.MapDeliveryDictionaryEndpoint();

    public static IEndpointRouteBuilder MapDeliveryDocs(this IEndpointRouteBuilder app) => app.MapDeliveryDocsEndpoints();

    /// <summary>429 as ProblemDetails, with Retry-After (the seconds until the window opens again).</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : Infrastructure.TooManyRequests.DefaultRetryAfter;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        Infrastructure.TooManyRequests.SetRetryAfter(rejected.HttpContext.Response, wait);
        rejected.HttpContext.Response.Headers.CacheControl = "no-store";
        await DeliveryProblems.Problem(rejected.HttpContext.Request, StatusCodes.Status429TooManyRequests, DeliveryProblems.TitleOf(429),
            DeliveryPlatformText.TooManyRequests, null, seconds).ExecuteAsync(rejected.HttpContext);
    }
}
