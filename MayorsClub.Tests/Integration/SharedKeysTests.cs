using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MayorsClub.Core.Imaging;
using MayorsClub.Core.Media;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Two nodes on one PostgreSQL database, each with its own data folder and one shared media folder
/// (MayorsClub:MediaPath): what one node signs (sign-in cookies, antiforgery tokens, Management API tokens, image URLs)
/// the other accepts, and a file uploaded through one is stored in the shared folder and served by the other.
/// PostgreSQL only: several nodes are a PostgreSQL deployment.
/// </summary>
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class SharedKeysTests(DatabaseProvider provider)
{
    private string _media = null!;
    private TestSite _a = null!;
    private TestSite _b = null!;
    private MediaItem _photo = null!;

    [OneTimeSetUp]
    public async Task StartTwoNodes()
    {
        _media = Directory.CreateTempSubdirectory("mayorsclub-shared-media-").FullName;
        var settings = new Dictionary<string, string>(ManagementApiClient.Settings) { ["MayorsClub:MediaPath"] = _media };
        _a = await TestSite.StartAsync(provider, settings: settings);
        await using (var scope = _a.Services.CreateAsyncScope())
        {
            using var png = Image.Black(400, 300).NewFromImage(30, 90, 200).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
            var uploaded = await scope.ServiceProvider.GetRequiredService<MediaUploader>().UploadAsync(
                new MediaUploader.UploadCommand(new MemoryStream(png.PngsaveBuffer()), "Площа.png", null, false, TestSite.AdminEmail));
            Assert.That(uploaded.Succeeded, Is.True, string.Join(", ", uploaded.Errors));
            _photo = uploaded.Item!;
        }

        _b = await _a.StartAnotherNodeAsync(settings);
    }

    [OneTimeTearDown]
    public async Task StopNodes()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        Directory.Delete(_media, recursive: true);
    }

    /// <summary>Two clients, one per node, with one cookie jar: a browser whose requests the load balancer sends to either.</summary>
    private (HttpClient OnA, HttpClient OnB) OneBrowser()
    {
        var cookies = new CookieContainer();
        return (_a.CreateDefaultClient(new CookieContainerHandler(cookies)), _b.CreateDefaultClient(new CookieContainerHandler(cookies)));
    }

    [Test]
    public async Task BackOfficeSignIn_FormFromA_PostedToB_SignsIn_AndTheCookieWorksOnBothNodes()
    {
        using (await BackOfficeSession.SignInAsync(_a, "two-nodes@test.local", "Two-nodes-password-1", BackOfficeGroups.Editors))
        {
        }

        var (onA, onB) = OneBrowser();
        var token = await Antiforgery.TokenAsync(onA, "/umbraco/login"); // the token and its cookie from node A
        using var signIn = await onB.PostAsync("/umbraco/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "two-nodes@test.local", ["Password"] = "Two-nodes-password-1", ["__RequestVerificationToken"] = token,
        }));
        using var dashboardOnA = await onA.GetAsync("/umbraco");
        using var dashboardOnB = await onB.GetAsync("/umbraco");

        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "node B accepted node A's antiforgery token");
        Assert.That(dashboardOnA.StatusCode, Is.EqualTo(HttpStatusCode.OK), "node A accepts the cookie node B issued");
        Assert.That(dashboardOnB.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task MemberSignedInOnA_IsSignedInOnB()
    {
        var email = MemberSession.NewEmail("two-nodes");
        await MemberSession.CreateMemberAsync(_a, email);
        var (onA, onB) = OneBrowser();

        using var signIn = await MemberSession.PostSignInAsync(onA, email, MemberSession.DefaultPassword);
        using var profileOnB = await onB.GetAsync("/uk/members/profile");

        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(profileOnB.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await profileOnB.Content.ReadAsStringAsync(), Does.Contain(email));
    }

    [Test]
    public async Task ManagementApiToken_IssuedByA_IsAcceptedByB()
    {
        var (onA, onB) = OneBrowser();
        using var issued = await ManagementApiClient.RequestTokenAsync(onA, ManagementApiClient.EditorsId, ManagementApiClient.EditorsSecret);
        var token = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var tree = await onB.GetAsync($"{ManagementApiClient.Base}/tree/document/root");
        onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + "AAAA");
        using var tampered = await onB.GetAsync($"{ManagementApiClient.Base}/tree/document/root");

        Assert.That(tree.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(tampered.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ImageUrlSignedByA_IsServedByB_FromTheSharedMediaFolder()
    {
        var url = _a.Services.GetRequiredService<ImageUrls>().For(_photo, new ImageCommands { Width = 123, Height = 77, Mode = ResizeMode.Crop })!;
        Assert.That(url, Does.Contain("hmac="));
        var (_, onB) = OneBrowser();

        using var variant = await onB.GetAsync(url);
        using var forged = await onB.GetAsync(url.Replace("hmac=", "hmac=A", StringComparison.Ordinal));

        Assert.That(variant.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using (var image = Image.NewFromBuffer(await variant.Content.ReadAsByteArrayAsync()))
        {
            Assert.That((image.Width, image.Height), Is.EqualTo((123, 77)));
        }

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Uploads_LandInTheMediaPath_AndTheOtherNodeServesTheSameBytes()
    {
        var stored = Directory.EnumerateFiles(_media, "*.png", SearchOption.AllDirectories).ToList();
        var (onA, onB) = OneBrowser();

        var original = _photo.PublicUrl!.Split('?')[0];
        var fromA = await onA.GetByteArrayAsync(original);
        var fromB = await onB.GetByteArrayAsync(original);

        Assert.That(stored, Is.Not.Empty, "the upload is in MayorsClub:MediaPath");
        Assert.That(Directory.Exists(Path.Combine(_a.Database.DataPath, "media")), Is.False, "nothing in the data folder's default media folder");
        Assert.That(fromB, Is.EqualTo(fromA));
        Assert.That(stored.Select(File.ReadAllBytes), Has.Some.EqualTo(fromA));
    }
}

/// <summary>
/// An upgraded site: the keys an older version kept in files (data protection, the Management API's PEM keys, the
/// imaging HMAC key) are brought into the database on its first start, so what they signed stays valid.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
public sealed class SharedKeysUpgradeTests(DatabaseProvider provider)
{
    private TestSite _site = null!;
    private string _protected = null!;
    private string _signingPem = null!;
    private byte[] _hmacKey = null!;

    [OneTimeSetUp]
    public async Task StartAnUpgradedSite()
    {
        _site = await TestSite.StartAsync(provider, demoContent: false, beforeStart: database =>
        {
            // What the previous version left in its data folder.
            var keys = Directory.CreateDirectory(Path.Combine(database.DataPath, "keys")).FullName;
            var old = Microsoft.AspNetCore.DataProtection.DataProtectionProvider.Create(new DirectoryInfo(keys), b => b.SetApplicationName("MayorsClub"));
            _protected = Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(old.CreateProtector("upgrade-test"), "signed before the upgrade");

            using var rsa = System.Security.Cryptography.RSA.Create(2048);
            _signingPem = rsa.ExportPkcs8PrivateKeyPem();
            var tokens = Directory.CreateDirectory(Path.Combine(database.DataPath, "management-api")).FullName;
            File.WriteAllText(Path.Combine(tokens, "token-signing-key.pem"), _signingPem);

            _hmacKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
            File.WriteAllText(Path.Combine(keys, "imaging-hmac.key"), Convert.ToBase64String(_hmacKey));
            return Task.CompletedTask;
        }, settings: ManagementApiClient.Settings);
    }

    [OneTimeTearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public void DataProtectionKeys_FromTheOldFolder_StillOpenWhatTheyProtected()
    {
        var provider = _site.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>();

        var opened = Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Unprotect(provider.CreateProtector("upgrade-test"), _protected);

        Assert.That(opened, Is.EqualTo("signed before the upgrade"));
        Assert.That(Directory.GetFiles(Path.Combine(_site.Database.DataPath, "keys"), "key-*.xml"), Has.Length.EqualTo(1), "the folder is left as it was");
    }

    [Test]
    public async Task TheOldTokenSigningKey_SignsTheManagementApisTokens()
    {
        using (await ManagementApiClient.SignedInAsync(_site, ManagementApiClient.EditorsId, ManagementApiClient.EditorsSecret))
        {
        }

        await using var scope = _site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClub.Core.Persistence.MayorsClubDbContext>();

        Assert.That(db.SiteKeys.Single(k => k.Name == MayorsClub.Core.Keys.SiteKeys.TokenSigning).Value, Is.EqualTo(_signingPem));
        Assert.That(db.SiteKeys.Single(k => k.Name == MayorsClub.Core.Keys.SiteKeys.TokenEncryption).Value, Does.StartWith("-----BEGIN PRIVATE KEY-----"),
            "a key the old site did not have is made new");
    }

    [Test]
    public void TheOldImagingKey_StillSignsImageUrls()
    {
        var signer = _site.Services.GetRequiredService<ImageUrlSigner>();
        var media = Guid.NewGuid();
        var message = System.Text.Encoding.UTF8.GetBytes($"{media:N}\nv1\nwidth=300\n");
        var old = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(_hmacKey, message)[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.That(signer.Sign(media, "v1", "width=300"), Is.EqualTo(old));
        Assert.That(signer.Check(media, "v1", "width=300", null, old), Is.EqualTo(SignatureCheck.Valid));
    }
}
