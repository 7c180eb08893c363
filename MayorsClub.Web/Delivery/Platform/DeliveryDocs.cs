using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace MayorsClub.Web.Delivery.Platform;

/// <summary>
/// The Delivery API's OpenAPI document ("delivery", at Umbraco's address <c>/umbraco/swagger/delivery/swagger.json</c>)
/// and its interactive reference (Scalar) at <c>/umbraco/delivery/api/docs</c>, both public like the API.
/// </summary>
public static class DeliveryDocs
{
    public const string DocumentName = "delivery";
    public const string OpenApiPath = "/umbraco/swagger/delivery/swagger.json";
    public const string DocsPath = "/umbraco/delivery/api/docs";

    public static IServiceCollection AddDeliveryDocs(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, openApi =>
        {
            openApi.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            openApi.ShouldInclude = description =>
                ("/" + description.RelativePath).StartsWith(DeliveryApi.BasePath + "/", StringComparison.OrdinalIgnoreCase);
            openApi.AddDocumentTransformer<DeliveryOpenApi>();
        });

    public static IEndpointRouteBuilder MapDeliveryDocsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(OpenApiPath, WriteOpenApiDocumentAsync).ExcludeFromDescription();

        // Anything else under the API answers in JSON, not with the public site's pages.
        app.MapFallback(DeliveryApi.BasePath + "/{**path}", NoSuchEndpoint).ExcludeFromDescription();
        app.MapScalarApiReference(DocsPath, scalar => scalar
            .WithTitle("Mayors' Club Delivery API")
            .AddDocument(DocumentName, "Delivery API v2", OpenApiPath)
            .DisableTelemetry()
            .DisableDefaultFonts()
            .DisableAgent()
            .DisableMcp());
        return app;
    }

    private static IResult NoSuchEndpoint(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            return DeliveryProblems.Problem(http.Request, StatusCodes.Status404NotFound, DeliveryProblems.TitleOf(404), DeliveryPlatformText.NoSuchEndpoint);
        }

        http.Response.Headers.Allow = "GET, HEAD";
        return DeliveryProblems.Problem(http.Request, StatusCodes.Status405MethodNotAllowed, DeliveryProblems.TitleOf(405), DeliveryPlatformText.MethodNotAllowed);
    }

    private static async Task<IResult> WriteOpenApiDocumentAsync(HttpContext http, CancellationToken ct)
    {
        var provider = http.RequestServices.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName);
        var document = await provider.GetOpenApiDocumentAsync(ct);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, ct);
        return Results.Text(json, "application/json; charset=utf-8");
    }
}
