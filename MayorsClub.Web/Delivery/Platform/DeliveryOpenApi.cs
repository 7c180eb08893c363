using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MayorsClub.Web.Delivery.Platform;

/// <summary>
/// Makes the "delivery" document say what Umbraco's published Delivery API contract says, for what this site implements:
/// its paths and operation ids, its query and header parameters (Accept-Language, Api-Key, Preview, Start-Item), its
/// schemas (<c>IApiContentResponseModel</c>, <c>IApiMediaWithCropsResponseModel</c>, the paged lists, ProblemDetails);
/// plus this site's additions (q, the calendar's filters, fallback, the dictionary, ETag and 304). Every endpoint the
/// site maps is described from here, whichever part of the API maps it; one the site does not map is not listed.
/// </summary>
internal sealed class DeliveryOpenApi : IOpenApiDocumentTransformer
{
    private const string V2 = DeliveryApi.BasePath;

    private sealed record Parameter(string Name, ParameterLocation In, JsonSchemaType Type, string Description,
        string? Format = null, bool Array = false, bool Required = false, JsonNode? Default = null);

    private sealed record Operation(string Path, string Id, string Tag, string Summary, Parameter[] Parameters, string Schema, bool ArrayOf, int[] Errors);

    private static readonly Parameter Expand = new("expand", ParameterLocation.Query, JsonSchemaType.String,
        "Which properties to expand: \"properties[$all]\", \"properties[alias1,alias2]\", nested as \"properties[alias[properties[$all]]]\".");

    private static readonly Parameter Fields = new("fields", ParameterLocation.Query, JsonSchemaType.String,
        "Which properties to include in the response: \"properties[$all]\" (the default) or \"properties[alias1,alias2]\".");

    private static readonly Parameter Fallback = new("fallback", ParameterLocation.Query, JsonSchemaType.String,
        "This site's addition: \"culture:en\" (or \"culture:uk\") fills properties not translated into the requested culture from that culture and lists them in the item's \"fallback\".");

    private static readonly Parameter Skip = new("skip", ParameterLocation.Query, JsonSchemaType.Integer, "How many items to skip.", "int32", Default: 0);

    private static readonly Parameter Take = new("take", ParameterLocation.Query, JsonSchemaType.Integer,
        "How many items to take (at most MayorsClub:DeliveryApi:MaxTake; 0 gives only the total).", "int32", Default: 10);

    private static readonly Parameter ContentFetch = new("fetch", ParameterLocation.Query, JsonSchemaType.String,
        "The selector: \"children:{id or path}\", \"descendants:{id or path}\" or \"ancestors:{id or path}\".");

    private static readonly Parameter ContentFilter = new("filter", ParameterLocation.Query, JsonSchemaType.String,
        "Filters, all of which must match: \"contentType:newsArticle\" (\"contentType:!x\" excludes), \"name:word\", " +
        "\"createDate>2026-01-01\" and \"updateDate<:…\" (operators >, >:, <, <:); this site's calendar filters: " +
        "\"eventStart>2026-06-01\", \"eventStart<…\", \"eventType:conference\", \"city:…\", \"online:true\".", Array: true);

    private static readonly Parameter ContentSort = new("sort", ParameterLocation.Query, JsonSchemaType.String,
        "Sorts, applied in turn: \"createDate\", \"updateDate\", \"name\", \"sortOrder\" or \"level\", each \":asc\" or \":desc\".", Array: true);

    private static readonly Parameter Words = new("q", ParameterLocation.Query, JsonSchemaType.String,
        "This site's addition: full-text search in the requested culture (Ukrainian word forms are found), combinable with fetch, filter and sort.");

    private static readonly Parameter MediaFetch = new("fetch", ParameterLocation.Query, JsonSchemaType.String,
        "Required: \"children:{id or path}\" (\"children:/\" for the root of the library).");

    private static readonly Parameter MediaFilter = new("filter", ParameterLocation.Query, JsonSchemaType.String,
        "Filters, all of which must match: \"mediaType:Image\" (several separated by commas; \"mediaType:!Folder\" excludes) and \"name:word\".", Array: true);

    private static readonly Parameter MediaSort = new("sort", ParameterLocation.Query, JsonSchemaType.String,
        "Sorts, applied in turn: \"createDate\", \"updateDate\", \"name\" or \"sortOrder\", each \":asc\" or \":desc\".", Array: true);

    private static readonly Parameter Id = new("id", ParameterLocation.Path, JsonSchemaType.String, "The item's key.", "uuid", Required: true);

