using MayorsClub.Core.Members;

namespace MayorsClub.Web.BackOffice.Members;

/// <summary>
/// The back office's members section and the Management API's members endpoints: their services. Invitations carry a
/// password-reset token (the members' set-password page takes both), made by the members' own link-token provider.
/// </summary>
public static class MembersSetup
{
    public static IServiceCollection AddMayorsClubBackOfficeMembers(this IServiceCollection services)
    {
        services.AddScoped<IMemberMail, MemberEmails>();
        services.AddScoped<MemberAdministration>();
        services.AddScoped<MemberDirectory>();
        return services;
    }
}
