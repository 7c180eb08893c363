using System.Text;
using QRCoder;

namespace MayorsClub.Web.BackOffice.Account;

/// <summary>The authenticator key as people type it and as a QR code an authenticator app scans (an otpauth:// URI).</summary>
public static class AuthenticatorSetup
{
    public const string Issuer = "Mayors' Club";

    /// <summary>The key in groups of four lower-case letters, easier to read and type.</summary>
    public static string Readable(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    public static string OtpAuthUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The QR code as a PNG data URI for an &lt;img&gt;.</summary>
    public static string QrCodeDataUri(string email, string key)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(OtpAuthUri(email, key), QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