    private static readonly Parameter Ids = new("id", ParameterLocation.Query, JsonSchemaType.String, "The items' keys.", "uuid", Array: true);

    private static readonly Parameter ContentPath = new("path", ParameterLocation.Path, JsonSchemaType.String,
        "The item's route in the requested culture, e.g. \"/novyny/some-article/\".", Required: true);

    private static readonly Parameter MediaPath = new("path", ParameterLocation.Path, JsonSchemaType.String,
        "The item's path: the lower-cased names of its folders and itself, e.g. \"/photos/hall.jpg/\".", Required: true);

    private static readonly Parameter[] Headers =
    [
        new("Accept-Language", ParameterLocation.Header, JsonSchemaType.String, "Defines the language to return (uk or en; uk when none of them is asked for)."),
        new("Api-Key", ParameterLocation.Header, JsonSchemaType.String, "API key specified through configuration (MayorsClub:DeliveryApi:ApiKeys) to authorize access to the API."),
        new("Preview", ParameterLocation.Header, JsonSchemaType.Boolean, "Whether to request draft content (needs a valid Api-Key)."),
        new("Start-Item", ParameterLocation.Header, JsonSchemaType.String, "URL segment or GUID of a root content item."),
        new("If-None-Match", ParameterLocation.Header, JsonSchemaType.String, "This site's addition: the ETag of the copy the caller holds; 304 when it is still the current one."),
    ];

    private static readonly Operation[] Operations =
    [
        new($"{V2}/content", "GetContent20", "Content", "Gets a paginated list of content item(s) from query.",
            [ContentFetch, ContentFilter, ContentSort, Skip, Take, Expand, Fields, Words, Fallback], "PagedIApiContentResponseModel", false, [400, 404]),
        new($"{V2}/content/item/{{path}}", "GetContentItemByPath20", "Content", "Gets a content item by route.",
            [ContentPath, Expand, Fields, Fallback], "IApiContentResponseModel", false, [401, 403, 404]),
        new($"{V2}/content/item/{{id}}", "GetContentItemById20", "Content", "Gets a content item by id.",
            [Id, Expand, Fields, Fallback], "IApiContentResponseModel", false, [401, 403, 404]),
        new($"{V2}/content/items", "GetContentItems20", "Content", "Gets content item(s) by id.",
            [Ids, Expand, Fields, Fallback], "IApiContentResponseModel", true, [401, 403]),
        new($"{V2}/media", "GetMediaQuery20", "Media", "Gets a paginated list of media item(s) from query.",
            [MediaFetch, MediaFilter, MediaSort, Skip, Take], "PagedIApiMediaWithCropsResponseModel", false, [400]),
        new($"{V2}/media/item/{{path}}", "GetMediaItemByPath20", "Media", "Gets a media item by path.",
            [MediaPath], "IApiMediaWithCropsResponseModel", false, [404]),
        new($"{V2}/media/item/{{id}}", "GetMediaItemById20", "Media", "Gets a media item by id.",
            [Id], "IApiMediaWithCropsResponseModel", false, [404]),
        new($"{V2}/media/items", "GetMediaItems20", "Media", "Gets media item(s) by id.",
            [Ids], "IApiMediaWithCropsResponseModel", true, [400]),
        new($"{V2}/dictionary", "GetDictionary20", "Dictionary", "This site's addition: the site's interface strings in the requested culture.",
            [new("key", ParameterLocation.Query, JsonSchemaType.String, "Keeps the keys that start with this text, e.g. \"news.\".")], "DictionaryResponseModel", false, []),
    ];

