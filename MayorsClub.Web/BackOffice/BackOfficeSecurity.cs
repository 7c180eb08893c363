using System.Threading.RateLimiting;
using MayorsClub.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Razor;

namespace MayorsClub.Web.BackOffice;

/// <summary>
/// Who may do what in the back office. Back-office users sign in with ASP.NET Core Identity and a cookie
/// that only travels under /umbraco. Every back-office endpoint names one of these policies; a test
/// enumerates the routes so that an endpoint without one fails. No scheme is the site's default: each policy
/// names <see cref="Scheme"/>, so another identity (members) can have its own cookie and policies beside it.
/// </summary>
public static class BackOfficeSecurity
{
    public const string Area = "BackOffice";
    public const string BasePath = "/umbraco";
    public const string LoginPath = "/umbraco/login";
    public const string CookieName = "mc_backoffice";

    /// <summary>Signed in as a member of any back-office group (the committee included).</summary>
    public const string Access = "BackOffice.Access";

    /// <summary>Writers, editors and administrators: content and media. The committee is not among them.</summary>
    public const string EditContent = "BackOffice.EditContent";

    /// <summary>Administrators and the committee: applications, their applicants' data, their e-mails.</summary>
    public const string ReviewApplications = "BackOffice.ReviewApplications";

    /// <summary>Editors and administrators: publish, unpublish, schedule, delete, approve.</summary>
    public const string Publish = "BackOffice.Publish";

    /// <summary>Administrators: users, groups, settings.</summary>
    public const string ManageUsers = "BackOffice.ManageUsers";

    public const string SignInRateLimit = "BackOffice.SignIn";

    /// <summary>
    /// The scheme the back-office policies name: the back-office cookie, or on the Management API a bearer token
    /// when the request sends one (see <see cref="ManagementApi.Security.ManagementApiSecurity"/>).
    /// </summary>
    public const string Scheme = "MayorsClub.BackOffice";

    public static IServiceCollection AddMayorsClubBackOffice(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Back-office cookie, or a bearer token on the Management API", scheme =>
                scheme.ForwardDefaultSelector = context =>
                    ManagementApi.Security.ManagementApiSecurity.BearerSchemeFor(context.Request) ?? IdentityConstants.ApplicationScheme);
        services.AddAuthentication().AddIdentityCookies();
        services.AddIdentityCore<BackOfficeUser>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.Configure<IdentityOptions>(identity =>
        {
            // Lockout stays on only because disabling an account sets its lockout end to the year 9999. Failures no
            // longer lock anyone out (an attacker could keep the owner out that way): SignInThrottle slows guessing instead.
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = int.MaxValue;
            identity.SignIn.RequireConfirmedEmail = false;
        });
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.Path = BasePath;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = "/umbraco/logout";
            cookie.AccessDeniedPath = "/umbraco/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => AnswerApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => AnswerApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.ConfigureExternalCookie(cookie => cookie.Cookie.Path = BasePath);

        services.AddAuthorizationBuilder()
            .AddPolicy(Access, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(BackOfficeGroups.All))
            .AddPolicy(EditContent, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(BackOfficeGroups.ContentGroups))
            .AddPolicy(ReviewApplications, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()
                .RequireRole(BackOfficeGroups.ApplicationReviewers))
            .AddPolicy(Publish, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()
                .RequireRole(BackOfficeGroups.Administrators, BackOfficeGroups.Editors))
            .AddPolicy(ManageUsers, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(BackOfficeGroups.Administrators));

        // Sign-in attempts: 10 a minute from one address, on top of SignInThrottle's growing waits after failures.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = Infrastructure.TooManyRequests.OnRejected;
            limiter.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        // Back-office views live beside their controllers: /BackOffice/Views/{controller}/{action}.cshtml.
        services.Configure<RazorViewEngineOptions>(razor =>
        {
            razor.AreaViewLocationFormats.Insert(0, "/BackOffice/Views/Shared/{0}.cshtml");
            razor.AreaViewLocationFormats.Insert(0, "/BackOffice/Views/{1}/{0}.cshtml");
        });
        return services;
    }

    public static void UseMayorsClubBackOffice(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    /// <summary>JSON clients get a status code; people get the sign-in or access-denied page.</summary>
    private static Task AnswerApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (ManagementApi.ManagementApiEndpoints.IsApiPath(context.Request.Path) || context.Request.Headers.ContainsKey("HX-Request"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
