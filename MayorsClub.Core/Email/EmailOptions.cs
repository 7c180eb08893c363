using System.ComponentModel.DataAnnotations;

namespace MayorsClub.Core.Email;

/// <summary>The "MayorsClub:Smtp" section. With no Host, e-mails are written as .eml files to a pickup folder.</summary>
public sealed class EmailOptions
{
    public const string Section = "MayorsClub:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    [RegularExpression("^(None|StartTls|StartTlsWhenAvailable|SslOnConnect|Auto)$")]
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }
    public string? Password { get; set; }

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "noreply@mayorsclub.local";

    public string FromName { get; set; } = "Клуб мерів · Mayors' Club";

    /// <summary>How often the outbox is checked for mail to send (also woken at once when mail is queued).</summary>
    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 15;

    /// <summary>Attempts before a message is given up (it stays in the outbox, marked failed, for an administrator).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;
}
