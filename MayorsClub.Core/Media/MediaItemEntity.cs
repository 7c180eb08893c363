namespace MayorsClub.Core.Media;

/// <summary>A folder or a file in the media library.</summary>
internal sealed class MediaItemEntity
{
    public int Id { get; set; }
    public Guid Key { get; set; }
    public int? ParentId { get; set; }
    public bool IsFolder { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The file's name as uploaded (for downloads), null for folders.</summary>
    public string? FileName { get; set; }

    /// <summary>The media type found by looking at the file's bytes, not its extension.</summary>
    public string? ContentType { get; set; }
    public long Size { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }

    /// <summary>Focal point for crops, 0..1 from the left and from the top.</summary>
    public double? FocalX { get; set; }
    public double? FocalY { get; set; }

    /// <summary>Alternative text per culture, as JSON: {"uk":"…","en":"…"}.</summary>
    public string AltTextJson { get; set; } = "{}";

    /// <summary>Session materials and videos: never served from a public URL, only to signed-in members.</summary>
    public bool MembersOnly { get; set; }

    /// <summary>Where the bytes are, relative to the media folder of the data path.</summary>
    public string? StoragePath { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }
    public int Version { get; set; }
}
