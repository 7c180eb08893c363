using MayorsClub.Core.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MayorsClub.Web.BackOffice.Members;

/// <summary>The back office's members section and the Management API's members endpoints: their services.</summary>
public static class MembersSetup
{
    public static IServiceCollection AddMayorsClubBackOfficeMembers(this IServiceCollection services)
    {
        services.AddScoped<IMemberMail, MemberEmails>();
        services.AddScoped<MemberAdministration>();
        services.AddScoped<MemberDirectory>();

        // Invitations carry a password-reset token (the members' set-password page takes both). Until the members' own
        // sign-in registers its token provider, Identity's default one makes them; TryAdd leaves theirs in place.
        services.TryAddTransient<DataProtectorTokenProvider<Member>>();
        services.Configure<IdentityOptions>(MemberIdentity.OptionsName, identity =>
            identity.Tokens.ProviderMap.TryAdd(TokenOptions.DefaultProvider, new TokenProviderDescriptor(typeof(DataProtectorTokenProvider<Member>))));
        return services;
    }
}
