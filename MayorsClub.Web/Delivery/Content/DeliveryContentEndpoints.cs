using System.Globalization;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Delivery;
using MayorsClub.Core.Publishing;
using MayorsClub.Core.Search;
using MayorsClub.Web.Delivery.Security;
using Microsoft.Extensions.Primitives;

namespace MayorsClub.Web.Delivery.Content;

/// <summary>
/// <c>GET /content/item/{id}</c>, <c>/content/item/{*path}</c>, <c>/content/items?id=</c> and the <c>/content</c> query, as
/// Umbraco's Delivery API v2 answers them. Each starts the request (<see cref="DeliveryRequests"/>), reads its parameters
/// (a value that does not parse is a 400 ProblemDetails), and writes the JSON (<see cref="DeliveryContentJson"/>).
/// </summary>
public static class DeliveryContentEndpoints
{
    public const int MaxIds = 1000;

    public static async Task<IResult> ItemByIdAsync(HttpContext http, Guid id)
    {
        var (request, refusal) = await DeliveryRequests.StartAsync(http);
        if (request is null)
        {
            return refusal!;
        }

        var document = request.Snapshot.Get(id);
        return document is null || !document.IsVisibleIn(request.Culture)
            ? DeliveryProblems.NotFound(http, "Content not found", DeliveryContentText.NoSuchId, id, request.Culture)
            : Item(http, request, document);
    }

    public static async Task<IResult> ItemByPathAsync(HttpContext http, string? path)
    {
        if (string.IsNullOrEmpty(path) && http.Request.Query.ContainsKey("id"))
        {
            return await ItemsAsync(http); // v1's GET /content/item?id=…
        }

        var (request, refusal) = await DeliveryRequests.StartAsync(http);
        if (request is null)
        {
            return refusal!;
        }

        var snapshot = request.Snapshot;
        var root = request.StartItem ?? snapshot.Home;
        var document = root is null ? null : DeliveryRoutes.Find(snapshot, request.Culture, path ?? "", root);
        if (request.StartItem is not null)
        {
            request.Reads.Document(request.StartItem.Key);
        }

        return document is null
            ? DeliveryProblems.NotFound(http, "Content not found", DeliveryContentText.NoSuchRoute, request.Culture)
            : Item(http, request, document);
    }

    public static async Task<IResult> ItemsAsync(HttpContext http)
    {
        var (request, refusal) = await DeliveryRequests.StartAsync(http);
        if (request is null)
        {
            return refusal!;
        }

        var raw = http.Request.Query["id"];
        if (raw.Count > MaxIds)
        {
            return DeliveryProblems.BadRequest(http, "Too many ids", DeliveryContentText.TooManyIds, MaxIds);
        }

        var documents = new List<PublishedDocument>(raw.Count);
        var seen = new HashSet<Guid>();
        foreach (var value in raw)
        {
            if (!Guid.TryParse(value, out var id))
            {
                return DeliveryProblems.BadRequest(http, "Invalid id", DeliveryContentText.NotAGuid, value);
            }

            // One that is missing now may be published later: the answer holds its tag as well.
            request.Reads.Document(id);
            if (seen.Add(id) && request.Snapshot.Get(id) is { } document && document.IsVisibleIn(request.Culture))
            {
                documents.Add(document);
            }
        }

        // As Umbraco: one protected item the caller may not read refuses the whole answer.
        if (documents.FirstOrDefault(d => !request.View.MayReadWhole(d)) is not null)
        {
            return Denied(http, request);
        }

        if (!TryOutput(http, out var expand, out var fields, out var fallback, out var problem))
        {
            return problem!;
        }

        var context = Context(http, request, fallback);
        return DeliveryJsonResult.Write(json =>
        {
            json.WriteStartArray();
            foreach (var document in documents)
            {
                DeliveryContentJson.WriteItem(json, document, context, expand!, fields);
            }

            json.WriteEndArray();
        });
    }

