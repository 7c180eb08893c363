using MayorsClub.Core.Delivery;

namespace MayorsClub.Web.Delivery.Platform;

/// <summary>
/// Set by a Delivery API endpoint in <see cref="HttpContext.Features"/> to say what its answer was made from and whether
/// the answer may be kept for every anonymous caller (see <see cref="DeliveryAnswerCache"/>). Without it, nothing is kept.
/// </summary>
public interface IDeliveryCacheable
{
    /// <summary>
    /// Whether the answer is the same for every anonymous caller until a change touches what it read: the caller is
    /// anonymous (no key, no member), it is not a preview, and nothing else but the snapshot decided it.
    /// </summary>
    bool Cacheable { get; }

    /// <summary>What the answer read (documents, media, query scopes): the tags its cached copy is dropped by.</summary>
    DeliveryReads Reads { get; }

    /// <summary>The generation of the published snapshot the answer was made from.</summary>
    long SnapshotGeneration { get; }
}
