using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Email;

public static class EmailServices
{
    /// <summary>E-mail: the outbox that commands write to in their own transaction, and the dispatcher that sends it ("MayorsClub:Email").</summary>
    public static IServiceCollection AddMayorsClubEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EmailSignal>();
        services.AddScoped<EmailOutbox>();
        services.AddSingleton<EmailDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailDispatcher>());
        return services;
    }
}
