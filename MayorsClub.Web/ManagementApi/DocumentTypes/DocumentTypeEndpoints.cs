using System.ComponentModel;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ContentResult = MayorsClub.Core.Content.ContentResult;

namespace MayorsClub.Web.ManagementApi.DocumentTypes;

/// <summary>The document types (declared in code): their properties, and where they may sit in the tree.</summary>
public static class DocumentTypeEndpoints
{
    public const string Tag = "Document type";

    public static void MapDocumentTypeEndpoints(this IEndpointRouteBuilder api)
    {
        var types = api.MapGroup("document-type").WithTags(Tag);
        types.MapGet("", List).WithName("GetDocumentTypes")
            .WithSummary("Every document type with its properties: which are shared by both languages, which vary by language.");
        types.MapGet("{alias}", Get).WithName("GetDocumentType")
            .WithSummary("One document type with its properties.");
    }

    private static Ok<List<DocumentTypeResponse>> List(DocumentTypeRegistry registry) =>
        TypedResults.Ok(registry.All.OrderBy(t => t.Alias, StringComparer.Ordinal).Select(From).ToList());

    private static Results<Ok<DocumentTypeResponse>, NotFound<ProblemDetails>> Get(string alias, DocumentTypeRegistry registry, HttpContext http) =>
        registry.Find(alias) is { } type
            ? TypedResults.Ok(From(type))
            : ContentProblems.NotFound(http, [new ContentError(ContentMessages.UnknownDocumentType, Args: [alias])]);

    private static DocumentTypeResponse From(DocumentType type) => new(
        type.Alias, type.Name, type.AllowedAtRoot, type.IsPage, type.AllowedChildren, type.Properties.Select(From).ToList());

    private static PropertyTypeResponse From(PropertyType property) => new(
        property.Alias, property.Name, property.Editor.ToString(), property.Required, property.VariesByCulture, property.Group,
        property.MaxLength, property.Multiple, property.Min, property.Max, property.Options,
        property.Element is { } element ? new ElementTypeResponse(element.Alias, element.Name, element.Properties.Select(From).ToList()) : null);
}

[Description("A document type.")]
public sealed record DocumentTypeResponse(
    string Alias,
    string Name,
    [property: Description("May be created at the root of the tree.")] bool AllowedAtRoot,
    [property: Description("Has a page (an address) on the site.")] bool IsPage,
    [property: Description("Aliases of the document types allowed directly below it.")] IReadOnlyList<string> AllowedChildren,
    IReadOnlyList<PropertyTypeResponse> Properties);

[Description("A property of a document type or of a block.")]
public sealed record PropertyTypeResponse(
    string Alias,
    string Name,
    [property: Description("How it is edited, and so what JSON value it holds: Text, TextArea, RichText, Date (yyyy-MM-dd), DateTimeZoned ({local, zone}), Number, TrueFalse, MediaPicker and ContentPicker (lists of ids), Tags, Url, Dropdown, BlockList.")] string Editor,
    bool Required,
    [property: Description("true: each language has its own value (send it with culture uk or en); false: one value shared by both (culture null).")] bool VariesByCulture,
    [property: Description("The tab it is edited on.")] string Group,
    int? MaxLength,
    bool Multiple,
    decimal? Min,
    decimal? Max,
    [property: Description("For a dropdown, its choices.")] IReadOnlyList<string> Options,
    [property: Description("For a block list, the shape of each block.")] ElementTypeResponse? Element);

[Description("The shape of a block in a block list.")]
public sealed record ElementTypeResponse(string Alias, string Name, IReadOnlyList<PropertyTypeResponse> Properties);
