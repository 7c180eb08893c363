using MayorsClub.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Core.Setup;

public static class OpenIddictStorage
{
    /// <summary>OpenIddict's applications (Management API clients) and the rest, in the site's database (tables OpenIddict*).</summary>
    public static OpenIddictCoreBuilder UseMayorsClubDatabase(this OpenIddictCoreBuilder core)
    {
        core.UseEntityFrameworkCore().UseDbContext<MayorsClubDbContext>();
        return core;
    }
}
