using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using MayorsClub.Core.Members;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Infrastructure;
using MayorsClub.Web.Site;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.Members;

/// <summary>
/// How members sign in on the public site: their own cookie scheme (never the back office's), their own sign-in
/// manager and security-stamp check, and <see cref="ViewerAsync"/>, which turns the request into the read model's
/// <see cref="Viewer"/>. A request with the member cookie is personal: the page cache neither serves nor keeps it
/// (see <see cref="Site.IdentityCookies"/>).
/// </summary>
public static class MemberSecurity
{
    public const string Scheme = "MayorsClub.Member";
    public const string CookieName = "mc_member";

    /// <summary>
    /// The short-lived cookie that carries a passkey ceremony's challenge between its two requests. Identity's
    /// SignInManager keeps it in the TwoFactorUserId scheme, which is the back office's (its cookie lives under /umbraco):
    /// members use this scheme instead (see <see cref="MemberPasskeys"/>).
    /// </summary>
    public const string PasskeyScheme = "MayorsClub.MemberPasskey";
    public const string PasskeyCookieName = "mc_member_passkey";

    /// <summary>Signed in as an approved member (any group).</summary>
    public const string SignedIn = "Members.SignedIn";

    /// <summary>Sign-in attempts (password and passkey), set-password and change-password posts per client address.</summary>
    public const string SignInRateLimit = "Members.SignIn";

    /// <summary>"Forgot password" requests per client address.</summary>
    public const string ForgotPasswordRateLimit = "Members.ForgotPassword";

    private const string ViewerItem = "MayorsClub.Members.Viewer";

