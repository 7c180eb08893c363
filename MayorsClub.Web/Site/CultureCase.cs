using MayorsClub.Core.Content;

namespace MayorsClub.Web.Site;

/// <summary>
/// Cultures in addresses are lower case ("/uk/", "/en/"). An address that names one in another case ("/UK/rss.xml",
/// "/En/news/") is sent, permanently, to the same address in lower case (a GET or HEAD; anything else is a 404), so no
/// route ever sees a culture it would have to correct.
/// </summary>
public static class CultureCase
{
    public static void UseMayorsClubCultureCase(this WebApplication app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if (WrongCase(path) is not { } culture)
            {
                return next(context);
            }

            var request = context.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            var rest = new PathString(path.Value![(1 + culture.Length)..]);
            var target = request.PathBase.Add(new PathString("/" + culture)).Add(rest);
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = target.ToUriComponent() + request.QueryString.ToUriComponent();
            return Task.CompletedTask;
        });

    /// <summary>The culture the path's first segment names in the wrong case, or null.</summary>
    internal static string? WrongCase(PathString path)
    {
        var value = path.Value.AsSpan();
        if (value.Length < 3 || value[0] != '/')
        {
            return null;
        }

        var first = value[1..];
        var end = first.IndexOf('/');
        first = end < 0 ? first : first[..end];
        foreach (var culture in Cultures.All)
        {
            if (first.Equals(culture, StringComparison.OrdinalIgnoreCase) && !first.SequenceEqual(culture))
            {
                return culture;
            }
        }

        return null;
    }
}
