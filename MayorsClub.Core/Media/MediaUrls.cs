using System.Security.Cryptography;
using System.Text;
using MayorsClub.Core.Content.Routing;

namespace MayorsClub.Core.Media;

/// <summary>
/// Addresses of media files. A public file is at /media/{key}/{name}?v={token}: the key never changes (a replaced
/// file keeps it, so every link keeps working), the name is for people and search engines (any name finds the
/// file), and the token changes whenever the bytes do, so browsers may keep a file for a year.
/// </summary>
public static class MediaUrls
{
    public const string PublicPrefix = "/media";

    public static string Public(Guid key, string fileName, string token) =>
        $"{PublicPrefix}/{key:D}/{UrlFileName(fileName)}?v={token}";

    /// <summary>The key of a public file's address (/media/{key}/{name}, with or without its query), or null for any other.</summary>
    public static Guid? PublicKey(string? url)
    {
        if (url is null || !url.StartsWith(PublicPrefix + "/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = url.AsSpan(PublicPrefix.Length + 1);
        var slash = rest.IndexOf('/');
        return slash > 0 && Guid.TryParse(rest[..slash], out var key) ? key : null;
    }

    /// <summary>A file name safe in a URL: the name transliterated to Latin letters, digits and hyphens, and its extension.</summary>
    public static string UrlFileName(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var stem = UkrainianTransliteration.ToUrlSegment(Path.GetFileNameWithoutExtension(fileName));
        if (stem.Length == 0)
        {
            stem = "file";
        }

        return stem + (extension.All(c => c == '.' || char.IsAsciiLetterOrDigit(c)) ? extension : "");
    }

    /// <summary>Changes whenever the stored file does (a replacement gets a new storage name); reveals nothing of it.</summary>
    public static string FileToken(string storagePath) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(storagePath)))[..12];
}
