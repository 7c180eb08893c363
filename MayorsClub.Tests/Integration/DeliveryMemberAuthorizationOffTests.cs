using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Web.Delivery;
using MayorsClub.Web.Delivery.Security;
using MayorsClub.Web.ManagementApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// A site that configures no login redirect URL (the default), as Umbraco: no member client, the members' endpoints are
/// 404 in JSON, discovery names only the Management API's token endpoint, and every bearer token is refused by the
/// Delivery API. One database is enough: nothing here depends on the provider.
/// </summary>
public sealed class DeliveryMemberAuthorizationOffTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    private const string Security = "/umbraco/delivery/api/v1/security/member";

    protected override IReadOnlyDictionary<string, string>? Settings => ManagementApiClient.Settings;

    [Test]
    public async Task WithoutALoginRedirectUrl_ThereIsNoMemberClient_NorMemberEndpoints()
    {
        using var client = MemberSession.Anonymous(Site);
        using var authorize = await client.GetAsync($"{Security}/authorize?client_id=umbraco-member&response_type=code");
        using var token = await client.PostAsync($"{Security}/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token" }));
        using var discovery = await client.GetAsync("/.well-known/openid-configuration");
        var document = JsonNode.Parse(await discovery.Content.ReadAsStringAsync())!;
        await Site.Services.GetRequiredService<MemberClientRegistrar>().WhenRegistered;
        var application = await WithServices(services =>
            services.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(DeliveryMemberAuthorization.ClientId).AsTask());

        Assert.That(authorize.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(authorize.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(token.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(application, Is.Null);
        Assert.That(document["authorization_endpoint"], Is.Null);
        Assert.That((string?)document["token_endpoint"], Is.EqualTo("http://localhost" + TokenPath));
    }

    [Test]
    public void RedirectUrlsThatAreNotAbsolute_AndAManagementClientNamedUmbracoMember_StopTheSiteFromStarting()
    {
        var relative = new MemberRedirectUrlsValidator().Validate(null, new DeliveryApiOptions
        {
            MemberAuthorization = new DeliveryMemberAuthorizationOptions { LoginRedirectUrls = ["/callback"], LogoutRedirectUrls = ["https://app.example/#out"] },
        });
        var absolute = new MemberRedirectUrlsValidator().Validate(null, new DeliveryApiOptions
        {
            MemberAuthorization = new DeliveryMemberAuthorizationOptions { LoginRedirectUrls = ["https://app.example/cb", "ua.mayorsclub.app:/cb"] },
        });
        var clash = new ManagementApiOptionsValidator().Validate(null, new ManagementApiOptions
        {
            Clients = [new ApiClientOptions { Id = DeliveryMemberAuthorization.ClientId, Secret = EditorsSecret, Group = "Editors" }],
        });

        Assert.That(relative.Failures, Has.Count.EqualTo(2));
        Assert.That(absolute.Succeeded, Is.True, "an app's own scheme is fine");
        Assert.That(clash.Failures, Has.One.Contains("member client"));
    }

    [Test]
    public async Task EveryBearerToken_IsRefusedByTheDeliveryApi()
    {
        using var editor = await SignedInAsync(Site, EditorsId, EditorsSecret);
        var caller = await WithServices(async services =>
        {
            var http = new DefaultHttpContext { RequestServices = services };
            http.Request.Scheme = "http";
            http.Request.Host = new HostString("localhost");
            http.Request.Headers.Authorization = editor.DefaultRequestHeaders.Authorization!.ToString();
            return await services.GetRequiredService<IDeliveryCallerAuthentication>().AuthenticateAsync(http);
        });

        Assert.That(caller.Kind, Is.EqualTo(DeliveryCallerKind.InvalidToken));
    }
}