    public static async Task<IResult> QueryAsync(HttpContext http)
    {
        var (request, refusal) = await DeliveryRequests.StartAsync(http);
        if (request is null)
        {
            return refusal!;
        }

        var parameters = http.Request.Query;
        if (!TryInt(parameters["skip"], 0, out var skip) || !TryInt(parameters["take"], 10, out var take))
        {
            return DeliveryProblems.BadRequest(http, "Invalid skip/take", DeliveryContentText.PagingUnreadable);
        }

        if (skip < 0 || take < 0)
        {
            return DeliveryProblems.BadRequest(http, "Invalid skip/take", DeliveryContentText.PagingNegative);
        }

        take = Math.Min(take, Math.Max(1, request.Options.MaxTake));
        if (parameters["fetch"].Count > 1 || parameters["q"].Count > 1)
        {
            return DeliveryProblems.BadRequest(http, "Selector option not found", DeliveryContentText.SelectorNotFound);
        }

        var (query, error, value) = DeliveryContentQuery.Parse(parameters["fetch"].ToString(), Values(parameters["filter"]), Values(parameters["sort"]), parameters["q"].ToString());
        if (query is null)
        {
            return DeliveryProblems.Query(http, error, value);
        }

        if (!TryOutput(http, out var expand, out var fields, out var fallback, out var problem))
        {
            return problem!;
        }

        var context = Context(http, request, fallback);
        var search = http.RequestServices.GetRequiredService<SiteSearch>();
        var rebuilding = false;
        var (outcome, page) = DeliveryContentQueries.Run(context, query, request.StartItem, skip, take, (culture, words) =>
        {
            var ranked = search.Ranked(culture, words);
            rebuilding = ranked is null;
            return ranked ?? [];
        });
        if (outcome == DeliveryQueryOutcome.SelectorItemNotFound)
        {
            return DeliveryProblems.NotFound(http, "Content not found", DeliveryContentText.NoSelectorItem, request.Culture);
        }

        if (query.Words is not null || rebuilding)
        {
            request.DoNotKeep();
        }

        return DeliveryJsonResult.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("total", page!.Total);
            json.WriteStartArray("items");
            foreach (var document in page.Items)
            {
                DeliveryContentJson.WriteItem(json, document, context, expand!, fields);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static IResult Item(HttpContext http, DeliveryRequest request, PublishedDocument document)
    {
        if (!request.View.MayReadWhole(document))
        {
            return Denied(http, request);
        }

        if (!TryOutput(http, out var expand, out var fields, out var fallback, out var problem))
        {
            return problem!;
        }

        var context = Context(http, request, fallback);
        return DeliveryJsonResult.Write(json => DeliveryContentJson.WriteItem(json, document, context, expand!, fields));
    }

    /// <summary>As Umbraco: 401 for an anonymous caller, 403 for a member without the group.</summary>
    private static IResult Denied(HttpContext http, DeliveryRequest request) =>
        request.Caller.Kind == DeliveryCallerKind.Member
            ? DeliveryProblems.Forbidden(http, DeliveryContentText.ForOtherGroups)
            : DeliveryProblems.Unauthorized(http, DeliveryContentText.ForMembers);

    private static DeliveryContentContext Context(HttpContext http, DeliveryRequest request, string? fallback) =>
        new(request.View, request.Culture, http.RequestServices.GetRequiredService<DocumentTypeRegistry>(), request.Reads,
            request.Options.RichTextOutputAsJson, fallback);

    /// <summary>Reads <c>expand</c>, <c>fields</c> and <c>fallback</c>; false with the 400 when one does not parse.</summary>
    private static bool TryOutput(HttpContext http, out DeliveryPropertySelection? expand, out DeliveryPropertySelection? fields,
        out string? fallback, out IResult? problem)
    {
        var parameters = http.Request.Query;
        expand = null;
        fields = null;
        fallback = null;
        problem = null;
        if (parameters["expand"].Count > 1 || DeliveryPropertySelection.Parse(parameters["expand"].ToString()) is not { } parsedExpand)
        {
            problem = DeliveryProblems.BadRequest(http, "Invalid expand", DeliveryContentText.ExpandUnreadable);
            return false;
        }

        var rawFields = parameters["fields"];
        var parsedFields = rawFields.Count == 0 || string.IsNullOrWhiteSpace(rawFields.ToString()) ? null : DeliveryPropertySelection.Parse(rawFields.ToString());
        if (rawFields.Count > 1 || (rawFields.Count == 1 && !string.IsNullOrWhiteSpace(rawFields.ToString()) && parsedFields is null))
        {
            problem = DeliveryProblems.BadRequest(http, "Invalid fields", DeliveryContentText.FieldsUnreadable);
            return false;
        }

        var rawFallback = parameters["fallback"];
        if (rawFallback.Count > 0)
        {
            var text = rawFallback.ToString().Trim();
            var culture = text.StartsWith("culture:", StringComparison.Ordinal) ? text["culture:".Length..].Trim().ToLowerInvariant() : null;
            if (rawFallback.Count > 1 || !Cultures.IsSupported(culture))
            {
                problem = DeliveryProblems.BadRequest(http, "Invalid fallback", DeliveryContentText.FallbackUnreadable);
                return false;
            }

            fallback = culture;
        }

        expand = parsedExpand;
        fields = parsedFields is { All: true } ? null : parsedFields;
        return true;
    }

    private static bool TryInt(StringValues values, int absent, out int value)
    {
        value = absent;
        return values.Count switch
        {
            0 => true,
            1 => string.IsNullOrWhiteSpace(values[0]) || int.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static List<string> Values(StringValues values)
    {
        var list = new List<string>(values.Count);
        foreach (var value in values)
        {
            if (value is not null)
            {
                list.Add(value);
            }
        }

        return list;
    }
}
