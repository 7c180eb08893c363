using MayorsClub.Core.Imaging;
using MayorsClub.Core.Media;
using MayorsClub.Web.Site;
using Microsoft.Net.Http.Headers;

namespace MayorsClub.Web.Imaging;

/// <summary>
/// The HTTP side of the image endpoint (Core's <see cref="ImageCommandParser"/> and <see cref="ImageVariantCache"/> do
/// the work): the query's commands and signature, the format from <c>Accept</c>, the variant with its ETag (304 on a
/// match), <c>Vary: Accept</c> and a year's immutable caching when the URL carries the file's current version;
/// refusals as short plain text in the visitor's language (400 malformed or unprocessable, 403 not allowed unsigned or
/// badly signed, 503 with Retry-After when every processing slot stayed busy).
/// </summary>
public static class ImageResponses
{
    /// <summary>Whether the request asks for a variant rather than the file itself.</summary>
    public static bool AsksForVariant(HttpRequest request, MediaFile file) =>
        file.ContentType.StartsWith("image/", StringComparison.Ordinal) && request.Query.Count > 0 && ImageCommandParser.HasCommands(request.Query.Keys);

    public static async Task<IResult> VariantAsync(HttpContext context, MediaFile file, ImageCommandParser parser, ImageVariantCache cache)
    {
        var request = context.Request;
        var query = request.Query.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.FirstOrDefault())).ToList();
        var check = parser.Check(file.Key, query);
        if (check.Commands is not { } commands)
        {
            return Refusal(context, check.Refusal!, check.Status);
        }

        var source = new ImageSource(file.Key, file.PhysicalPath, file.ContentType, file.Token, file.FocalPoint);
        var result = await cache.GetAsync(source, commands, Accepted(request), context.RequestAborted);
        if (result is not { Variant: { } variant, Content: { } content })
        {
            if (result.Status == StatusCodes.Status503ServiceUnavailable)
            {
                context.Response.Headers.RetryAfter = "5";
            }

            return Refusal(context, result.Refusal!, result.Status);
        }

        var headers = context.Response.Headers;
        headers.Vary = HeaderNames.Accept;
        headers.CacheControl = request.Query[ImageCommandParser.VersionKey] == file.Token
            ? "public, max-age=31536000, immutable"
            : "public, max-age=0, must-revalidate";
        return Results.File(content, ImageCommands.ContentType(variant.Format), fileDownloadName: null, lastModified: null,
            new EntityTagHeaderValue($"\"{variant.Tag}\""));
    }

    /// <summary>The modern formats the client accepts (a type listed with q=0 is refused, as HTTP says).</summary>
    private static AcceptedFormats Accepted(HttpRequest request)
    {
        var accepted = AcceptedFormats.None;
        foreach (var type in request.GetTypedHeaders().Accept)
        {
            if (type.Quality is 0)
            {
                continue;
            }

            if (type.MediaType.Equals("image/avif", StringComparison.OrdinalIgnoreCase))
            {
                accepted |= AcceptedFormats.Avif;
            }
            else if (type.MediaType.Equals("image/webp", StringComparison.OrdinalIgnoreCase))
            {
                accepted |= AcceptedFormats.WebP;
            }
        }

        return accepted;
    }

    private static IResult Refusal(HttpContext context, ImageRefusal refusal, int status)
    {
        var culture = CultureSelector.Preferred(context.Request);
        context.Response.Headers.ContentLanguage = culture;
        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(refusal.Message(culture), "text/plain; charset=utf-8", statusCode: status);
    }
}
