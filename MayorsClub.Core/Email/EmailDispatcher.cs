using MailKit.Net.Smtp;
using MailKit.Security;
using MayorsClub.Core.Cluster;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace MayorsClub.Core.Email;

/// <summary>
/// Sends what is in the outbox: through SMTP when a host is configured, otherwise as .eml files in the
/// pickup folder. A failure is retried later with a growing pause; nothing is dropped. One node of the cluster sends at a
/// time (an advisory lock around each pass), so no message goes out twice.
/// </summary>
public sealed class EmailDispatcher(
    IServiceScopeFactory scopes,
    EmailSignal signal,
    SiteReadiness readiness,
    ClusterLock cluster,
    IOptions<EmailOptions> options,
    SitePaths paths,
    IClock clock,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    // One sending pass at a time in this process, or a message could go out twice.
    private readonly SemaphoreSlim _sending = new(1, 1);

    public string PickupFolder => Path.Combine(paths.Data, "mail-pickup");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WhenReady.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(waitForOtherNodes: false, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "E-mail dispatch failed; will try again");
            }

            await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.IntervalSeconds), stoppingToken);
        }
    }

    /// <summary>Sends every message that is due (after the pass of another node, if one is sending). Returns how many were sent.</summary>
    public Task<int> SendDueAsync(CancellationToken ct) => SendDueAsync(waitForOtherNodes: true, ct);

    private async Task<int> SendDueAsync(bool waitForOtherNodes, CancellationToken ct)
    {
        await _sending.WaitAsync(ct);
        try
        {
            await using var turn = waitForOtherNodes
                ? await cluster.AcquireAsync(ClusterJob.EmailOutbox, ct)
                : await cluster.TryAcquireAsync(ClusterJob.EmailOutbox, ct);
            return turn is null ? 0 : await SendDueOnceAsync(ct);
        }
        finally
        {
            _sending.Release();
        }
    }

    public override void Dispose()
    {
        _sending.Dispose();
        base.Dispose();
    }

    private async Task<int> SendDueOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        var due = await db.OutboxMessages
            .Where(m => m.SentUtc == null && !m.GaveUp && m.NextAttemptUtc <= now)
            .OrderBy(m => m.Id)
            .Take(50)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var sent = 0;
        using var smtp = new SmtpClient();
        foreach (var message in due)
        {
            try
            {
                await DeliverAsync(smtp, ToMime(message), ct);
                message.SentUtc = clock.GetCurrentInstant().ToDateTimeUtc();
                sent++;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
                message.GaveUp = message.Attempts >= options.Value.MaxAttempts;
                message.NextAttemptUtc = now.AddSeconds(Math.Min(3600, 30 * Math.Pow(2, message.Attempts - 1)));
                logger.LogWarning("E-mail {Id} to {To} not sent (attempt {Attempt}): {Error}", message.Id, message.ToAddress, message.Attempts, error.Message);
            }

            await db.SaveChangesAsync(ct);
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, ct);
        }

        return sent;
    }

    private async Task DeliverAsync(SmtpClient smtp, MimeMessage mime, CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            Directory.CreateDirectory(PickupFolder);
            var file = Path.Combine(PickupFolder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(file, ct);
            return;
        }

        if (!smtp.IsConnected)
        {
            await smtp.ConnectAsync(settings.Host, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security), ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            }
        }

        await smtp.SendAsync(mime, ct);
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mime.Subject = message.Subject;
        mime.MessageId = $"outbox-{message.Id}-{message.CreatedUtc.Ticks}@mayorsclub";
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        if (message.HeadersJson is { } json
            && System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json) is { } headers)
        {
            foreach (var (name, value) in headers)
            {
                mime.Headers.Add(name, value);
            }
        }

        return mime;
    }
}
