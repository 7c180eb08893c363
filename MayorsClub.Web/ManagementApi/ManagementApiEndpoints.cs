using MayorsClub.Web.BackOffice;
using MayorsClub.Web.ManagementApi.Applications;
using MayorsClub.Web.ManagementApi.Documents;
using MayorsClub.Web.ManagementApi.DocumentTypes;
using MayorsClub.Web.ManagementApi.Media;
using MayorsClub.Web.ManagementApi.Members;
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

    /// <summary>Whether a path is the Management API's (which answers JSON and ProblemDetails, never pages).</summary>
    public static bool IsApiPath(PathString path) => path.StartsWithSegments(RootPath, StringComparison.OrdinalIgnoreCase);
    public const string DocsPath = RootPath + "/docs";

    /// <summary>The OpenAPI document's name (and the endpoints' group name).</summary>
    public const string DocumentName = "management";

    public static IServiceCollection AddMayorsClubManagementApi(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ManagementApiOptions.Section);
        services.AddOptions<ManagementApiOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ManagementApiOptions>, ManagementApiOptionsValidator>();
        var options = section.Get<ManagementApiOptions>() ?? new ManagementApiOptions();

        services.AddManagementApiTokenServer(options);
        services.AddAntiforgery();

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

        // Content, media and members: the content groups only (the committee signs in but sees none of it).
        var content = api.MapGroup("").RequireEditContent();
        content.MapDocumentEndpoints();
        content.MapDocumentTreeEndpoints();
        content.MapPublicAccessEndpoints();
        content.MapDocumentVersionEndpoints();
        content.MapDocumentTypeEndpoints();
        content.MapMediaEndpoints();
        content.MapMemberEndpoints();

        // Applications: administrators and the committee (outside the content group, which the committee may not use).
        api.MapGroup("").RequireReviewApplications().MapApplicationEndpoints();

        api.MapGet("openapi.json", WriteOpenApiDocumentAsync).ExcludeFromDescription();

        // Anything else under the API answers in JSON, not with the public site's 404 page.
        app.MapFallback(RootPath + "/{**path}", NoSuchEndpoint).ExcludeFromDescription().RequireAccess();

        // The docs page and its scripts, for people signed in to the back office (Scalar opens its scripts to everyone: not here).
        var docs = app.MapGroup(DocsPath).RequireAccess();
        ((IEndpointConventionBuilder)docs).Finally(endpoint =>
        {
            foreach (var open in endpoint.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().ToList())
            {
                endpoint.Metadata.Remove(open);
            }
        });
        docs.MapScalarApiReference("/", scalar => scalar
                .WithTitle("Mayors' Club Management API")
                .AddDocument(DocumentName, "Management API v1", OpenApiPath)
                .DisableTelemetry()
                .DisableDefaultFonts()
                .DisableAgent()
                .DisableMcp());
    }

    private static async Task<IResult> WriteOpenApiDocumentAsync(HttpContext http, CancellationToken ct)
    {
        var provider = http.RequestServices.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName);
        var document = await provider.GetOpenApiDocumentAsync(ct);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, ct);
        return Results.Text(json, "application/json; charset=utf-8");
    }

    /// <summary>
    /// No endpoint matched. A change whose body is not JSON lands here too (the endpoint that would take it wants
    /// application/json): say so, rather than that the address is wrong.
    /// </summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NoSuchEndpoint(HttpContext http)
    {
        var request = http.Request;
        var culture = ManagementApiText.CultureOf(request);
        http.Response.Headers.ContentLanguage = culture;
        if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)) && request.ContentType is { } type
            && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(ContentProblems.Problem(StatusCodes.Status415UnsupportedMediaType,
                ManagementApiText.Get(ManagementApiText.BadRequestTitle, culture), ManagementApiText.Get(ManagementApiText.UnsupportedMediaType, culture)));
        }

        return TypedResults.Problem(ContentProblems.Problem(StatusCodes.Status404NotFound,
            ManagementApiText.Get(ManagementApiText.NotFoundTitle, culture), ManagementApiText.Get(ManagementApiText.NoSuchEndpoint, culture)));
    }

    /// <summary>Whether an endpoint needs more than access to the back office (for the OpenAPI description).</summary>
    internal static bool NeedsPublish(IEnumerable<object> metadata) =>
        metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => a.Policy == BackOfficeSecurity.Publish);
}
