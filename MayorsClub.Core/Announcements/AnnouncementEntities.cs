namespace MayorsClub.Core.Announcements;

/// <summary>
/// A visitor subscribed to the club's announcements in one language: confirmed by a link (double opt-in), ended by a
/// one-click unsubscribe. The token is the subscription's secret in those links.
/// </summary>
internal sealed class SubscriberEntity
{
    public long Id { get; set; }
    public string Email { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";
    public string Culture { get; set; } = "uk";
    public string Token { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? ConfirmedUtc { get; set; }
    public DateTime? UnsubscribedUtc { get; set; }
}

/// <summary>An announcement an editor writes for the subscribers of one language, and when it went out.</summary>
internal sealed class AnnouncementEntity
{
    public long Id { get; set; }
    public Guid Key { get; set; }
    public string Culture { get; set; } = "uk";
    public string Subject { get; set; } = "";
    public string Html { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? SentUtc { get; set; }
    public string? SentBy { get; set; }
    public int Recipients { get; set; }
}
