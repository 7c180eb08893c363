using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MayorsClub.Core.Announcements;

/// <summary>
/// Seals a subscriber's stored token hash for an announcement's unsubscribe link with a key the database does not hold
/// (the site's data-protection keys), and opens such a seal again.
/// </summary>
public interface ISubscriberTokenSeal
{
    string Seal(string storedHash);

    /// <summary>The stored hash, or null when the text is not a seal this site made.</summary>
    string? Open(string sealedHash);
}

/// <summary>
/// The secrets in subscribers' links. A subscription's token is 32 random bytes (base64url) sent once, in the
/// confirmation e-mail; the database keeps only its SHA-256, so a copy of the database confirms or ends no one's
/// subscription. Announcements are written later, when the token itself is long gone: their unsubscribe links carry the
/// stored hash sealed by <see cref="ISubscriberTokenSeal"/>. Either kind of link leads back to the same stored hash.
/// </summary>
public sealed class SubscriberTokens(ISubscriberTokenSeal seal)
{
    /// <summary>The length of a token (32 bytes in base64url, no padding).</summary>
    public const int TokenLength = 43;

    /// <summary>A new token for the e-mail, and the hash to store.</summary>
    public static (string Token, string Hash) New()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, HashOf(token));
    }

    public static string HashOf(string token) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The token an announcement's unsubscribe link carries for a subscriber's stored hash.</summary>
    public string ForLink(string storedHash) => seal.Seal(storedHash);

    /// <summary>The stored hash a link's token stands for (a sealed hash from an announcement, or a token from the confirmation e-mail); null when malformed.</summary>
    public string? StoredHashOf(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        token = token.Trim();
        return token.Length == TokenLength ? HashOf(token) : seal.Open(token);
    }
}
