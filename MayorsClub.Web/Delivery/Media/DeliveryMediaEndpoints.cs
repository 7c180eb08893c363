using System.Text.Json;
using MayorsClub.Core.Delivery;
using MayorsClub.Core.Delivery.Media;
using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Delivery.Content;
using MayorsClub.Web.Delivery.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.Delivery.Media;

/// <summary>
/// Umbraco's Media Delivery API: <c>/media/item/{id}</c>, <c>/media/item/{*path}</c>, <c>/media/items?id=…</c> and
/// <c>/media?fetch=children:…</c>. It reads the snapshot only (<see cref="DeliveryMediaTree"/>): folders and public files;
/// a members-only file is never listed and never found (404).
/// </summary>
public static class DeliveryMediaEndpoints
{
    public const string Tag = "Media";

    public static RouteGroupBuilder MapDeliveryMediaEndpoints(this RouteGroupBuilder v2)
    {
        var media = v2.MapGroup("media").WithTags(Tag);
        media.MapGet("", Query).WithName("GetMediaQuery20").WithSummary("Gets a paginated list of media item(s) from query.");
        media.MapGet("item/{id:guid}", ById).WithName("GetMediaItemById20").WithSummary("Gets a media item by id.");
        media.MapGet("item/{*path}", ByPath).WithName("GetMediaItemByPath20").WithSummary("Gets a media item by its path.");
        media.MapGet("items", ByIds).WithName("GetMediaItems20").WithSummary("Gets media items by ids.");
        return v2;
    }

    private static async Task<IResult> ById(HttpContext http, Guid id)
    {
        var (request, refusal) = await DeliveryRequests.StartAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }

        var snapshot = request!.Snapshot;
        var tree = DeliveryMediaTree.Of(snapshot);
        return tree.Get(id) is { } item ? Json(http, request!, (json, culture) => WriteItem(json, tree, item, culture, request.Reads)) : NotFound(http);
    }

    private static async Task<IResult> ByPath(HttpContext http, string? path)
    {
        var (request, refusal) = await DeliveryRequests.StartAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }

        var snapshot = request!.Snapshot;
        var tree = DeliveryMediaTree.Of(snapshot);
        var decoded = Uri.UnescapeDataString(path ?? "");
        if (DeliveryMediaTree.IsRoot(decoded) || tree.ByPath(decoded) is not { } item)
        {
            return NotFound(http);
        }

        return Json(http, request!, (json, culture) => WriteItem(json, tree, item, culture, request.Reads));
    }

    private static async Task<IResult> ByIds(HttpContext http, [FromQuery] string[]? id)
    {
        var (request, refusal) = await DeliveryRequests.StartAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }

        var keys = new List<Guid>();
        foreach (var text in id ?? [])
        {
            if (!Guid.TryParse(text, out var key))
            {
                return DeliveryProblems.Problem(http.Request, StatusCodes.Status400BadRequest, DeliveryProblems.TitleOf(400), DeliveryPlatformText.BadId);
            }

            keys.Add(key);
        }

        var snapshot = request!.Snapshot;
        var tree = DeliveryMediaTree.Of(snapshot);
        foreach (var key in keys)
        {
            // One that is missing now may appear later: the answer holds its tag as well.
            request.Reads.Media(key);
        }

        var items = keys.Distinct().Select(tree.Get).OfType<MediaItem>().ToList();
        return Json(http, request!, (json, culture) =>
        {
            json.WriteStartArray();
            foreach (var item in items)
            {
                WriteItem(json, tree, item, culture, request.Reads);
            }

            json.WriteEndArray();
        });
    }

    private static async Task<IResult> Query(HttpContext http, string? fetch, [FromQuery] string[]? filter, [FromQuery] string[]? sort, string? skip, string? take)
    {
        var (request, refusal) = await DeliveryRequests.StartAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!Paging(skip, 0, out var from) || !Paging(take, 10, out var count))
        {
            return DeliveryProblems.Problem(http.Request, StatusCodes.Status400BadRequest, DeliveryProblems.TitleOf(400), DeliveryPlatformText.BadPaging);
        }

        var snapshot = request!.Snapshot;
        var tree = DeliveryMediaTree.Of(snapshot);
        var page = DeliveryMediaQuery.Run(tree, fetch, filter ?? [], sort ?? [], from, Math.Min(count, request.Options.MaxTake), request.Reads);
        return page.Status switch
        {
            DeliveryMediaQueryStatus.SelectorOptionNotFound => QueryProblem(http, "Selector option not found", DeliveryPlatformText.SelectorOptionNotFound, page.Status),
            DeliveryMediaQueryStatus.FilterOptionNotFound => QueryProblem(http, "Filter option not found", DeliveryPlatformText.FilterOptionNotFound, page.Status),
            DeliveryMediaQueryStatus.SortOptionNotFound => QueryProblem(http, "Sort option not found", DeliveryPlatformText.SortOptionNotFound, page.Status),
            _ => Json(http, request!, (json, culture) =>
            {
                json.WriteStartObject();
                json.WriteNumber("total", page.Total);
                json.WriteStartArray("items");
                foreach (var item in page.Items)
                {
                    WriteItem(json, tree, item, culture, request.Reads);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }),
        };
    }

    /// <summary>An item with its path; a rename or move of any folder above it changes the path, so their tags are noted too.</summary>
    private static void WriteItem(Utf8JsonWriter json, DeliveryMediaTree tree, MediaItem item, string culture, DeliveryReads reads)
    {
        foreach (var folder in tree.Ancestors(item) ?? [])
        {
            reads.Media(folder.Key);
        }

        DeliveryMediaJson.WriteItem(json, item, tree.PathOf(item), culture, reads);
    }

    private static bool Paging(string? text, int otherwise, out int value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = otherwise;
            return true;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    private static IResult NotFound(HttpContext http) =>
        DeliveryProblems.Problem(http.Request, StatusCodes.Status404NotFound, DeliveryProblems.TitleOf(404), DeliveryPlatformText.MediaNotFound);

    private static IResult QueryProblem(HttpContext http, string title, string text, DeliveryMediaQueryStatus status) =>
        DeliveryProblems.Problem(http.Request, StatusCodes.Status400BadRequest, title, text, status.ToString());

    /// <summary>JSON in the request's culture (alternative texts), marked with Content-Language.</summary>
    internal static IResult Json(HttpContext http, DeliveryRequest request, Action<Utf8JsonWriter, string> write)
    {
        http.Response.Headers.ContentLanguage = request.Culture;
        return DeliveryJsonResult.Write(json => write(json, request.Culture));
    }
}
