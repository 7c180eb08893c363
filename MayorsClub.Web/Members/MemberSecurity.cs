using System.Security.Claims;
using MayorsClub.Core.Members;
using MayorsClub.Core.Publishing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
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

    /// <summary>Signed in as an approved member (any group).</summary>
    public const string SignedIn = "Members.SignedIn";

    private const string ViewerItem = "MayorsClub.Members.Viewer";

    public static IServiceCollection AddMayorsClubMemberSignIn(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<MemberLinks>();
        services.AddScoped<SignInManager<Member>, MemberSignInManager>();
        services.AddScoped<MemberSecurityStampValidator>();
        services.AddOptions<SecurityStampValidatorOptions>(MemberIdentity.OptionsName)
            // Short, so that a changed password, a lock or a change of groups reaches the member's other sessions soon.
            .Configure(stamp => stamp.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication().AddCookie(Scheme, cookie =>
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
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

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
}

/// <summary>
/// Checks a member cookie's security stamp against the database now and then (so a password change or a lock ends the
/// member's other sessions). Its own type, because Identity's ISecurityStampValidator is one service for the whole app
/// and belongs to the back office.
/// </summary>
public sealed class MemberSecurityStampValidator(
    IOptionsMonitor<SecurityStampValidatorOptions> options, SignInManager<Member> signIn, ILoggerFactory logger)
    : SecurityStampValidator<Member>(Microsoft.Extensions.Options.Options.Create(options.Get(MemberIdentity.OptionsName)), signIn, logger);
