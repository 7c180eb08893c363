using System.Security.Cryptography;
using MayorsClub.Core.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace MayorsClub.Web.ManagementApi.Security;

/// <summary>
/// The RSA keys that sign and encrypt the Management API's access tokens, kept in the database (SiteKeys) so every
/// node issues and accepts the same tokens. Made on the first start (SiteKeyMaker); a site that kept them as PEM files in
/// {DataPath}/management-api brings those in on its first start after the upgrade, so its tokens stay valid.
/// </summary>
internal sealed class TokenKeys(SiteKeys keys) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        options.SigningCredentials.Add(new SigningCredentials(Load(SiteKeys.TokenSigning), SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            Load(SiteKeys.TokenEncryption), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private RsaSecurityKey Load(string name)
    {
        var pem = keys.Get(name);
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var keyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo())[..16]);
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }
}
