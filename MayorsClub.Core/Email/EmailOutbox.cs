using MayorsClub.Core.Persistence;
using NodaTime;

namespace MayorsClub.Core.Email;

/// <summary>Queues e-mails in the database, in the caller's unit of work; the dispatcher sends them.</summary>
public sealed class EmailOutbox(MayorsClubDbContext db, IClock clock, EmailSignal signal)
{
    private bool _wakeOnSave;

    /// <summary>Adds the message to the outbox. It is saved with the caller's next SaveChanges, which wakes the dispatcher.</summary>
    /// <param name="headers">Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post on announcements.</param>
    public void Queue(string toAddress, string? toName, string subject, string textBody, string? htmlBody = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        db.OutboxMessages.Add(new OutboxMessage
        {
            ToAddress = toAddress, ToName = toName, Subject = subject, TextBody = textBody, HtmlBody = htmlBody,
            HeadersJson = headers is { Count: > 0 } ? System.Text.Json.JsonSerializer.Serialize(headers) : null,
            CreatedUtc = now, NextAttemptUtc = now,
        });
        if (!_wakeOnSave)
        {
            _wakeOnSave = true;
            db.SavedChanges += (_, _) => signal.Wake();
        }
    }
}

/// <summary>Lets the dispatcher know there may be mail to send now, rather than at its next tick.</summary>
public sealed class EmailSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Dispose() => _wake.Dispose();

    public void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}
