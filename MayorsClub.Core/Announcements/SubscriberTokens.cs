using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace MayorsClub.Core.Announcements;

/// <summary>
/// The secrets in subscribers' links. A subscription's token is 32 random bytes (base64url) sent once, in the
/// confirmation e-mail; the database keeps only its SHA-256, so a copy of the database confirms or ends no one's
/// subscription. Announcements are written later, when the token itself is long gone: their unsubscribe links carry the
/// stored hash sealed with the site's data-protection keys, which the database does not hold either. Either kind of
/// link leads back to the same stored hash.
/// </summary>
public sealed class SubscriberTokens(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _links = dataProtection.CreateProtector("MayorsClub.Announcements.Unsubscribe");

    /// <summary>A new token for the e-mail, and the hash to store.</summary>
    public static (string Token, string Hash) New()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, HashOf(token));
    }

    public static string HashOf(string token) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The token an announcement's unsubscribe link carries for a subscriber's stored hash.</summary>
    public string ForLink(string storedHash) => _links.Protect(storedHash);

    /// <summary>The stored hash a link's token stands for (a sealed hash from an announcement, or a token from the confirmation e-mail); null when malformed.</summary>
    public string? StoredHashOf(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        token = token.Trim();
        if (token.Length > 43)
        {
            try
            {
                return _links.Unprotect(token);
            }
            catch (CryptographicException)
            {
                return null;
            }
        }

        return token.Length == 43 ? HashOf(token) : null;
    }
}
