using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace MayorsClub.Web.Site;

public static class SiteServices
{
    public static IServiceCollection AddMayorsClubSite(this IServiceCollection services)
    {
        services.AddControllersWithViews();
        services.AddSingleton<Rendering.IPageRenderer, Rendering.PageRenderer>();

        // Write Cyrillic as it is, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    /// <summary>The public site: "/" picks a language, "/{culture}/..." renders published pages, anything else is a localized 404.</summary>
    public static void MapMayorsClubSite(this WebApplication app)
    {
        app.MapGet("/", (HttpContext context) => Results.Redirect($"/{CultureSelector.Preferred(context.Request)}/"))
            .ExcludeFromDescription();
        app.MapControllers();
        app.MapFallbackToController(nameof(PageController.NotFoundPage), "Page");
    }
}
