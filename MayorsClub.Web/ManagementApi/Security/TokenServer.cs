using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using MayorsClub.Core.Setup;
using MayorsClub.Core.Users;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace MayorsClub.Web.ManagementApi.Security;

/// <summary>
/// The token endpoint, as in Umbraco: POST /umbraco/management/api/v1/security/back-office/token with the OAuth 2.0
/// client-credentials grant. OpenIddict answers it; the token's principal carries the client's user group as a role.
/// </summary>
public static class TokenServer
{
    public const string TokenPath = ManagementApiEndpoints.BasePath + "/security/back-office/token";

    /// <summary>Access tokens live an hour; a client asks for a new one when its token expires.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>Token requests allowed per minute from one address (each failed one too).</summary>
    public const int TokenRequestsPerMinute = 20;

    public static void AddManagementApiTokenServer(this IServiceCollection services, ManagementApiOptions options)
    {
        services.AddSingleton<ApiClientRegistrar>();
        services.AddSingleton<DecoyClient>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiClientRegistrar>());
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, TokenKeys>();

        services.AddOpenIddict()
            .AddCore(core => core.UseMayorsClubDatabase())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenPath.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                server.SetAccessTokenLifetime(AccessTokenLifetime);

                // Token storage is on for the Delivery API's member flow (single-use codes, revocable refresh tokens); these
                // short-lived client tokens stay self-contained, with nothing stored (Delivery/Security/MemberTokenServer).

