using MayorsClub.Core.Content;
using MayorsClub.Core.Delivery;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Delivery.Platform;
using MayorsClub.Web.Delivery.Security;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.Delivery.Content;

/// <summary>
/// What one Delivery API request reads and for whom: its culture, the caller, preview or not, the start item, the options
/// it was answered under and what its answer was made from (<see cref="Reads"/>). Kept as a feature of the request
/// (<see cref="Of"/>), so the cache of anonymous answers can tell whether an answer may be kept (<see cref="Cacheable"/>)
/// and with which tags. The media endpoints start their requests the same way (<see cref="DeliveryRequests.StartAsync"/>).
/// </summary>
public sealed class DeliveryRequest : IDeliveryCacheable
{
    public required string Culture { get; init; }

    public required DeliveryCaller Caller { get; init; }

    /// <summary>Whether the answer reads the drafts (<c>Preview: true</c> with a valid key).</summary>
    public required bool Preview { get; init; }

    /// <summary>The name of the configured key the request carries, or null.</summary>
    public required string? ApiKeyName { get; init; }

    /// <summary>The <c>Start-Item</c> document, or null when the header is absent.</summary>
    public required PublishedDocument? StartItem { get; init; }

    /// <summary>The published snapshot, or the drafts' for a preview.</summary>
    public required PublishedSnapshot Snapshot { get; init; }

    public required DeliveryApiOptions Options { get; init; }

    /// <summary>The read model as the caller may read it.</summary>
    public PublishedView View => Snapshot.For(Caller.Viewer);

    /// <summary>The documents, media and query scopes the answer was made from.</summary>
    public DeliveryReads Reads { get; } = new();

    public long SnapshotGeneration => Snapshot.Generation;

    /// <summary>Whether the answer may be kept for others: published content, no key, no member, nothing that follows the index.</summary>
    public bool Cacheable => !Preview && ApiKeyName is null && Caller.Kind == DeliveryCallerKind.Anonymous && !_notKept;

    private bool _notKept;

    /// <summary>
    /// The answer must not be kept although it is anonymous: a full-text search (the index follows a publish a moment after
    /// the snapshot, so an answer kept after the change feed's eviction could miss the change).
    /// </summary>
    public void DoNotKeep()
    {
        _notKept = true;
        Http?.Response.Headers.CacheControl = "no-store";
    }

    internal HttpContext? Http { get; init; }

    /// <summary>The request's Delivery API state, once an endpoint has started it; null before (or outside the API).</summary>
    public static DeliveryRequest? Of(HttpContext http) => http.Features.Get<DeliveryRequest>();
}

/// <summary>Starts a Delivery API request from its headers: the access checks Umbraco makes, then the state.</summary>
public static class DeliveryRequests
{
    /// <summary>
    /// The request's state, or the answer that refuses it: 401 for an invalid bearer token, for <c>Preview: true</c>
    /// without a valid <c>Api-Key</c>, and for any call without one when public access is off; 404 for a
    /// <c>Start-Item</c> that names no document (the platform sets <c>Vary</c> on every answer).
    /// </summary>
    public static async Task<(DeliveryRequest? Request, IResult? Refusal)> StartAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<DeliveryApiOptions>>().CurrentValue;
        if (!options.Enabled)
        {
            return (null, DeliveryProblems.NotFound(http, "Not found", DeliveryContentText.NotEnabled));
        }

        var caller = await services.GetRequiredService<IDeliveryCallerAuthentication>().AuthenticateAsync(http);
        if (caller.Kind == DeliveryCallerKind.InvalidToken)
        {
            return (null, DeliveryProblems.Unauthorized(http, DeliveryContentText.InvalidToken));
        }

        var keyName = DeliveryHeaders.ApiKeyName(http.Request, options);
        var preview = DeliveryHeaders.WantsPreview(http.Request);
        if (keyName is null && (preview || !options.PublicAccess))
        {
            return (null, DeliveryProblems.Unauthorized(http, preview ? DeliveryContentText.PreviewNeedsKey : DeliveryContentText.KeyNeeded));
        }

        var culture = DeliveryHeaders.Culture(http.Request);
        var snapshot = preview
            ? await services.GetRequiredService<AllDraftsPreview>().CurrentAsync(http.RequestAborted)
            : services.GetRequiredService<PublishedSnapshotService>().Current;

        PublishedDocument? startItem = null;
        var startHeader = http.Request.Headers[DeliveryHeaders.StartItem];
        if (startHeader.Count > 0 && !string.IsNullOrWhiteSpace(startHeader.ToString()))
        {
            startItem = StartItemOf(snapshot, startHeader.ToString().Trim(), culture);
            if (startItem is null)
            {
                return (null, DeliveryProblems.NotFound(http, "The Start-Item could not be found", DeliveryContentText.StartItemNotFound));
            }
        }

        var request = new DeliveryRequest
        {
            Culture = culture,
            Caller = caller,
            Preview = preview,
            ApiKeyName = keyName,
            StartItem = startItem,
            Snapshot = snapshot,
            Options = options,
            Http = http,
        };
        http.Features.Set(request);
        http.Features.Set<IDeliveryCacheable>(request);
        if (!request.Cacheable)
        {
            // Drafts, keyed and members' answers are never kept by a browser or a proxy for someone else.
            http.Response.Headers.CacheControl = "private, no-store";
        }

        return (request, null);
    }

    /// <summary>As Umbraco: a document's id, or the URL segment of a root ("home", "holovna").</summary>
    private static PublishedDocument? StartItemOf(PublishedSnapshot snapshot, string value, string culture)
    {
        if (Guid.TryParse(value, out var key))
        {
            return snapshot.Get(key);
        }

        var segment = value.Trim('/');
        return snapshot.Roots.FirstOrDefault(r => string.Equals(DeliveryRoutes.SegmentOf(r, culture), segment, StringComparison.OrdinalIgnoreCase))
            ?? snapshot.Roots.FirstOrDefault(r => Cultures.All.Any(c => r.Cultures.TryGetValue(c, out var v)
                && string.Equals(v.UrlSegment, segment, StringComparison.OrdinalIgnoreCase)));
    }
}
