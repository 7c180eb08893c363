using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Applications;

public static class ApplicationServices
{
    /// <summary>Applications: the forms' intake, the committee's review, the intake's settings and the retention job.</summary>
    public static IServiceCollection AddMayorsClubApplications(this IServiceCollection services)
    {
        services.AddScoped<ApplicationSettings>();
        services.AddSingleton<ApplicationSettingsCache>();
        services.AddScoped<ApplicationIntake>();
        services.AddSingleton<IntakeEventPlaces>();
        services.AddScoped<ApplicationReview>();
        services.AddScoped<ReviewOutbox>();
        services.AddSingleton<ApplicationRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<ApplicationRetention>());
        return services;
    }
}
