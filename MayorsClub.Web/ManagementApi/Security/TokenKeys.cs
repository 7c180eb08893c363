using System.Security.Cryptography;
using MayorsClub.Core.Keys;
using MayorsClub.Core.Setup;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace MayorsClub.Web.ManagementApi.Security;

/// <summary>
/// The RSA keys that sign and encrypt the Management API's access tokens, kept in the database (SiteKeys) so every
/// node issues and accepts the same tokens. Made once by whichever node needs them first; a site that kept them as PEM
/// files in {DataPath}/management-api brings those in on its first start after the upgrade, so its tokens stay valid.
/// </summary>
internal sealed class TokenKeys(SiteKeys keys, SitePaths paths) : IConfigureOptions<OpenIddictServerOptions>
{
    public const string Folder = "management-api";
    public const string SigningKeyFile = "token-signing-key.pem";
    public const string EncryptionKeyFile = "token-encryption-key.pem";

    public void Configure(OpenIddictServerOptions options)
    {
        options.SigningCredentials.Add(new SigningCredentials(Load(SiteKeys.TokenSigning, SigningKeyFile), SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            Load(SiteKeys.TokenEncryption, EncryptionKeyFile), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private RsaSecurityKey Load(string name, string oldFile)
    {
        var pem = keys.GetOrAdd(name, () =>
        {
            var file = Path.Combine(paths.Data, Folder, oldFile);
            if (File.Exists(file))
            {
                return (File.ReadAllText(file), $"imported from {file}");
            }

            using var created = RSA.Create(2048);
            return (created.ExportPkcs8PrivateKeyPem(), "new");
        });

        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var keyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo())[..16]);
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }
}