                server.AddEventHandler<ProcessRequestContext>(handler => handler
                    .UseSingletonHandler<WaitForClientRegistration>()
                    .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 1));
                server.AddEventHandler<ProcessAuthenticationContext>(handler => handler
                    .UseScopedHandler<DecoySecretCheckForUnknownClients>()
                    .SetOrder(OpenIddictServerHandlers.ValidateClientId.Descriptor.Order - 1));
                server.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseScopedHandler<IssueClientToken>());
                server.AddEventHandler<ApplyTokenResponseContext>(handler => handler
                    .UseSingletonHandler<SameAnswerForEveryInvalidClient>()
                    .SetOrder(int.MinValue + 100_000));

                var aspNetCore = server.UseAspNetCore();
                if (!options.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddEventHandler<OpenIddict.Validation.OpenIddictValidationEvents.ProcessAuthenticationContext>(handler => handler
                    .UseSingletonHandler<TokenOfACurrentClient>()
                    .SetOrder(OpenIddict.Validation.OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 500));
                validation.UseAspNetCore()
                    .DisableAccessTokenExtractionFromQueryString()
                    .DisableAccessTokenExtractionFromBodyForm();
            });
    }

    /// <summary>
    /// Limits token requests per address. It must run before authentication, because OpenIddict checks the client's
    /// secret while authenticating: so it is placed at the front of the pipeline.
    /// </summary>
    internal static void UseTokenRateLimit(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase), token => token.UseRateLimiter(new RateLimiterOptions
        {
            RejectionStatusCode = StatusCodes.Status429TooManyRequests,
            GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = TokenRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })),
            OnRejected = Infrastructure.TooManyRequests.OnRejected,
        }));

    /// <summary>A token request right after start-up waits until the configured clients are registered.</summary>
    internal sealed class WaitForClientRegistration(ApiClientRegistrar registrar) : IOpenIddictServerHandler<ProcessRequestContext>
    {
        public async ValueTask HandleAsync(ProcessRequestContext context)
        {
            if (context.EndpointType != OpenIddictServerEndpointType.Token)
            {
                return;
            }

            try
            {
                await registrar.WhenRegistered.WaitAsync(TimeSpan.FromSeconds(30), context.CancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                context.Reject(Errors.TemporarilyUnavailable, "The API clients are not registered yet; try again shortly.");
            }
        }
    }

    /// <summary>
    /// OpenIddict refuses an unknown client id at once but hashes the secret of a known one, so the answer's timing would
    /// tell which client ids exist. For an unknown id, the secret is checked against a registered client's hash (the
    /// same work), and the result thrown away: OpenIddict then refuses the request as usual. The decoy application is
    /// looked up once and kept, so that this path costs no more database work than the known client's.
    /// </summary>
    internal sealed class DecoySecretCheckForUnknownClients(ApiClientRegistrar registrar, DecoyClient decoy, IOpenIddictApplicationManager applications)
        : IOpenIddictServerHandler<ProcessAuthenticationContext>
    {
        public async ValueTask HandleAsync(ProcessAuthenticationContext context)
        {
            if (context.EndpointType != OpenIddictServerEndpointType.Token || string.IsNullOrEmpty(context.ClientId)
                || string.IsNullOrEmpty(context.ClientSecret) || registrar.IsRegistered(context.ClientId)
                || registrar.AnyRegisteredClientId is not { } decoyId)
            {
                return;
            }

            if (await decoy.GetAsync(decoyId, applications, context.CancellationToken) is { } application)
            {
                _ = await applications.ValidateClientSecretAsync(application, context.ClientSecret, context.CancellationToken);
            }
        }
    }

    /// <summary>The registered application whose secret hash unknown client ids are checked against (kept across requests).</summary>
    internal sealed class DecoyClient
    {
        private volatile Kept? _kept;

        public async ValueTask<object?> GetAsync(string clientId, IOpenIddictApplicationManager applications, CancellationToken ct)
        {
            if (_kept is { } kept && kept.ClientId == clientId)
            {
                return kept.Application;
            }

            var application = await applications.FindByClientIdAsync(clientId, ct);
            _kept = application is null ? null : new Kept(clientId, application);
            return application;
        }

        private sealed record Kept(string ClientId, object Application);
    }

    /// <summary>Issues the access token of a client that OpenIddict has authenticated: its id, and its user group as a role.</summary>
    internal sealed class IssueClientToken(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<HandleTokenRequestContext>
    {
        public async ValueTask HandleAsync(HandleTokenRequestContext context)
        {
            if (!context.Request.IsClientCredentialsGrantType() || context.Request.ClientId is not { } clientId)
            {
                return;
            }

            var application = await applications.FindByClientIdAsync(clientId, context.CancellationToken);
            var properties = application is null ? null : await applications.GetPropertiesAsync(application, context.CancellationToken);
            if (properties is null || !properties.TryGetValue(ApiClientRegistrar.GroupProperty, out var group)
                || group.ValueKind != JsonValueKind.String || !BackOfficeGroups.All.Contains(group.GetString()!, StringComparer.Ordinal))
            {
                context.Reject(Errors.UnauthorizedClient, "This client has no back-office user group.");
                return;
            }

            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, clientId)
                .SetClaim(Claims.Name, $"api:{clientId}")
                .SetClaims(Claims.Role, [group.GetString()!]);
            identity.SetDestinations(static _ => [Destinations.AccessToken]);
            context.SignIn(new ClaimsPrincipal(identity));
        }
    }

    /// <summary>
    /// An unknown client id and a wrong secret get the same answer (OpenIddict words them differently), so that the token
    /// endpoint does not tell which client ids exist.
    /// </summary>
    internal sealed class SameAnswerForEveryInvalidClient : IOpenIddictServerHandler<ApplyTokenResponseContext>
    {
        public const string Description = "The client credentials are invalid.";

        public ValueTask HandleAsync(ApplyTokenResponseContext context)
        {
            if (context.Response.Error == Errors.InvalidClient)
            {
                context.Response.ErrorDescription = Description;
                context.Response.ErrorUri = null;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// A token is good only while its client is still registered in the group the token names: a client removed from
    /// the configuration, or moved to another group, must ask for a new token (checked in memory, no database query).
    /// </summary>
    internal sealed class TokenOfACurrentClient(ApiClientRegistrar registrar)
        : OpenIddict.Validation.IOpenIddictValidationHandler<OpenIddict.Validation.OpenIddictValidationEvents.ProcessAuthenticationContext>
    {
        public async ValueTask HandleAsync(OpenIddict.Validation.OpenIddictValidationEvents.ProcessAuthenticationContext context)
        {
            // Only the Management API takes client tokens (the Delivery API checks its member tokens itself).
            if (context.AccessTokenPrincipal is not { } principal
                || !ManagementApiEndpoints.IsApiPath(context.Transaction.GetHttpRequest()?.Path ?? default))
            {
                return;
            }

            try
            {
                await registrar.WhenRegistered.WaitAsync(TimeSpan.FromSeconds(30), context.CancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                context.Reject(Errors.InvalidToken, "The API clients are not registered yet; try again shortly.");
                return;
            }

            var clientId = principal.GetClaim(Claims.Subject);
            var groups = principal.GetClaims(Claims.Role);
            // A client's own token names the client as its subject (a member's token names the member: never accepted here).
            if (clientId is null || groups.Length != 1 || principal.GetClaim(Claims.ClientId) != clientId
                || !registrar.IsRegisteredInGroup(clientId, groups[0]))
            {
                context.Reject(Errors.InvalidToken, "The client's registration has changed since this token was issued; request a new token.");
            }
        }
    }
}
