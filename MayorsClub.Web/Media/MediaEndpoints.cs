using MayorsClub.Core.Imaging;
using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Imaging;
using Microsoft.Net.Http.Headers;

namespace MayorsClub.Web.Media;

/// <summary>
/// Public media files at /media/{key}/{name}, found in the published snapshot without a database query: only
/// files that are not members-only (anything else, and unknown
/// keys, is a 404, so a protected file has no public URL at all). The name segment is for people; the key finds
/// the file. Served with the type found from the bytes, nosniff, an ETag and Last-Modified; with the current
/// ?v= token the browser may keep the file for a year (a replacement changes the token), otherwise it revalidates.
/// With image commands in the query (width, height, rmode, crop=alias, format…) an image is served as a processed
/// variant instead, by <see cref="UseMayorsClubImageVariants"/> before routing (<see cref="ImageResponses"/>).
/// </summary>
public static class MediaEndpoints
{
    /// <summary>
    /// Image variants are answered here, before the culture, the page cache, routing and authentication (as static
    /// files are: they are public, the same for everyone, and the busiest requests of a page); everything else under
    /// /media, originals included, goes on to the endpoint below.
    /// </summary>
    public static void UseMayorsClubImageVariants(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.QueryString.HasValue && HttpMethods.IsGet(request.Method) && MediaUrls.PublicKey(request.Path.Value) is { } key)
            {
                var services = context.RequestServices;
                var snapshot = services.GetRequiredService<PublishedSnapshotService>().Current;
                if (MediaFileReader.FindPublic(snapshot, services.GetRequiredService<MediaStorage>(), key) is { } file
                    && ImageResponses.AsksForVariant(request, file))
                {
                    context.Response.Headers.XContentTypeOptions = "nosniff";
                    var answer = await ImageResponses.VariantAsync(context, file, services.GetRequiredService<ImageCommandParser>(),
                        services.GetRequiredService<ImageVariantCache>());
                    await answer.ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });

    public static void MapMayorsClubMedia(this WebApplication app) =>
        app.MapMethods(MediaUrls.PublicPrefix + "/{key:guid}/{**name}", [HttpMethods.Get, HttpMethods.Head], Serve)
            .ExcludeFromDescription();

    private static IResult Serve(Guid key, HttpContext context, MediaFileReader reader)
    {
        var file = reader.FindPublic(key);
        if (file is null)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = context.Request.Query["v"] == file.Token
            ? "public, max-age=31536000, immutable"
            : "public, max-age=0, must-revalidate";
        return Results.File(file.PhysicalPath, file.ContentType, fileDownloadName: null, new DateTimeOffset(file.UpdatedUtc),
            new EntityTagHeaderValue($"\"{file.Token}\""), enableRangeProcessing: true);
    }
}
