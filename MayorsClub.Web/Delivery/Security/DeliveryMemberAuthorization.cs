namespace MayorsClub.Web.Delivery.Security;

/// <summary>The members' OpenID Connect authorization server for the Delivery API (helper "members" fills this in).</summary>
public static class DeliveryMemberAuthorization
{
    public static IServiceCollection AddDeliveryMemberAuthorization(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IDeliveryCallerAuthentication, NoMemberTokensYet>();
        return services;
    }

    public static IEndpointRouteBuilder MapDeliveryMemberAuthorization(this IEndpointRouteBuilder app) => app;

    /// <summary>Until the authorization server exists no token is valid: a bearer token is refused, anything else is anonymous.</summary>
    private sealed class NoMemberTokensYet : IDeliveryCallerAuthentication
    {
        public Task<DeliveryCaller> AuthenticateAsync(HttpContext http) =>
            Task.FromResult(http.Request.Headers.Authorization.Count > 0 ? DeliveryCaller.Invalid : DeliveryCaller.Anonymous);
    }
}
