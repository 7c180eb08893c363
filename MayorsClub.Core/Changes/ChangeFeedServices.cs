using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Changes;

public static class ChangeFeedServices
{
    /// <summary>
    /// The change feed: commands append to it (<see cref="ChangeLog"/>, per request), one worker per process applies it
    /// after commit to every <see cref="IPublishedChangeSubscriber"/> ("MayorsClub:ChangeFeed").
    /// </summary>
    public static IServiceCollection AddMayorsClubChangeFeed(this IServiceCollection services)
    {
        services.AddOptions<ChangeFeedOptions>().BindConfiguration(ChangeFeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ChangeLog>();
        services.AddSingleton<ChangeFeedWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeFeedWorker>());
        return services;
    }
}
