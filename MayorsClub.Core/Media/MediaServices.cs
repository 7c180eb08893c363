using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Media;

public static class MediaServices
{
    /// <summary>The media library: storage in the data folder, upload checks and limits ("MayorsClub:Media"), and its use cases.</summary>
    public static IServiceCollection AddMayorsClubMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MediaStorage>();
        services.AddSingleton<MediaIntake>();
        services.AddScoped<MediaStore>();
        services.AddScoped<MediaUsages>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaUploader>();
        services.AddScoped<MediaEditor>();
        services.AddScoped<MediaRemover>();
        services.AddScoped<MediaFileReader>();
        return services;
    }
}
