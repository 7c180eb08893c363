using System.ComponentModel.DataAnnotations;

namespace MayorsClub.Core.Imaging;

/// <summary>The "MayorsClub:Imaging" configuration section: the image endpoint's limits, its disk cache and its URL signatures.</summary>
public sealed class ImagingOptions
{
    public const string Section = "MayorsClub:Imaging";

    /// <summary>
    /// The key that signs image URLs (hmac=), base64, at least 32 bytes. Empty: one is generated into
    /// {DataPath}/keys/imaging-hmac.key on first start and kept there (several nodes must share it).
    /// </summary>
    public string? HmacKey { get; set; }

    /// <summary>The widths a request without a signature may ask for (besides the named crops).</summary>
    public int[] UnsignedWidths { get; set; } = [160, 240, 320, 480, 640, 800, 1024, 1200, 1600, 2000];

    /// <summary>The largest width or height anyone may ask for, signed or not.</summary>
    [Range(1, 16384)]
    public int MaxDimension { get; set; } = 4000;

    /// <summary>The disk cache's size limit; the least recently used variants go first.</summary>
    [Range(0, int.MaxValue)]
    public int CacheSizeLimitMegabytes { get; set; } = 2048;

    /// <summary>How many images may be processed at once (0: one per processor core).</summary>
    [Range(0, 64)]
    public int MaxConcurrentProcessing { get; set; }

    /// <summary>How long a request waits for a processing slot before it is answered 503 with Retry-After.</summary>
    [Range(1, 600)]
    public int QueueTimeoutSeconds { get; set; } = 20;

    /// <summary>Quality when the request names none (JPEG, WebP; AVIF uses a lower scale of its own).</summary>
    [Range(1, 100)]
    public int DefaultQuality { get; set; } = 80;
}
