using System.Security.Cryptography.X509Certificates;
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
    /// Keys for cookies and antiforgery tokens live in the data folder, so sign-ins survive a restart. With a
    /// certificate configured they are encrypted with it; without one (Linux has no DPAPI) they are stored as they
    /// are, in a folder only the site's user can read, and one log line at start says so.
    /// </summary>
    public static void AddMayorsClubDataProtection(this WebApplicationBuilder builder)
    {
        var paths = SitePaths.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        var folder = Path.Combine(paths.Data, "keys");
        RestrictToOwner(folder);

        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("MayorsClub")
            .PersistKeysToFileSystem(new DirectoryInfo(folder));

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
                sp.GetRequiredService<ILogger<DataProtectionNotice>>(), folder, certificate.Thumbprint));
        }
        else if (!OperatingSystem.IsWindows()) // Windows protects them with DPAPI by itself
        {
            // Stated rather than left to the framework's "No XML encryptor configured" warning on every new key,
            // which reads as an alarm: the folder's permissions are the protection.
            builder.Services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new NullXmlEncryptor());
            builder.Services.AddHostedService(sp => new DataProtectionNotice(
                sp.GetRequiredService<ILogger<DataProtectionNotice>>(), folder, thumbprint: null));
        }
    }

    /// <summary>0700 on the folder and 0600 on the keys in it (where the platform has Unix permissions).</summary>
    private static void RestrictToOwner(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var key in Directory.EnumerateFiles(folder))
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private sealed class DataProtectionNotice(ILogger<DataProtectionNotice> logger, string folder, string? thumbprint) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (thumbprint is not null)
            {
                logger.LogInformation("Data-protection keys in {Folder} are encrypted with the certificate {Thumbprint}", folder, thumbprint);
            }
            else
            {
                logger.LogInformation(
                    "Data-protection keys (sign-in cookies, antiforgery tokens) are stored unencrypted in {Folder}, readable only by this user: " +
                    "this platform has no DPAPI. In production set {Setting} (a .pfx) to encrypt them",
                    folder, CertificatePathSetting);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
