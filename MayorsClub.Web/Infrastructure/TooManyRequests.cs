using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using MayorsClub.Web.BackOffice;
using MayorsClub.Web.BackOffice.Users;
using Microsoft.AspNetCore.RateLimiting;

namespace MayorsClub.Web.Infrastructure;

/// <summary>
/// Every 429 the site sends: a Retry-After header and a short body in the caller's language, ProblemDetails for the
/// Management API, a small HTML page elsewhere.
/// </summary>
public static class TooManyRequests
{
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>For a rate limiter's OnRejected: the wait the limiter names, else a minute.</summary>
    public static ValueTask OnRejected(OnRejectedContext rejected, CancellationToken ct) =>
        new(WriteAsync(rejected.HttpContext, rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : DefaultRetryAfter, ct));

    /// <summary>
    /// For the public site's limiters: a page in the language of the URL (else the visitor's) with the message for the
    /// wait the limiter names and a link back, in the site's style.
    /// </summary>
    public static async ValueTask WriteSitePageAsync(
        OnRejectedContext rejected, Func<string, int, string> message, Func<string, (string Href, string Text)> back, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : DefaultRetryAfter;
        var culture = Site.CultureSelector.FromPathOrPreferred(http.Request);
        var (href, text) = back(culture);
        var response = http.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        SetRetryAfter(response, wait);
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentLanguage = culture;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{culture}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>429</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main class=\"container container--narrow status-page\">"
            + $"<p role=\"alert\">{WebUtility.HtmlEncode(message(culture, Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))))}</p>"
            + $"<p><a href=\"{href}\">{WebUtility.HtmlEncode(text)}</a></p></main></body></html>",
            ct);
    }

    /// <summary>The Retry-After header alone (for answers that render their own page).</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public static async Task WriteAsync(HttpContext http, TimeSpan wait, CancellationToken ct = default)
    {
        var response = http.Response;
        var culture = BackOfficeController.UiCultureOf(http.Request);
        var message = UsersText.Get(UsersText.TooManyRequests, culture);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        SetRetryAfter(response, wait);
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentLanguage = culture;
        if (ManagementApi.ManagementApiEndpoints.IsApiPath(http.Request.Path))
        {
            await Results.Problem(title: message, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
            return;
        }

        var (back, backText) = http.Request.Path.StartsWithSegments(BackOfficeSecurity.BasePath)
            ? (BackOfficeSecurity.LoginPath, UsersText.Get(UsersText.BackToSignIn, culture))
            : ($"/{culture}/", Site.SiteText.Get(Site.SiteText.ToHome, culture));
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{culture}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>429</title></head><body><p role=\"alert\">{WebUtility.HtmlEncode(message)}</p>"
            + $"<p><a href=\"{back}\">{WebUtility.HtmlEncode(backText)}</a></p></body></html>",
            ct);
    }
}
