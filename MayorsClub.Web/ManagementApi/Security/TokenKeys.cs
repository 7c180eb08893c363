using System.Security.Cryptography;
using MayorsClub.Core.Setup;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace MayorsClub.Web.ManagementApi.Security;

/// <summary>
/// The RSA keys that sign and encrypt the Management API's access tokens. Made once, on the first start, and kept
/// in the data folder (readable by the site's user only), so tokens stay valid across restarts and every web node
/// that shares the data folder accepts them.
/// </summary>
internal sealed class TokenKeys(SitePaths paths) : IConfigureOptions<OpenIddictServerOptions>
{
    public const string Folder = "management-api";
    public const string SigningKeyFile = "token-signing-key.pem";
    public const string EncryptionKeyFile = "token-encryption-key.pem";

    public void Configure(OpenIddictServerOptions options)
    {
        var folder = Path.Combine(paths.Data, Folder);
        options.SigningCredentials.Add(new SigningCredentials(LoadOrCreate(Path.Combine(folder, SigningKeyFile)), SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            LoadOrCreate(Path.Combine(folder, EncryptionKeyFile)), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private static RsaSecurityKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Create(path);
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        var keyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo())[..16]);
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    /// <summary>Writes a new key beside the target and moves it in place, so two processes starting at once agree on one key.</summary>
    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(2048);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, file))
        {
            writer.Write(rsa.ExportPkcs8PrivateKeyPem());
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another process made it first: use theirs
        }
    }
}
