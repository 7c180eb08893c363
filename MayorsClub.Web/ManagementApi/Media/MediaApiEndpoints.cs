using MayorsClub.Core.Content;
using MayorsClub.Core.Media;
using MayorsClub.Web.ManagementApi.Documents;
using MayorsClub.Web.ManagementApi.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.ManagementApi.Media;

/// <summary>
/// Media: read, upload (the file's bytes as the request body, so scripts can send it with curl --data-binary),
/// update name, alt texts, focal point and access, replace the file keeping its key, delete. Over the same
/// media services as the back office's media section: formats are told from the bytes, sizes are limited per kind.
/// </summary>
public static class MediaApiEndpoints
{
    public const string Tag = "Media";

    public sealed record MediaResponse(
        Guid Id, Guid? ParentId, bool IsFolder, string Name, string? FileName, string? ContentType, string? Kind, long Size,
        int? Width, int? Height, FocalPointModel? FocalPoint, IReadOnlyDictionary<string, string> AltText, bool MembersOnly,
        string? Url, int Version, DateTime CreatedUtc, DateTime UpdatedUtc);

    public sealed record FocalPointModel(double X, double Y);

    /// <param name="Version">The version the change started from (from a GET); null skips the check. Fields left out (null) keep their value.</param>
    /// <param name="AltText">Alternative text per culture ("uk", "en"); an empty text removes that culture's.</param>
    public sealed record UpdateMediaRequest(string? Name, IReadOnlyDictionary<string, string?>? AltText, FocalPointModel? FocalPoint, bool? MembersOnly, int? Version);

    public sealed record MediaUsageResponse(Guid DocumentId, IReadOnlyDictionary<string, string> Names, bool InDraft, bool InPublished);

    public static void MapMediaEndpoints(this IEndpointRouteBuilder api)
    {
        var media = api.MapGroup("media").WithTags(Tag);
        media.MapGet("{id:guid}", Get).WithName("GetMedia")
            .WithSummary("A media item: its file's format, size, public URL (null for members-only files), alt texts and focal point.");
        media.MapGet("", List).WithName("ListMedia")
            .WithSummary("The items of a folder (parentId), or of the root.");
        media.MapPost("", Upload).WithName("UploadMedia").AddEndpointFilter<UploadLimit>()
            .Accepts<Stream>("application/octet-stream")
            .WithSummary("Uploads a file: the request body is the file's bytes; fileName names it, folderId puts it in a folder. Accepted: JPEG, PNG, GIF, WebP, AVIF, PDF, DOCX, PPTX, MP4 (told from the bytes; SVG is refused).");
        media.MapPut("{id:guid}/file", Replace).WithName("ReplaceMediaFile").AddEndpointFilter<UploadLimit>()
            .Accepts<Stream>("application/octet-stream")
            .WithSummary("Replaces the file with one of the same kind, keeping the key, so every link keeps working. A file published pages show: editors and administrators (403 for writers).");
        media.MapPut("{id:guid}", Update).WithName("UpdateMedia")
            .WithSummary("Changes the name, the alt texts, the focal point or (for images) whether only members may see it. Changing who may see it, or anything of a file published pages show: editors and administrators (403 for writers).");
        media.MapDelete("{id:guid}", Delete).WithName("DeleteMedia").RequirePublish()
            .WithSummary("Deletes a media item. If documents use it, 409 lists them; send confirmInUse=true to delete anyway. Editors and administrators.");
        media.MapGet("{id:guid}/usages", Usages).WithName("GetMediaUsages")
            .WithSummary("The documents whose draft or published values use this media item.");
    }

    private static async Task<Results<Ok<MediaResponse>, NotFound<ProblemDetails>>> Get(Guid id, MediaLibrary library, HttpContext http, CancellationToken ct) =>
        await library.GetAsync(id, ct) is { } item ? TypedResults.Ok(ToResponse(item)) : NotFound(http, [new MediaError(MediaMessages.NotFound)]);

    private static async Task<Results<Ok<IReadOnlyList<MediaResponse>>, NotFound<ProblemDetails>>> List(Guid? parentId, MediaLibrary library, HttpContext http, CancellationToken ct) =>
        await library.ListAsync(parentId, ct) is { } items
            ? TypedResults.Ok<IReadOnlyList<MediaResponse>>(items.Select(ToResponse).ToList())
            : NotFound(http, [new MediaError(MediaMessages.NotFound)]);

    private static async Task<Results<Created<MediaResponse>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult>> Upload(
        string? fileName, Guid? folderId, bool? membersOnly, MediaUploader uploader, HttpContext http, CancellationToken ct)
    {
        var result = await uploader.UploadAsync(new MediaUploader.UploadCommand(http.Request.Body, fileName, folderId, membersOnly ?? false, DocumentEndpoints.UserOf(http)), ct);
        return result.Succeeded
            ? TypedResults.Created($"{ManagementApiEndpoints.BasePath}/media/{result.Item!.Key}", ToResponse(result.Item))
            : Refused<Created<MediaResponse>>(http, result);
    }

    private static async Task<Results<Ok<MediaResponse>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult>> Replace(
        Guid id, string? fileName, MediaUploader uploader, HttpContext http, CancellationToken ct)
    {
        var result = await uploader.ReplaceAsync(new MediaUploader.ReplaceCommand(id, http.Request.Body, fileName, DocumentEndpoints.UserOf(http), DocumentEndpoints.RightsOf(http)), ct);
        return result.Succeeded ? TypedResults.Ok(ToResponse(result.Item!)) : Refused<Ok<MediaResponse>>(http, result);
    }

