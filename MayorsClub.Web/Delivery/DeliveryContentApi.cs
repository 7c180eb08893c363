using MayorsClub.Core.Publishing;
using MayorsClub.Web.Delivery.Content;

namespace MayorsClub.Web.Delivery;

/// <summary>Content: /content, /content/item/{id}, /content/item/{*path}, /content/items.</summary>
public static class DeliveryContentApi
{
    public static IServiceCollection AddDeliveryContent(this IServiceCollection services)
    {
        services.AddSingleton<AllDraftsPreview.Memo>();
        services.AddScoped<AllDraftsPreview>();
        return services;
    }

    public static RouteGroupBuilder MapDeliveryContent(this RouteGroupBuilder v2)
    {
        var content = v2.MapGroup("/content");
        content.MapGet("", (Delegate)DeliveryContentEndpoints.QueryAsync);
        content.MapGet("/item/{id:guid}", DeliveryContentEndpoints.ItemByIdAsync);
        content.MapGet("/item/{*path}", DeliveryContentEndpoints.ItemByPathAsync);
        content.MapGet("/items", (Delegate)DeliveryContentEndpoints.ItemsAsync);
        return v2;
    }
}
