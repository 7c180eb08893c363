using System.Security.Cryptography;
using System.Text;
using MayorsClub.Core.Members;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Members;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MayorsClub.Web.Delivery.Security;

/// <summary>
/// Who calls the Delivery API, from <c>Authorization: Bearer …</c>: a member's access token issued to <c>umbraco-member</c>
/// for the Delivery API's audience, whose member may still sign in with the account as it was then, and whose token and
/// authorization were not revoked. Anything else sent as a bearer is invalid (a Management API client's token included).
/// <para>
/// It runs on every call that carries a token, so it keeps what it learnt: a token's signature and claims are checked once
/// (then kept by the token's hash until it expires, ten minutes at most), the account and revocation check is kept as long
/// as the member cookie's (<c>MayorsClub:Members:SecurityStampValidationSeconds</c>; 0: every call).
/// </para>
/// </summary>
public sealed class MemberTokenAuthentication : IDeliveryCallerAuthentication, IDisposable
{
    private const int MaxTokenLength = 16 * 1024;
    private static readonly TimeSpan KeepCheckedTokenAtMost = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = 50_000 });
    private readonly bool _enabled;
    private readonly IOptionsMonitor<MemberSignInOptions> _memberOptions;
    private readonly TimeProvider _time;

    public MemberTokenAuthentication(IOptions<DeliveryApiOptions> options, IOptionsMonitor<MemberSignInOptions> memberOptions, TimeProvider? time = null)
    {
        _enabled = DeliveryMemberAuthorization.IsEnabled(options.Value);
        _memberOptions = memberOptions;
        _time = time ?? TimeProvider.System;
    }

    public async Task<DeliveryCaller> AuthenticateAsync(HttpContext http) => (await AuthenticateMemberAsync(http)).Caller;

    /// <summary>The caller, and for a member their current name and e-mail (the userinfo endpoint's answer).</summary>
    internal async Task<(DeliveryCaller Caller, MemberState? State)> AuthenticateMemberAsync(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization;
        if (authorization.Count == 0)
        {
            return (DeliveryCaller.Anonymous, null);
        }

        if (!_enabled || authorization.Count != 1 || authorization[0] is not { } header
            || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length - 7 is <= 0 or > MaxTokenLength)
        {
            return (DeliveryCaller.Invalid, null);
        }

        var tokenKey = "token:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(header.AsSpan(7).Trim().ToString())));
        if (!_known.TryGetValue(tokenKey, out MemberToken? token))
        {
            token = await ValidateAsync(http);
            if (token is null)
            {
                return (DeliveryCaller.Invalid, null);
            }

            var keepUntil = _time.GetUtcNow() + KeepCheckedTokenAtMost;
            _known.Set(tokenKey, token, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = token.ExpiresAt < keepUntil ? token.ExpiresAt : keepUntil });
        }

        if (token!.ExpiresAt <= _time.GetUtcNow())
        {
            return (DeliveryCaller.Invalid, null);
        }

        var state = await StateAsync(http.RequestServices, token);
        return state is null ? (DeliveryCaller.Invalid, null) : (new DeliveryCaller(DeliveryCallerKind.Member, state.Viewer), state);
    }

    public void Dispose() => _known.Dispose();

    /// <summary>Signature, expiry, token type (OpenIddict's validation), then: issued to the member client, for this API, with the claims it must have.</summary>
    private static async Task<MemberToken?> ValidateAsync(HttpContext http)
    {
        const string scheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
        if (http.Features.Get<OpenIddictValidationAspNetCoreFeature>()?.Transaction is null
            && await http.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>().GetHandlerAsync(http, scheme) is IAuthenticationRequestHandler handler)
        {
            // Called before the authentication middleware ran for this request (early in the pipeline): let the handler
            // set up its transaction first, as the middleware would.
            await handler.HandleRequestAsync();
        }

        var result = await http.AuthenticateAsync(scheme);
        if (!result.Succeeded || result.Principal is not { } principal)
        {
            return null;
        }

        return principal.GetClaim(Claims.ClientId) == DeliveryMemberAuthorization.ClientId
            && principal.HasAudience(DeliveryMemberAuthorization.Audience)
            && Guid.TryParse(principal.GetClaim(Claims.Subject), out var key)
            && principal.GetTokenId() is { Length: > 0 } tokenId
            && principal.GetAuthorizationId() is { Length: > 0 } authorizationId
            && principal.GetClaim(MemberClaims.StampClaim) is { Length: > 0 } stamp
            && principal.GetExpirationDate() is { } expires
                ? new MemberToken(key, tokenId, authorizationId, stamp, expires)
                : null;
    }

    private async Task<MemberState?> StateAsync(IServiceProvider services, MemberToken token)
    {
        var seconds = _memberOptions.CurrentValue.SecurityStampValidationSeconds;
        var stateKey = "state:" + token.TokenId;
        if (seconds > 0 && _known.TryGetValue(stateKey, out MemberState? known))
        {
            return known!.Valid ? known : null;
        }

        var state = await LookUpAsync(services, token);
        if (seconds > 0)
        {
            _known.Set(stateKey, state, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds) });
        }

        return state.Valid ? state : null;
    }

    private static async Task<MemberState> LookUpAsync(IServiceProvider services, MemberToken token)
    {
        var account = await MemberClaims.FindActiveAsync(services.GetRequiredService<UserManager<Member>>(), token.MemberKey);
        if (account is null || MemberClaims.StampHash(account.Member.SecurityStamp) != token.StampHash)
        {
            return MemberState.Refused;
        }

        var tokens = services.GetRequiredService<IOpenIddictTokenManager>();
        var entry = await tokens.FindByIdAsync(token.TokenId);
        if (entry is null || !await tokens.HasStatusAsync(entry, Statuses.Valid))
        {
            return MemberState.Refused;
        }

        var authorizations = services.GetRequiredService<IOpenIddictAuthorizationManager>();
        var authorization = await authorizations.FindByIdAsync(token.AuthorizationId);
        if (authorization is null || !await authorizations.HasStatusAsync(authorization, Statuses.Valid))
        {
            return MemberState.Refused;
        }

        var member = account.Member;
        return new MemberState(true, Viewer.Member(member.Id, account.Groups), string.IsNullOrWhiteSpace(member.Name) ? member.Email ?? "" : member.Name,
            member.Email, account.Groups);
    }

    private sealed record MemberToken(Guid MemberKey, string TokenId, string AuthorizationId, string StampHash, DateTimeOffset ExpiresAt);
}

/// <summary>A member token's member as the account is now (or <see cref="Refused"/>).</summary>
internal sealed record MemberState(bool Valid, Viewer Viewer, string Name, string? Email, IReadOnlyList<string> Groups)
{
    public static MemberState Refused { get; } = new(false, Viewer.Anonymous, "", null, []);
}
