namespace MayorsClub.Core.Media;

/// <summary>What a media file is for: pictures on the site, documents and videos for members.</summary>
public enum MediaKind
{
    Image,
    Document,
    Video,
}

/// <summary>
/// A file format the library accepts, as found from the file's bytes (never from its name or the browser's word):
/// the media type it is served with, the extension it is stored and named with, and its kind.
/// </summary>
public sealed record MediaFormat(string ContentType, string Extension, MediaKind Kind, string Label)
{
    public static readonly MediaFormat Jpeg = new("image/jpeg", ".jpg", MediaKind.Image, "JPEG");
    public static readonly MediaFormat Png = new("image/png", ".png", MediaKind.Image, "PNG");
    public static readonly MediaFormat Gif = new("image/gif", ".gif", MediaKind.Image, "GIF");
    public static readonly MediaFormat WebP = new("image/webp", ".webp", MediaKind.Image, "WebP");
    public static readonly MediaFormat Avif = new("image/avif", ".avif", MediaKind.Image, "AVIF");
    public static readonly MediaFormat Pdf = new("application/pdf", ".pdf", MediaKind.Document, "PDF");
    public static readonly MediaFormat Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", MediaKind.Document, "Word (DOCX)");
    public static readonly MediaFormat Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", MediaKind.Document, "PowerPoint (PPTX)");
    public static readonly MediaFormat Mp4 = new("video/mp4", ".mp4", MediaKind.Video, "MP4");

    /// <summary>
    /// A ZIP archive, known from its first bytes only: it becomes DOCX or PPTX once its entries are checked,
    /// or is refused. Never stored as such.
    /// </summary>
    internal static readonly MediaFormat ZipContainer = new("application/zip", ".zip", MediaKind.Document, "ZIP");

    /// <summary>
    /// A HEIC/HEIF photo (iPhones' default, HEVC-coded): accepted on upload and converted to <see cref="Jpeg"/>,
    /// never stored as such (browsers other than Safari do not show it).
    /// </summary>
    internal static readonly MediaFormat Heic = new("image/heic", ".heic", MediaKind.Image, "HEIC");

    public static IReadOnlyList<MediaFormat> All { get; } = [Jpeg, Png, Gif, WebP, Avif, Pdf, Docx, Pptx, Mp4];

    /// <summary>What an upload field proposes: every stored format, and HEIC, which becomes a JPEG on the way in.</summary>
    public static IReadOnlyList<MediaFormat> Uploadable { get; } = [.. All, Heic];

    public static MediaFormat? FromContentType(string? contentType) =>
        All.FirstOrDefault(f => string.Equals(f.ContentType, contentType, StringComparison.OrdinalIgnoreCase));

    public bool IsImage => Kind == MediaKind.Image;
}
