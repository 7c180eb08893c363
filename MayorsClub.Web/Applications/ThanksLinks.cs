using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace MayorsClub.Web.Applications;

/// <summary>
/// The confirmation page's address carries the form and the reference sealed by data protection (for a day), so the
/// page shows only what its visitor was given and nobody can list others' references by trying addresses.
/// </summary>
public sealed class ThanksLinks(IDataProtectionProvider dataProtection)
{
    public const string Parameter = "r";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("MayorsClub.Applications.Thanks").ToTimeLimitedDataProtector();

    public static string Path(string culture) => $"/{culture}/applications/thanks";

    public string Url(string culture, string form, string reference) =>
        $"{Path(culture)}?{Parameter}={Uri.EscapeDataString(_protector.Protect(form + "\n" + reference, Lifetime))}";

    /// <summary>The form and reference sealed in the value; null when it is missing, forged or too old.</summary>
    public (string Form, string Reference)? Read(string? sealedValue)
    {
        if (string.IsNullOrEmpty(sealedValue) || sealedValue.Length > 1000)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(sealedValue).Split('\n') is [var form, var reference] ? (form, reference) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
