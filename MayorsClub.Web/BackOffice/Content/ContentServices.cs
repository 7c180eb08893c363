using MayorsClub.Core.Content;
using MayorsClub.Core.Publishing;

namespace MayorsClub.Web.BackOffice;

public static class ContentServices
{
    /// <summary>The back office's content section: the tree reader and the draft preview.</summary>
    public static IServiceCollection AddMayorsClubContentSection(this IServiceCollection services)
    {
        services.AddScoped<DraftPreview>();
        return services;
    }
}
