using System.Net;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Web.ManagementApi;
using MayorsClub.Web.ManagementApi.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>The token endpoint: clients follow the configuration, keys are kept in the data folder, requests are limited.</summary>
public sealed class ManagementApiTokenTests
{
    private TestSite _site = null!;

    [OneTimeSetUp]
    public async Task StartSite() => _site = await TestSite.StartAsync(DatabaseProvider.Sqlite, settings: ManagementApiClient.Settings);

    [OneTimeTearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task ChangedSecretOrGroup_TakesEffect_AndARemovedClientGetsNoToken()
    {
        using var client = BackOfficeSession.Anonymous(_site);
        var registrar = _site.Services.GetRequiredService<ApiClientRegistrar>();
        var configured = ManagementApiClient.Settings.Count; // keep the three test clients
        var editors = new ApiClientOptions { Id = EditorsId, Secret = EditorsSecret, Group = BackOfficeGroups.Editors };
        var writers = new ApiClientOptions { Id = WritersId, Secret = WritersSecret, Group = BackOfficeGroups.Writers };
        const string newSecret = "rotated-secret-0123456789-abcdef";

        await registrar.WhenRegistered;
        await registrar.SyncAsync([editors, writers, new ApiClientOptions { Id = "rotating", Secret = EditorsSecret, Group = BackOfficeGroups.Writers }]);
        using var first = await RequestTokenAsync(client, "rotating", EditorsSecret);
        await registrar.SyncAsync([editors, writers, new ApiClientOptions { Id = "rotating", Secret = newSecret, Group = BackOfficeGroups.Editors }]);
        using var oldSecret = await RequestTokenAsync(client, "rotating", EditorsSecret);
        using var rotated = await SignedInAsync(_site, "rotating", newSecret);
        var publish = await PutJsonAsync(rotated, $"document/{Guid.NewGuid()}/publish", new { cultures = new[] { "uk" } });
        await registrar.SyncAsync([editors, writers]);
        using var removed = await RequestTokenAsync(client, "rotating", newSecret);

        Assert.That(configured, Is.GreaterThan(0));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((int)oldSecret.StatusCode, Is.AnyOf(400, 401));
        Assert.That(publish.Status, Is.EqualTo(HttpStatusCode.NotFound), "now an editor: allowed to publish, and the document is missing");
        Assert.That((int)removed.StatusCode, Is.AnyOf(400, 401));
        using var stillThere = await RequestTokenAsync(client, EditorsId, EditorsSecret);
        Assert.That(stillThere.StatusCode, Is.EqualTo(HttpStatusCode.OK), "unchanged clients keep working");
    }

    [Test]
    public async Task AToken_StopsWorking_WhenItsClientIsMovedToAnotherGroup_OrRemoved()
    {
        var registrar = _site.Services.GetRequiredService<ApiClientRegistrar>();
        var configured = _site.Services.GetRequiredService<IOptions<ManagementApiOptions>>().Value.Clients;
        await registrar.WhenRegistered;
        await registrar.SyncAsync([.. configured, new ApiClientOptions { Id = "moving", Secret = EditorsSecret, Group = BackOfficeGroups.Editors }]);
        using var asEditor = await SignedInAsync(_site, "moving", EditorsSecret);
        var whileEditor = await GetJsonAsync(asEditor, "tree/document/root");

        await registrar.SyncAsync([.. configured, new ApiClientOptions { Id = "moving", Secret = EditorsSecret, Group = BackOfficeGroups.Writers }]);
        var afterTheMove = await GetJsonAsync(asEditor, "tree/document/root");
        using var asWriter = await SignedInAsync(_site, "moving", EditorsSecret);
        var writerPublishes = await PutJsonAsync(asWriter, $"document/{Guid.NewGuid()}/publish", new { cultures = new[] { "uk" } });

        await registrar.SyncAsync(configured);
        var afterRemoval = await GetJsonAsync(asWriter, "tree/document/root");

        Assert.That(whileEditor.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(afterTheMove.Status, Is.EqualTo(HttpStatusCode.Unauthorized), "the editor's token is no good once the client is a writer");
        Assert.That(writerPublishes.Status, Is.EqualTo(HttpStatusCode.Forbidden), "a new token has the writer's rights");
        Assert.That(afterRemoval.Status, Is.EqualTo(HttpStatusCode.Unauthorized), "a removed client's token is no good");
    }

    [Test]
    public async Task SigningKeys_AreKeptInTheDatabase_NotInTheDataFolder()
    {
        using (await SignedInAsync(_site, EditorsId, EditorsSecret))
        {
        }

        await using var scope = _site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClub.Core.Persistence.MayorsClubDbContext>();
        var keys = db.SiteKeys.Where(k => k.Name.StartsWith("management-api-")).ToDictionary(k => k.Name, k => k.Value);

        Assert.That(keys.Keys, Is.EquivalentTo(new[] { MayorsClub.Core.Keys.SiteKeys.TokenSigning, MayorsClub.Core.Keys.SiteKeys.TokenEncryption }));
        Assert.That(keys.Values, Has.All.StartsWith("-----BEGIN PRIVATE KEY-----"));
        Assert.That(Directory.Exists(Path.Combine(_site.Database.DataPath, "management-api")), Is.False);
    }

    [Test]
    public async Task HttpWithoutTls_IsRefused_WhereHttpsIsRequired()
    {
        await using var site = await TestSite.StartAsync(DatabaseProvider.Sqlite, demoContent: false,
            settings: new Dictionary<string, string>(ManagementApiClient.Settings) { ["MayorsClub:ManagementApi:RequireHttps"] = "true" });
        using var client = BackOfficeSession.Anonymous(site);

        using var response = await RequestTokenAsync(client, EditorsId, EditorsSecret);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("HTTPS").IgnoreCase);
    }

    [Test]
    public async Task TooManyTokenRequests_Get429()
    {
        await using var site = await TestSite.StartAsync(DatabaseProvider.Sqlite, demoContent: false, settings: ManagementApiClient.Settings);
        using var client = BackOfficeSession.Anonymous(site);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i <= TokenServer.TokenRequestsPerMinute; i++)
        {
            using var response = await RequestTokenAsync(client, EditorsId, "wrong-secret-0123456789-abcdefgh");
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses[^1], Is.EqualTo(HttpStatusCode.TooManyRequests));
        using var limited = await RequestTokenAsync(client, EditorsId, EditorsSecret);
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "even with the right secret, for a minute");
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(limited.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await limited.Content.ReadAsStringAsync(), Does.Contain("\"status\":429"));
    }

    [Test]
    public void MisconfiguredClients_AreNamedAtStartUp()
    {
        var result = new ManagementApiOptionsValidator().Validate(null, new ManagementApiOptions
        {
            Clients =
            [
                new ApiClientOptions { Id = "importer", Secret = "short", Group = "Editors" },
                new ApiClientOptions { Id = "bad id!", Secret = new string('x', 32), Group = "Bosses" },
                new ApiClientOptions { Id = "importer", Secret = new string('y', 32), Group = "Writers" },
            ],
        });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.Failures, Has.Some.Contains("MayorsClub:ManagementApi:Clients:0:Secret"));
        Assert.That(result.Failures, Has.Some.Contains("MayorsClub:ManagementApi:Clients:1:Id"));
        Assert.That(result.Failures, Has.Some.Contains("MayorsClub:ManagementApi:Clients:1:Group"));
        Assert.That(result.Failures, Has.Some.Contains("\"importer\" more than once"));
    }
}
