using MayorsClub.Core.Applications;
using MayorsClub.Web.Applications;

// In the back office's namespace, which Program.cs already imports: registering it is one line there.
namespace MayorsClub.Web.BackOffice;

/// <summary>The review's web side: the decision e-mails (the Core services are in AddMayorsClubApplications).</summary>
public static class ApplicationsSetup
{
    public static IServiceCollection AddMayorsClubApplicationReview(this IServiceCollection services) =>
        services.AddScoped<IApplicationDecisionMail, ApplicationDecisionEmails>();
}
