using System.Collections.Immutable;
using MayorsClub.Core.Content;
using MayorsClub.Core.Members;
using MayorsClub.Web.ManagementApi.Security;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace MayorsClub.Web.Delivery.Security;

/// <summary>The members' additions to the OpenIddict server's handling of requests (see <see cref="DeliveryMemberAuthorization"/>).</summary>
internal static class MemberTokenServer
{
    /// <summary>
    /// Token storage is on for the members' flow (single-use codes, revocable refresh tokens), but the Management API's
    /// client-credentials tokens stay as they were: self-contained, with no database row to write or prune.
    /// </summary>
    internal sealed class ClientCredentialsTokensAreNotStored : IOpenIddictServerHandler<GenerateTokenContext>
    {
        public ValueTask HandleAsync(GenerateTokenContext context)
        {
            if (context.Request?.IsClientCredentialsGrantType() == true)
            {
                context.CreateTokenEntry = false;
                context.IsReferenceToken = false;
                context.PersistTokenPayload = false;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The members' token endpoint serves <c>umbraco-member</c> only, and the Management API's never serves it.</summary>
    internal sealed class EachTokenEndpointServesItsOwnClients : IOpenIddictServerHandler<ValidateTokenRequestContext>
    {
        public ValueTask HandleAsync(ValidateTokenRequestContext context)
        {
            var path = context.Transaction.GetHttpRequest()?.Path ?? default;
            var isMemberClient = string.Equals(context.Request.ClientId, DeliveryMemberAuthorization.ClientId, StringComparison.Ordinal);
            if (path.Equals(DeliveryMemberAuthorization.TokenPath, StringComparison.OrdinalIgnoreCase) && !isMemberClient)
            {
                context.Reject(Errors.UnauthorizedClient, $"This token endpoint serves the client '{DeliveryMemberAuthorization.ClientId}' only.");
            }
            else if (path.Equals(TokenServer.TokenPath, StringComparison.OrdinalIgnoreCase) && isMemberClient)
            {
                context.Reject(Errors.UnauthorizedClient, "This token endpoint serves the Management API's clients only.");
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// An authorize or signout request OpenIddict refuses without a trusted redirect URL to send the error to (an unknown
    /// client or redirect URL, no PKCE…) is answered here as the Delivery API answers errors: 400 ProblemDetails, with the
    /// OAuth error code in <c>error</c> (OpenIddict's own answer would be plain text).
    /// </summary>
    internal sealed class ProblemDetailsForLocalErrors<TContext> : IOpenIddictServerHandler<TContext> where TContext : BaseRequestContext
    {
        private const string Title = "title";
        private const string TokenTitle = "token";

        private static readonly BilingualTexts Texts = new(new Dictionary<string, (string Uk, string En)>
        {
            [Title] = ("Цей запит на вхід учасника неможливо виконати.", "This member sign-in request cannot be carried out."),
            [TokenTitle] = ("Потрібен чинний токен доступу учасника.", "A valid member access token is required."),
        });

        public async ValueTask HandleAsync(TContext context)
        {
            var error = context.Transaction.Response?.Error;
            if (string.IsNullOrEmpty(error) || context.Transaction.GetHttpRequest()?.HttpContext is not { } http)
            {
                return;
            }

            var status = http.Response.StatusCode is >= 400 and < 600 ? http.Response.StatusCode : StatusCodes.Status400BadRequest;
            var culture = DeliveryHeaders.Culture(http.Request);
            http.Response.Headers.ContentLanguage = culture;
            http.Response.Headers.CacheControl = "no-store";
            await Results.Problem(
                title: Texts.Get(status == StatusCodes.Status401Unauthorized ? TokenTitle : Title, culture),
                detail: context.Transaction.Response!.ErrorDescription,
                statusCode: status,
                extensions: new Dictionary<string, object?> { ["error"] = error }).ExecuteAsync(http);
            context.HandleRequest();
        }
    }

    /// <summary>
    /// The discovery document describes what a public client may use: not the Management API's client-credentials grant
    /// (its token endpoint is not the one named there), and of the prompt values only those the authorize endpoint honours.
    /// </summary>
    internal sealed class DescribeWhatMembersUse : IOpenIddictServerHandler<ApplyConfigurationResponseContext>
    {
        public ValueTask HandleAsync(ApplyConfigurationResponseContext context)
        {
            if (string.IsNullOrEmpty(context.Response.Error))
            {
                Keep(context.Response, Metadata.GrantTypesSupported, grant => grant != GrantTypes.ClientCredentials);
                Keep(context.Response, Metadata.PromptValuesSupported, prompt => prompt is PromptValues.Login or PromptValues.None);
            }

            return ValueTask.CompletedTask;
        }

        private static void Keep(OpenIddictResponse response, string name, Func<string, bool> keep)
        {
            if ((ImmutableArray<string?>?)response[name] is { } values)
            {
                response[name] = new OpenIddictParameter([.. values.Where(value => value is not null && keep(value))]);
            }
        }
    }

    /// <summary>A request to the members' endpoints right after start-up waits until their client is registered.</summary>
    internal sealed class WaitForTheMemberClient(MemberClientRegistrar registrar) : IOpenIddictServerHandler<ProcessRequestContext>
    {
        public async ValueTask HandleAsync(ProcessRequestContext context)
        {
            var path = context.Transaction.GetHttpRequest()?.Path ?? default;
            if (!path.StartsWithSegments(DeliveryApi.MemberSecurityPath, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            try
            {
                await registrar.WhenRegistered.WaitAsync(TimeSpan.FromSeconds(30), context.CancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                context.Reject(Errors.TemporarilyUnavailable, "The member client is not registered yet; try again shortly.");
            }
        }
    }

    /// <summary>
    /// A code or refresh token is exchanged only while the member may still sign in (approved, not locked out, not
    /// removed) and their account is as it was at sign-in (same security stamp); the new tokens carry their current name,
    /// e-mail and groups.
    /// </summary>
    internal sealed class MemberMayStillSignIn(UserManager<Member> users) : IOpenIddictServerHandler<HandleTokenRequestContext>
    {
        public async ValueTask HandleAsync(HandleTokenRequestContext context)
        {
            if (!string.Equals(context.Request.ClientId, DeliveryMemberAuthorization.ClientId, StringComparison.Ordinal)
                || (!context.Request.IsAuthorizationCodeGrantType() && !context.Request.IsRefreshTokenGrantType()))
            {
                return;
            }

            var identity = context.Principal?.Identity as System.Security.Claims.ClaimsIdentity;
            var account = identity is not null && Guid.TryParse(context.Principal!.GetClaim(Claims.Subject), out var key)
                ? await MemberClaims.FindActiveAsync(users, key)
                : null;
            if (account is null || context.Principal!.GetClaim(MemberClaims.StampClaim) != MemberClaims.StampHash(account.Member.SecurityStamp))
            {
                context.Reject(Errors.InvalidGrant, "The member's account has changed since they signed in (or they may not sign in now): sign in again.");
                return;
            }

            MemberClaims.Refresh(identity!, account);
        }
    }
}
