using System.Net;
using System.Text.RegularExpressions;
using MayorsClub.Core.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Infrastructure;

/// <summary>
/// A member of the club signed in on the public site the way a person does it: the sign-in form at
/// /{culture}/members/sign-in, its antiforgery token, the member cookie. Each client has its own client address (the
/// in-memory test server has none), so tests do not share the per-address rate limits.
/// </summary>
public sealed partial class MemberSession : IDisposable
{
    public const string DefaultPassword = "Member-password-1";

    private MemberSession(HttpClient client, Guid memberId, string email)
    {
        Client = client;
        MemberId = memberId;
        Email = email;
    }

    /// <summary>Follows no redirects and keeps its cookies.</summary>
    public HttpClient Client { get; }

    public Guid MemberId { get; }

    public string Email { get; }

    /// <summary>A new e-mail address no other test uses.</summary>
    public static string NewEmail(string who = "member") => $"{who}-{Guid.NewGuid().ToString("N")[..10]}@hromada.test";

    /// <summary>A client with its own cookies and its own client address (a random one unless <paramref name="from"/> names it); follows no redirects.</summary>
    public static HttpClient Anonymous(TestSite site, string? from = null)
    {
        var address = from is null ? new IPAddress(Random.Shared.NextInt64(0x0A000001, 0x0AFFFFFE)) : IPAddress.Parse(from);
        return new HttpClient(new CookieContainerHandler { InnerHandler = site.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address) })
        {
            BaseAddress = new Uri("http://localhost"),
        };
    }

    /// <summary>
    /// Creates a member in the database through Identity's UserManager, as a membership application would (not through
    /// the back office), and returns their id: approved unless told otherwise, in Mayors unless groups are named (an
    /// empty list: none), with no password when <paramref name="password"/> is null (an invited member).
    /// </summary>
    public static async Task<Guid> CreateMemberAsync(
        TestSite site, string email, string? password = DefaultPassword, IEnumerable<string>? groups = null, bool approved = true,
        string name = "Олена Коваль", string culture = "uk", string community = "Бучанська громада")
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var member = new Member
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            Name = name,
            Position = "Міська голова",
            Community = community,
            Region = "UA-32",
            PreferredCulture = culture,
            IsApproved = approved,
            CreatedUtc = DateTime.UtcNow,
        };
        var created = password is null ? await users.CreateAsync(member) : await users.CreateAsync(member, password);
        Assert.That(created.Succeeded, Is.True, string.Join(" ", created.Errors.Select(e => e.Description)));
        foreach (var group in groups ?? [MemberGroups.Mayors])
        {
            var added = await users.AddToRoleAsync(member, group);
            Assert.That(added.Succeeded, Is.True, string.Join(" ", added.Errors.Select(e => e.Description)));
        }

        return member.Id;
    }

    /// <summary>The member as Identity stores them now, or null.</summary>
    public static async Task<Member?> FindMemberAsync(TestSite site, Guid id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<Member>>().FindByIdAsync(id.ToString());
    }

    /// <summary>Creates an approved member in the given groups (Mayors when none are named) and signs in as them.</summary>
    public static async Task<MemberSession> SignInNewAsync(TestSite site, params string[] groups)
    {
        var email = NewEmail();
        var id = await CreateMemberAsync(site, email, DefaultPassword, groups.Length == 0 ? null : groups);
        return await SignInAsync(site, email, DefaultPassword, id);
    }

    /// <summary>Signs in as an existing member with the sign-in form; fails the test unless the site signs them in.</summary>
    public static async Task<MemberSession> SignInAsync(TestSite site, string email, string password = DefaultPassword, Guid? memberId = null)
    {
        var client = Anonymous(site);
        using var response = await PostSignInAsync(client, email, password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{email} signed in");
        if (memberId is null)
        {
            await using var scope = site.Services.CreateAsyncScope();
            memberId = (await scope.ServiceProvider.GetRequiredService<UserManager<Member>>().FindByEmailAsync(email))!.Id;
        }

        return new MemberSession(client, memberId.Value, email);
    }

    /// <summary>Posts the sign-in form (with the antiforgery token of the sign-in page); the answer is the caller's to read.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(
        HttpClient client, string email, string password, string culture = "uk", string? returnUrl = null, bool rememberMe = false)
    {
        var path = $"/{culture}/members/sign-in";
        var fields = new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, path),
        };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        if (rememberMe)
        {
            fields["RememberMe"] = "true";
        }

        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a form with the antiforgery token of the page at <paramref name="tokenPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string tokenPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.ToList();
        all.Add(new("__RequestVerificationToken", await AntiforgeryTokenAsync(client, tokenPage)));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    /// <summary>Signs out with the header's sign-out form.</summary>
    public async Task SignOutAsync(string culture = "uk")
    {
        using var response = await PostFormAsync(Client, $"/{culture}/members/profile", $"/{culture}/members/sign-out", []);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed out");
    }

    /// <summary>The antiforgery token of a page's forms (the client keeps the matching cookie).</summary>
    public static Task<string> AntiforgeryTokenAsync(HttpClient client, string url) => Antiforgery.TokenAsync(client, url);

    public void Dispose() => Client.Dispose();
}
