using Microsoft.AspNetCore.StaticFiles;

namespace MayorsClub.Web.Infrastructure;

/// <summary>
/// Source maps (the .map files beside the back office's bundles) are for a developer's browser: outside Development
/// the static files leave them unserved (404), whatever a build left in wwwroot. Release builds do not make them.
/// </summary>
public static class SourceMaps
{
    public static void AddMayorsClubSourceMapRule(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            return;
        }

        builder.Services.Configure<StaticFileOptions>(files =>
        {
            var types = files.ContentTypeProvider as FileExtensionContentTypeProvider ?? new FileExtensionContentTypeProvider();
            types.Mappings.Remove(".map");
            files.ContentTypeProvider = types;
        });
    }
}
