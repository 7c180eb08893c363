namespace MayorsClub.Web.Delivery;

/// <summary>Content: /content, /content/item/{id}, /content/item/{*path}, /content/items (helper "content" fills this in).</summary>
public static class DeliveryContentApi
{
    public static IServiceCollection AddDeliveryContent(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapDeliveryContent(this RouteGroupBuilder v2) => v2;
}
