using MayorsClub.Core.Content;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.ManagementApi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ContentResult = MayorsClub.Core.Content.ContentResult;

namespace MayorsClub.Web.ManagementApi.Documents;

/// <summary>A document's history: its versions, what each held, and rolling back to one.</summary>
public static class DocumentVersionEndpoints
{
    public const string Tag = "Document version";

    public static void MapDocumentVersionEndpoints(this IEndpointRouteBuilder api)
    {
        var versions = api.MapGroup("document/{id:guid}/versions").WithTags(Tag).AddEndpointFilter<RequestShapeFilter>();
        versions.MapGet("", List).WithName("GetDocumentVersions")
            .WithSummary("The document's versions, newest first: who made each, when, and by doing what.");
        versions.MapGet("{number:int}", Get).WithName("GetDocumentVersion")
            .WithSummary("What the document held at one version.");
        versions.MapPost("{number:int}/rollback", Rollback).WithName("RollbackDocument")
            .WithSummary("Makes an earlier version the draft again, as a new version. With publish: true (editors and administrators) the site shows it at once.");
    }

    private static async Task<Results<Ok<PagedResponse<DocumentVersionItemResponse>>, NotFound<ProblemDetails>>> List(
        Guid id, DocumentHistory history, HttpContext http, CancellationToken ct, int skip = 0, int take = DocumentTreeEndpoints.DefaultTake)
    {
        if (await history.VersionsAsync(id, ct) is not { } all)
        {
            return ContentProblems.NotFound(http);
        }

        var page = all.Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 0, DocumentTreeEndpoints.MaxTake))
            .Select(v => new DocumentVersionItemResponse(v.Number, v.CreatedUtc, v.CreatedBy, v.Action)).ToList();
        return TypedResults.Ok(new PagedResponse<DocumentVersionItemResponse>(all.Count, page));
    }

    private static async Task<Results<Ok<DocumentVersionResponse>, NotFound<ProblemDetails>>> Get(
        Guid id, int number, DocumentHistory history, DocumentTree tree, DocumentResponses responses, HttpContext http, CancellationToken ct)
    {
        if (await tree.GetAsync(id, ct) is not { } document)
        {
            return ContentProblems.NotFound(http);
        }

        if (await history.VersionAsync(id, number, ct) is not { } values)
        {
            return ContentProblems.NotFound(http, [new ContentError(ContentMessages.VersionNotFound,
                Args: [number.ToString(System.Globalization.CultureInfo.InvariantCulture)])]);
        }

        return TypedResults.Ok(responses.Version(id, number, document.ContentType, values));
    }

    private static async Task<Results<Ok<DocumentResponse>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ForbiddenProblem>> Rollback(
        Guid id, int number, RollbackDocumentRequest request, DocumentHistory history, DocumentPublisher publisher, DocumentResponses responses, HttpContext http, CancellationToken ct)
    {
        if (request.Version is not { } version)
        {
            var reader = new DocumentRequestReader(ManagementApiText.CultureOf(http.Request));
            reader.Required("version");
            return ContentProblems.Invalid(http, reader.Errors);
        }

        if (request.Publish && !await ManagementApiSecurity.MayPublishAsync(http))
        {
            return ContentProblems.Forbidden(http);
        }

        var user = DocumentEndpoints.UserOf(http);
        var result = request.Publish
            ? await publisher.RollbackAndPublishAsync(new DocumentPublisher.RollbackAndPublishCommand(id, number, version, user), ct)
            : await history.RollbackAsync(new DocumentHistory.RollbackCommand(id, number, version, user), ct);
        return ContentProblems.Map(result, http, r => TypedResults.Ok(responses.From(r.Document!)));
    }
}
