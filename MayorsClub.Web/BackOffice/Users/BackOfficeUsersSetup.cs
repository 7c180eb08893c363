using System.Threading.RateLimiting;
using MayorsClub.Core.Users;
using MayorsClub.Web.BackOffice.SignIn;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MayorsClub.Web.BackOffice.Users;

/// <summary>
/// The users section, password e-mails and two-factor sign-in: their services, token lifetimes, the
/// two-factor cookies (kept under /umbraco) and how soon a changed account reaches open sessions.
/// </summary>
public static class BackOfficeUsersSetup
{
    /// <summary>"Forgot password" requests: a few per address (IP) per quarter hour.</summary>
    public const string PasswordResetRateLimit = "BackOffice.PasswordReset";

    /// <summary>How often an open session checks that its account has not changed (disabled, password changed…).</summary>
    public static readonly TimeSpan SessionCheckInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddMayorsClubBackOfficeUsers(this IServiceCollection services)
    {
        // A disabled account, a new password or new groups reach every open session within a minute.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = SessionCheckInterval);

        // Between the password and the code, and "remember this browser": cookies that, like the sign-in cookie, stay under /umbraco.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.Name = "mc_backoffice_2fa";
            cookie.Cookie.Path = BackOfficeSecurity.BasePath;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, cookie =>
        {
            cookie.Cookie.Name = "mc_backoffice_2fa_remember";
            cookie.Cookie.Path = BackOfficeSecurity.BasePath;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
        });

        // Invitation and password-reset links: tokens of their own, with their own lifetimes.
        services.AddTransient<InvitationTokenProvider>();
        services.AddTransient<PasswordResetTokenProvider>();
        services.Configure<IdentityOptions>(identity =>
        {
            identity.Tokens.ProviderMap[InvitationTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
            identity.Tokens.ProviderMap[PasswordResetTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(PasswordResetTokenProvider));
        });

        services.AddRateLimiter(limiter => limiter.AddPolicy(PasswordResetRateLimit, new PasswordResetRateLimitPolicy()));

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BackOfficeLinkOptions>().BindConfiguration(BackOfficeLinkOptions.Section);
        services.AddScoped<BackOfficeLinks>();
        services.AddOptions<SignInThrottleOptions>();
        services.AddSingleton<ISignInThrottle, MemorySignInThrottle>();
        services.AddScoped<BackOfficeEmails>();
        services.AddScoped<BackOfficeUserAdministration>();
        services.AddScoped<BackOfficePasswords>();
        return services;
    }

    /// <summary>Disabled: locked out until the end of time (stored as a date every database keeps exactly).</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(this BackOfficeUser user) => user.LockoutEnd is { Year: >= 9999 };
}

/// <summary>"Forgot password" requests: 5 per address (IP) per quarter hour; beyond that, a page that says so in the user's language.</summary>
internal sealed class PasswordResetRateLimitPolicy : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = Infrastructure.TooManyRequests.OnRejected;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
        httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(15), QueueLimit = 0 });
}
