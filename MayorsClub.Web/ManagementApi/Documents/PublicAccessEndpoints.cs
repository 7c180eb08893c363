using System.ComponentModel;
using MayorsClub.Core.Content;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.ManagementApi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ContentResult = MayorsClub.Core.Content.ContentResult;

namespace MayorsClub.Web.ManagementApi.Documents;

/// <summary>
/// A document's public access rule, at Umbraco's path (<c>document/{id}/public-access</c>): which member groups may view
/// the page and everything below it. Reading it: any back-office user; setting or removing it: editors and administrators.
/// </summary>
public static class PublicAccessEndpoints
{
    public static void MapPublicAccessEndpoints(this IEndpointRouteBuilder api)
    {
        var access = api.MapGroup("document/{id:guid}/public-access").WithTags(DocumentEndpoints.Tag).AddEndpointFilter<RequestShapeFilter>();
        access.MapGet("", Get).WithName("GetDocumentPublicAccess")
            .WithSummary("The member groups that may view the document and everything below it (empty: no rule set on it), and the nearest rule above it that applies when it has none.");
        access.MapPut("", Put).WithName("PutDocumentPublicAccess").RequirePublish()
            .WithSummary("Sets the document's public access rule: only members of these groups (Mayors, CommunityTeams, Partners) see it and everything below it whole; everyone else sees their teaser. Editors and administrators.");
        access.MapDelete("", Delete).WithName("DeleteDocumentPublicAccess").RequirePublish()
            .WithSummary("Removes the rule set on the document (a rule above it, if any, applies again). Editors and administrators.");
    }

    private static async Task<Results<Ok<PublicAccessResponse>, NotFound<ProblemDetails>>> Get(
        Guid id, PublicAccessRules rules, HttpContext http, CancellationToken ct) =>
        await rules.GetAsync(id, ct) is { } state ? TypedResults.Ok(PublicAccessResponse.From(state)) : ContentProblems.NotFound(http);

    private static async Task<Results<Ok<PublicAccessResponse>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ForbiddenProblem>> Put(
        Guid id, PublicAccessRequest request, PublicAccessRules rules, HttpContext http, CancellationToken ct)
    {
        var result = await rules.SetAsync(id, request.MemberGroupNames ?? [], DocumentEndpoints.UserOf(http), DocumentEndpoints.RightsOf(http), ct);
        if (result.Status == ContentStatus.Invalid)
        {
            var culture = ManagementApiText.CultureOf(http.Request);
            return ContentProblems.Invalid(http, result.Errors.Select(e => new FieldError("memberGroupNames", e.Message(culture))));
        }

        return Map(result, http);
    }

    private static async Task<Results<Ok<PublicAccessResponse>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ForbiddenProblem>> Delete(
        Guid id, PublicAccessRules rules, HttpContext http, CancellationToken ct) =>
        Map(await rules.RemoveAsync(id, DocumentEndpoints.UserOf(http), DocumentEndpoints.RightsOf(http), ct), http);

    private static Results<Ok<PublicAccessResponse>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ForbiddenProblem> Map(
        PublicAccessResult result, HttpContext http) =>
        ContentProblems.Map(new ContentResult(result.Status, result.Errors), http, _ => TypedResults.Ok(PublicAccessResponse.From(result.State!)));
}

public sealed record PublicAccessRequest(
    [property: Description("The member groups whose members may view the document: any of Mayors, CommunityTeams, Partners (at least one).")]
    IReadOnlyList<string>? MemberGroupNames);

public sealed record PublicAccessResponse(
    [property: Description("The member groups of the rule set on this document; empty when none is set on it.")] IReadOnlyList<string> MemberGroupNames,
    [property: Description("The nearest rule set above the document, which applies to it while it has none of its own; null when there is none.")]
    InheritedPublicAccessResponse? Inherited)
{
    internal static PublicAccessResponse From(PublicAccessState state) =>
        new(state.Groups, state.Inherited is { } inherited
            ? new InheritedPublicAccessResponse(new DocumentReference(inherited.DocumentKey), inherited.Name, inherited.Groups)
            : null);
}

public sealed record InheritedPublicAccessResponse(
    [property: Description("The document the rule is set on.")] DocumentReference Document,
    [property: Description("That document's name.")] string Name,
    [property: Description("The member groups of that rule.")] IReadOnlyList<string> MemberGroupNames);
