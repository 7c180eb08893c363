using MayorsClub.Core.Content;
using MayorsClub.Core.Media;

namespace MayorsClub.Web.BackOffice.Media;

/// <summary>What a media picker may hold.</summary>
public enum MediaPickerKind
{
    /// <summary>Public images: a page's pictures and rich-text images, which visitors load from their public address.</summary>
    Images,

    /// <summary>Member-only material: documents (PDF, DOCX, PPTX) and videos (MP4).</summary>
    Files,
}

/// <summary>One folder of the library as the picker dialog shows it.</summary>
public sealed record MediaPickerPage(
    string Ui,
    MediaPickerKind Kind,
    MediaItem? Folder,
    IReadOnlyList<MediaItem> Path,
    IReadOnlyList<MediaItem> Folders,
    IReadOnlyList<MediaItem> Files,
    string Query,
    MediaOptions Limits)
{
    public const int MaxQueryLength = 100;

    public static MediaPickerPage Of(string ui, MediaPickerKind kind, IReadOnlyList<MediaItem> path, IReadOnlyList<MediaItem> items, string? query, MediaOptions limits)
    {
        var q = (query ?? "").Trim();
        q = q.Length > MaxQueryLength ? q[..MaxQueryLength] : q;
        bool Matches(MediaItem item) => q.Length == 0 || item.Name.Contains(q, StringComparison.CurrentCultureIgnoreCase);
        return new MediaPickerPage(ui, kind, path.Count > 0 ? path[^1] : null, path,
            items.Where(i => i.IsFolder && Matches(i)).ToList(),
            items.Where(i => !i.IsFolder && Offers(kind, i) && Matches(i)).ToList(),
            q, limits);
    }

    /// <summary>Whether a picker of this kind may hold the file.</summary>
    public static bool Offers(MediaPickerKind kind, MediaItem item) => kind switch
    {
        MediaPickerKind.Images => item is { IsFolder: false, Format.IsImage: true, PublicUrl: not null },
        _ => item is { IsFolder: false, Format.IsImage: false },
    };

    public static MediaPickerKind KindOf(PropertyType property) => property.MembersOnly ? MediaPickerKind.Files : MediaPickerKind.Images;

    /// <summary>The dialog's address for a folder of this kind (null: the root).</summary>
    public string Url(Guid? folder) => BrowseUrl(Kind, folder);

    public static string BrowseUrl(MediaPickerKind kind, Guid? folder = null) =>
        $"{MediaPickerController.BrowsePath}?kind={kind}{(folder is { } key ? $"&folder={key}" : "")}";

    /// <summary>Where the dialog uploads to: the media section's upload action, into the folder shown.</summary>
    public string UploadUrl => MediaController.BasePath + "/upload" + (Folder is { } f ? $"?folder={f.Key}" : "");

    /// <summary>The file types the upload field proposes.</summary>
    public string Accept => string.Join(",", MediaFormat.Uploadable.Where(f => f.IsImage == (Kind == MediaPickerKind.Images))
        .SelectMany(f => f.Extension == ".jpg" ? [f.ContentType, f.Extension, ".jpeg"] : new[] { f.ContentType, f.Extension }));
}
