using System.Threading.RateLimiting;
using MayorsClub.Core.Announcements;
using MayorsClub.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.Announcements;

/// <summary>The public side of announcements: the subscribe box's endpoint and the confirm and unsubscribe pages.</summary>
public static class AnnouncementPages
{
    public const string Views = "/Announcements/Views/";

    public static string SubscribePath(string culture) => $"/{culture}/announcements/subscribe";

    public static string SubscribedPath(string culture) => $"/{culture}/announcements/subscribed";

    public static string ConfirmPath(string culture) => $"/{culture}/announcements/confirm";

    public const string UnsubscribePath = "/announcements/unsubscribe";

    /// <summary>The subscribe box, in the site's footer and on the events calendar.</summary>
    public const string SubscribeBox = Views + "_SubscribeBox.cshtml";

    public static IServiceCollection AddMayorsClubAnnouncementPages(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddOptions<AnnouncementOptions>().BindConfiguration(AnnouncementOptions.Section);
        services.AddScoped<IAnnouncementMailFormat, AnnouncementMailFormat>();
        services.AddSingleton<ISubscriberTokenSeal, DataProtectedTokenSeal>();
        services.AddSingleton<SubscribeLimiter>();
        return services;
    }
}

/// <summary>Settings of the subscriptions (section <c>MayorsClub:Announcements</c>).</summary>
public sealed class AnnouncementOptions
{
    public const string Section = "MayorsClub:Announcements";

    /// <summary>Subscribe requests one client address may make in 15 minutes.</summary>
    public int SubscribePerAddressPerQuarterHour { get; set; } = 10;

    /// <summary>Subscribe requests for one e-mail address in an hour, from anywhere (each may send a confirmation e-mail).</summary>
    public int SubscribePerEmailPerHour { get; set; } = 3;

    /// <summary>A subscribe form sent sooner than this after the page gave it its start time is taken for a bot's.</summary>
    public int MinimumFillSeconds { get; set; } = 2;
}

/// <summary>Absolute links from the configured public address (never the request's Host) and the club's e-mail layout.</summary>
public sealed class AnnouncementMailFormat(PublicAddress address, IHttpContextAccessor http) : IAnnouncementMailFormat
{
    public string ConfirmUrl(string culture, string token) =>
        Origin + $"{AnnouncementPages.ConfirmPath(culture)}?token={Uri.EscapeDataString(token)}";

    public string UnsubscribeUrl(string token) => Origin + $"{AnnouncementPages.UnsubscribePath}?token={Uri.EscapeDataString(token)}";

    public string Html(string text, string culture, IReadOnlyCollection<string> links, string? footer) => EmailLayout.Html(text, culture, links, footer);

    private string Origin => address.Origin(http.HttpContext?.Request);
}

/// <summary>Seals with the site's data-protection keys (kept in the data folder, not in the database).</summary>
public sealed class DataProtectedTokenSeal(IDataProtectionProvider dataProtection) : ISubscriberTokenSeal
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("MayorsClub.Announcements.Unsubscribe");

    public string Seal(string storedHash) => _protector.Protect(storedHash);

    public string? Open(string sealedHash)
    {
        try
        {
            return _protector.Unprotect(sealedHash);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>
/// Subscribe requests per client address and per e-mail address typed: a bot can neither flood the table nor fill a
/// stranger's inbox with confirmation e-mails.
/// </summary>
public sealed class SubscribeLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SubscribeLimiter(IOptions<AnnouncementOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => key.StartsWith("email:", StringComparison.Ordinal)
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.SubscribePerEmailPerHour), Window = TimeSpan.FromHours(1), QueueLimit = 0,
            })
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.SubscribePerAddressPerQuarterHour), Window = TimeSpan.FromMinutes(15), QueueLimit = 0,
            }));
    }

    /// <summary>Null when the request may go ahead; else how long to wait.</summary>
    public TimeSpan? ForClient(HttpContext context) => Acquire("client:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"));

    public TimeSpan? ForEmail(string email) => Acquire("email:" + email.Trim().ToUpperInvariant());

    public void Dispose() => _limiter.Dispose();

    private TimeSpan? Acquire(string key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TooManyRequests.DefaultRetryAfter;
    }
}
