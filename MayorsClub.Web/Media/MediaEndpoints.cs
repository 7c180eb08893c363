using MayorsClub.Core.Media;
using Microsoft.Net.Http.Headers;

namespace MayorsClub.Web.Media;

/// <summary>
/// Public media files at /media/{key}/{name}, found in the published snapshot without a database query: only
/// files that are not members-only (anything else, and unknown
/// keys, is a 404, so a protected file has no public URL at all). The name segment is for people; the key finds
/// the file. Served with the type found from the bytes, nosniff, an ETag and Last-Modified; with the current
/// ?v= token the browser may keep the file for a year (a replacement changes the token), otherwise it revalidates.
/// </summary>
public static class MediaEndpoints
{
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
