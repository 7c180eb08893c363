using System.Security.Cryptography;
using MayorsClub.Web.BackOffice;
using MayorsClub.Web.ManagementApi;

namespace MayorsClub.Web.Infrastructure;

/// <summary>
/// The site's Content-Security-Policy, in one place. Every part of the site is answered with one of these.
/// </summary>
/// <remarks>
/// Rules for views and scripts that keep these policies tight:
/// <list type="bullet">
/// <item>The public site has no inline script, no &lt;style&gt; element and no style="" attribute: styles and scripts
/// live in files under wwwroot (a focal point needs no style: the server crops around it, see <c>ResponsiveImage</c>).</item>
/// <item>A back-office inline &lt;script&gt; carries <c>nonce="@SecurityHeaders.Nonce(Context)"</c>. Back-office
/// styles may be inline: UUI, TipTap and the media views set them, and a style cannot run code.</item>
/// <item>Videos embedded in rich text come from <see cref="VideoHosts"/> (the rich-text sanitizer allows the same).</item>
/// </list>
/// </remarks>
public static class ContentSecurityPolicies
{
    /// <summary>The players the rich text may embed (YouTube, Vimeo).</summary>
    public const string VideoHosts = "https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com";

    /// <summary>What every HTML page starts from: only this site's own files, nothing inline, no plugins, no framing.</summary>
    private static readonly (string Directive, string Sources)[] Page =
    [
        ("default-src", "'self'"),
        ("script-src", "'self'"),
        ("style-src", "'self'"),
        ("img-src", "'self' data:"),
        ("frame-src", VideoHosts),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", "'self'"),
        ("frame-ancestors", "'none'"),
    ];

    /// <summary>The public site: nothing inline at all; no one may frame it.</summary>
    public static readonly string PublicSite = Write(Page);

    /// <summary>A preview of a page, which the back office may show in a frame.</summary>
    public static readonly string Preview = Write(Page, ("frame-ancestors", "'self'"));

    /// <summary>JSON and files: nothing to run, nothing to frame.</summary>
    public static readonly string Api = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The Management API's reference page (Scalar writes its set-up as an inline script), for signed-in users only.</summary>
    public static readonly string ApiDocs = Write(Page, ("script-src", "'self' 'unsafe-inline'"), ("style-src", "'self' 'unsafe-inline'"),
        ("font-src", "'self' data:"), ("connect-src", "'self'"));

    /// <summary>The back office: scripts from the site or with this response's nonce; the back office may frame its own pages.</summary>
    public static string BackOffice(string? nonce) => Write(Page,
        ("script-src", nonce is null ? "'self'" : $"'self' 'nonce-{nonce}'"),
        ("style-src", "'self' 'unsafe-inline'"),
        ("img-src", "'self' data: blob:"),
        ("connect-src", "'self'"),
        ("frame-ancestors", "'self'"));

    private static string Write((string Directive, string Sources)[] basis, params (string Directive, string Sources)[] changes) =>
        string.Join("; ", basis.Select(d => changes.FirstOrDefault(c => c.Directive == d.Directive) is { Directive: not null } changed ? changed : d)
            .Concat(changes.Where(c => basis.All(d => d.Directive != c.Directive)))
            .Select(d => $"{d.Directive} {d.Sources}"));

    /// <summary>Which policy answers a path.</summary>
    public static string For(PathString path, string? nonce)
    {
        if (path.StartsWithSegments(ManagementApiEndpoints.DocsPath, StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(Delivery.Platform.DeliveryDocs.DocsPath, StringComparison.OrdinalIgnoreCase))
        {
            return ApiDocs;
        }

        if (ManagementApiEndpoints.IsApiPath(path))
        {
            return Api;
        }

        if (IsPreview(path))
        {
            return Preview;
        }

        if (path.StartsWithSegments(BackOfficeSecurity.BasePath, StringComparison.OrdinalIgnoreCase))
        {
            return BackOffice(nonce);
        }

        return path.StartsWithSegments("/media", StringComparison.OrdinalIgnoreCase) ? Api : PublicSite;
    }

    // /umbraco/content/{key}/preview/{culture}: a public page rendered for an editor.
    private static bool IsPreview(PathString path) =>
        path.StartsWithSegments("/umbraco/content", StringComparison.OrdinalIgnoreCase)
        && path.Value!.Contains("/preview/", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Security headers on every response (pages, cached pages, static files, errors, 304s): the Content-Security-Policy
/// of <see cref="ContentSecurityPolicies"/>, nosniff, the referrer and permissions policies, and HSTS over HTTPS in
/// Production. Added as the response starts, by the first middleware of the pipeline.
/// </summary>
public static class SecurityHeaders
{
    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), publickey-credentials-get=(self)";

    public const string StrictTransportSecurity = "max-age=31536000";

    private static readonly object NonceKey = new();

    /// <summary>This response's script nonce (made on first use; the policy names it only then).</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is string nonce)
        {
            return nonce;
        }

        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    /// <summary>First in the pipeline (see Program.cs): it wraps every other middleware, so each response gets the headers.</summary>
    public static void UseMayorsClubSecurityHeaders(this WebApplication app)
    {
        var production = app.Environment.IsProduction();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Add(context, production);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static void Add(HttpContext context, bool production)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicies.For(context.Request.Path, context.Items[NonceKey] as string);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        if (production && context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        headers.Server = default; // Kestrel's is turned off in Program.cs; nothing else may name the server
    }
}
