using MayorsClub.Core.Content;

namespace MayorsClub.Web.Site;

/// <summary>
/// Remembers the language of the last page a visitor read, so that "/" takes them back to it.
/// The cookie is added as the response starts, after the page cache has taken its copy, so cached
/// pages stay shareable between visitors.
/// </summary>
public static class CultureCookie
{
    public static void UseMayorsClubCultureCookie(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var first = CultureSelector.FromPath(context.Request.Path);
            if (first is not null && HttpMethods.IsGet(context.Request.Method)
                && context.Request.Cookies[CultureSelector.CookieName] != first)
            {
                context.Response.OnStarting(() =>
                {
                    if (context.Response.StatusCode == StatusCodes.Status200OK)
                    {
                        context.Response.Cookies.Append(CultureSelector.CookieName, first, new CookieOptions
                        {
                            Path = "/",
                            MaxAge = TimeSpan.FromDays(365),
                            HttpOnly = true,
                            SameSite = SameSiteMode.Lax,
                            Secure = context.Request.IsHttps,
                            IsEssential = true,
                        });
                    }

                    return Task.CompletedTask;
                });
            }

            await next(context);
        });
}
