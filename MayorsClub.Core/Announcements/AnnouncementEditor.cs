using MayorsClub.Core.Content;
using MayorsClub.Core.Email;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MayorsClub.Core.Announcements;

public sealed record AnnouncementSummary(
    Guid Key, string Culture, string Subject, string Text, DateTime CreatedUtc, string CreatedBy, DateTime? SentUtc, string? SentBy, int Recipients)
{
    public bool IsSent => SentUtc is not null;
}

public enum AnnouncementStatus
{
    Done,
    Invalid,
    NotFound,

    /// <summary>Already sent: it cannot be changed or sent again.</summary>
    AlreadySent,

    /// <summary>No confirmed subscriber in the announcement's language: nothing to send (it stays a draft).</summary>
    NoSubscribers,
}

/// <param name="Errors">Text keys of <see cref="AnnouncementsText"/> by field (culture, subject, text).</param>
public sealed record AnnouncementResult(AnnouncementStatus Status, Guid? Key = null, int Recipients = 0, IReadOnlyDictionary<string, string>? Errors = null)
{
    public bool Succeeded => Status == AnnouncementStatus.Done;
}

/// <summary>One subscriber as the back office lists them.</summary>
public sealed record SubscriberSummary(long Id, string Email, string Culture, DateTime CreatedUtc, DateTime? ConfirmedUtc, DateTime? UnsubscribedUtc)
{
    public string State => UnsubscribedUtc is not null ? "unsubscribed" : ConfirmedUtc is not null ? "confirmed" : "pending";
}

/// <summary>Subscribers of one language by state.</summary>
public sealed record SubscriberCount(string Culture, int Confirmed, int Pending, int Unsubscribed);

/// <summary>
/// Announcements editors write for the subscribers of one language: drafts, the e-mail as it will look, a test to the
/// editor, and the sending: one outbox message per confirmed subscriber, queued in the same transaction that marks the
/// announcement sent, so it goes out once and completely, or not at all.
/// </summary>
public sealed partial class AnnouncementEditor(MayorsClubDbContext db, EmailOutbox outbox, IAnnouncementMailFormat mail, SubscriberTokens tokens, IClock clock)
{
    public const int MaxSubjectLength = 200;
    public const int MaxTextLength = 20_000;
    public const string SendAuditAction = "send announcement";
    public const string RemoveSubscriberAuditAction = "remove subscriber";
    public const string OneClickHeaderValue = "List-Unsubscribe=One-Click";

    public async Task<IReadOnlyList<AnnouncementSummary>> ListAsync(CancellationToken ct) =>
        (await db.Announcements.AsNoTracking().ToListAsync(ct))
            .OrderByDescending(a => a.SentUtc is null).ThenByDescending(a => a.SentUtc ?? a.CreatedUtc)
            .Select(Summary).ToList();

