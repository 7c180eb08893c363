using MayorsClub.Core.Email;
using MayorsClub.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Users;

public static class BackOfficeIdentity
{
    /// <summary>
    /// Identity for back-office users, stored in the BackOffice* tables through Identity's EF stores closed over the
    /// back office's own entity types, and the audit of account changes. The cookie and sign-in scheme are the web app's
    /// (under /umbraco).
    /// </summary>
    public static IdentityBuilder AddMayorsClubBackOfficeIdentity(this IServiceCollection services)
    {
        services.AddScoped<Audit.UserAudit>();
        services.AddScoped<Audit.AuditLog>();
        services.AddScoped(sp => new UserChanges(sp.GetRequiredService<MayorsClubDbContext>(), sp.GetRequiredService<EmailSignal>()));
        services.AddScoped(sp => new BackOfficeUserDirectory(sp.GetRequiredService<MayorsClubDbContext>()));
        return services.AddIdentityCore<BackOfficeUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<BackOfficeRole>()
            .AddUserStore<UserStore<BackOfficeUser, BackOfficeRole, MayorsClubDbContext, string,
                BackOfficeUserClaim, BackOfficeUserRole, BackOfficeUserLogin, BackOfficeUserToken, BackOfficeRoleClaim>>()
            .AddRoleStore<RoleStore<BackOfficeRole, MayorsClubDbContext, string, BackOfficeUserRole, BackOfficeRoleClaim>>();
    }
}
