using MayorsClub.Core.Media;

namespace MayorsClub.Core.Publishing;

/// <summary>
/// A public file of the media library as readers show it (an image or a download), from the snapshot: no database.
/// Members-only files are not in the snapshot, so never here.
/// </summary>
public sealed record PublishedMedia(
    Guid Key,
    string Name,
    string Url,
    string? ContentType,
    bool IsImage,
    int? Width,
    int? Height,
    FocalPoint? FocalPoint,
    IReadOnlyDictionary<string, string> AltText)
{
    /// <summary>The alternative text in a culture, falling back to the other culture, then empty.</summary>
    public string Alt(string culture) => AltText.GetValueOrDefault(culture) ?? AltText.Values.FirstOrDefault() ?? "";

    /// <summary>The token that changes with the file's bytes (the URL's ?v=); image URLs are signed with it.</summary>
    public string? FileToken { get; init; }

    internal static PublishedMedia? From(MediaItem? item) =>
        item is { PublicUrl: { } url }
            ? new PublishedMedia(item.Key, item.Name, url, item.ContentType, item.Format?.IsImage ?? false, item.Width, item.Height, item.FocalPoint, item.AltText) { FileToken = item.FileToken }
            : null;
}
