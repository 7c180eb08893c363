namespace MayorsClub.Core.Email;

/// <summary>An e-mail waiting to be sent, or sent. It is stored with the change that caused it, so it is never lost.</summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }
    public string ToAddress { get; set; } = "";
    public string? ToName { get; set; }
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }

    /// <summary>Extra headers as a JSON object (List-Unsubscribe and List-Unsubscribe-Post on announcements), or null.</summary>
    public string? HeadersJson { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentUtc { get; set; }
    public bool GaveUp { get; set; }
    public string? LastError { get; set; }
}
