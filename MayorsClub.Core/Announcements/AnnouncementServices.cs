using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Announcements;

public static class AnnouncementServices
{
    /// <summary>
    /// Announcements: subscriptions with double opt-in, the editors' announcements and the partners directory's drafts.
    /// The site registers <see cref="IAnnouncementMailFormat"/> (links and the e-mails' HTML).
    /// </summary>
    public static IServiceCollection AddMayorsClubAnnouncements(this IServiceCollection services)
    {
        services.AddSingleton<SubscriberTokens>();
        services.AddSingleton<SubscriptionReminders>();
        services.AddScoped<Subscriptions>();
        services.AddScoped<AnnouncementEditor>();
        services.AddScoped<PartnerDrafts>();
        return services;
    }
}
