using MayorsClub.Web.Delivery.Security;

namespace MayorsClub.Web.Delivery;

/// <summary>
/// The headless Delivery API, wire-compatible with Umbraco's Content Delivery API v2 (<c>/umbraco/delivery/api/v2</c>):
/// content, media and the dictionary, the members' authorization server (<c>/umbraco/delivery/api/v1/security/member</c>),
/// the cache of anonymous answers, and the OpenAPI document with its reference page. Each part adds itself here.
/// </summary>
public static class DeliveryApi
{
    public const string BasePath = "/umbraco/delivery/api/v2";

    public const string MemberSecurityPath = "/umbraco/delivery/api/v1/security/member";

    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/umbraco/delivery", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddMayorsClubDeliveryApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryApiOptions>().Bind(configuration.GetSection(DeliveryApiOptions.Section));
        services.AddDeliveryContent();
        services.AddDeliveryPlatform();
        services.AddDeliveryMemberAuthorization(configuration);
        return services;
    }

    /// <summary>Before routing: CORS, the rate limit, ETags and the cache of anonymous answers; the members' authorize and token limits.</summary>
    public static IApplicationBuilder UseMayorsClubDeliveryApi(this IApplicationBuilder app) => app.UseDeliveryPlatform().UseDeliveryMemberAuthorization();

    public static IEndpointRouteBuilder MapMayorsClubDeliveryApi(this IEndpointRouteBuilder app)
    {
        // Public by design: what a caller may read is decided per item by the read model's access rule, and keys, preview
        // and tokens by the request's start (DeliveryRequests), so every endpoint says it is open rather than naming a policy.
        var open = app.MapGroup("").AllowAnonymous();
        var v2 = open.MapGroup(BasePath);
        v2.MapDeliveryContent();
        v2.MapDeliveryMedia();
        v2.MapDeliveryDictionary();
        open.MapDeliveryDocs();
        open.MapDeliveryMemberAuthorization();
        return app;
    }
}
