using MayorsClub.Core.Content;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.ManagementApi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ContentResult = MayorsClub.Core.Content.ContentResult;
using Microsoft.EntityFrameworkCore;
using DocumentChange = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<MayorsClub.Web.ManagementApi.Documents.DocumentResponse>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>,
    Microsoft.AspNetCore.Http.HttpResults.Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>,
    MayorsClub.Web.ManagementApi.ForbiddenProblem>;
using DocumentCreation = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Created<MayorsClub.Web.ManagementApi.Documents.DocumentResponse>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>,
    Microsoft.AspNetCore.Http.HttpResults.Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>,
    MayorsClub.Web.ManagementApi.ForbiddenProblem>;

namespace MayorsClub.Web.ManagementApi.Documents;

/// <summary>Documents: read, create, save a language's draft, publish, unpublish, schedule, move, sort, trash and restore.</summary>
public static class DocumentEndpoints
{
    public const string Tag = "Document";

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder api)
    {
        var documents = api.MapGroup("document").WithTags(Tag).AddEndpointFilter<RequestShapeFilter>();

        documents.MapGet("{id:guid}", Get).WithName("GetDocument")
            .WithSummary("A document: its draft in each language, each language's state and the version to send back with a change.");
        documents.MapPost("", Create).WithName("CreateDocument")
            .WithSummary("Creates a document (a draft: nothing is published) under a parent, in one language or both.");
        documents.MapPut("{id:guid}", Update).WithName("UpdateDocument")
            .WithSummary("Saves the draft of one language or both, from the version the change started from.");
        documents.MapPut("{id:guid}/publish", Publish).WithName("PublishDocument").RequirePublish()
            .WithSummary("Publishes languages now, with the shared values. Editors and administrators.");
        documents.MapPut("{id:guid}/unpublish", Unpublish).WithName("UnpublishDocument").RequirePublish()
            .WithSummary("Takes languages off the site. Editors and administrators.");
        documents.MapPut("{id:guid}/schedule", Schedule).WithName("ScheduleDocument").RequirePublish()
            .WithSummary("Sets when each language is published and unpublished (UTC). Editors and administrators.");
        documents.MapPut("{id:guid}/move", Move).WithName("MoveDocument").RequirePublish()
            .WithSummary("Moves a document, with everything below it, under another parent. Editors and administrators.");
        documents.MapPut("sort", Sort).WithName("SortDocuments").RequirePublish()
            .WithSummary("Puts the children of a parent (or the roots) in a new order. Editors and administrators.");
        documents.MapPut("{id:guid}/move-to-recycle-bin", Trash).WithName("MoveDocumentToRecycleBin").RequirePublish()
            .WithSummary("Moves a document, with everything below it, to the recycle bin: gone from the site, kept in the database. Editors and administrators; a top-level document (the home page: the whole site goes offline) only administrators.");

        api.MapPut("recycle-bin/document/{id:guid}/restore", Restore).WithTags(Tag).WithName("RestoreDocument").RequirePublish()
            .WithSummary("Brings a document back from the recycle bin to where it was; its published languages show again. Editors and administrators.");
    }

    internal static string UserOf(HttpContext http) => http.User.Identity?.Name ?? "api";

    /// <summary>What the caller's group may do, for the core's rules.</summary>
    internal static EditorRights RightsOf(HttpContext http) => EditorRightsExtensions.ForGroups(http.User.IsInRole);

    internal static string LocationOf(Guid id) => $"{ManagementApiEndpoints.BasePath}/document/{id}";

    private static async Task<Results<Ok<DocumentResponse>, NotFound<ProblemDetails>>> Get(
        Guid id, DocumentTree tree, DocumentResponses responses, HttpContext http, CancellationToken ct) =>
        await tree.GetAsync(id, ct) is { } state
            ? TypedResults.Ok(responses.From(state))
            : ContentProblems.NotFound(http);

    private static async Task<DocumentCreation> Create(
        CreateDocumentRequest request, DocumentEditor editor, DocumentTree tree, DocumentResponses responses, HttpContext http, CancellationToken ct)
    {
        var reader = new DocumentRequestReader(ManagementApiText.CultureOf(http.Request));
        var type = request.DocumentType?.Alias;
        if (string.IsNullOrEmpty(type))
        {
            reader.Required("documentType.alias");
        }

        var values = reader.ForCreate(request.Variants, request.Values);
        if (reader.HasErrors)
        {
            return ContentProblems.Invalid(http, reader.Errors);
        }

        if (request.Id is { } wanted && await tree.GetAsync(wanted, ct) is not null)
        {
            return ContentProblems.Conflict(http, ManagementApiText.Get(ManagementApiText.DocumentExists, ManagementApiText.CultureOf(http.Request)), null);
        }

        ContentResult result;
        try
        {
            result = await editor.CreateAsync(new DocumentEditor.CreateCommand(request.Parent?.Id, type!, values, UserOf(http), request.Id), ct);
        }
        catch (DbUpdateException) when (request.Id is not null)
        {
            // Two requests created a document with the same id at once: the second one loses.
            return ContentProblems.Conflict(http, ManagementApiText.Get(ManagementApiText.DocumentExists, ManagementApiText.CultureOf(http.Request)), null);
        }

        return ContentProblems.Map(result, http, r => TypedResults.Created(LocationOf(r.Document!.Key), responses.From(r.Document)));
    }

    private static async Task<DocumentChange> Update(
        Guid id, UpdateDocumentRequest request, DocumentEditor editor, DocumentTree tree, DocumentResponses responses, HttpContext http, CancellationToken ct)
    {
        var reader = new DocumentRequestReader(ManagementApiText.CultureOf(http.Request));
        if (request.Version is not { } version)
        {
            reader.Required("version");
            return ContentProblems.Invalid(http, reader.Errors);
        }

        if (await tree.GetAsync(id, ct) is not { } current)
        {
            return ContentProblems.NotFound(http);
        }

        if (current.Version != version)
        {
            // The merge below starts from the draft as it is now: refuse before merging into someone else's changes.
            return ContentProblems.Conflict(http, ContentResult.Conflict(current.Version));
        }

        var (cultures, invariant) = reader.ForUpdate(current.Draft, request.Variants, request.Values);
        if (reader.HasErrors)
        {
            return ContentProblems.Invalid(http, reader.Errors);
        }

        var result = await editor.SaveAsync(new DocumentEditor.SaveCommand(id, version, cultures, invariant, UserOf(http)), ct);
        return ContentProblems.Map(result, http, r => TypedResults.Ok(responses.From(r.Document!)));
    }

    private static async Task<DocumentChange> Publish(
        Guid id, PublishDocumentRequest request, DocumentPublisher publisher, DocumentResponses responses, HttpContext http, CancellationToken ct)
    {
        if (request.Cultures is null or { Count: 0 })
        {
            return CulturesRequired(http);
        }

        var result = await publisher.PublishAsync(new DocumentPublisher.PublishCommand(id, request.Cultures, UserOf(http), request.Version), ct);
        return ContentProblems.Map(result, http, r => TypedResults.Ok(responses.From(r.Document!)));
    }

    private static async Task<DocumentChange> Unpublish(
        Guid id, UnpublishDocumentRequest request, DocumentPublisher publisher, AllOrNothing allOrNothing, DocumentResponses responses,
        HttpContext http, CancellationToken ct)
    {
        if (request.Cultures is null or { Count: 0 })
        {
            return CulturesRequired(http);
        }

        var user = UserOf(http);
        var steps = request.Cultures.Distinct(StringComparer.Ordinal).Select((culture, i) => (Func<Task<ContentResult>>)(() =>
            publisher.UnpublishAsync(new DocumentPublisher.UnpublishCommand(id, culture, user, i == 0 ? request.Version : null), ct)));
        var result = await allOrNothing.RunAsync(steps, ct);
        return ContentProblems.Map(result, http, r => TypedResults.Ok(responses.From(r.Document!)));
    }

    private static async Task<DocumentChange> Schedule(
        Guid id, ScheduleDocumentRequest request, DocumentPublisher publisher, AllOrNothing allOrNothing, DocumentResponses responses,
        HttpContext http, CancellationToken ct)
    {
        var reader = new DocumentRequestReader(ManagementApiText.CultureOf(http.Request));
        if (request.Schedules is null or { Count: 0 })
        {
            reader.Required("schedules");
        }

        // One entry per language: each sets both times of its language, so more than that is never needed.
        var culture = ManagementApiText.CultureOf(http.Request);
        var tooMany = new ContentError(ContentMessages.ScheduleOnePerCulture, Args: [Cultures.All.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)]).Message(culture);
        if (request.Schedules is { Count: > 0 } && request.Schedules.Count > Cultures.All.Count)
        {
            return ContentProblems.Invalid(http, [new FieldError("schedules", tooMany)]);
        }

        var scheduled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (schedule, index) in (request.Schedules ?? []).Select((s, i) => (s, i)))
        {
            if (string.IsNullOrEmpty(schedule?.Culture))
            {
                reader.Required($"schedules[{index}].culture");
                continue;
            }

            if (!scheduled.Add(schedule.Culture))
            {
                reader.Add($"schedules[{schedule.Culture}]", ManagementApiText.DuplicateVariant, schedule.Culture);
                continue;
            }

            if (schedule.PublishAt is { Kind: DateTimeKind.Unspecified })
            {
                reader.Add($"schedules[{schedule.Culture}].publishAt", ManagementApiText.TimeWithoutZone);
            }

            if (schedule.UnpublishAt is { Kind: DateTimeKind.Unspecified })
            {
                reader.Add($"schedules[{schedule.Culture}].unpublishAt", ManagementApiText.TimeWithoutZone);
            }
        }

        if (reader.HasErrors)
        {
            return ContentProblems.Invalid(http, reader.Errors);
        }

        var user = UserOf(http);
        var steps = request.Schedules!.Select(s => (Func<Task<ContentResult>>)(() => publisher.ScheduleAsync(
            new DocumentPublisher.ScheduleCommand(id, s.Culture!, s.PublishAt?.ToUniversalTime(), s.UnpublishAt?.ToUniversalTime(), user), ct)));
        var result = await allOrNothing.RunAsync(steps, ct);
        return ContentProblems.Map(result, http, r => TypedResults.Ok(responses.From(r.Document!)));
    }

    private static async Task<DocumentChange> Move(
        Guid id, MoveDocumentRequest request, DocumentTree tree, DocumentResponses responses, HttpContext http, CancellationToken ct)
    {
        var result = await tree.MoveAsync(id, request.Parent?.Id, UserOf(http), ct);
        return ContentProblems.Map(result, http, r => TypedResults.Ok(responses.From(r.Document!)));
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ForbiddenProblem>> Sort(
        SortDocumentsRequest request, DocumentTree tree, HttpContext http, CancellationToken ct)
    {
        if (request.Sorting is null)
        {
            var reader = new DocumentRequestReader(ManagementApiText.CultureOf(http.Request));
            reader.Required("sorting");
            return ContentProblems.Invalid(http, reader.Errors);
        }

        var ordered = request.Sorting.OrderBy(s => s.SortOrder).Select(s => s.Id).ToList();
        var result = await tree.SortAsync(request.Parent?.Id, ordered, UserOf(http), ct);
        return ContentProblems.Map(result, http, _ => TypedResults.NoContent());
    }

    private static async Task<DocumentChange> Trash(Guid id, DocumentTree tree, DocumentResponses responses, HttpContext http, CancellationToken ct)
    {
        var result = await tree.TrashAsync(id, UserOf(http), RightsOf(http), ct);
        return ContentProblems.Map(result, http, r => TypedResults.Ok(responses.From(r.Document!)));
    }

    private static async Task<DocumentChange> Restore(Guid id, DocumentTree tree, DocumentResponses responses, HttpContext http, CancellationToken ct)
    {
        var result = await tree.RestoreAsync(id, UserOf(http), ct);
        return ContentProblems.Map(result, http, r => TypedResults.Ok(responses.From(r.Document!)));
    }

    private static ValidationProblem CulturesRequired(HttpContext http) =>
        ContentProblems.Invalid(http, [new FieldError("cultures", ManagementApiText.Get(ManagementApiText.CulturesRequired, ManagementApiText.CultureOf(http.Request)))]);
}
