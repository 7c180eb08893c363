using System.Security.Claims;
using System.Threading.RateLimiting;
using MayorsClub.Web.BackOffice;
using Microsoft.AspNetCore.RateLimiting;

namespace MayorsClub.Web.Infrastructure;

/// <summary>
/// Every change (POST, PUT, PATCH, DELETE) under /umbraco, the back office and the Management API, is limited per
/// caller: the signed-in user, the API client of a bearer token, else the client's address. A token bucket lets a
/// generous burst through and refills steadily, so an editor never meets it; a script that floods the server with
/// saves (each may cost a sanitizer run and a snapshot rebuild) gets 429 with Retry-After, as ProblemDetails in the
/// API and the localized page in the back office. Endpoints with a rate-limit policy of their own (sign-in, password
/// reset) keep only theirs.
/// </summary>
public static class WriteRateLimit
{
    public static IServiceCollection AddMayorsClubWriteRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WriteRateLimitOptions>().Bind(configuration.GetSection(WriteRateLimitOptions.Section));
        services.AddOptions<RateLimiterOptions>().Configure<Microsoft.Extensions.Options.IOptions<WriteRateLimitOptions>>((limiter, options) =>
        {
            var perMinute = Math.Max(1, options.Value.WritesPerMinute);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsLimitedWrite(context)
                ? RateLimitPartition.GetTokenBucketLimiter(CallerOf(context), _ => Bucket(perMinute))
                : RateLimitPartition.GetNoLimiter(""));

            // Whoever rejected the request (this limit or an endpoint's own), the answer says when to come back.
            limiter.OnRejected = TooManyRequests.OnRejected;
        });
        return services;
    }

    /// <summary>A change under /umbraco by an endpoint without a rate-limit policy of its own.</summary>
    internal static bool IsLimitedWrite(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)
            || !context.Request.Path.StartsWithSegments(BackOfficeSecurity.BasePath, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var metadata = context.GetEndpoint()?.Metadata;
        return metadata?.GetMetadata<EnableRateLimitingAttribute>() is null && metadata?.GetMetadata<DisableRateLimitingAttribute>() is null;
    }

    /// <summary>The user or API client (the token's subject), else the address the request came from.</summary>
    internal static string CallerOf(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? user.FindFirstValue("client_id");
            if (id is not null)
            {
                return "user:" + id;
            }
        }

        return "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, perMinute / 60),
        ReplenishmentPeriod = TimeSpan.FromSeconds(perMinute >= 60 ? 1 : 60.0 / perMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>Configuration of the limit on changes (section <c>MayorsClub:RateLimits</c>).</summary>
public sealed class WriteRateLimitOptions
{
    public const string Section = "MayorsClub:RateLimits";

    /// <summary>Changes one user, API client or address may make in a minute (and at once, in a burst).</summary>
    public int WritesPerMinute { get; set; } = 120;
}
