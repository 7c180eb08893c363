using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;

namespace MayorsClub.Core.Imaging;

/// <summary>
/// Writes the signed image URLs the site, the share tags and the Delivery API hand out:
/// <c>/media/{key}/{name}?v={token}&amp;{canonical commands}&amp;hmac={signature}</c>.
/// </summary>
public sealed class ImageUrls(ImageUrlSigner signer)
{
    /// <summary>The URL of a public image with these commands, signed; the plain file URL when there are none.</summary>
    public string For(PublishedMedia image, ImageCommands commands) =>
        For(image.Key, image.Url, image.FileToken, commands);

    /// <summary>As <see cref="For(PublishedMedia, ImageCommands)"/> from a media item of the library (null for non-public ones).</summary>
    public string? For(MediaItem item, ImageCommands commands) =>
        item.PublicUrl is { } url ? For(item.Key, url, item.FileToken, commands) : null;

    /// <summary>The URL of a named crop (optionally narrower, keeping the crop's shape).</summary>
    public string Crop(PublishedMedia image, ImageCrop crop, int? width = null, ImageOutputFormat? format = null) =>
        For(image, new ImageCommands { Crop = crop.Alias, Width = width, Format = format });

    private string For(Guid key, string publicUrl, string? token, ImageCommands commands)
    {
        if (commands.IsEmpty)
        {
            return publicUrl;
        }

        var query = commands.ToQuery();
        var separator = publicUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{publicUrl}{separator}{query}&hmac={signer.Sign(key, token, query)}";
    }
}
