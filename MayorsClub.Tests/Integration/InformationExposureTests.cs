using System.Net;
using MayorsClub.Core.Setup;
using MayorsClub.Tests.Infrastructure;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>What an outsider must not learn: the back office's source maps, and which API client ids exist.</summary>
public sealed class InformationExposureTests
{
    private TestSite _site = null!;

    [OneTimeSetUp]
    public async Task StartSite() => _site = await TestSite.StartAsync(Tests.Infrastructure.DatabaseProvider.Sqlite, demoContent: false, settings: ManagementApiClient.Settings);

    [OneTimeTearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task SourceMaps_AreNotServed_OutsideDevelopment_NorBuiltInRelease()
    {
        var folder = Path.Combine(SitePaths.FindRoot(TestContext.CurrentContext.TestDirectory), "wwwroot", "umbraco");
        var leftOver = Path.Combine(folder, $"left-over-{Guid.NewGuid():N}.js.map");
        await File.WriteAllTextAsync(leftOver, "{\"version\":3}"); // as a Debug build would have left it
        try
        {
            using var client = BackOfficeSession.Anonymous(_site);
            using var bundle = await client.GetAsync("/umbraco/backoffice.js");
            using var map = await client.GetAsync("/umbraco/" + Path.GetFileName(leftOver));

            Assert.That(bundle.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(map.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await bundle.Content.ReadAsStringAsync(), Does.Not.Contain("sourceMappingURL"), "a Release build makes no maps");
        }
        finally
        {
            File.Delete(leftOver);
        }
    }

    [Test]
    public async Task TheTokenEndpoint_AnswersAnUnknownClientAndAWrongSecretAlike()
    {
        using var client = BackOfficeSession.Anonymous(_site);

        using var unknown = await RequestTokenAsync(client, "no-such-client", EditorsSecret);
        using var wrongSecret = await RequestTokenAsync(client, EditorsId, "wrong-secret-0123456789-abcdefgh");

        var body = await wrongSecret.Content.ReadAsStringAsync();
        Assert.That(body, Does.Contain("\"error\": \"invalid_client\"").Or.Contain("\"error\":\"invalid_client\""));
        Assert.That(unknown.StatusCode, Is.EqualTo(wrongSecret.StatusCode));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Is.EqualTo(body));
    }
}
