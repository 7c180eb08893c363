using System.Text;
using MayorsClub.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace MayorsClub.Web.Members;

/// <summary>
/// Absolute links to the members' pages for e-mails (the invitation the back office sends and the reset link a member
/// asks for), from the configured public address, never from the request's Host (except in Development).
/// </summary>
public sealed class MemberLinks(PublicAddress address, IHttpContextAccessor http)
{
    public static string SignInPath(string culture) => $"/{culture}/members/sign-in";

    public static string SetPasswordPath(string culture) => $"/{culture}/members/set-password";

    /// <summary>The set-password link for an Identity password-reset token (used for invitations and for resets).</summary>
    public string SetPassword(string culture, Guid memberId, string token) =>
        address.Origin(http.HttpContext?.Request) + $"{SetPasswordPath(culture)}?member={memberId}&code={EncodeToken(token)}";

    /// <summary>Identity's tokens carry characters that do not survive in URLs and mail clients; links carry them base64url-encoded.</summary>
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token from a link, or null when it is missing or malformed.</summary>
    public static string? DecodeToken(string? encoded)
    {
        if (string.IsNullOrWhiteSpace(encoded) || encoded.Length > 4000)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
