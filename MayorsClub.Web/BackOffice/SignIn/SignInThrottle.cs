using System.Net;
using MayorsClub.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace MayorsClub.Web.BackOffice.SignIn;

/// <summary>
/// Slows down guessing at the back office's sign-in steps without letting anyone lock an account's owner out
/// (OWASP's authentication cheat sheet): failures are counted per (account, client address) and per client address;
/// past a few, that pair (or that address) must wait 1, 2, 4 … minutes, up to a cap, before the next try. The owner,
/// from another address, still signs in. Nothing depends on whether the account exists: the account is the text typed.
/// State is in this process's memory; for several web nodes, put a shared implementation behind this interface.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>How long this address must wait before trying this account again; null when it may try now.</summary>
    TimeSpan? RetryAfter(string account, IPAddress? address);

    void Failed(string account, IPAddress? address);

    void Succeeded(string account, IPAddress? address);
}

/// <summary>The accounts each sign-in step counts failures against.</summary>
public static class ThrottledAccount
{
    /// <summary>The password step: the e-mail as typed (trimmed, case ignored), whether or not it belongs to a user.</summary>
    public static string Password(string email) => "password:" + email.Trim().ToUpperInvariant();

    /// <summary>The second factor (authenticator or recovery code) of a user who got past the password.</summary>
    public static string SecondFactor(BackOfficeUser user) => "second-factor:" + user.Id;

    /// <summary>An invitation or password-reset link's user.</summary>
    public static string Link(string? user) => "link:" + (user ?? "");
}

public sealed class SignInThrottleOptions
{
    /// <summary>Failures of one account from one address before the first wait.</summary>
    public int FailuresPerAccountAndAddress { get; set; } = 5;

    /// <summary>Failures from one address, over all accounts, before the first wait (guessing across many accounts).</summary>
    public int FailuresPerAddress { get; set; } = 20;

    public TimeSpan FirstWait { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan LongestWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Counts are forgotten after this long without a failure.</summary>
    public TimeSpan Memory { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>The in-memory <see cref="ISignInThrottle"/>: a size-bounded memory cache of failure counts.</summary>
public sealed class MemorySignInThrottle(TimeProvider time, Microsoft.Extensions.Options.IOptions<SignInThrottleOptions> options) : ISignInThrottle, IDisposable
{
    private readonly MemoryCache _records = new(new MemoryCacheOptions { SizeLimit = 200_000 });
    private readonly SignInThrottleOptions _options = options.Value;

    public TimeSpan? RetryAfter(string account, IPAddress? address)
    {
        var now = time.GetUtcNow();
        var until = new[] { PairKey(account, address), AddressKey(address) }
            .Select(key => _records.TryGetValue(key, out Record? record) ? record!.BlockedUntil : DateTimeOffset.MinValue)
            .Max();
        return until > now ? until - now : null;
    }

    public void Failed(string account, IPAddress? address)
    {
        Count(PairKey(account, address), _options.FailuresPerAccountAndAddress);
        Count(AddressKey(address), _options.FailuresPerAddress);
    }

    public void Succeeded(string account, IPAddress? address) => _records.Remove(PairKey(account, address));

    public void Dispose() => _records.Dispose();

    private void Count(string key, int freeFailures)
    {
        var record = _records.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = _options.Memory;
            return new Record();
        })!;
        lock (record)
        {
            record.Failures++;
            if (record.Failures >= freeFailures)
            {
                var doublings = Math.Min(record.Failures - freeFailures, 20);
                var wait = TimeSpan.FromTicks(Math.Min(_options.FirstWait.Ticks << doublings, _options.LongestWait.Ticks));
                record.BlockedUntil = time.GetUtcNow() + wait;
            }
        }
    }

    private static string PairKey(string account, IPAddress? address) => $"{account}|{address}";

    private static string AddressKey(IPAddress? address) => $"address|{address}";

    private sealed class Record
    {
        public int Failures;
        public DateTimeOffset BlockedUntil;
    }
}

/// <summary>
/// For an e-mail that belongs to no user, the password is still checked (against a hash of a random password, with the
/// same hasher and cost as real ones), so that the answer takes as long as for a user's wrong password.
/// </summary>
public static class UnknownAccount
{
    private static string? _dummyHash;

    public static void VerifyPassword(IPasswordHasher<BackOfficeUser> hasher, string password)
    {
        var user = new BackOfficeUser();
        _dummyHash ??= hasher.HashPassword(user, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(user, _dummyHash, password);
    }
}
