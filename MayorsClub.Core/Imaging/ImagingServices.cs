using MayorsClub.Core.Changes;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Imaging;

public static class ImagingServices
{
    /// <summary>Image processing for the media endpoint ("MayorsClub:Imaging"): signed URLs, named crops, the disk cache.</summary>
    public static IServiceCollection AddMayorsClubImaging(this IServiceCollection services)
    {
        services.AddOptions<ImagingOptions>().BindConfiguration(ImagingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImageUrlSigner>();
        services.AddSingleton<ImageUrls>();
        services.AddSingleton<ImageCommandParser>();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<ImageVariantCache>();
        services.AddSingleton<IPublishedChangeSubscriber>(sp => sp.GetRequiredService<ImageVariantCache>());
        return services;
    }
}
