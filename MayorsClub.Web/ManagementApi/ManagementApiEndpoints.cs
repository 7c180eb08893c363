using MayorsClub.Web.BackOffice;
using MayorsClub.Web.ManagementApi.Documents;
using MayorsClub.Web.ManagementApi.DocumentTypes;
using MayorsClub.Web.ManagementApi.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace MayorsClub.Web.ManagementApi;

/// <summary>
/// The Management API: JSON over the same content services as the back office, under /umbraco/management/api/v1,
/// for people signed in to the back office and for API clients with a client-credentials token. Described by
/// OpenAPI at /umbraco/management/api/v1/openapi.json, readable at /umbraco/management/api/docs.
/// </summary>
public static class ManagementApiEndpoints
{
    public const string RootPath = "/umbraco/management/api";
    public const string BasePath = RootPath + "/v1";
    public const string OpenApiPath = BasePath + "/openapi.json";
    public const string DocsPath = RootPath + "/docs";

    /// <summary>The OpenAPI document's name (and the endpoints' group name).</summary>
    public const string DocumentName = "management";

    public static IServiceCollection AddMayorsClubManagementApi(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ManagementApiOptions.Section);
        services.AddOptions<ManagementApiOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ManagementApiOptions>, ManagementApiOptionsValidator>();
        var options = section.Get<ManagementApiOptions>() ?? new ManagementApiOptions();

        services.AddManagementApiAuthentication();
        services.AddManagementApiTokenServer(options);
        services.AddAntiforgery();
        services.AddTransient<IStartupFilter, ManagementApiPipeline>();

        services.AddSingleton<DocumentResponses>();
        services.AddScoped<AllOrNothing>();

        services.AddOpenApi(DocumentName, openApi =>
        {
            openApi.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            openApi.ShouldInclude = description => description.GroupName == DocumentName;
            openApi.AddDocumentTransformer<ManagementApiOpenApi>();
            openApi.AddOperationTransformer<ManagementApiOpenApi>();
        });
        return services;
    }

    public static void MapMayorsClubManagementApi(this WebApplication app)
    {
        var api = app.MapGroup(BasePath)
            .WithGroupName(DocumentName)
            .RequireAccess()
            .AddEndpointFilter<CookieCallerAntiforgery>();

        api.MapDocumentEndpoints();
        api.MapDocumentTreeEndpoints();
        api.MapDocumentVersionEndpoints();
        api.MapDocumentTypeEndpoints();
        // Media endpoints belong here too once the media library's services exist (api.MapMediaEndpoints()).

        api.MapGet("openapi.json", WriteOpenApiDocumentAsync).ExcludeFromDescription();

        app.MapScalarApiReference(DocsPath, scalar => scalar
                .WithTitle("Mayors' Club Management API")
                .WithOpenApiRoutePattern(OpenApiPath)
                .DisableTelemetry()
                .DisableDefaultFonts()
                .DisableAgent()
                .DisableMcp())
            .RequireAccess();
    }

    private static async Task<IResult> WriteOpenApiDocumentAsync(HttpContext http, CancellationToken ct)
    {
        var provider = http.RequestServices.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName);
        var document = await provider.GetOpenApiDocumentAsync(ct);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, ct);
        return Results.Text(json, "application/json; charset=utf-8");
    }

    /// <summary>Whether an endpoint needs more than access to the back office (for the OpenAPI description).</summary>
    internal static bool NeedsPublish(IEnumerable<object> metadata) =>
        metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => a.Policy == BackOfficeSecurity.Publish);
}
