using MayorsClub.Core.Content;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ContentResult = MayorsClub.Core.Content.ContentResult;

namespace MayorsClub.Web.ManagementApi.Documents;

/// <summary>The content tree and the recycle bin, a page at a time.</summary>
public static class DocumentTreeEndpoints
{
    public const string Tag = "Document tree";
    public const int DefaultTake = 100;
    public const int MaxTake = 1000;

    public static void MapDocumentTreeEndpoints(this IEndpointRouteBuilder api)
    {
        var tree = api.MapGroup("tree/document").WithTags(Tag);
        tree.MapGet("root", Roots).WithName("GetDocumentTreeRoot")
            .WithSummary("The documents at the root of the content tree, in their order.");
        tree.MapGet("children", Children).WithName("GetDocumentTreeChildren")
            .WithSummary("The children of a document, in their order (the recycle bin's are left out).");

        api.MapGet("recycle-bin/document/root", RecycleBin).WithTags(Tag).WithName("GetRecycleBinDocumentRoot")
            .WithSummary("The documents in the recycle bin (each with everything that was below it).");
    }

    private static async Task<Ok<PagedResponse<DocumentTreeItemResponse>>> Roots(
        DocumentTree tree, ContentTreeQuery treeQuery, DocumentResponses responses, CancellationToken ct, int skip = 0, int take = DefaultTake) =>
        TypedResults.Ok(await PageAsync(await tree.ChildrenAsync(null, ct), treeQuery, responses, skip, take, ct));

    private static async Task<Results<Ok<PagedResponse<DocumentTreeItemResponse>>, NotFound<ProblemDetails>>> Children(
        Guid parentId, DocumentTree tree, ContentTreeQuery treeQuery, DocumentResponses responses, HttpContext http, CancellationToken ct,
        int skip = 0, int take = DefaultTake)
    {
        if (await tree.GetAsync(parentId, ct) is null)
        {
            return ContentProblems.NotFound(http);
        }

        return TypedResults.Ok(await PageAsync(await tree.ChildrenAsync(parentId, ct), treeQuery, responses, skip, take, ct));
    }

    private static async Task<Ok<PagedResponse<DocumentTreeItemResponse>>> RecycleBin(
        DocumentTree tree, ContentTreeQuery treeQuery, DocumentResponses responses, CancellationToken ct, int skip = 0, int take = DefaultTake) =>
        TypedResults.Ok(await PageAsync(await tree.TrashedAsync(ct), treeQuery, responses, skip, take, ct));

    private static async Task<PagedResponse<DocumentTreeItemResponse>> PageAsync(
        IReadOnlyList<DocumentState> all, ContentTreeQuery treeQuery, DocumentResponses responses, int skip, int take, CancellationToken ct)
    {
        var page = all.Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 0, MaxTake)).ToList();
        var withChildren = await treeQuery.WithChildrenAsync(page.Select(d => d.Id).ToList(), ct);
        return new PagedResponse<DocumentTreeItemResponse>(all.Count, page.Select(d => responses.TreeItem(d, withChildren.Contains(d.Id))).ToList());
    }
}
