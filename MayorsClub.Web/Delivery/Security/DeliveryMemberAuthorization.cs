using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace MayorsClub.Web.Delivery.Security;

/// <summary>
/// The members' OpenID Connect authorization server for the Delivery API, as Umbraco's: the public client
/// <c>umbraco-member</c> signs members in with the authorization code flow and PKCE (S256) at
/// <c>/umbraco/delivery/api/v1/security/member/{authorize,token,signout,userinfo,revoke}</c>, through the OpenIddict server
/// the Management API already runs (one server, one discovery document at <c>/.well-known/openid-configuration</c>, which
/// names the members' endpoints). The authorize endpoint sends a visitor who is not signed in to the site's own sign-in
/// page (password or passkey) and back. Member tokens are told apart from the Management API's client tokens by their
/// client id and audience (<see cref="Audience"/>); each API refuses the other's.
/// </summary>
public static class DeliveryMemberAuthorization
{
    public const string ClientId = "umbraco-member";

    /// <summary>The audience of every member access token (the Management API's client tokens have none).</summary>
    public const string Audience = "mayorsclub-delivery";

    public const string AuthorizePath = DeliveryApi.MemberSecurityPath + "/authorize";
    public const string TokenPath = DeliveryApi.MemberSecurityPath + "/token";
    public const string SignOutPath = DeliveryApi.MemberSecurityPath + "/signout";
    public const string UserInfoPath = DeliveryApi.MemberSecurityPath + "/userinfo";
    public const string RevokePath = DeliveryApi.MemberSecurityPath + "/revoke";

    /// <summary>Authorize, token and revoke requests allowed per minute from one address (as the Management API's token endpoint).</summary>
    public const int RequestsPerMinute = ManagementApi.Security.TokenServer.TokenRequestsPerMinute;

    /// <summary>
    /// Whether members may sign in to the API: the API and its member authorization are enabled and at least one login
    /// redirect URL is configured (as Umbraco: otherwise the client is not registered and the endpoints do not exist).
    /// </summary>
    public static bool IsEnabled(DeliveryApiOptions options) =>
        options.Enabled && options.MemberAuthorization.Enabled && options.MemberAuthorization.LoginRedirectUrls.Count > 0;

    public static IServiceCollection AddDeliveryMemberAuthorization(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DeliveryApiOptions.Section).Get<DeliveryApiOptions>() ?? new DeliveryApiOptions();
        var enabled = IsEnabled(options);

        services.AddSingleton<IValidateOptions<DeliveryApiOptions>, MemberRedirectUrlsValidator>();
        services.AddOptions<DeliveryApiOptions>().ValidateOnStart();
        services.AddSingleton<MemberClientRegistrar>();
        services.AddHostedService(sp => sp.GetRequiredService<MemberClientRegistrar>());
        services.AddSingleton<MemberTokenAuthentication>();
        services.AddSingleton<IDeliveryCallerAuthentication>(sp => sp.GetRequiredService<MemberTokenAuthentication>());

        services.AddOpenIddict().AddServer(server =>
        {
            // Whatever the members' part does, the Management API's client tokens stay self-contained (no stored entry)
            // and each token endpoint serves its own clients only.
            server.AddEventHandler<GenerateTokenContext>(handler => handler
                .UseSingletonHandler<MemberTokenServer.ClientCredentialsTokensAreNotStored>()
                .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 500));
            server.AddEventHandler<ValidateTokenRequestContext>(handler => handler
                .UseSingletonHandler<MemberTokenServer.EachTokenEndpointServesItsOwnClients>()
                .SetOrder(int.MinValue + 50_000));

            if (!enabled)
            {
                return;
            }

            server.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                .SetEndSessionEndpointUris(SignOutPath.TrimStart('/'))
                .SetUserInfoEndpointUris(UserInfoPath.TrimStart('/'))
                .SetRevocationEndpointUris(RevokePath.TrimStart('/'));
            server.Configure(openIddict =>
            {
                // First, so that the discovery document names the members' token endpoint (the Management API's stays usable).
                openIddict.TokenEndpointUris.Insert(0, new Uri(TokenPath.TrimStart('/'), UriKind.Relative));
                openIddict.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain); // S256 only
            });
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow();
            server.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .EnableUserInfoEndpointPassthrough();

