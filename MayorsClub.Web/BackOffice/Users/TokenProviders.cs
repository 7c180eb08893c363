using MayorsClub.Core.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.BackOffice.Users;

/// <summary>The token in an invitation link: works for 7 days, once (setting the password changes the security stamp it carries).</summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtection, IOptions<InvitationTokenProvider.LinkOptions> options, ILogger<DataProtectorTokenProvider<BackOfficeUser>> logger)
    : DataProtectorTokenProvider<BackOfficeUser>(dataProtection, options, logger)
{
    public const string ProviderName = "BackOfficeInvitation";
    public const string Purpose = "SetPassword";

    public sealed class LinkOptions : DataProtectionTokenProviderOptions
    {
        public LinkOptions()
        {
            Name = ProviderName;
            TokenLifespan = TimeSpan.FromDays(7);
        }
    }
}

/// <summary>The token in a password-reset link: works for 3 hours, once.</summary>
public sealed class PasswordResetTokenProvider(
    IDataProtectionProvider dataProtection, IOptions<PasswordResetTokenProvider.LinkOptions> options, ILogger<DataProtectorTokenProvider<BackOfficeUser>> logger)
    : DataProtectorTokenProvider<BackOfficeUser>(dataProtection, options, logger)
{
    public const string ProviderName = "BackOfficePasswordReset";
    public const string Purpose = "ResetPassword";

    public sealed class LinkOptions : DataProtectionTokenProviderOptions
    {
        public LinkOptions()
        {
            Name = ProviderName;
            TokenLifespan = TimeSpan.FromHours(3);
        }
    }
}
