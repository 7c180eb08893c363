namespace MayorsClub.Core.Setup;

/// <summary>
/// Where the site's folders are. The site root is the folder holding MayorsClub.sln when run from the
/// repository (so `umbraco/` and `wwwroot/` sit at the top), else the application's content root.
/// </summary>
public sealed class SitePaths
{
    public SitePaths(string contentRoot, MayorsClubOptions options)
    {
        Root = FindRoot(contentRoot);
        Data = Path.GetFullPath(Path.Combine(Root, options.DataPath));
        DemoContent = Path.GetFullPath(Path.Combine(Root, options.DemoContentPath));
        Media = string.IsNullOrWhiteSpace(options.MediaPath) ? Path.Combine(Data, "media") : Path.GetFullPath(Path.Combine(Root, options.MediaPath));
    }

    /// <summary>The paths as configured, for code that needs them before the service provider exists.</summary>
    public static SitePaths FromConfiguration(Microsoft.Extensions.Configuration.IConfiguration configuration, string contentRoot) =>
        new(contentRoot, Microsoft.Extensions.Configuration.ConfigurationBinder.Get<MayorsClubOptions>(configuration.GetSection(MayorsClubOptions.Section)) ?? new MayorsClubOptions());

    public string Root { get; }
    public string Data { get; }
    public string DemoContent { get; }

    /// <summary>Uploaded media files (MayorsClub:MediaPath), shared by every node; the image cache stays per node under <see cref="Data"/>.</summary>
    public string Media { get; }

    public static string FindRoot(string contentRoot)
    {
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MayorsClub.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return contentRoot;
    }
}
