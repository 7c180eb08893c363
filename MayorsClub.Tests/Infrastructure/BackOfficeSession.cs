using System.Net;
using System.Text.RegularExpressions;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Infrastructure;

/// <summary>An HTTP client signed in to the back office the way a person does it: the sign-in form, its antiforgery token, a cookie.</summary>
public sealed partial class BackOfficeSession : IDisposable
{
    private BackOfficeSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static HttpClient Anonymous(TestSite site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates a back-office user in the given group (if new) and signs in as them.</summary>
    public static async Task<BackOfficeSession> SignInAsync(TestSite site, string email, string password, string group)
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new BackOfficeUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedUtc = DateTime.UtcNow };
                var created = await users.CreateAsync(user, password);
                Assert.That(created.Succeeded, Is.True, string.Join(" ", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, group);
            }
        }

        var client = Anonymous(site);
        using var response = await PostSignInAsync(client, email, password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in");
        return new BackOfficeSession(client);
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/umbraco/login");
        return await client.PostAsync("/umbraco/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The antiforgery token of a page's forms (the client keeps the matching cookie).</summary>
    public static Task<string> AntiforgeryTokenAsync(HttpClient client, string url) => Antiforgery.TokenAsync(client, url);

    public void Dispose() => Client.Dispose();
}
