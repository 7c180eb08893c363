using MayorsClub.Core.Publishing;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace MayorsClub.Web.Site;

/// <summary>
/// Public pages are cached on the server and revalidated by browsers (ETag, Last-Modified → 304). Both are keyed by the
/// published snapshot: a publish starts a new snapshot, so nothing stale is served after it, and the old entries are
/// dropped. The hour counts too, because what is "upcoming" on a page changes with time even when nothing is published.
/// </summary>
/// <remarks>
/// A cached page is answered by a middleware that runs before routing, authentication and MVC (see
/// <see cref="UseMayorsClubPageCache"/>): serving it costs about as much as serving a static file. The entries live in a
/// size-limited memory cache, so the most read pages stay and memory stays bounded.
/// </remarks>
public static class PageCaching
{
    private static readonly string ProcessStamp = Guid.NewGuid().ToString("N")[..8];

    public static IServiceCollection AddMayorsClubPageCaching(this IServiceCollection services)
    {
        services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.Section);
        services.AddSingleton<IdentityCookies>();
        services.AddSingleton<PublishedPageCache>();
        services.AddSingleton<Core.Changes.IPublishedChangeSubscriber>(sp => sp.GetRequiredService<PublishedPageCache>());
        return services;
    }

    /// <summary>Before routing: answers requests for cached pages straight away.</summary>
    public static void UseMayorsClubPageCache(this WebApplication app)
    {
        var cache = app.Services.GetRequiredService<PublishedPageCache>();
        var snapshots = app.Services.GetRequiredService<PublishedSnapshotService>();
        app.Use((context, next) => cache.AnswerFromCacheAsync(context, next, snapshots.Current));
    }

    /// <summary>After routing and authentication: keeps a copy of each published page rendered for a visitor.</summary>
    public static void UseMayorsClubPageRecording(this WebApplication app)
    {
        var cache = app.Services.GetRequiredService<PublishedPageCache>();
        var snapshots = app.Services.GetRequiredService<PublishedSnapshotService>();
        app.Use((context, next) => cache.RenderAndKeepAsync(context, next, snapshots.Current));
    }

    /// <summary>Marks ETag, Last-Modified and Cache-Control on a page so the next visit can revalidate.</summary>
    public static void MarkRevalidation(HttpResponse response, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.Zero, MustRevalidate = true };
    }

    /// <summary>Whether the browser's copy (If-None-Match, else If-Modified-Since) is still the current one.</summary>
    public static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var headers = request.GetTypedHeaders();
        return headers.IfNoneMatch.Count > 0
            ? headers.IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any))
            : headers.IfModifiedSince is { } since && lastModified <= since;
    }

    /// <summary>Changes with every new snapshot, every hour, and every restart (a new build may render differently).</summary>
    public static EntityTagHeaderValue ETag(PublishedSnapshot snapshot, DateTime utcNow) =>
        new($"\"{ProcessStamp}-{snapshot.Generation}-{utcNow:yyyyMMddHH}\"", isWeak: true);

    /// <summary>The snapshot's build time to the second, as HTTP dates have it.</summary>
    public static DateTimeOffset LastModified(PublishedSnapshot snapshot) =>
        new(snapshot.BuiltUtc.Ticks - snapshot.BuiltUtc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}

/// <summary>Configuration of the page cache (section <c>MayorsClub:PageCache</c>).</summary>
public sealed class PageCacheOptions
{
    public const string Section = "MayorsClub:PageCache";

    /// <summary>How many megabytes of rendered pages to keep; the least used go first.</summary>
    public int SizeLimitMegabytes { get; set; } = 32;

    /// <summary>Pages bigger than this are rendered every time rather than kept.</summary>
    public int MaxPageKilobytes { get; set; } = 512;
}

/// <summary>
/// Marks an endpoint whose successful GET responses are the same for every visitor until the next publish, so they
/// may be kept and shared: published pages, the sitemap, feeds.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class PublishedPageAttribute : Attribute;

/// <summary>
/// Answers a browser's revalidation with 304 instead of the page, and marks a page with ETag, Last-Modified and
/// Cache-Control so the next visit can revalidate. Decided once the action has found the page: a missing page is a
/// 404 whatever the request's If-None-Match says (even "*", or the ETag of another page of the same snapshot).
/// </summary>
public sealed class ConditionalGetAttribute : ActionFilterAttribute
{
    public override void OnActionExecuted(ActionExecutedContext context)
    {
        if (context.Result is not Microsoft.AspNetCore.Mvc.ViewResult { StatusCode: null or StatusCodes.Status200OK })
        {
            return;
        }

        var http = context.HttpContext;
        if (http.RequestServices.GetRequiredService<IdentityCookies>().AnyIn(http.Request))
        {
            // A signed-in reader's page is theirs (the member's name in the header, what only members see): no 304
            // against a copy the browser kept while anonymous, and no copy kept at all. Set as the response starts:
            // antiforgery (the header's sign-out form) writes "no-cache, no-store" while the view renders.
            http.Response.OnStarting(() =>
            {
                http.Response.Headers.CacheControl = "private, no-store";
                return Task.CompletedTask;
            });
            return;
        }

        var snapshot = http.RequestServices.GetRequiredService<PublishedSnapshotService>().Current;
        var etag = PageCaching.ETag(snapshot, http.RequestServices.GetRequiredService<NodaTime.IClock>().GetCurrentInstant().ToDateTimeUtc());
        var lastModified = PageCaching.LastModified(snapshot);
        PageCaching.MarkRevalidation(http.Response, etag, lastModified);
        if (PageCaching.IsNotModified(http.Request, etag, lastModified))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status304NotModified);
        }
    }
}
