using MayorsClub.Web.Infrastructure;

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
        address.Origin(http.HttpContext?.Request) + $"{SetPasswordPath(culture)}?member={memberId}&code={EmailLinks.EncodeToken(token)}";
}
