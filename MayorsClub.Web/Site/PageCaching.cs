using MayorsClub.Core.Publishing;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace MayorsClub.Web.Site;

/// <summary>
/// Public pages are cached on the server (output cache) and revalidated by browsers (ETag, Last-Modified → 304).
/// Both are keyed by the published snapshot: a publish starts a new snapshot, so nothing stale is served
/// after it, and the old entries are dropped. The hour is part of the key too, because what is "upcoming"
/// on a page changes with time even when nothing is published.
/// </summary>
public static class PageCaching
{
    public const string PolicyName = "published";
    public const string Tag = "published";

    /// <summary>Changes with every new snapshot, every hour, and every restart (a new build may render differently).</summary>
    public static string Version(PublishedSnapshot snapshot, DateTime utcNow) =>
        $"{ProcessStamp}-{snapshot.Generation}-{utcNow:yyyyMMddHH}";

    private static readonly string ProcessStamp = Guid.NewGuid().ToString("N")[..8];

    public static IServiceCollection AddMayorsClubPageCaching(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(PolicyName, new PublishedContentPolicy()));
        services.AddSingleton<IPublishedSnapshotObserver, DropCachedPages>();
        return services;
    }

    private sealed class PublishedContentPolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var allowed = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
            var signedIn = http.User.Identity?.IsAuthenticated == true;
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = allowed && !signedIn;
            context.AllowCacheStorage = allowed && !signedIn;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
            context.Tags.Add(Tag);
            context.CacheVaryByRules.QueryKeys = "*";
            var snapshot = http.RequestServices.GetRequiredService<PublishedSnapshotService>().Current;
            context.CacheVaryByRules.VaryByValues["published"] = Version(snapshot, DateTime.UtcNow);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            // Only successful pages are stored; a 404 must not outlive the publish that fixes it.
            if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK
                || !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(context.HttpContext.Response.Headers.SetCookie))
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class DropCachedPages(IOutputCacheStore store) : IPublishedSnapshotObserver
    {
        public Task SnapshotChangedAsync(PublishedSnapshot snapshot, CancellationToken ct) => store.EvictByTagAsync(Tag, ct).AsTask();
    }
}

/// <summary>
/// Answers a browser's revalidation with 304 before any rendering, and marks fresh responses with
/// ETag, Last-Modified and Cache-Control so the next visit can revalidate.
/// </summary>
public sealed class ConditionalGetAttribute : ActionFilterAttribute
{
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        var http = context.HttpContext;
        var snapshot = http.RequestServices.GetRequiredService<PublishedSnapshotService>().Current;
        var etag = new EntityTagHeaderValue($"\"{PageCaching.Version(snapshot, DateTime.UtcNow)}\"", isWeak: true);
        var lastModified = new DateTimeOffset(snapshot.BuiltUtc.Ticks - snapshot.BuiltUtc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var request = http.Request.GetTypedHeaders();
        var response = http.Response.GetTypedHeaders();
        response.ETag = etag;
        response.LastModified = lastModified;
        response.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.Zero, MustRevalidate = true };

        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any))
            : request.IfModifiedSince is { } since && lastModified <= since;
        if (notModified)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status304NotModified);
        }
    }
}