    public static IServiceCollection AddMayorsClubMemberSignIn(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddOptions<MemberSignInOptions>().BindConfiguration(MemberSignInOptions.Section);
        services.AddScoped<MemberLinks>();

        // Links in e-mails (reset, invitation, e-mail confirmation) use the members' own token provider.
        services.AddOptions<MemberLinkTokenProvider.LinkOptions>().BindConfiguration(MemberLinkTokenProvider.LinkOptions.Section);
        services.AddTransient<MemberLinkTokenProvider>();
        services.Configure<IdentityOptions>(MemberIdentity.OptionsName, identity =>
        {
            identity.Tokens.ProviderMap[MemberLinkTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(MemberLinkTokenProvider));
            identity.Tokens.PasswordResetTokenProvider = MemberLinkTokenProvider.ProviderName;
            identity.Tokens.EmailConfirmationTokenProvider = MemberLinkTokenProvider.ProviderName;
            identity.Tokens.ChangeEmailTokenProvider = MemberLinkTokenProvider.ProviderName;
        });
        services.AddScoped<MemberEmails>();
        services.AddScoped<MemberPasskeys>();
        services.AddSingleton<MemberAccountLimiter>();
        services.AddScoped<SignInManager<Member>, MemberSignInManager>();
        services.AddScoped<MemberSecurityStampValidator>();
        services.TryAddScoped<IPasskeyHandler<Member>, PasskeyHandler<Member>>();
        services.AddOptions<SecurityStampValidatorOptions>(MemberIdentity.OptionsName)
            // Short, so that a changed password, a lock or a change of groups reaches the member's other sessions soon.
            .Configure<IOptions<MemberSignInOptions>>((stamp, options) =>
                stamp.ValidationInterval = TimeSpan.FromSeconds(Math.Max(0, options.Value.SecurityStampValidationSeconds)));

        // Only members use passkeys; the back office has none, so the app-wide options are theirs.
        services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<MemberSignInOptions>, PublicAddress>((passkeys, options, address) =>
        {
            var configured = address.Configured is { } origin && Uri.TryCreate(origin, UriKind.Absolute, out var uri) ? uri : null;
            passkeys.ServerDomain = options.Value.PasskeyDomain is { Length: > 0 } domain ? domain : configured?.IdnHost;
            passkeys.ValidateOrigin = context => ValueTask.FromResult(IsOwnOrigin(context.Origin, context.CrossOrigin, context.HttpContext, passkeys.ServerDomain, configured));
        });

        services.AddAuthentication()
            .AddCookie(Scheme, cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.Path = "/";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/uk/members/sign-in";
                cookie.Events.OnValidatePrincipal = context =>
                    context.HttpContext.RequestServices.GetRequiredService<MemberSecurityStampValidator>().ValidateAsync(context);
                cookie.Events.OnRedirectToLogin = context => AnswerApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => AnswerApiOrRedirect(context, StatusCodes.Status403Forbidden);
            })
            .AddCookie(PasskeyScheme, cookie =>
            {
                cookie.Cookie.Name = PasskeyCookieName;
                cookie.Cookie.Path = "/";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                cookie.SlidingExpiration = false;
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());

        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy<string, MemberSignInRateLimitPolicy>(SignInRateLimit);
            limiter.AddPolicy<string, MemberForgotPasswordRateLimitPolicy>(ForgotPasswordRateLimit);
        });

        // The members' views live beside their controllers: /Members/Views/{controller}/{action}.cshtml.
        services.Configure<RazorViewEngineOptions>(razor =>
        {
            razor.ViewLocationFormats.Insert(0, "/Members/Views/Shared/{0}.cshtml");
            razor.ViewLocationFormats.Insert(0, "/Members/Views/{1}/{0}.cshtml");
        });
        return services;
    }

    /// <summary>
    /// After authentication: on the public site (not under /umbraco), a request with a valid member cookie runs as that
    /// member (HttpContext.User), so that what reads the user without naming a scheme (antiforgery tokens, the forms in
    /// the site header) sees the same identity on the page and on the POST that follows.
    /// </summary>
    public static void UseMayorsClubMembers(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Cookies.ContainsKey(CookieName) && !context.Request.Path.StartsWithSegments("/umbraco", StringComparison.OrdinalIgnoreCase))
            {
                var result = await context.AuthenticateAsync(Scheme);
                if (result.Succeeded)
                {
                    context.User = result.Principal;
                }
            }

            await next(context);
        });

    /// <summary>
    /// Who is reading: the signed-in member with their groups, or <see cref="Viewer.Anonymous"/>. Authenticates the
    /// member scheme once per request (no scheme is the default, so nothing else does).
    /// </summary>
    public static async Task<Viewer> ViewerAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(ViewerItem, out var known) && known is Viewer viewer)
        {
            return viewer;
        }

        var result = await http.AuthenticateAsync(Scheme);
        viewer = result.Succeeded && Guid.TryParse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var key)
            ? Viewer.Member(key, result.Principal.FindAll(ClaimTypes.Role).Select(claim => claim.Value))
            : Viewer.Anonymous;
        http.Items[ViewerItem] = viewer;
        return viewer;
    }

    /// <summary>The signed-in member's name for the site header, or null when the request carries no valid member cookie.</summary>
    public static async Task<string?> SignedInNameAsync(HttpContext http)
    {
        if (!http.Request.Cookies.ContainsKey(CookieName))
        {
            return null;
        }

        var viewer = await ViewerAsync(http);
        if (!viewer.IsMember)
        {
            return null;
        }

        var result = await http.AuthenticateAsync(Scheme);
        return result.Principal?.FindFirstValue(MemberClaimsPrincipalFactory.NameClaim) ?? result.Principal?.Identity?.Name ?? "";
    }

    /// <summary>"/uk/members/sign-in?returnUrl=…" (the return URL only when it is a local path).</summary>
    public static string SignInUrl(string culture, string? returnUrl) =>
        IsLocalReturnUrl(returnUrl) ? $"{MemberLinks.SignInPath(culture)}?returnUrl={Uri.EscapeDataString(returnUrl!)}" : MemberLinks.SignInPath(culture);

    /// <summary>
    /// Whether a return URL stays on this site: a path that starts with a single "/" (not "//" nor "/\"), no scheme, no
    /// control characters; checked after percent-decoding too, so an encoded "//" or "\" is refused as well.
    /// </summary>
    public static bool IsLocalReturnUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2000)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(url);
        }
        catch (UriFormatException)
        {
            return false;
        }

        return IsLocalPath(url) && IsLocalPath(decoded);

        static bool IsLocalPath(string path) =>
            path.Length > 0 && path[0] == '/'
            && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
            && !path.Any(c => char.IsControl(c) || c == '\\');
    }

    private static bool IsOwnOrigin(string? origin, bool crossOrigin, HttpContext http, string? serverDomain, Uri? configured)
    {
        if (crossOrigin || string.IsNullOrEmpty(origin) || !Uri.TryCreate(origin, UriKind.Absolute, out var claimed))
        {
            return false;
        }

        if (configured is not null && claimed.Scheme == configured.Scheme && claimed.IdnHost == configured.IdnHost && claimed.Port == configured.Port)
        {
            return true;
        }

        // The page the ceremony ran on, when its host is the passkeys' domain (host filtering has already checked the Host).
        var request = http.Request;
        return string.Equals(claimed.IdnHost, serverDomain, StringComparison.OrdinalIgnoreCase)
            && string.Equals(claimed.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(claimed.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>People get the sign-in page of the page's language (and come back after); JSON clients get a status code.</summary>
    private static Task AnswerApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        var wantsHtml = request.Headers.Accept.Count == 0
            || request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true || accept?.Contains("*/*", StringComparison.Ordinal) == true);
        var isApi = request.Path.StartsWithSegments("/umbraco") || request.Path.StartsWithSegments("/api")
            || request.Headers.Accept.Any(accept => accept?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true);
        if (isApi || !wantsHtml || !HttpMethods.IsGet(request.Method))
        {
            context.Response.StatusCode = status;
            context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }

        var culture = CultureSelector.FromPathOrPreferred(request);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Redirect(SignInUrl(culture, request.PathBase + request.Path + request.QueryString));
        return Task.CompletedTask;
    }

    internal static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>A 429 from the address limits: the message in the page's language, Retry-After, a link back.</summary>
    internal static ValueTask WriteTooManyAsync(OnRejectedContext rejected, CancellationToken ct) =>
        TooManyRequests.WriteSitePageAsync(rejected,
            (culture, minutes) => MemberText.Format(MemberText.TooManyAttempts, culture, minutes),
            culture => (MemberLinks.SignInPath(culture), MemberText.Get(MemberText.BackToSignIn, culture)), ct);
}

