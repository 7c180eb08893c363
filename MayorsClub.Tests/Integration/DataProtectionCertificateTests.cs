using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>With MayorsClub:DataProtection:CertificatePath set, the keys in the database are encrypted with that certificate.</summary>
public sealed class DataProtectionCertificateTests
{
    [Test]
    public async Task KeysInTheDatabase_AreEncryptedWithTheConfiguredCertificate_AndReadableOnlyWithIt()
    {
        var folder = Directory.CreateTempSubdirectory("mayorsclub-certificate-").FullName;
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Mayors' Club data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var pfx = Path.Combine(folder, "data-protection.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));

            await using var site = await TestSite.StartAsync(DatabaseProvider.Sqlite, demoContent: false, settings: new Dictionary<string, string>
            {
                ["MayorsClub:DataProtection:CertificatePath"] = pfx,
                ["MayorsClub:DataProtection:CertificatePassword"] = "pfx-password",
            });
            var secret = site.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("the secret");

            string xml;
            await using (var scope = site.Services.CreateAsyncScope())
            {
                xml = scope.ServiceProvider.GetRequiredService<MayorsClub.Core.Persistence.MayorsClubDbContext>().DataProtectionKeys.Single().Xml!;
            }

            Assert.That(xml, Does.Contain("EncryptedData").And.Not.Contain("<value>"), "the key's secret is not in the database in the clear");

            // A copy of the stored key in a folder, read back as a restarted site reads it.
            var keys = Directory.CreateDirectory(Path.Combine(folder, "keys"));
            await File.WriteAllTextAsync(Path.Combine(keys.FullName, "key-copy.xml"), xml);

            // As a restarted site reads them: with the certificate the keys open, without it they do not.
            using var loaded = X509CertificateLoader.LoadPkcs12FromFile(pfx, "pfx-password");
            var withCertificate = DataProtectionProvider.Create(keys, b => b.SetApplicationName("MayorsClub"), loaded);
            Assert.That(withCertificate.CreateProtector("test").Unprotect(secret), Is.EqualTo("the secret"));
            var without = DataProtectionProvider.Create(keys, b => b.SetApplicationName("MayorsClub"));
            Assert.That(() => without.CreateProtector("test").Unprotect(secret), Throws.InstanceOf<CryptographicException>());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
