using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NodaTime;

using MayorsClub.Core.Members;

namespace MayorsClub.Web.Members;

/// <summary>
/// The token in a member's set-password link (a reset they asked for, or the back office's invitation): protected with the
/// site's data-protection keys, bound to the member, the purpose and the security stamp (so it works once: setting the
/// password changes the stamp), and valid for <see cref="LinkOptions.LifespanHours"/> by the site's clock. Its own provider,
/// not Identity's DataProtectorTokenProvider, whose options type the back office configures and whose clock is the machine's.
/// </summary>
public sealed class MemberLinkTokenProvider(IDataProtectionProvider dataProtection, IOptions<MemberLinkTokenProvider.LinkOptions> options, IClock clock)
    : IUserTwoFactorTokenProvider<Member>
{
    public const string ProviderName = "MemberLink";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("MayorsClub.Members.LinkToken");

    /// <summary>Configuration section <c>MayorsClub:Members:Links</c>.</summary>
    public sealed class LinkOptions
    {
        public const string Section = "MayorsClub:Members:Links";

        /// <summary>How long a set-password link works (the invitation's too).</summary>
        public double LifespanHours { get; set; } = 24;
    }

    public async Task<string> GenerateAsync(string purpose, UserManager<Member> manager, Member user)
    {
        var stamp = await manager.GetSecurityStampAsync(user) ?? "";
        var issued = clock.GetCurrentInstant().ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture);
        var payload = string.Join('\n', issued, user.Id.ToString("D"), purpose, stamp);
        return Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Member> manager, Member user)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(token))).Split('\n');
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        var age = clock.GetCurrentInstant() - Instant.FromUnixTimeTicks(ticks);
        return age >= Duration.Zero
            && age <= Duration.FromTimeSpan(TimeSpan.FromHours(options.Value.LifespanHours))
            && parts[1] == user.Id.ToString("D")
            && parts[2] == purpose
            && parts[3] == (await manager.GetSecurityStampAsync(user) ?? "");
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Member> manager, Member user) => Task.FromResult(false);
}
