using MayorsClub.Core.Publishing;

namespace MayorsClub.Web.Delivery.Security;

/// <summary>Who calls the Delivery API, from its <c>Authorization</c> header.</summary>
public enum DeliveryCallerKind
{
    /// <summary>No bearer token: reads what anonymous visitors read.</summary>
    Anonymous,

    /// <summary>A valid member access token.</summary>
    Member,

    /// <summary>A bearer token was sent and is not a valid, current member access token: the answer is 401.</summary>
    InvalidToken,
}

/// <param name="Viewer">Whom the read model reads for: <see cref="Viewer.Anonymous"/> unless <see cref="Kind"/> is Member.</param>
public sealed record DeliveryCaller(DeliveryCallerKind Kind, Viewer Viewer)
{
    public static DeliveryCaller Anonymous { get; } = new(DeliveryCallerKind.Anonymous, Viewer.Anonymous);

    public static DeliveryCaller Invalid { get; } = new(DeliveryCallerKind.InvalidToken, Viewer.Anonymous);
}

/// <summary>Tells who calls the Delivery API: a member with an access token from the member authorization server, or anyone.</summary>
public interface IDeliveryCallerAuthentication
{
    Task<DeliveryCaller> AuthenticateAsync(HttpContext http);
}
