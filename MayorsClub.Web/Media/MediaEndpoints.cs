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
/// variant instead (<see cref="ImageResponses"/>).
/// </summary>
public static class MediaEndpoints
{
    public static void MapMayorsClubMedia(this WebApplication app) =>
        app.MapMethods(MediaUrls.PublicPrefix + "/{key:guid}/{**name}", [HttpMethods.Get, HttpMethods.Head], Serve)
            .ExcludeFromDescription();

    private static async Task<IResult> Serve(Guid key, HttpContext context, MediaFileReader reader, ImageCommandParser parser,
        ImageVariantCache variants, PublishedSnapshotService snapshots)
    {
        var file = reader.FindPublic(key);
        if (file is null)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (ImageResponses.AsksForVariant(context.Request, file))
        {
            return await ImageResponses.VariantAsync(context, file, parser, variants, snapshots);
        }

        headers.CacheControl = context.Request.Query["v"] == file.Token
            ? "public, max-age=31536000, immutable"
            : "public, max-age=0, must-revalidate";
        return Results.File(file.PhysicalPath, file.ContentType, fileDownloadName: null, new DateTimeOffset(file.UpdatedUtc),
            new EntityTagHeaderValue($"\"{file.Token}\""), enableRangeProcessing: true);
    }
}
