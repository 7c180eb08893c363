namespace MayorsClub.Web.Delivery;

/// <summary>What every Delivery API answer shares (CORS, rate limit, Vary, ETag, the cache), media, the dictionary and
/// the OpenAPI document (helper "platform" fills this in).</summary>
public static class DeliveryPlatform
{
    public static IServiceCollection AddDeliveryPlatform(this IServiceCollection services) => services;

    public static IApplicationBuilder UseDeliveryPlatform(this IApplicationBuilder app) => app;

    public static RouteGroupBuilder MapDeliveryMedia(this RouteGroupBuilder v2) => v2;

    public static RouteGroupBuilder MapDeliveryDictionary(this RouteGroupBuilder v2) => v2;

    public static IEndpointRouteBuilder MapDeliveryDocs(this IEndpointRouteBuilder app) => app;
}
