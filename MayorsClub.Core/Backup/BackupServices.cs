using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Backup;

public static class BackupServices
{
    public static IServiceCollection AddMayorsClubBackup(this IServiceCollection services) => services.AddSingleton<SiteBackup>();
}
