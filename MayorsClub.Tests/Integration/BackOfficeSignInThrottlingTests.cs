using System.Net;
using System.Text.RegularExpressions;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Failed sign-ins slow down the address they come from, never lock the account: an unknown e-mail and a known one
/// get the same answers (and the same password hashing), the owner signs in from elsewhere meanwhile, the waits grow,
/// and every 429 says how long.
/// </summary>
public sealed partial class BackOfficeSignInThrottlingTests() : BackOfficeUsersTestBase(DatabaseProvider.Sqlite)
{
    private const string Password = "Right-password-1";

    [Test]
    public async Task UnknownAndKnownEmails_GetTheSameAnswers_BeforeAndAfterTheWaitBegins()
    {
        var known = NewAddress("known");
        (await BackOfficeSession.SignInAsync(Site, known, Password, BackOfficeGroups.Editors)).Dispose();
        var unknown = NewAddress("unknown");

        var forKnown = await AttemptsAsync(known, "192.0.2.11", 6);
        var forUnknown = await AttemptsAsync(unknown, "192.0.2.12", 6);

        Assert.That(forKnown.Select(a => a.Status), Is.EqualTo(Enumerable.Repeat(HttpStatusCode.BadRequest, 5).Append(HttpStatusCode.TooManyRequests)));
        Assert.That(forUnknown.Select(a => (a.Status, a.Message, a.RetryAfter)), Is.EqualTo(forKnown.Select(a => (a.Status, a.Message, a.RetryAfter))));
        Assert.That(forKnown[0].Message, Is.EqualTo("The e-mail or password is not right."));
        Assert.That(forKnown[5].Message, Is.EqualTo("Too many failed attempts. Try again in 1 min."));
        Assert.That(forKnown[5].RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public async Task AnUnknownEmail_HasAPasswordCheckedByTheSameHasher_AsAKnownOne()
    {
        var known = NewAddress("hashed");
        (await BackOfficeSession.SignInAsync(Site, known, Password, BackOfficeGroups.Writers)).Dispose();

        var before = CountingHasher.Verifications;
        await AttemptsAsync(known, "192.0.2.51", 1);
        var forKnown = CountingHasher.Verifications - before;
        await AttemptsAsync(NewAddress("nobody"), "192.0.2.52", 1);
        var forUnknown = CountingHasher.Verifications - before - forKnown;

        Assert.That(forKnown, Is.EqualTo(1));
        Assert.That(forUnknown, Is.EqualTo(forKnown), "as much hashing, so as much time");
    }

    [Test]
    public async Task TheOwner_SignsInFromAnotherAddress_WhileTheGuessersAddressWaits_LongerEachTime()
    {
        var owner = NewAddress("owner");
        (await BackOfficeSession.SignInAsync(Site, owner, Password, BackOfficeGroups.Administrators)).Dispose();
        const string guesser = "198.51.100.7";
        await AttemptsAsync(owner, guesser, 5);

        var (fromGuesser, _, _) = (await AttemptsAsync(owner, guesser, 1, Password))[0];
        var (fromOwner, _, _) = (await AttemptsAsync(owner, "203.0.113.9", 1, Password))[0];
        Assert.That(fromGuesser, Is.EqualTo(HttpStatusCode.TooManyRequests), "even the right password waits at the guesser's address");
        Assert.That(fromOwner, Is.EqualTo(HttpStatusCode.Redirect), "the owner is not locked out");
        Assert.That((await UserAsync(owner)).LockoutEnd, Is.Null);

        Time.Advance(TimeSpan.FromSeconds(61));
        var afterTheWait = await AttemptsAsync(owner, guesser, 2);
        Assert.That(afterTheWait[0].Status, Is.EqualTo(HttpStatusCode.BadRequest), "one more try after the wait");
        Assert.That(afterTheWait[1].Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(afterTheWait[1].RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(2)), "twice as long");
    }

    [Test]
    public async Task GuessingAtResetLinks_WaitsAfterFiveWrongTokens()
    {
        using var client = English(BackOfficeSession.Anonymous(Site));
        client.DefaultRequestHeaders.Add(ClientAddressHeader, "192.0.2.31");
        var user = (await UserAsync(TestSite.AdminEmail)).Id;
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last?.Dispose();
            last = await PostFormAsync(client, "/umbraco/forgot-password", "/umbraco/reset-password",
                ("User", user), ("Token", $"guess-{i}"), ("Password", "New-password-456"), ("Confirm", "New-password-456"));
            statuses.Add(last.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.BadRequest, 5).Append(HttpStatusCode.TooManyRequests)));
        Assert.That(last!.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(1)));
        Assert.That(await BodyAsync(last), Does.Contain("Too many failed attempts. Try again in 1 min."));
        last.Dispose();
    }

    [Test]
    public async Task TheRateLimitersRejections_CarryRetryAfter_AndAPageInTheUsersLanguage()
    {
        using var client = BackOfficeSession.Anonymous(Site);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("uk");
        client.DefaultRequestHeaders.Add(ClientAddressHeader, "192.0.2.41");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last?.Dispose();
            last = await PostFormAsync(client, "/umbraco/forgot-password", "/umbraco/forgot-password", ("Email", NewAddress("guess")));
        }

        using var rejected = last!;
        Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(rejected.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(rejected.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await BodyAsync(rejected), Does.Contain("Забагато запитів. Спробуйте за кілька хвилин."));
    }

    /// <summary>Sign-in attempts with a wrong (or the given) password from one client address: status, message, Retry-After.</summary>
    private async Task<List<(HttpStatusCode Status, string Message, TimeSpan? RetryAfter)>> AttemptsAsync(string email, string address, int count, string password = "Wrong-password-9")
    {
        using var client = English(BackOfficeSession.Anonymous(Site));
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        var answers = new List<(HttpStatusCode, string, TimeSpan?)>();
        for (var i = 0; i < count; i++)
        {
            using var response = await BackOfficeSession.PostSignInAsync(client, email, password);
            var message = AlertPattern().Match(await BodyAsync(response)) is { Success: true } alert ? alert.Groups[1].Value : "";
            answers.Add((response.StatusCode, message, response.Headers.RetryAfter?.Delta));
        }

        return answers;
    }

    /// <summary>Identity's own hasher, counting how often a password is checked.</summary>
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IPasswordHasher<BackOfficeUser>>(provider =>
            new CountingHasher(new PasswordHasher<BackOfficeUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>())));

    private sealed class CountingHasher(PasswordHasher<BackOfficeUser> hasher) : IPasswordHasher<BackOfficeUser>
    {
        private static int _verifications;

        public static int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(BackOfficeUser user, string password) => hasher.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(BackOfficeUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static HttpClient English(HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    [GeneratedRegex("role=\"alert\">([^<]*)<")]
    private static partial Regex AlertPattern();
}
