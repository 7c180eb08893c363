using MayorsClub.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MayorsClub.Core.Members;

public static class MemberIdentity
{
    /// <summary>
    /// The name of the <see cref="IdentityOptions"/> instance members use. IdentityOptions is one options type for every
    /// identity in the app; members get their own named instance (lockout after failures, passwords) through
    /// <see cref="MemberUserManager"/>, so the back office's settings and theirs never mix.
    /// </summary>
    public const string OptionsName = "Members";

    /// <summary>
    /// Identity for members: Identity's EF stores closed over the member entity types (tables Member*, passkeys
    /// included), member groups as roles, and the rule that only approved members sign in. The cookie, the sign-in
    /// manager and the pages are the web app's.
    /// </summary>
    public static IdentityBuilder AddMayorsClubMembers(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>(OptionsName).Configure(identity =>
        {
            identity.User.RequireUniqueEmail = true;
            identity.Password.RequiredLength = 10;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireDigit = false;
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = 5;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            identity.SignIn.RequireConfirmedAccount = true;
        });

        return services.AddIdentityCore<Member>()
            .AddRoles<MemberGroup>()
            .AddUserManager<MemberUserManager>()
            .AddUserConfirmation<ApprovedMemberConfirmation>()
            .AddClaimsPrincipalFactory<MemberClaimsPrincipalFactory>()
            .AddUserStore<UserStore<Member, MemberGroup, MayorsClubDbContext, Guid,
                MemberClaim, MemberGroupMembership, MemberLogin, MemberToken, MemberGroupClaim, MemberPasskey>>()
            .AddRoleStore<RoleStore<MemberGroup, MayorsClubDbContext, Guid, MemberGroupMembership, MemberGroupClaim>>();
    }
}

/// <summary>The member identity's user manager: the same as Identity's, with the members' own options.</summary>
public sealed class MemberUserManager(
    IUserStore<Member> store,
    IOptionsMonitor<IdentityOptions> options,
    IPasswordHasher<Member> passwordHasher,
    IEnumerable<IUserValidator<Member>> userValidators,
    IEnumerable<IPasswordValidator<Member>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<Member>> logger)
    : UserManager<Member>(store, Microsoft.Extensions.Options.Options.Create(options.Get(MemberIdentity.OptionsName)), passwordHasher, userValidators,
        passwordValidators, keyNormalizer, errors, services, logger);

/// <summary>A member may sign in only once the club has approved the account.</summary>
public sealed class ApprovedMemberConfirmation : IUserConfirmation<Member>
{
    public Task<bool> IsConfirmedAsync(UserManager<Member> manager, Member user) => Task.FromResult(user.IsApproved);
}
