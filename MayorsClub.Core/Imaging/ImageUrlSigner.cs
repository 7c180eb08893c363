using System.Security.Cryptography;
using System.Text;
using MayorsClub.Core.Keys;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MayorsClub.Core.Imaging;

/// <summary>
/// Signs and checks image URLs (<c>hmac=</c>), so only the site can ask the server for arbitrary sizes: a stranger
/// may use the named crops and the fixed widths unsigned, nothing else. The signature covers the media key, its
/// version token (<c>v</c>), the canonical commands and an optional expiry (<c>expires</c>, Unix seconds); the file
/// name segment is left out because any name finds the file. The key comes from configuration or from the database
/// (SiteKeys), made on the first start (or brought in from the <c>{DataPath}/keys/imaging-hmac.key</c> an older site
/// had), so every node signs and accepts the same URLs.
/// </summary>
public sealed class ImageUrlSigner
{
    private const int SignatureBytes = 16; // 128 bits of HMAC-SHA256, 22 URL-safe characters

    private readonly Lazy<byte[]> _key;
    private readonly IClock _clock;

    /// <param name="keys">Where the key is kept when configuration names none (unit tests configure one).</param>
    public ImageUrlSigner(IOptions<ImagingOptions> options, IClock clock, SiteKeys? keys = null)
    {
        _clock = clock;
        if (options.Value.HmacKey is { Length: > 0 } configured)
        {
            var key = DecodeConfigured(configured);
            _key = new Lazy<byte[]>(key);
        }
        else
        {
            ArgumentNullException.ThrowIfNull(keys);

            // Read on first use, not when the pipeline is built: the database may still be migrating then.
            _key = new Lazy<byte[]>(() => Convert.FromBase64String(keys.Get(SiteKeys.ImagingHmac)));
        }
    }

    /// <summary>The signature for these commands on this media version, to put in the URL as hmac=.</summary>
    public string Sign(Guid mediaKey, string? version, string canonicalQuery, long? expiresUnixSeconds = null) =>
        Base64Url(Compute(mediaKey, version, canonicalQuery, expiresUnixSeconds));

    /// <summary>What a presented signature is worth.</summary>
    public SignatureCheck Check(Guid mediaKey, string? version, string canonicalQuery, long? expiresUnixSeconds, string? hmac)
    {
        if (string.IsNullOrEmpty(hmac))
        {
            return SignatureCheck.Missing;
        }

        var presented = new byte[SignatureBytes];
        if (!TryDecodeBase64Url(hmac, presented)
            || !CryptographicOperations.FixedTimeEquals(presented, Compute(mediaKey, version, canonicalQuery, expiresUnixSeconds)))
        {
            return SignatureCheck.Invalid;
        }

        return expiresUnixSeconds is { } expires && expires < _clock.GetCurrentInstant().ToUnixTimeSeconds()
            ? SignatureCheck.Expired
            : SignatureCheck.Valid;
    }

    private byte[] Compute(Guid mediaKey, string? version, string canonicalQuery, long? expires)
    {
        var message = Encoding.UTF8.GetBytes($"{mediaKey:N}\n{version}\n{canonicalQuery}\n{expires}");
        return HMACSHA256.HashData(_key.Value, message)[..SignatureBytes];
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecodeBase64Url(string text, byte[] into)
    {
        if (text.Length is < 20 or > 24)
        {
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        var buffer = new byte[18];
        if (!Convert.TryFromBase64String(padded, buffer, out var written) || written != SignatureBytes)
        {
            return false;
        }

        buffer.AsSpan(0, SignatureBytes).CopyTo(into);
        return true;
    }

    private static byte[] DecodeConfigured(string configured)
    {
        var key = Convert.FromBase64String(configured);
        return key.Length >= 32
            ? key
            : throw new InvalidOperationException($"{ImagingOptions.Section}:HmacKey must be at least 32 bytes, base64-encoded.");
    }
}

public enum SignatureCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
}