/// <summary>Members' sign-in settings (section <c>MayorsClub:Members</c>).</summary>
public sealed class MemberSignInOptions
{
    public const string Section = "MayorsClub:Members";

    /// <summary>How often a member cookie's security stamp is checked against the database (0: every request).</summary>
    public int SecurityStampValidationSeconds { get; set; } = 60;

    /// <summary>Sign-in attempts per client address per minute.</summary>
    public int SignInPerAddressPerMinute { get; set; } = 30;

    /// <summary>Sign-in attempts per e-mail (as typed) per quarter hour, from any address.</summary>
    public int SignInPerAccountPerQuarterHour { get; set; } = 20;

    /// <summary>"Forgot password" requests per client address per quarter hour.</summary>
    public int ForgotPerAddressPerQuarterHour { get; set; } = 5;

    /// <summary>"Forgot password" requests per e-mail per hour, from any address.</summary>
    public int ForgotPerAccountPerHour { get; set; } = 3;

    /// <summary>The passkeys' relying-party domain; by default the host of the public address.</summary>
    public string? PasskeyDomain { get; set; }
}

internal sealed class MemberSignInRateLimitPolicy(IOptions<MemberSignInOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = MemberSecurity.WriteTooManyAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
        MemberSecurity.ClientKey(httpContext),
        _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.Value.SignInPerAddressPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}

internal sealed class MemberForgotPasswordRateLimitPolicy(IOptions<MemberSignInOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = MemberSecurity.WriteTooManyAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
        MemberSecurity.ClientKey(httpContext),
        _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.Value.ForgotPerAddressPerQuarterHour), Window = TimeSpan.FromMinutes(15), QueueLimit = 0 });
}

/// <summary>
/// The per-account half of the limits: attempts counted against the e-mail as typed (known or not, so the answer tells
/// nothing), whatever address they come from. The form's e-mail is only known inside the action, so this is a partitioned
/// limiter the actions ask, beside the per-address policies the rate-limiting middleware applies.
/// </summary>
public sealed class MemberAccountLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public MemberAccountLimiter(IOptions<MemberSignInOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => key.StartsWith("forgot:", StringComparison.Ordinal)
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.ForgotPerAccountPerHour), Window = TimeSpan.FromHours(1), QueueLimit = 0,
            })
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.SignInPerAccountPerQuarterHour), Window = TimeSpan.FromMinutes(15), QueueLimit = 0,
            }));
    }

    /// <summary>Null when the attempt may go ahead; else how long to wait.</summary>
    public TimeSpan? SignIn(string email) => Acquire("sign-in:" + Normalize(email));

    public TimeSpan? ForgotPassword(string email) => Acquire("forgot:" + Normalize(email));

    public void Dispose() => _limiter.Dispose();

    private TimeSpan? Acquire(string key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TooManyRequests.DefaultRetryAfter;
    }

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();
}

/// <summary>Identity's sign-in manager for members: signs in with the member scheme, under the members' options.</summary>
public sealed class MemberSignInManager : SignInManager<Member>
{
    public MemberSignInManager(
        UserManager<Member> users,
        IHttpContextAccessor http,
        IUserClaimsPrincipalFactory<Member> claims,
        IOptionsMonitor<IdentityOptions> options,
        ILogger<SignInManager<Member>> logger,
        IAuthenticationSchemeProvider schemes,
        IUserConfirmation<Member> confirmation)
        : base(users, http, claims, Microsoft.Extensions.Options.Options.Create(options.Get(MemberIdentity.OptionsName)), logger, schemes, confirmation)
    {
        AuthenticationScheme = MemberSecurity.Scheme;
    }

    /// <summary>
    /// Signs out of the member scheme only. Identity's own also signs out of the external and two-factor schemes, which are
    /// the back office's: a member signing out must not touch a back-office sign-in in progress in the same browser.
    /// </summary>
    public override async Task SignOutAsync()
    {
        await Context.SignOutAsync(MemberSecurity.Scheme);
        await Context.SignOutAsync(MemberSecurity.PasskeyScheme);
    }

    /// <summary>A member cookie stays good only while the stamp matches and the member is still approved and not locked.</summary>
    public override async Task<Member?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var member = await base.ValidateSecurityStampAsync(principal);
        return member is not null && member.IsApproved && !await UserManager.IsLockedOutAsync(member) ? member : null;
    }
}

/// <summary>
/// Checks a member cookie's security stamp against the database now and then (so a password change or a lock ends the
/// member's other sessions). Its own type, because Identity's ISecurityStampValidator is one service for the whole app
/// and belongs to the back office.
/// </summary>
public sealed class MemberSecurityStampValidator(
    IOptionsMonitor<SecurityStampValidatorOptions> options, SignInManager<Member> signIn, ILoggerFactory logger)
    : SecurityStampValidator<Member>(Microsoft.Extensions.Options.Options.Create(options.Get(MemberIdentity.OptionsName)), signIn, logger);
