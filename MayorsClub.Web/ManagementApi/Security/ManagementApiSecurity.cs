using MayorsClub.Web.BackOffice;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;

namespace MayorsClub.Web.ManagementApi.Security;

/// <summary>
/// Who may call the Management API: a person signed in to the back office (its cookie, and the antiforgery
/// header on every change), or an API client with a bearer token from the token endpoint. Both carry the
/// user group as a role, so the back office's own policies (and their scheme, <see cref="BackOfficeSecurity.Scheme"/>) decide.
/// </summary>
public static class ManagementApiSecurity
{
    /// <summary>The token validation scheme when a Management API request sends a bearer token; null otherwise (the back-office cookie then).</summary>
    public static string? BearerSchemeFor(HttpRequest request) =>
        ManagementApiEndpoints.IsApiPath(request.Path) && SendsBearerToken(request)
            ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
            : null;

    public static bool SendsBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>A back-office policy, checked against the cookie or the bearer token.</summary>
    public static IAuthorizeData Policy(string policy) => new AuthorizeAttribute(policy);

    /// <summary>Any back-office group, the committee included (the API's root, its docs, its 404).</summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policy(BackOfficeSecurity.Access));

    /// <summary>Writers, editors and administrators: read, create, save drafts, roll back without publishing.</summary>
    public static TBuilder RequireEditContent<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policy(BackOfficeSecurity.EditContent));

    /// <summary>Administrators and the committee: applications.</summary>
    public static TBuilder RequireReviewApplications<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policy(BackOfficeSecurity.ReviewApplications));

    /// <summary>Editors and administrators: publish, unpublish, schedule, move, sort, trash and restore.</summary>
    public static TBuilder RequirePublish<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policy(BackOfficeSecurity.Publish));

    /// <summary>Whether the caller may do what the Publish policy guards (for operations that only sometimes publish).</summary>
    public static async Task<bool> MayPublishAsync(HttpContext http) =>
        (await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, BackOfficeSecurity.Publish)).Succeeded;
}

/// <summary>
/// A change made with the back-office cookie must carry the page's antiforgery token in the RequestVerificationToken
/// header (the back office's scripts send it); a bearer token cannot be sent by another site, so it needs none.
/// </summary>
internal sealed class CookieCallerAntiforgery(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
        if (!safe && !ManagementApiSecurity.SendsBearerToken(http.Request) && !await antiforgery.IsRequestValidAsync(http))
        {
            return ContentProblems.BadRequest(http, ManagementApiText.Antiforgery);
        }

        return await next(context);
    }
}
