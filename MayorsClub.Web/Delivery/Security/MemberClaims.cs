using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using MayorsClub.Core.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MayorsClub.Web.Delivery.Security;

/// <summary>
/// What a member's tokens say about them: their key (<c>sub</c>), name, e-mail, member groups (<c>role</c>) and a hash of
/// their security stamp, which ties every token to the account as it was when the member signed in.
/// </summary>
internal static class MemberClaims
{
    /// <summary>A hash of the member's security stamp (never the stamp itself): a changed password or a lock changes it.</summary>
    public const string StampClaim = "mc_stamp";

    /// <summary>An approved member who is not locked out, with their groups; null for anyone else (or no one).</summary>
    public static async Task<MemberAccount?> FindActiveAsync(UserManager<Member> users, Guid key)
    {
        var member = await users.FindByIdAsync(key.ToString());
        if (member is null || !member.IsApproved || await users.IsLockedOutAsync(member))
        {
            return null;
        }

        return new MemberAccount(member, [.. await users.GetRolesAsync(member)]);
    }

    public static string StampHash(string? stamp) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes("mc-member-token:" + stamp))[..16]);

    /// <summary>A new identity for the member's tokens (the authorize endpoint's sign-in).</summary>
    public static ClaimsIdentity Identity(MemberAccount account)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Member.Id.ToString());
        Refresh(identity, account);
        return identity;
    }

    /// <summary>Writes the member's current name, e-mail, groups and stamp into an identity (a refresh brings them up to date).</summary>
    public static void Refresh(ClaimsIdentity identity, MemberAccount account)
    {
        var member = account.Member;
        identity.SetClaim(Claims.Name, string.IsNullOrWhiteSpace(member.Name) ? member.Email : member.Name)
            .SetClaim(Claims.Email, member.Email)
            .SetClaims(Claims.Role, [.. account.Groups])
            .SetClaim(StampClaim, StampHash(member.SecurityStamp));
        identity.SetDestinations(Destinations);
    }

    /// <summary>The stamp goes into the access token only; the rest into the identity token too (the client may read it).</summary>
    private static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        Claims.Subject or Claims.Name or Claims.Email or Claims.Role => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        StampClaim => [OpenIddictConstants.Destinations.AccessToken],
        _ => [],
    };
}

internal sealed record MemberAccount(Member Member, IReadOnlyList<string> Groups);
