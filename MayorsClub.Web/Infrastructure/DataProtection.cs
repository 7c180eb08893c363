using System.Security.Cryptography.X509Certificates;
using MayorsClub.Core.Keys;
using MayorsClub.Core.Setup;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace MayorsClub.Web.Infrastructure;

public static class DataProtection
{
    public const string CertificatePathSetting = "MayorsClub:DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "MayorsClub:DataProtection:CertificatePassword";

    /// <summary>
    /// Keys for cookies and antiforgery tokens live in the database, so sign-ins survive a restart and every node
    /// accepts what another signed. With a certificate configured they are encrypted with it; without one (Linux has
    /// no DPAPI) they are stored as they are, and one log line at start says so. Keys an older site kept in
    /// {DataPath}/keys are imported once, when the database is brought up to date (see DataProtectionKeyImport).
    /// </summary>
    public static void AddMayorsClubDataProtection(this WebApplicationBuilder builder)
    {
        var paths = SitePaths.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("MayorsClub")
            .PersistKeysToSiteDatabase();

        var certificatePath = builder.Configuration[CertificatePathSetting];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                Path.GetFullPath(certificatePath, paths.Root), builder.Configuration[CertificatePasswordSetting]);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"{CertificatePathSetting}: the certificate has no private key, so the keys it protects could not be read back.");
            }

            dataProtection.ProtectKeysWithCertificate(certificate);
            builder.Services.AddHostedService(sp => new DataProtectionNotice(
                sp.GetRequiredService<ILogger<DataProtectionNotice>>(), sp.GetRequiredService<SiteKeys>(), certificate.Thumbprint));
        }
        else if (!OperatingSystem.IsWindows()) // Windows protects them with DPAPI by itself
        {
            // Stated rather than left to the framework's "No XML encryptor configured" warning on every new key,
            // which reads as an alarm.
            builder.Services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new NullXmlEncryptor());
            builder.Services.AddHostedService(sp => new DataProtectionNotice(
                sp.GetRequiredService<ILogger<DataProtectionNotice>>(), sp.GetRequiredService<SiteKeys>(), thumbprint: null));
        }
    }

    private sealed class DataProtectionNotice(ILogger<DataProtectionNotice> logger, SiteKeys keys, string? thumbprint) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var database = keys.DescribeDatabase();
            if (thumbprint is not null)
            {
                logger.LogInformation("Data-protection keys in the {Database} (table DataProtectionKeys) are encrypted with the certificate {Thumbprint}", database, thumbprint);
            }
            else
            {
                logger.LogInformation(
                    "Data-protection keys (sign-in cookies, antiforgery tokens) are stored unencrypted in the {Database} (table DataProtectionKeys): " +
                    "this platform has no DPAPI, so whoever reads the database or its backups can read them. In production set {Setting} (a .pfx) to encrypt them",
                    database, CertificatePathSetting);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