    public async Task<AnnouncementSummary?> GetAsync(Guid key, CancellationToken ct) =>
        await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Key == key, ct) is { } found ? Summary(found) : null;

    public async Task<AnnouncementResult> CreateAsync(string? culture, string? subject, string? text, string actor, CancellationToken ct)
    {
        var (clean, errors) = Check(culture, subject, text);
        if (errors.Count > 0)
        {
            return new AnnouncementResult(AnnouncementStatus.Invalid, Errors: errors);
        }

        var entity = new AnnouncementEntity
        {
            Key = Guid.NewGuid(), Culture = clean.Culture, Subject = clean.Subject, Text = clean.Text,
            Html = Compose(clean.Culture, clean.Text, mail.UnsubscribeUrl("…")).Html,
            CreatedUtc = clock.GetCurrentInstant().ToDateTimeUtc(), CreatedBy = actor,
        };
        db.Announcements.Add(entity);
        await db.SaveChangesAsync(ct);
        return new AnnouncementResult(AnnouncementStatus.Done, entity.Key);
    }

    public async Task<AnnouncementResult> UpdateAsync(Guid key, string? culture, string? subject, string? text, CancellationToken ct)
    {
        var entity = await db.Announcements.FirstOrDefaultAsync(a => a.Key == key, ct);
        if (entity is null)
        {
            return new AnnouncementResult(AnnouncementStatus.NotFound);
        }

        if (entity.SentUtc is not null)
        {
            return new AnnouncementResult(AnnouncementStatus.AlreadySent, key);
        }

        var (clean, errors) = Check(culture, subject, text);
        if (errors.Count > 0)
        {
            return new AnnouncementResult(AnnouncementStatus.Invalid, key, Errors: errors);
        }

        entity.Culture = clean.Culture;
        entity.Subject = clean.Subject;
        entity.Text = clean.Text;
        entity.Html = Compose(clean.Culture, clean.Text, mail.UnsubscribeUrl("…")).Html;

        // Saved only while still a draft: a send that went first wins.
        var saved = await db.Announcements.Where(a => a.Id == entity.Id && a.SentUtc == null)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Culture, entity.Culture).SetProperty(x => x.Subject, entity.Subject)
                .SetProperty(x => x.Text, entity.Text).SetProperty(x => x.Html, entity.Html), ct);
        db.ChangeTracker.Clear();
        return saved == 1 ? new AnnouncementResult(AnnouncementStatus.Done, key) : new AnnouncementResult(AnnouncementStatus.AlreadySent, key);
    }

    /// <summary>The e-mail as a subscriber will get it (plain text and HTML), with a stand-in unsubscribe link.</summary>
    public (string Subject, string Text, string Html) Preview(AnnouncementSummary announcement)
    {
        var (text, html) = Compose(announcement.Culture, announcement.Text, mail.UnsubscribeUrl("…"));
        return (announcement.Subject, text, html);
    }

    /// <summary>Sends the announcement to one address (the editor's own), its subject marked [TEST]. Works for drafts and sent ones alike.</summary>
    public async Task<AnnouncementResult> SendTestAsync(Guid key, string toAddress, CancellationToken ct)
    {
        if (await GetAsync(key, ct) is not { } announcement)
        {
            return new AnnouncementResult(AnnouncementStatus.NotFound);
        }

        var (subject, text, html) = Preview(announcement);
        outbox.Queue(toAddress, null, "[TEST] " + subject, text, html);
        await db.SaveChangesAsync(ct);
        return new AnnouncementResult(AnnouncementStatus.Done, key, 1);
    }

    /// <summary>
    /// Sends a draft to every confirmed subscriber of its language who has not unsubscribed: marks it sent (only if it is
    /// not already: the check and the change are one statement, so two editors pressing "send" send it once), queues one
    /// message per subscriber with its own unsubscribe link and headers, and records it in the audit log — one transaction.
    /// </summary>
    public async Task<AnnouncementResult> SendAsync(Guid key, string actor, CancellationToken ct)
    {
        var entity = await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Key == key, ct);
        if (entity is null)
        {
            return new AnnouncementResult(AnnouncementStatus.NotFound);
        }

        if (entity.SentUtc is not null)
        {
            return new AnnouncementResult(AnnouncementStatus.AlreadySent, key, entity.Recipients);
        }

        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Announcements.Where(a => a.Id == entity.Id && a.SentUtc == null)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.SentUtc, now).SetProperty(x => x.SentBy, actor), ct);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(ct);
            return new AnnouncementResult(AnnouncementStatus.AlreadySent, key);
        }

        var subscribers = await db.Subscribers.AsNoTracking()
            .Where(s => s.Culture == entity.Culture && s.ConfirmedUtc != null && s.UnsubscribedUtc == null)
            .OrderBy(s => s.Id)
            .ToListAsync(ct);
        if (subscribers.Count == 0)
        {
            await transaction.RollbackAsync(ct);
            return new AnnouncementResult(AnnouncementStatus.NoSubscribers, key);
        }

        foreach (var subscriber in subscribers)
        {
            var unsubscribe = mail.UnsubscribeUrl(tokens.ForLink(subscriber.Token));
            var (text, html) = Compose(entity.Culture, entity.Text, unsubscribe);
            outbox.Queue(subscriber.Email, null, entity.Subject, text, html, new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{unsubscribe}>",
                ["List-Unsubscribe-Post"] = OneClickHeaderValue,
            });
        }

        await db.Announcements.Where(a => a.Id == entity.Id)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Recipients, subscribers.Count), ct);
        db.AuditEntries.Add(new AuditEntryEntity
        {
            Utc = now, User = actor, Action = SendAuditAction, Culture = entity.Culture,
            Details = $"{entity.Subject} ({subscribers.Count} recipients)",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AnnouncementResult(AnnouncementStatus.Done, key, subscribers.Count);
    }

    public async Task<IReadOnlyList<SubscriberCount>> CountSubscribersAsync(CancellationToken ct)
    {
        var rows = await db.Subscribers.AsNoTracking()
            .GroupBy(s => s.Culture)
            .Select(g => new
            {
                Culture = g.Key,
                Confirmed = g.Count(s => s.ConfirmedUtc != null && s.UnsubscribedUtc == null),
                Pending = g.Count(s => s.ConfirmedUtc == null && s.UnsubscribedUtc == null),
                Unsubscribed = g.Count(s => s.UnsubscribedUtc != null),
            })
            .ToListAsync(ct);
        return Cultures.All.Select(c => rows.FirstOrDefault(r => r.Culture == c) is { } r
            ? new SubscriberCount(c, r.Confirmed, r.Pending, r.Unsubscribed)
            : new SubscriberCount(c, 0, 0, 0)).ToList();
    }

    /// <summary>One page of subscribers, newest first, of one language or both, optionally those whose address contains the text.</summary>
    public async Task<(IReadOnlyList<SubscriberSummary> Items, int Total)> ListSubscribersAsync(string? culture, string? text, int skip, int take, CancellationToken ct)
    {
        var query = db.Subscribers.AsNoTracking();
        if (culture is not null)
        {
            query = query.Where(s => s.Culture == culture);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var upper = text.Trim().ToUpperInvariant();
            query = query.Where(s => s.NormalizedEmail.Contains(upper));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(s => s.Id).Skip(skip).Take(take)
            .Select(s => new SubscriberSummary(s.Id, s.Email, s.Culture, s.CreatedUtc, s.ConfirmedUtc, s.UnsubscribedUtc))
            .ToListAsync(ct);
        return (items, total);
    }

    /// <summary>Deletes a subscriber's row (their personal data), on their request; the audit log keeps who did it, not the address.</summary>
    public async Task<bool> RemoveSubscriberAsync(long id, string actor, CancellationToken ct)
    {
        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null)
        {
            return false;
        }

        db.Subscribers.Remove(subscriber);
        db.AuditEntries.Add(new AuditEntryEntity
        {
            Utc = clock.GetCurrentInstant().ToDateTimeUtc(), User = actor, Action = RemoveSubscriberAuditAction, Culture = subscriber.Culture,
            Details = $"subscriber #{subscriber.Id}",
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The e-mail of an announcement: the editor's paragraphs, then why the reader gets it and the unsubscribe link.</summary>
    private (string Text, string Html) Compose(string culture, string body, string unsubscribeUrl)
    {
        var footer = AnnouncementsText.Format(AnnouncementsText.MailFooter, culture, unsubscribeUrl);
        var text = body.Trim() + "\n\n—\n" + footer;
        var links = WebAddress().Matches(body).Select(m => m.Value.TrimEnd('.', ',', ';', ':', ')', '!', '?')).Append(unsubscribeUrl).ToList();
        return (text, mail.Html(body.Trim(), culture, links, footer));
    }

    private static ((string Culture, string Subject, string Text) Clean, Dictionary<string, string> Errors) Check(string? culture, string? subject, string? text)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var cleanSubject = (subject ?? "").Trim().ReplaceLineEndings(" ");
        var cleanText = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (culture is null || !Cultures.IsSupported(culture))
        {
            errors["culture"] = AnnouncementsText.CultureRequired;
        }

        if (cleanSubject.Length == 0)
        {
            errors["subject"] = AnnouncementsText.FieldRequired;
        }
        else if (cleanSubject.Length > MaxSubjectLength)
        {
            errors["subject"] = AnnouncementsText.SubjectTooLong;
        }

        if (cleanText.Length == 0)
        {
            errors["text"] = AnnouncementsText.FieldRequired;
        }
        else if (cleanText.Length > MaxTextLength)
        {
            errors["text"] = AnnouncementsText.TextTooLong;
        }

        return ((culture ?? Cultures.Default, cleanSubject, cleanText), errors);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial System.Text.RegularExpressions.Regex WebAddress();

    private static AnnouncementSummary Summary(AnnouncementEntity a) =>
        new(a.Key, a.Culture, a.Subject, a.Text, a.CreatedUtc, a.CreatedBy, a.SentUtc, a.SentBy, a.Recipients);
}
