using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MayorsClub.Core.Members;

/// <summary>The member's cookie carries their groups (role claims) and their name, so the site header needs no database read.</summary>
public sealed class MemberClaimsPrincipalFactory(UserManager<Member> users, RoleManager<MemberGroup> groups, IOptionsMonitor<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Member, MemberGroup>(users, groups, Microsoft.Extensions.Options.Options.Create(options.Get(MemberIdentity.OptionsName)))
{
    /// <summary>The member's name as they wrote it (<see cref="Member.Name"/>).</summary>
    public const string NameClaim = "mc_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Member user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NameClaim, string.IsNullOrWhiteSpace(user.Name) ? user.Email ?? "" : user.Name));
        return identity;
    }
}