            server.AddEventHandler<ProcessRequestContext>(handler => handler
                .UseSingletonHandler<MemberTokenServer.WaitForTheMemberClient>()
                .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 2));
            server.AddEventHandler<ApplyAuthorizationResponseContext>(handler => handler
                .UseSingletonHandler<MemberTokenServer.ProblemDetailsForLocalErrors<ApplyAuthorizationResponseContext>>()
                .SetOrder(OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreHandlers.ProcessLocalErrorResponse<ApplyAuthorizationResponseContext>.Descriptor.Order - 1));
            server.AddEventHandler<ApplyEndSessionResponseContext>(handler => handler
                .UseSingletonHandler<MemberTokenServer.ProblemDetailsForLocalErrors<ApplyEndSessionResponseContext>>()
                .SetOrder(OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreHandlers.ProcessLocalErrorResponse<ApplyEndSessionResponseContext>.Descriptor.Order - 1));
            server.AddEventHandler<ApplyUserInfoResponseContext>(handler => handler
                .UseSingletonHandler<MemberTokenServer.ProblemDetailsForLocalErrors<ApplyUserInfoResponseContext>>()
                .SetOrder(OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreHandlers.ProcessChallengeErrorResponse<ApplyUserInfoResponseContext>.Descriptor.Order - 1));
            server.AddEventHandler<ApplyConfigurationResponseContext>(handler => handler
                .UseSingletonHandler<MemberTokenServer.DescribeWhatMembersUse>()
                .SetOrder(int.MinValue + 10_000));
            server.RegisterClaims(Claims.Name, Claims.Email, Claims.Role);
            server.AddEventHandler<HandleTokenRequestContext>(handler => handler
                .UseScopedHandler<MemberTokenServer.MemberMayStillSignIn>()
                .SetOrder(OpenIddictServerHandlers.Exchange.AttachPrincipal.Descriptor.Order + 1_000));
        });
        return services;
    }

    /// <summary>
    /// Before routing (and before authentication, where OpenIddict answers): any other path under the members' security
    /// endpoints (all of them when member authorization is off) is a 404 in JSON, never the site's page; then the limit per
    /// address on authorize, token and revoke.
    /// </summary>
    public static IApplicationBuilder UseDeliveryMemberAuthorization(this IApplicationBuilder app)
    {
        var enabled = IsEnabled(app.ApplicationServices.GetRequiredService<IOptions<DeliveryApiOptions>>().Value);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DeliveryApi.MemberSecurityPath, StringComparison.OrdinalIgnoreCase)
            && !(enabled && IsEndpoint(context.Request.Path)), unknown => unknown.Run(MemberAuthorizationEndpoints.NoSuchEndpointAsync));
        return app.UseWhen(context => IsLimited(context.Request.Path), limited => limited.UseRateLimiter(new RateLimiterOptions
        {
            RejectionStatusCode = StatusCodes.Status429TooManyRequests,
            GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                $"{context.Request.Path.Value?.ToLowerInvariant()}|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })),
            OnRejected = MemberAuthorizationEndpoints.TooManyRequestsAsync,
        }));
    }

    private static bool IsEndpoint(PathString path) =>
        IsLimited(path) || path.Equals(SignOutPath, StringComparison.OrdinalIgnoreCase) || path.Equals(UserInfoPath, StringComparison.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapDeliveryMemberAuthorization(this IEndpointRouteBuilder app)
    {
        if (IsEnabled(app.ServiceProvider.GetRequiredService<IOptions<DeliveryApiOptions>>().Value))
        {
            app.MapMemberAuthorizationEndpoints();
        }

        return app;
    }

    private static bool IsLimited(PathString path) =>
        path.Equals(AuthorizePath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(RevokePath, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Redirect URLs must be absolute (an app's own scheme is fine, as OAuth allows for native apps) and carry no fragment.</summary>
internal sealed class MemberRedirectUrlsValidator : IValidateOptions<DeliveryApiOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryApiOptions options)
    {
        var failures = new List<string>();
        Check(options.MemberAuthorization.LoginRedirectUrls, nameof(DeliveryMemberAuthorizationOptions.LoginRedirectUrls));
        Check(options.MemberAuthorization.LogoutRedirectUrls, nameof(DeliveryMemberAuthorizationOptions.LogoutRedirectUrls));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(List<string> urls, string setting)
        {
            for (var i = 0; i < urls.Count; i++)
            {
                if (!Uri.TryCreate(urls[i], UriKind.Absolute, out var uri) || uri.Fragment.Length > 0 || uri.IsFile)
                {
                    failures.Add($"{DeliveryApiOptions.Section}:MemberAuthorization:{setting}:{i} must be an absolute URL without a fragment (\"{urls[i]}\").");
                }
            }
        }
    }
}
