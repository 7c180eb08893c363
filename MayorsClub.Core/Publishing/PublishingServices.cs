using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Publishing;

public static class PublishingServices
{
    /// <summary>
    /// Publishing: the publish commands and their schedules, and the published snapshot that every public reader reads
    /// through the read model (kept current by the change feed, whose first subscriber it is).
    /// </summary>
    public static IServiceCollection AddMayorsClubPublishing(this IServiceCollection services)
    {
        services.AddScoped<DocumentPublisher>();
        services.AddScoped<PublicAccessRules>();
        services.AddSingleton<PublishedSnapshotService>();
        services.AddSingleton<Changes.IPublishedChangeSubscriber>(sp => sp.GetRequiredService<PublishedSnapshotService>());
        services.AddHostedService<ScheduledPublishingJob>();
        return services;
    }
}
