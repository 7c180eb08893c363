using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MayorsClub.Web.BackOffice.Media;

/// <summary>
/// Reads an upload request part by part, in order: form fields, then each file as a stream. The browser script
/// sends its antiforgery token in a header, so its request body has not been read yet and each file streams
/// straight from the socket; the plain form's fallback carries the token as a field, so ASP.NET Core has already
/// read that form (within the upload limits) and the files come from there.
/// </summary>
public static class UploadReader
{
    private const int MaxFieldBytes = 4096;

    /// <returns>False when the request is not multipart form data.</returns>
    public static async Task<bool> ReadAsync(HttpRequest request, Action<string, string> onField, Func<string?, Stream, Task> onFile, CancellationToken ct)
    {
        if (!request.HasFormContentType || !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
        {
            return false;
        }

        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } form)
        {
            foreach (var (name, values) in form)
            {
                onField(name, values.ToString());
            }

            foreach (var file in form.Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
            {
                await using var content = file.OpenReadStream();
                await onFile(file.FileName, content);
            }

            return true;
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return false;
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            if (disposition.IsFileDisposition())
            {
                var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                if (!string.IsNullOrEmpty(fileName))
                {
                    await onFile(fileName, section.Body);
                }
            }
            else if (disposition.IsFormDisposition())
            {
                var buffer = new byte[MaxFieldBytes];
                var length = await section.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
                onField(HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "", System.Text.Encoding.UTF8.GetString(buffer, 0, length));
            }
        }

        return true;
    }
}
