using MayorsClub.Core.Setup;
using Microsoft.AspNetCore.DataProtection;

namespace MayorsClub.Web.Infrastructure;

public static class DataProtection
{
    /// <summary>Keys for cookies and antiforgery tokens live in the data folder, so sign-ins survive a restart.</summary>
    public static void AddMayorsClubDataProtection(this WebApplicationBuilder builder)
    {
        var paths = SitePaths.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddDataProtection()
            .SetApplicationName("MayorsClub")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(paths.Data, "keys")));
    }
}
