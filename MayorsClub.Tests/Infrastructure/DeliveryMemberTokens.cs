using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MayorsClub.Web.Delivery.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace MayorsClub.Tests.Infrastructure;

/// <summary>
/// A member's app gets Delivery API tokens as Umbraco's docs describe it: authorize (code flow, PKCE S256) for the client
/// <c>umbraco-member</c>, the member signs in on the site's page, the code comes back to the app, the app exchanges it.
/// The site must list <see cref="AppCallback"/> as a login redirect URL (<see cref="Settings"/>).
/// </summary>
public static class DeliveryMemberTokens
{
    public const string Security = "/umbraco/delivery/api/v1/security/member";
    public const string AppCallback = "https://app.example/callback";

    /// <summary>The configuration the flow needs (the in-memory test server speaks plain HTTP).</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["MayorsClub:ManagementApi:RequireHttps"] = "false",
        ["MayorsClub:DeliveryApi:MemberAuthorization:LoginRedirectUrls:0"] = AppCallback,
    };

    /// <summary>The member's access token.</summary>
    public static async Task<string> GetAsync(TestSite site, string memberEmail, string password = MemberSession.DefaultPassword)
    {
        var (browser, tokens) = await SignInAsync(site, memberEmail, password);
        browser.Dispose();
        return (string)tokens["access_token"]!;
    }

    /// <summary>The member's browser (signed in on the site) and the token response the app got (access, refresh and id tokens).</summary>
    public static async Task<(HttpClient Browser, JsonNode Tokens)> SignInAsync(TestSite site, string memberEmail, string password = MemberSession.DefaultPassword)
    {
        await site.Services.GetRequiredService<MemberClientRegistrar>().WhenRegistered;
        var browser = MemberSession.Anonymous(site);
        using (var signedIn = await MemberSession.PostSignInAsync(browser, memberEmail, password))
        {
            Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the member signed in on the site");
        }

        var pkce = Pkce.New();
        var (status, tokens) = await ExchangeAsync(browser, await CodeAsync(browser, pkce), pkce.Verifier);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), tokens.ToJsonString());
        return (browser, tokens);
    }

    /// <summary>The code a signed-in member's browser brings back to the app.</summary>
    public static async Task<string> CodeAsync(HttpClient signedIn, Pkce pkce)
    {
        using var response = await signedIn.GetAsync(AuthorizeUrl(pkce.Challenge));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Location!.GetLeftPart(UriPartial.Path), Is.EqualTo(AppCallback));
        return QueryHelpers.ParseQuery(response.Headers.Location.Query)["code"].ToString();
    }

    public static Task<(HttpStatusCode Status, JsonNode Body)> ExchangeAsync(HttpClient client, string code, string verifier) =>
        PostAsync(client, "token", new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = DeliveryMemberAuthorization.ClientId,
            ["code"] = code,
            ["redirect_uri"] = AppCallback,
            ["code_verifier"] = verifier,
        });

    /// <summary>A form POST to one of the member security endpoints; never a server error.</summary>
    public static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(HttpClient client, string endpoint, Dictionary<string, string> form)
    {
        using var response = await client.PostAsync($"{Security}/{endpoint}", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.LessThan(500), body);
        return (response.StatusCode, body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!);
    }

    public static string AuthorizeUrl(
        string? challenge, string redirectUri = AppCallback, string clientId = DeliveryMemberAuthorization.ClientId, string method = "S256", string state = "s")
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid offline_access",
            ["state"] = state,
        };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge;
            query["code_challenge_method"] = method;
        }

        return QueryHelpers.AddQueryString($"{Security}/authorize", query);
    }

    public sealed record Pkce(string Verifier, string Challenge)
    {
        public static Pkce New()
        {
            var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
            return new Pkce(verifier, Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))));
        }
    }
}
