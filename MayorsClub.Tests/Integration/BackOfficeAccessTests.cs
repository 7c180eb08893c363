using System.Net;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Web.BackOffice;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MayorsClub.Tests.Integration;

/// <summary>Signing in to the back office, waits after failures, antiforgery, and a rule on every back-office endpoint.</summary>
public sealed class BackOfficeAccessTests
{
    private TestSite _site = null!;

    [OneTimeSetUp]
    public async Task StartSite() => _site = await TestSite.StartAsync(DatabaseProvider.Sqlite);

    [OneTimeTearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task Anonymous_IsSentToTheSignInPage()
    {
        using var client = BackOfficeSession.Anonymous(_site);

        using var response = await client.GetAsync("/umbraco");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo("/umbraco/login"));
    }

    [Test]
    public async Task Administrator_SignsIn_AndSeesTheDashboard()
    {
        using var client = BackOfficeSession.Anonymous(_site);

        using var signIn = await BackOfficeSession.PostSignInAsync(client, TestSite.AdminEmail, TestSite.AdminPassword);
        var dashboard = await client.GetStringAsync("/umbraco");

        Assert.That(signIn.Headers.Location!.OriginalString, Is.EqualTo("/umbraco"));
        Assert.That(dashboard, Does.Contain("<h1>Огляд</h1>").Or.Contain("<h1>Dashboard</h1>"));
    }

    [Test]
    public async Task WrongPassword_IsRefusedWithAMessage_AndFiveFailuresMakeThisAddressWait()
    {
        using var setup = await BackOfficeSession.SignInAsync(_site, "locked@test.local", "Right-password-1", BackOfficeGroups.Editors);
        using var client = BackOfficeSession.Anonymous(_site);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var attempt = await BackOfficeSession.PostSignInAsync(client, "locked@test.local", "wrong-password");
            Assert.That(attempt.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            answers.Add(await attempt.Content.ReadAsStringAsync());
        }

        using var rightButTooSoon = await BackOfficeSession.PostSignInAsync(client, "locked@test.local", "Right-password-1");

        Assert.That(answers[0], Does.Contain("The e-mail or password is not right."));
        Assert.That(rightButTooSoon.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(rightButTooSoon.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(1)));
        Assert.That(await rightButTooSoon.Content.ReadAsStringAsync(), Does.Contain("Too many failed attempts. Try again in 1 min."));
    }

    [Test]
    public async Task SignIn_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var client = BackOfficeSession.Anonymous(_site);

        using var response = await client.PostAsync("/umbraco/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = TestSite.AdminEmail,
            ["Password"] = TestSite.AdminPassword,
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var dashboard = await client.GetAsync("/umbraco");
        Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "not signed in");
    }

    [Test]
    public async Task SignIn_DoesNotRedirectOutsideTheBackOffice()
    {
        using var client = BackOfficeSession.Anonymous(_site);
        var token = await BackOfficeSession.AntiforgeryTokenAsync(client, "/umbraco/login");

        using var response = await client.PostAsync("/umbraco/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = TestSite.AdminEmail,
            ["Password"] = TestSite.AdminPassword,
            ["ReturnUrl"] = "https://evil.example/phish",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/umbraco"));
    }

    /// <summary>Every endpoint under /umbraco names an authorization rule, or is explicitly open (sign-in pages).</summary>
    [Test]
    public void EveryBackOfficeEndpoint_HasAnAuthorizationRule()
    {
        var endpoints = _site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith(BackOfficeSecurity.BasePath, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var open = new[]
        {
            "/umbraco/login", "/umbraco/logout", "/umbraco/denied",
            "/umbraco/login/two-factor", "/umbraco/login/recovery", "/umbraco/forgot-password", "/umbraco/reset-password", "/umbraco/invitation",
        };

        // The Delivery API (and its OpenAPI document) is public by design and says so on every endpoint: each item's access
        // is the read model's rule (DeliveryProtectedContentTests), keys and preview are checked as the request starts.
        static bool IsPublicApi(string path) =>
            path.StartsWith("/umbraco/delivery/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/umbraco/swagger/delivery/", StringComparison.OrdinalIgnoreCase);

        var withoutRule = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                ? !open.Contains("/" + e.RoutePattern.RawText!.TrimStart('/')) && !IsPublicApi("/" + e.RoutePattern.RawText!.TrimStart('/'))
                : !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null))
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.That(endpoints, Is.Not.Empty);
        Assert.That(withoutRule, Is.Empty);
    }

    /// <summary>
    /// No identity is the site's: nothing authenticates a request unless its endpoint's policy names a scheme, and the
    /// back-office policies name the back office's (so a member identity can come with its own cookie and policies).
    /// </summary>
    [Test]
    public async Task NoSchemeIsTheDefault_AndEveryBackOfficePolicyNamesItsScheme()
    {
        var authentication = _site.Services.GetRequiredService<IOptions<AuthenticationOptions>>().Value;
        var schemes = _site.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        var policies = _site.Services.GetRequiredService<IAuthorizationPolicyProvider>();

        Assert.That(new[]
        {
            authentication.DefaultScheme, authentication.DefaultAuthenticateScheme, authentication.DefaultChallengeScheme,
            authentication.DefaultForbidScheme, authentication.DefaultSignInScheme, authentication.DefaultSignOutScheme,
        }, Is.All.Null);
        Assert.That(await schemes.GetDefaultAuthenticateSchemeAsync(), Is.Null);
        foreach (var name in new[]
        {
            BackOfficeSecurity.Access, BackOfficeSecurity.EditContent, BackOfficeSecurity.Publish, BackOfficeSecurity.ManageUsers,
            BackOfficeSecurity.ReviewApplications,
        })
        {
            Assert.That((await policies.GetPolicyAsync(name))!.AuthenticationSchemes, Is.EqualTo(new[] { BackOfficeSecurity.Scheme }), name);
        }
    }
}