    private static async Task<Results<Ok<MediaResponse>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult>> Update(
        Guid id, UpdateMediaRequest request, MediaEditor editor, MediaLibrary library, HttpContext http, CancellationToken ct)
    {
        // What the request leaves out stays as it is.
        if (await library.GetAsync(id, ct) is not { } current)
        {
            return NotFound(http, [new MediaError(MediaMessages.NotFound)]);
        }

        var altText = current.AltText.ToDictionary(a => a.Key, a => (string?)a.Value, StringComparer.Ordinal);
        foreach (var (culture, text) in request.AltText ?? new Dictionary<string, string?>())
        {
            altText[culture] = text;
        }

        var focalPoint = request.FocalPoint is { } focal ? new FocalPoint(focal.X, focal.Y) : current.FocalPoint;
        var result = await editor.UpdateAsync(new MediaEditor.UpdateCommand(
            id, request.Version, request.Name ?? current.Name, altText, focalPoint, request.MembersOnly, DocumentEndpoints.UserOf(http), DocumentEndpoints.RightsOf(http)), ct);
        return result.Succeeded ? TypedResults.Ok(ToResponse(result.Item!)) : Refused<Ok<MediaResponse>>(http, result);
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult>> Delete(
        Guid id, bool? confirmInUse, MediaRemover remover, HttpContext http, CancellationToken ct)
    {
        var result = await remover.DeleteAsync(new MediaRemover.DeleteCommand(id, confirmInUse ?? false, DocumentEndpoints.UserOf(http), DocumentEndpoints.RightsOf(http)), ct);
        return result.Succeeded ? TypedResults.NoContent() : Refused<NoContent>(http, result);
    }

    private static async Task<Results<Ok<IReadOnlyList<MediaUsageResponse>>, NotFound<ProblemDetails>>> Usages(
        Guid id, MediaLibrary library, HttpContext http, CancellationToken ct)
    {
        if (await library.GetAsync(id, ct) is null)
        {
            return NotFound(http, [new MediaError(MediaMessages.NotFound)]);
        }

        var usages = await library.UsagesAsync(id, ct);
        return TypedResults.Ok<IReadOnlyList<MediaUsageResponse>>(usages.Select(ToResponse).ToList());
    }

    /// <summary>Every refusal of the media services, mapped once: 400 naming the field, 403 saying why, 404, 409 (with the usages or the current version), 413.</summary>
    private static Results<TOk, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult> Refused<TOk>(HttpContext http, MediaResult result)
        where TOk : IResult
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        http.Response.Headers.ContentLanguage = culture;
        var detail = result.Errors.Count > 0 ? result.Errors[0].Message(culture) : null;
        switch (result.Status)
        {
            case MediaStatus.NotFound:
                return NotFound(http, result.Errors);
            case MediaStatus.Conflict:
                return ContentProblems.Conflict(http, detail ?? "", result.Errors[0].Args is [var version] && int.TryParse(version, out var v) ? v : null);
            case MediaStatus.InUse:
                var inUse = ContentProblems.Conflict(http, detail ?? "", null);
                inUse.Value!.Extensions["usages"] = (result.Usages ?? []).Select(ToResponse).ToList();
                return inUse;
            case MediaStatus.Forbidden:
                return TypedResults.Problem(ContentProblems.Problem(StatusCodes.Status403Forbidden, ManagementApiText.Get(ManagementApiText.ForbiddenTitle, culture), detail));
            case MediaStatus.TooLarge:
                return TypedResults.Problem(ContentProblems.Problem(StatusCodes.Status413PayloadTooLarge, ManagementApiText.Get(ManagementApiText.BadRequestTitle, culture), detail));
            default:
                return ContentProblems.Invalid(http, result.Errors.Select(e => new FieldError(e.Field ?? "file", e.Message(culture))));
        }
    }

    private static NotFound<ProblemDetails> NotFound(HttpContext http, IReadOnlyList<MediaError> errors)
    {
        var culture = ManagementApiText.CultureOf(http.Request);
        return TypedResults.NotFound(ContentProblems.Problem(StatusCodes.Status404NotFound, ManagementApiText.Get(ManagementApiText.NotFoundTitle, culture),
            errors.Count > 0 ? errors[0].Message(culture) : null));
    }

    private static MediaResponse ToResponse(MediaItem item) => new(
        item.Key, item.ParentKey, item.IsFolder, item.Name, item.FileName, item.ContentType, item.Kind?.ToString(), item.Size,
        item.Width, item.Height, item.FocalPoint is { } f ? new FocalPointModel(f.X, f.Y) : null, item.AltText, item.MembersOnly,
        item.PublicUrl, item.Version, item.CreatedUtc, item.UpdatedUtc);

    private static MediaUsageResponse ToResponse(MediaUsage usage) => new(usage.DocumentKey, usage.Names, usage.InDraft, usage.InPublished);

    /// <summary>Lets an upload's body be as large as the largest file a kind allows (Kestrel's default is about 28 MB).</summary>
    private sealed class UploadLimit(IOptions<MediaOptions> options) : IEndpointFilter
    {
        public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = options.Value.LargestFile;
            }

            return next(context);
        }
    }
}
