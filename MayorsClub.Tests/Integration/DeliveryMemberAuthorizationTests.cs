using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MayorsClub.Core.Members;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Web.Delivery;
using MayorsClub.Web.Delivery.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static MayorsClub.Tests.Infrastructure.DeliveryMemberTokens;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Members sign in to the Delivery API as in Umbraco: OpenID Connect authorization code flow with PKCE for the client
/// <c>umbraco-member</c>, the site's own sign-in page in between, then bearer tokens that only the Delivery API takes, that
/// refresh (rotating) and stop working when revoked, signed out, or when the member's account changes.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class DeliveryMemberAuthorizationTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Security = DeliveryMemberTokens.Security;
    private const string AppCallback = DeliveryMemberTokens.AppCallback;
    private const string AppSignedOut = "https://app.example/signed-out";

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>(ManagementApiClient.Settings)
    {
        ["MayorsClub:DeliveryApi:MemberAuthorization:LoginRedirectUrls:0"] = DeliveryMemberTokens.AppCallback,
        ["MayorsClub:DeliveryApi:MemberAuthorization:LogoutRedirectUrls:0"] = AppSignedOut,
        ["MayorsClub:Members:SecurityStampValidationSeconds"] = "0",
    };

    [Test]
    public async Task Discovery_NamesTheMembersEndpoints_WithPkceS256Only()
    {
        using var client = MemberSession.Anonymous(Site);
        using var response = await client.GetAsync("/.well-known/openid-configuration");
        var discovery = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        using var unknown = await client.GetAsync($"{Security}/no-such-endpoint");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknown.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), "never the site's page");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)discovery["authorization_endpoint"], Is.EqualTo($"http://localhost{Security}/authorize"));
        Assert.That((string?)discovery["token_endpoint"], Is.EqualTo($"http://localhost{Security}/token"));
        Assert.That((string?)discovery["end_session_endpoint"], Is.EqualTo($"http://localhost{Security}/signout"));
        Assert.That((string?)discovery["userinfo_endpoint"], Is.EqualTo($"http://localhost{Security}/userinfo"));
        Assert.That((string?)discovery["revocation_endpoint"], Is.EqualTo($"http://localhost{Security}/revoke"));
        Assert.That(Strings(discovery["code_challenge_methods_supported"]), Is.EqualTo(new[] { "S256" }));
        Assert.That(Strings(discovery["scopes_supported"]), Does.Contain("openid").And.Contain("offline_access"));
        Assert.That(Strings(discovery["grant_types_supported"]), Is.EquivalentTo(new[] { "authorization_code", "refresh_token" }),
            "not the Management API's client credentials: its token endpoint is not the one named here");
        Assert.That(Strings(discovery["response_types_supported"]), Is.EqualTo(new[] { "code" }));
        Assert.That(Strings(discovery["prompt_values_supported"]), Is.EquivalentTo(new[] { "login", "none" }));
        Assert.That(Strings(discovery["claims_supported"]), Is.SupersetOf(new[] { "sub", "name", "email", "role" }));
    }

    [Test]
    public async Task AMember_SignsInOnTheSitesPage_TheAppGetsTokens_ReadsUserinfo_Refreshes_AndARevokedRefreshTokenIsDead()
    {
        var email = MemberSession.NewEmail();
        var memberId = await MemberSession.CreateMemberAsync(Site, email, name: "Ірина Приклад", groups: [MemberGroups.Mayors, MemberGroups.Partners]);
        using var browser = MemberSession.Anonymous(Site);
        var pkce = Pkce.New();

        // The app opens the authorize URL in a browser: the visitor is sent to the sign-in page in their language, and back.
        using var authorize = new HttpRequestMessage(HttpMethod.Get, AuthorizeUrl(pkce.Challenge, state: "xyz"));
        authorize.Headers.AcceptLanguage.ParseAdd("en");
        using var toSignIn = await browser.SendAsync(authorize);
        var signInUrl = toSignIn.Headers.Location!.OriginalString;
        var returnUrl = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), signInUrl).Query)["returnUrl"].ToString();
        using var signedIn = await MemberSession.PostSignInAsync(browser, email, MemberSession.DefaultPassword, culture: "en", returnUrl: returnUrl);
        using var toApp = await browser.GetAsync(signedIn.Headers.Location!.OriginalString);
        var callback = toApp.Headers.Location!;
        var callbackQuery = QueryHelpers.ParseQuery(callback.Query);

        Assert.That(toSignIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(signInUrl, Does.StartWith("/en/members/sign-in?returnUrl="));
        Assert.That(returnUrl, Does.StartWith($"{Security}/authorize?").And.Contain("code_challenge=" + pkce.Challenge));
        Assert.That(signedIn.Headers.Location!.OriginalString, Is.EqualTo(returnUrl));
        Assert.That(toApp.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(callback.GetLeftPart(UriPartial.Path), Is.EqualTo(AppCallback));
        Assert.That(callbackQuery["state"].ToString(), Is.EqualTo("xyz"));

        // The app exchanges the code (with its verifier) for tokens.
        using var app = MemberSession.Anonymous(Site);
        var (tokenStatus, tokens) = await PostAsync(app, "token", new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = DeliveryMemberAuthorization.ClientId,
            ["code"] = callbackQuery["code"].ToString(),
            ["redirect_uri"] = AppCallback,
            ["code_verifier"] = pkce.Verifier,
        });
        Assert.That(tokenStatus, Is.EqualTo(HttpStatusCode.OK), tokens.ToJsonString());
        Assert.That((string?)tokens["token_type"], Is.EqualTo("Bearer"));
        Assert.That((string?)tokens["refresh_token"], Is.Not.Empty, "offline_access gives a refresh token");
        Assert.That((string?)tokens["id_token"], Is.Not.Empty);

        var (infoStatus, info) = await UserInfoAsync(app, (string)tokens["access_token"]!);
        Assert.That(infoStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)info["sub"], Is.EqualTo(memberId.ToString()));
        Assert.That((string?)info["name"], Is.EqualTo("Ірина Приклад"));
        Assert.That((string?)info["email"], Is.EqualTo(email));
        Assert.That(Strings(info["role"]), Is.EquivalentTo(new[] { MemberGroups.Mayors, MemberGroups.Partners }));

        // Refresh tokens rotate; the new access token works; a revoked refresh token is refused.
        var (refreshStatus, refreshed) = await RefreshAsync(app, (string)tokens["refresh_token"]!);
        Assert.That(refreshStatus, Is.EqualTo(HttpStatusCode.OK), refreshed.ToJsonString());
        Assert.That((string?)refreshed["refresh_token"], Is.Not.Empty.And.Not.EqualTo((string?)tokens["refresh_token"]));
        Assert.That((await UserInfoAsync(app, (string)refreshed["access_token"]!)).Status, Is.EqualTo(HttpStatusCode.OK));

        var (revokeStatus, _) = await PostAsync(app, "revoke", new()
        {
            ["client_id"] = DeliveryMemberAuthorization.ClientId,
            ["token"] = (string)refreshed["refresh_token"]!,
            ["token_type_hint"] = "refresh_token",
        });
        var (afterRevoke, refusal) = await RefreshAsync(app, (string)refreshed["refresh_token"]!);
        Assert.That(revokeStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(afterRevoke, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)refusal["error"], Is.EqualTo("invalid_grant"));
    }

    [Test]
    public async Task Signout_EndsTheSiteSessionAndTheApiSession_ThenGoesToTheConfiguredLogoutUrl()
    {
        var (browser, tokens) = await SignedInAppAsync();
        using (browser)
        {
            var idToken = (string)tokens["id_token"]!;
            using var signout = await browser.GetAsync(
                $"{Security}/signout?id_token_hint={Uri.EscapeDataString(idToken)}&post_logout_redirect_uri={Uri.EscapeDataString(AppSignedOut)}&state=bye");
            using var profile = await browser.GetAsync("/uk/members/profile");

            Assert.That(signout.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(signout.Headers.Location!.GetLeftPart(UriPartial.Path), Is.EqualTo(AppSignedOut));
            Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed out of the site too");
            Assert.That((await RefreshAsync(browser, (string)tokens["refresh_token"]!)).Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await UserInfoAsync(browser, (string)tokens["access_token"]!)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task WhatOAuthForbids_IsRefusedWith400_NeverAServerError()
    {
        var email = MemberSession.NewEmail();
        await MemberSession.CreateMemberAsync(Site, email);
        using var browser = MemberSession.Anonymous(Site);
        using (await MemberSession.PostSignInAsync(browser, email, MemberSession.DefaultPassword))
        {
        }

        var pkce = Pkce.New();
        using var unknownRedirect = await browser.GetAsync(AuthorizeUrl(pkce.Challenge, redirectUri: "https://evil.example/callback"));
        using var otherClient = await browser.GetAsync(AuthorizeUrl(pkce.Challenge, clientId: EditorsId));
        using var unknownClient = await browser.GetAsync(AuthorizeUrl(pkce.Challenge, clientId: "someone-else"));
        using var noPkce = await browser.GetAsync(AuthorizeUrl(challenge: null));
        using var plainPkce = await browser.GetAsync(AuthorizeUrl(pkce.Verifier, method: "plain"));
        Assert.That(ErrorOf(unknownRedirect), Is.EqualTo("400 here: invalid_request"), "never sent to a URL that is not configured");
        Assert.That(ErrorOf(otherClient), Is.EqualTo("400 here: invalid_request"), "a Management API client has no redirect URL");
        Assert.That(ErrorOf(unknownClient), Is.EqualTo("400 here: invalid_request"), "an unknown client");
        Assert.That(ErrorOf(noPkce), Is.EqualTo("400 here: invalid_request"), "PKCE is required");
        Assert.That(ErrorOf(plainPkce), Is.EqualTo("400 here: invalid_request"), "S256 only");

        // prompt=none: the app hears that nobody is signed in; prompt=login: a signed-in member signs in again, then gets the code.
        using var anonymous = MemberSession.Anonymous(Site);
        using var silently = await anonymous.GetAsync(AuthorizeUrl(pkce.Challenge) + "&prompt=none");
        using var again = await browser.GetAsync(AuthorizeUrl(pkce.Challenge) + "&prompt=login");
        var againReturn = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), again.Headers.Location!.OriginalString).Query)["returnUrl"].ToString();
        Assert.That(ErrorOf(silently), Is.EqualTo("at the app: login_required"));
        Assert.That(again.Headers.Location!.OriginalString, Does.StartWith("/uk/members/sign-in?returnUrl="));
        Assert.That(againReturn, Does.StartWith($"{Security}/authorize?").And.Not.Contain("prompt"), "no loop back to the sign-in page");

        // A code works once, with its own verifier only.
        var code = await CodeAsync(browser, pkce);
        var wrongVerifier = await ExchangeAsync(browser, code, Pkce.New().Verifier);
        var code2 = await CodeAsync(browser, pkce);
        var first = await ExchangeAsync(browser, code2, pkce.Verifier);
        var reused = await ExchangeAsync(browser, code2, pkce.Verifier);
        Assert.That(wrongVerifier.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)wrongVerifier.Body["error"], Is.EqualTo("invalid_grant"));
        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)reused.Body["error"], Is.EqualTo("invalid_grant"));

        // Each token endpoint serves its own clients: no client credentials at the members', no member code at the Management API's.
        var clientAtMembers = await PostAsync(browser, "token", new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = EditorsId, ["client_secret"] = EditorsSecret,
        });
        var code3 = await CodeAsync(browser, pkce);
        using var memberAtManagement = await browser.PostAsync(TokenPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = DeliveryMemberAuthorization.ClientId, ["code"] = code3,
            ["redirect_uri"] = AppCallback, ["code_verifier"] = pkce.Verifier,
        }));
        Assert.That(clientAtMembers.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)clientAtMembers.Body["error"], Is.EqualTo("unauthorized_client"));
        Assert.That(memberAtManagement.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task AMembersToken_IsRefusedByTheManagementApi_AndAClientsToken_IsNoMemberOnTheDeliveryApi()
    {
        var (browser, tokens) = await SignedInAppAsync();
        using (browser)
        {
            var memberToken = (string)tokens["access_token"]!;
            using var management = MemberSession.Anonymous(Site);
            management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", memberToken);
            var asMember = await GetJsonAsync(management, "tree/document/root");

            var storedTokens = await WithServices(services => services.GetRequiredService<IOpenIddictTokenManager>().CountAsync().AsTask());
            using var editor = await SignedInAsync(Site, EditorsId, EditorsSecret);
            var storedAfter = await WithServices(services => services.GetRequiredService<IOpenIddictTokenManager>().CountAsync().AsTask());
            var clientToken = editor.DefaultRequestHeaders.Authorization!.Parameter!;
            var asClient = await GetJsonAsync(editor, "tree/document/root");

            Assert.That(asClient.Status, Is.EqualTo(HttpStatusCode.OK), "the client's token works where it belongs");
            Assert.That(storedAfter, Is.EqualTo(storedTokens), "a client-credentials token is self-contained: nothing stored");
            Assert.That(asMember.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await UserInfoAsync(browser, clientToken)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await CallerAsync(clientToken)).Kind, Is.EqualTo(DeliveryCallerKind.InvalidToken));
            Assert.That((await CallerAsync((string)tokens["id_token"]!)).Kind, Is.EqualTo(DeliveryCallerKind.InvalidToken), "an identity token is no access token");
            Assert.That((await CallerAsync("not-a-token")).Kind, Is.EqualTo(DeliveryCallerKind.InvalidToken));
            Assert.That((await CallerAsync(null)).Kind, Is.EqualTo(DeliveryCallerKind.Anonymous));
            var member = await CallerAsync(memberToken);
            Assert.That(member.Kind, Is.EqualTo(DeliveryCallerKind.Member));
            Assert.That(member.Viewer.Groups, Is.EquivalentTo(new[] { MemberGroups.Mayors }));
        }
    }

    [Test]
    public async Task TheMemberClient_FollowsTheConfiguration_NewRedirectUrlsIn_OldOnesOut_GoneWhenOff()
    {
        var registrar = Site.Services.GetRequiredService<MemberClientRegistrar>();
        var configured = Site.Services.GetRequiredService<IOptions<DeliveryApiOptions>>().Value;
        const string moved = "https://app.example/new-callback";
        using var browser = MemberSession.Anonymous(Site);
        var pkce = Pkce.New();
        await registrar.WhenRegistered;
        try
        {
            await registrar.SyncAsync(With([moved]));
            using var atNew = await browser.GetAsync(AuthorizeUrl(pkce.Challenge, redirectUri: moved));
            using var atOld = await browser.GetAsync(AuthorizeUrl(pkce.Challenge));
            await registrar.SyncAsync(With([]));
            using var whenOff = await browser.GetAsync(AuthorizeUrl(pkce.Challenge, redirectUri: moved));

            Assert.That(atNew.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "to the sign-in page");
            Assert.That(atNew.Headers.Location!.OriginalString, Does.StartWith("/uk/members/sign-in"));
            Assert.That(ErrorOf(atOld), Is.EqualTo("400 here: invalid_request"));
            Assert.That(ErrorOf(whenOff), Is.EqualTo("400 here: invalid_request"), "no member client any more");
        }
        finally
        {
            await registrar.SyncAsync(configured);
        }

        using var restored = await browser.GetAsync(AuthorizeUrl(pkce.Challenge));
        Assert.That(restored.Headers.Location!.OriginalString, Does.StartWith("/uk/members/sign-in"));

        DeliveryApiOptions With(List<string> loginUrls) => new()
        {
            MemberAuthorization = new DeliveryMemberAuthorizationOptions { LoginRedirectUrls = loginUrls, LogoutRedirectUrls = [AppSignedOut] },
        };
    }

    [TestCase("locked")]
    [TestCase("unapproved")]
    [TestCase("new security stamp")]
    [TestCase("deleted")]
    public async Task AMembersTokens_StopWorking_WhenTheirAccountChanges(string change)
    {
        var (browser, tokens) = await SignedInAppAsync();
        using (browser)
        {
            var before = await UserInfoAsync(browser, (string)tokens["access_token"]!);
            var sub = Guid.Parse((string)before.Body["sub"]!);
            await WithServices(async services =>
            {
                var users = services.GetRequiredService<UserManager<Member>>();
                var member = (await users.FindByIdAsync(sub.ToString()))!;
                var result = change switch
                {
                    "locked" => await users.SetLockoutEndDateAsync(member, DateTimeOffset.UtcNow.AddYears(100)),
                    "unapproved" => await UnapproveAsync(users, member),
                    "new security stamp" => await users.UpdateSecurityStampAsync(member),
                    _ => await users.DeleteAsync(member),
                };
                Assert.That(result.Succeeded, Is.True);
                return result;
            });

            Assert.That(before.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await UserInfoAsync(browser, (string)tokens["access_token"]!)).Status, Is.EqualTo(HttpStatusCode.Unauthorized), "the access token");
            Assert.That((await CallerAsync((string)tokens["access_token"]!)).Kind, Is.EqualTo(DeliveryCallerKind.InvalidToken));
            var refresh = await RefreshAsync(browser, (string)tokens["refresh_token"]!);
            Assert.That(refresh.Status, Is.EqualTo(HttpStatusCode.BadRequest), "the refresh token");
            Assert.That((string?)refresh.Body["error"], Is.EqualTo("invalid_grant"));
        }

        static async Task<IdentityResult> UnapproveAsync(UserManager<Member> users, Member member)
        {
            member.IsApproved = false;
            return await users.UpdateAsync(member);
        }
    }

    [Test]
    public async Task TheTokenEndpoint_LimitsRequestsPerAddress_With429AndRetryAfter()
    {
        using var client = MemberSession.Anonymous(Site);
        HttpStatusCode last = default;
        HttpResponseMessage? limited = null;
        for (var i = 0; i <= DeliveryMemberAuthorization.RequestsPerMinute && last != HttpStatusCode.TooManyRequests; i++)
        {
            limited?.Dispose();
            limited = await client.PostAsync($"{Security}/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token", ["client_id"] = DeliveryMemberAuthorization.ClientId, ["refresh_token"] = "nothing",
            }));
            last = limited.StatusCode;
        }

        using (limited)
        {
            Assert.That(last, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited!.Headers.RetryAfter, Is.Not.Null);
            Assert.That(limited.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }
    }

    private async Task<(HttpClient Browser, JsonNode Tokens)> SignedInAppAsync()
    {
        var email = MemberSession.NewEmail();
        await MemberSession.CreateMemberAsync(Site, email);
        return await DeliveryMemberTokens.SignInAsync(Site, email);
    }

    private static Task<(HttpStatusCode Status, JsonNode Body)> RefreshAsync(HttpClient client, string refreshToken) =>
        PostAsync(client, "token", new()
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = DeliveryMemberAuthorization.ClientId,
            ["refresh_token"] = refreshToken,
        });

    private static async Task<(HttpStatusCode Status, JsonNode Body)> UserInfoAsync(HttpClient client, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Security}/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.IsSuccessStatusCode ? JsonNode.Parse(body)! : new JsonObject());
    }

    /// <summary>What the Delivery API's content endpoints are told about a request with this bearer token (none: no header).</summary>
    private Task<DeliveryCaller> CallerAsync(string? bearer) => WithServices(async services =>
    {
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost");
        http.Request.Path = "/umbraco/delivery/api/v2/content";
        if (bearer is not null)
        {
            http.Request.Headers.Authorization = "Bearer " + bearer;
        }

        return await services.GetRequiredService<IDeliveryCallerAuthentication>().AuthenticateAsync(http);
    });

    /// <summary>The OAuth error: at the app's (configured) redirect URL, else in a 400 ProblemDetails (no trusted URL to send it to).</summary>
    private static string? ErrorOf(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.GetLeftPart(UriPartial.Path) == AppCallback)
        {
            return "at the app: " + QueryHelpers.ParseQuery(response.Headers.Location.Query)["error"];
        }

        var body = response.Content.ReadAsStringAsync().Result;
        return response.StatusCode == HttpStatusCode.BadRequest && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? "400 here: " + (string?)JsonNode.Parse(body)!["error"]
            : $"{(int)response.StatusCode} {response.Headers.Location} {response.Content.Headers.ContentType} {body}";
    }

    private static string[] Strings(JsonNode? array) => array?.AsArray().Select(node => (string)node!).ToArray() ?? [];
}