    /// <summary>How a headless client asks for an image at its size: Umbraco leaves the URL to the client, and so do we.</summary>
    internal const string ImageUrlsHelp =
        "Images: a media item's url serves the original file; add ImageSharp.Web's query to it for a resized copy. Without a signature " +
        "(hmac), a client may ask for a named crop listed in the item's crops (url?crop=card), one of the fixed widths " +
        "160, 240, 320, 480, 640, 800, 1024, 1200, 1600 or 2000 (url?width=800), both (url?crop=hero&width=1024), and a format " +
        "(format=avif|webp|jpg|png; without it the server picks AVIF, WebP or JPEG from the Accept header). A crop follows the image's " +
        "focalPoint. Any other size, rmode, rxy, quality or bgcolor needs a URL the site signed, and is refused (403) unsigned.";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Mayors' Club Delivery API",
            Version = "2.0",
            Description = "Umbraco's Content Delivery API v2 (and Media Delivery API) for the bilingual (uk, en) content of the Mayors' Club site: " +
                "a client written against Umbraco's documentation reads it unchanged. Additions: full-text search (q), the calendar's filters, " +
                "fallback=culture:…, the dictionary of interface strings, and ETag / If-None-Match → 304 on every GET. Anonymous answers are " +
                "cached and dropped exactly when a change touches them; every answer varies on " + DeliveryHeaders.Vary + ". " +
                "Members-only content needs a member's bearer token (Authorization: Bearer …). " +
                ImageUrlsHelp,
        };
        AddSchemas(document);
        document.Paths ??= [];
        foreach (var (path, item) in document.Paths.ToList())
        {
            if (!path.StartsWith(V2 + "/", StringComparison.OrdinalIgnoreCase) || item is not OpenApiPathItem pathItem || pathItem.Operations is null)
            {
                continue;
            }

            foreach (var (method, operation) in pathItem.Operations)
            {
                if (method != HttpMethod.Get)
                {
                    continue;
                }

                if (Operations.FirstOrDefault(o => o.Path.Equals(path, StringComparison.OrdinalIgnoreCase)) is { } known)
                {
                    Describe(document, operation, known);
                }
                else
                {
                    AddParameters(operation, Headers);
                    AddRevalidation(document, operation);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void Describe(OpenApiDocument document, OpenApiOperation operation, Operation known)
    {
        operation.OperationId = known.Id;
        operation.Summary = known.Summary;
        operation.Tags = new HashSet<OpenApiTagReference> { new(known.Tag, document) };
        document.Tags ??= new HashSet<OpenApiTag>();
        if (document.Tags.All(t => t.Name != known.Tag))
        {
            document.Tags.Add(new OpenApiTag { Name = known.Tag });
        }

        // The endpoints bind some parameters as text (to answer bad input themselves): the contract's types replace them.
        operation.Parameters ??= [];
        foreach (var parameter in known.Parameters)
        {
            var existing = operation.Parameters.Where(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) && p.In == parameter.In).ToList();
            foreach (var old in existing)
            {
                operation.Parameters.Remove(old);
            }
        }

        // A catch-all route parameter is named "path" in the document, like Umbraco's.
        AddParameters(operation, known.Parameters);
        AddParameters(operation, Headers);
        operation.Responses ??= new OpenApiResponses();
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "Success",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = known.ArrayOf
                        ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(known.Schema, document) }
                        : new OpenApiSchemaReference(known.Schema, document),
                },
            },
        };
        foreach (var status in known.Errors)
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = ProblemResponse(document, status switch
            {
                400 => "Bad Request: an unknown fetch, filter or sort option, or bad paging.",
                401 => "Unauthorized: the item is protected and the caller is anonymous, or a key is required.",
                403 => "Forbidden: the member's groups may not read the item.",
                _ => "Not Found",
            });
        }

        AddRevalidation(document, operation);
    }

    private static void AddRevalidation(OpenApiDocument document, OpenApiOperation operation)
    {
        operation.Responses ??= new OpenApiResponses();
        operation.Responses["304"] = new OpenApiResponse { Description = "Not Modified: If-None-Match names the current ETag." };
        operation.Responses["429"] = ProblemResponse(document, "Too Many Requests from the caller's address: wait for Retry-After seconds.");
        if (operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["ETag"] = new OpenApiHeader { Description = "A strong ETag of the body.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            response.Headers["Vary"] = new OpenApiHeader { Description = DeliveryHeaders.Vary, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
    }

    private static OpenApiResponse ProblemResponse(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
        },
    };

    private static void AddParameters(OpenApiOperation operation, IEnumerable<Parameter> parameters)
    {
        operation.Parameters ??= [];
        foreach (var parameter in parameters)
        {
            if (operation.Parameters.Any(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) && p.In == parameter.In))
            {
                continue;
            }

            var schema = new OpenApiSchema { Type = parameter.Type, Format = parameter.Format, Default = parameter.Default?.DeepClone() };
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = parameter.In,
                Required = parameter.Required,
                Description = parameter.Description,
                Schema = parameter.Array ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema,
            });
        }
    }

    private static OpenApiSchema Text(string? format = null, bool nullable = false) =>
        new() { Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String, Format = format };

    private static OpenApiSchema Number(JsonSchemaType type, string format, bool nullable = false) =>
        new() { Type = nullable ? type | JsonSchemaType.Null : type, Format = format };

    private static OpenApiSchema Object(Dictionary<string, IOpenApiSchema> properties, params string[] required) =>
        new() { Type = JsonSchemaType.Object, Properties = properties, Required = new HashSet<string>(required) };

    private static void AddSchemas(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var schemas = document.Components.Schemas;
        IOpenApiSchema Ref(string name) => new OpenApiSchemaReference(name, document);
        IOpenApiSchema Any() => new OpenApiSchema();

        schemas["ProblemDetails"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text(nullable: true),
                ["title"] = Text(nullable: true),
                ["status"] = Number(JsonSchemaType.Integer, "int32", nullable: true),
                ["detail"] = Text(nullable: true),
                ["instance"] = Text(nullable: true),
                ["operationStatus"] = Text(nullable: true),
            },
            AdditionalProperties = Any(),
        };
        schemas["IApiContentStartItemModel"] = Object(new() { ["id"] = Text("uuid"), ["path"] = Text() }, "id", "path");
        schemas["IApiContentRouteModel"] = Object(new()
        {
            ["path"] = Text(),
            ["queryString"] = Text(nullable: true),
            ["startItem"] = Ref("IApiContentStartItemModel"),
        }, "path", "startItem");
        schemas["IApiContentResponseModel"] = Object(new()
        {
            ["id"] = Text("uuid"),
            ["contentType"] = Text(),
            ["properties"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Any() },
            ["name"] = Text(nullable: true),
            ["createDate"] = Text("date-time"),
            ["updateDate"] = Text("date-time"),
            ["route"] = Ref("IApiContentRouteModel"),
            ["cultures"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Ref("IApiContentRouteModel") },
        }, "id", "contentType", "properties", "createDate", "updateDate", "route", "cultures");
        schemas["PagedIApiContentResponseModel"] = Object(new()
        {
            ["total"] = Number(JsonSchemaType.Integer, "int64"),
            ["items"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Ref("IApiContentResponseModel") },
        }, "total", "items");
        schemas["ImageFocalPointModel"] = Object(new()
        {
            ["left"] = Number(JsonSchemaType.Number, "double"),
            ["top"] = Number(JsonSchemaType.Number, "double"),
        }, "left", "top");
        schemas["ImageCropCoordinatesModel"] = Object(new()
        {
            ["x1"] = Number(JsonSchemaType.Number, "double"),
            ["y1"] = Number(JsonSchemaType.Number, "double"),
            ["x2"] = Number(JsonSchemaType.Number, "double"),
            ["y2"] = Number(JsonSchemaType.Number, "double"),
        }, "x1", "y1", "x2", "y2");
        schemas["ImageCropModel"] = Object(new()
        {
            ["alias"] = Text(nullable: true),
            ["width"] = Number(JsonSchemaType.Integer, "int32"),
            ["height"] = Number(JsonSchemaType.Integer, "int32"),
            ["coordinates"] = new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, Ref("ImageCropCoordinatesModel")] },
        }, "width", "height");
        schemas["IApiMediaWithCropsResponseModel"] = Object(new()
        {
            ["path"] = Text(),
            ["createDate"] = Text("date-time"),
            ["updateDate"] = Text("date-time"),
            ["focalPoint"] = new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, Ref("ImageFocalPointModel")] },
            ["crops"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array | JsonSchemaType.Null, Items = Ref("ImageCropModel"),
                Description = "The named crops of an image (alias, width, height; coordinates null: each follows the focalPoint). " +
                    "url?crop={alias} serves one, unsigned; add &width= (a fixed width) for a narrower copy of the same shape.",
            },
            ["id"] = Text("uuid"),
            ["name"] = Text(),
            ["mediaType"] = Text(),
            ["url"] = Text(nullable: true),
            ["extension"] = Text(nullable: true),
            ["width"] = Number(JsonSchemaType.Integer, "int32", nullable: true),
            ["height"] = Number(JsonSchemaType.Integer, "int32", nullable: true),
            ["bytes"] = Number(JsonSchemaType.Integer, "int32", nullable: true),
            ["properties"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Any() },
        }, "path", "createDate", "updateDate", "id", "name", "mediaType", "url", "properties");
        schemas["PagedIApiMediaWithCropsResponseModel"] = Object(new()
        {
            ["total"] = Number(JsonSchemaType.Integer, "int64"),
            ["items"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Ref("IApiMediaWithCropsResponseModel") },
        }, "total", "items");
        schemas["DictionaryItemModel"] = Object(new() { ["key"] = Text(), ["value"] = Text() }, "key", "value");
        schemas["DictionaryResponseModel"] = Object(new()
        {
            ["culture"] = Text(),
            ["items"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Ref("DictionaryItemModel") },
        }, "culture", "items");
    }
}
