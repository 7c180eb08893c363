using MayorsClub.Web.ManagementApi.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MayorsClub.Web.ManagementApi;

/// <summary>
/// The OpenAPI document's title and how to authenticate (a client-credentials token, or the back-office cookie
/// with its antiforgery header), and on each operation the answers every endpoint can give: 401, and 403 where
/// only editors and administrators may call it.
/// </summary>
internal sealed class ManagementApiOpenApi : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string OAuthScheme = "OAuth";
    public const string CookieScheme = "BackOfficeCookie";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Mayors' Club Management API",
            Version = "v1",
            Description = "Write, publish, schedule and roll back the bilingual (uk, en) content of the Mayors' Club site. " +
                "Get a token with the client-credentials grant at " + TokenServer.TokenPath + " (clients are configured in " +
                "MayorsClub:ManagementApi:Clients) and send it as \"Authorization: Bearer …\"; or call it signed in to the back office, " +
                "sending the page's antiforgery token in the RequestVerificationToken header with every change. " +
                "Error messages follow Accept-Language (uk or en).",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OAuthScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "A token for an API client, valid for an hour; the client's user group decides what it may do.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri(TokenServer.TokenPath, UriKind.Relative), Scopes = new Dictionary<string, string>() },
            },
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "mc_backoffice",
            Description = "Signed in to the back office at /umbraco. Changes also need the RequestVerificationToken header.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OAuthScheme, document)] = [] });
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] });
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in, and no valid bearer token." });
        if (ManagementApiEndpoints.NeedsPublish(context.Description.ActionDescriptor.EndpointMetadata))
        {
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Only editors and administrators may do this." });
        }

        return Task.CompletedTask;
    }
}
