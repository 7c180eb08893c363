using System.ComponentModel.DataAnnotations;

namespace MayorsClub.Core.Media;

/// <summary>The "MayorsClub:Media" configuration section: how large an uploaded file of each kind (and an image in pixels) may be.</summary>
public sealed class MediaOptions
{
    public const string Section = "MayorsClub:Media";

    private const long MiB = 1024 * 1024;

    /// <summary>Images (JPEG, PNG, GIF, WebP, AVIF). Default 20 MB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxImageBytes { get; set; } = 20 * MiB;

    /// <summary>Documents (PDF, DOCX, PPTX). Default 50 MB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxDocumentBytes { get; set; } = 50 * MiB;

    /// <summary>Videos (MP4). Default 1 GB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxVideoBytes { get; set; } = 1024 * MiB;

    /// <summary>The most pixels (width × height) an uploaded image may have. Default 50,000,000 (50 megapixels).</summary>
    [Range(1, long.MaxValue)]
    public long MaxImagePixels { get; set; } = 50_000_000;

    public long MaxBytes(MediaKind kind) => kind switch
    {
        MediaKind.Image => MaxImageBytes,
        MediaKind.Document => MaxDocumentBytes,
        _ => MaxVideoBytes,
    };

    /// <summary>The largest file of any kind: what an upload request may carry.</summary>
    public long LargestFile => Math.Max(MaxImageBytes, Math.Max(MaxDocumentBytes, MaxVideoBytes));

    /// <summary>A limit as whole megabytes for messages (rounded up, at least 1).</summary>
    public static long InMegabytes(long bytes) => Math.Max(1, (bytes + MiB - 1) / MiB);
}
