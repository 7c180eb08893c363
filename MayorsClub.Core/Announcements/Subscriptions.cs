using System.Threading.RateLimiting;
using MayorsClub.Core.Applications;
using MayorsClub.Core.Content;
using MayorsClub.Core.Email;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MayorsClub.Core.Announcements;

public enum ConfirmOutcome
{
    Confirmed,
    AlreadyConfirmed,

    /// <summary>Unknown, expired, or the subscription has been ended.</summary>
    Invalid,
}

/// <summary>A subscription as its link shows it (the culture the pages answer in, the address it is for).</summary>
public sealed record SubscriptionView(string Culture, string Email, bool Confirmed, bool Unsubscribed);

/// <summary>
/// Subscriptions to the club's announcements, one per address and language, with double opt-in: a subscription counts
/// only once the link in its confirmation e-mail has been followed and confirmed, and ends with one click.
/// </summary>
public sealed class Subscriptions(MayorsClubDbContext db, EmailOutbox outbox, IAnnouncementMailFormat mail, SubscriberTokens tokens,
    SubscriptionReminders reminders, IClock clock)
{
    /// <summary>How long a confirmation link works.</summary>
    public static readonly Duration ConfirmationLifetime = Duration.FromDays(7);

    public const int MaxEmailLength = ApplicationForms.EmailLength;

    /// <summary>The address as stored: trimmed and in lower case; null when it is not an e-mail address.</summary>
    public static string? NormaliseEmail(string? email)
    {
        var text = (email ?? "").Trim();
        return text.Length is 0 or > MaxEmailLength ? null : ApplicationValidator.NormaliseEmail(text);
    }

    /// <summary>
    /// Starts (or starts again) a subscription and queues its confirmation e-mail in the same transaction. The visitor is
    /// told the same whatever the address's state: an address already subscribed gets no second confirmation, at most
    /// a reminder that it is subscribed (once a day). False only when the address is not an e-mail address.
    /// </summary>
    public async Task<bool> SubscribeAsync(string? email, string culture, CancellationToken ct)
    {
        var address = NormaliseEmail(email);
        if (address is null)
        {
            return false;
        }

        culture = Cultures.IsSupported(culture) ? culture : Cultures.Default;
        var normalized = address.ToUpperInvariant();
        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.NormalizedEmail == normalized && s.Culture == culture, ct);
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        if (subscriber is { ConfirmedUtc: not null, UnsubscribedUtc: null })
        {
            if (reminders.MaySend(normalized, culture))
            {
                var text = AnnouncementsText.Format(AnnouncementsText.AlreadyBody, culture, address);
                outbox.Queue(address, null, AnnouncementsText.Get(AnnouncementsText.AlreadySubject, culture), text, mail.Html(text, culture, [], null));
                await db.SaveChangesAsync(ct);
            }

            return true;
        }

        var (token, hash) = SubscriberTokens.New();
        if (subscriber is null)
        {
            subscriber = new SubscriberEntity { NormalizedEmail = normalized, Culture = culture };
            db.Subscribers.Add(subscriber);
        }

        // New, still pending, or ended earlier: a new token (an older confirmation link stops working) and a new e-mail.
        subscriber.Email = address;
        subscriber.Token = hash;
        subscriber.CreatedUtc = now;
        subscriber.ConfirmedUtc = null;
        subscriber.UnsubscribedUtc = null;

        var link = mail.ConfirmUrl(culture, token);
        var body = AnnouncementsText.Format(AnnouncementsText.ConfirmBody, culture, link, (int)ConfirmationLifetime.TotalDays);
        outbox.Queue(address, null, AnnouncementsText.Get(AnnouncementsText.ConfirmSubject, culture), body, mail.Html(body, culture, [link], null));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same address subscribed at the same moment from elsewhere: that request's e-mail is on its way.
            db.ChangeTracker.Clear();
        }

        return true;
    }

    /// <summary>What a link's token stands for, or null when it stands for nothing (any longer).</summary>
    public async Task<SubscriptionView?> FindAsync(string? token, CancellationToken ct)
    {
        var subscriber = await FindEntityAsync(token, ct);
        return subscriber is null ? null : View(subscriber);
    }

    /// <summary>Confirms a pending subscription (the POST behind the confirmation page's button).</summary>
    public async Task<(ConfirmOutcome Outcome, SubscriptionView? Subscription)> ConfirmAsync(string? token, CancellationToken ct)
    {
        var subscriber = await FindEntityAsync(token, ct);
        if (subscriber is null || subscriber.UnsubscribedUtc is not null)
        {
            return (ConfirmOutcome.Invalid, null);
        }

        if (subscriber.ConfirmedUtc is not null)
        {
            return (ConfirmOutcome.AlreadyConfirmed, View(subscriber));
        }

        var now = clock.GetCurrentInstant();
        if (Instant.FromDateTimeUtc(DateTime.SpecifyKind(subscriber.CreatedUtc, DateTimeKind.Utc)) + ConfirmationLifetime < now)
        {
            return (ConfirmOutcome.Invalid, null);
        }

        subscriber.ConfirmedUtc = now.ToDateTimeUtc();
        await db.SaveChangesAsync(ct);
        return (ConfirmOutcome.Confirmed, View(subscriber));
    }

    /// <summary>Ends a subscription; again and again if asked (the answer stays the same). Null when the token stands for nothing.</summary>
    public async Task<SubscriptionView?> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        var subscriber = await FindEntityAsync(token, ct);
        if (subscriber is null)
        {
            return null;
        }

        if (subscriber.UnsubscribedUtc is null)
        {
            subscriber.UnsubscribedUtc = clock.GetCurrentInstant().ToDateTimeUtc();
            await db.SaveChangesAsync(ct);
        }

        return View(subscriber);
    }

    private async Task<SubscriberEntity?> FindEntityAsync(string? token, CancellationToken ct) =>
        tokens.StoredHashOf(token) is { } hash ? await db.Subscribers.FirstOrDefaultAsync(s => s.Token == hash, ct) : null;

    private static SubscriptionView View(SubscriberEntity subscriber) =>
        new(subscriber.Culture, subscriber.Email, subscriber.ConfirmedUtc is not null, subscriber.UnsubscribedUtc is not null);
}

/// <summary>"You are already subscribed" goes to an address at most once a day, however often someone types it.</summary>
public sealed class SubscriptionReminders : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = TimeSpan.FromDays(1), QueueLimit = 0 }));

    public bool MaySend(string normalizedEmail, string culture)
    {
        using var lease = _limiter.AttemptAcquire(culture + ":" + normalizedEmail);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
