using MayorsClub.Core.Email;
using MayorsClub.Core.Persistence;
using MayorsClub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MayorsClub.Tests.Integration;

/// <summary>E-mail goes through the outbox to a real SMTP server; a failure is kept and retried, never lost.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class EmailOutboxTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string>? Settings => SmtpSink.Settings;

    [Test]
    public async Task QueuedEmail_IsDeliveredToTheSmtpServer_AndMarkedSent()
    {
        var to = $"mayor-{Guid.NewGuid():N}@hromada.test";

        var id = await QueueAsync(Site, to, "Вашу заявку отримано", "Дякуємо! Комітет розгляне її найближчим часом.");

        var message = await SmtpSink.WaitForMessageToAsync(to);
        Assert.That(message.Subject, Is.EqualTo("Вашу заявку отримано"));
        Assert.That(message.TextBody?.Trim(), Is.EqualTo("Дякуємо! Комітет розгляне її найближчим часом."));
        Assert.That(message.From.Mailboxes.Single().Address, Is.EqualTo("club@mayorsclub.test"));
        Assert.That(await SentUtcAsync(Site, id), Is.Not.Null);
    }

    [Test]
    public async Task SmtpServerDown_TheMessageStaysInTheOutbox_AndIsRetriedLaterWithAPause()
    {
        await using var site = await TestSite.StartAsync(Provider, demoContent: false, settings: new Dictionary<string, string>
        {
            ["MayorsClub:Smtp:Host"] = "127.0.0.1",
            ["MayorsClub:Smtp:Port"] = "9", // nothing listens on the discard port
            ["MayorsClub:Smtp:Security"] = "None",
            ["MayorsClub:Smtp:IntervalSeconds"] = "3600",
        });
        var dispatcher = site.Services.GetRequiredService<EmailDispatcher>();
        var id = await QueueAsync(site, "member@hromada.test", "Тема", "Текст");

        var firstTry = await dispatcher.SendDueAsync(CancellationToken.None);
        var tooSoon = await dispatcher.SendDueAsync(CancellationToken.None);
        var stored = await MessageAsync(site, id);

        Assert.That((firstTry, tooSoon), Is.EqualTo((0, 0)));
        Assert.That(stored.SentUtc, Is.Null);
        Assert.That(stored.Attempts, Is.EqualTo(1), "not tried again before its pause is over");
        Assert.That(stored.LastError, Is.Not.Empty);
        Assert.That(stored.NextAttemptUtc, Is.GreaterThan(site.Clock.GetCurrentInstant().ToDateTimeUtc()));

        site.Clock.AdvanceMinutes(5);
        await dispatcher.SendDueAsync(CancellationToken.None);
        Assert.That((await MessageAsync(site, id)).Attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task NoSmtpServerConfigured_WritesTheMessageToThePickupFolder()
    {
        await using var site = await TestSite.StartAsync(Provider, demoContent: false);
        var dispatcher = site.Services.GetRequiredService<EmailDispatcher>();

        var id = await QueueAsync(site, "editor@mayorsclub.test", "Pickup", "Лист у теці.");
        await dispatcher.SendDueAsync(CancellationToken.None);

        var file = Directory.GetFiles(dispatcher.PickupFolder, "*.eml").Single();
        var message = await MimeMessage.LoadAsync(file);
        Assert.That(message.TextBody?.Trim(), Is.EqualTo("Лист у теці."));
        Assert.That(await SentUtcAsync(site, id), Is.Not.Null);
    }

    private static async Task<long> QueueAsync(TestSite site, string to, string subject, string text)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        scope.ServiceProvider.GetRequiredService<EmailOutbox>().Queue(to, null, subject, text);
        await db.SaveChangesAsync();
        return await db.OutboxMessages.Where(m => m.ToAddress == to).MaxAsync(m => m.Id);
    }

    private static async Task<OutboxMessage> MessageAsync(TestSite site, long id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static async Task<DateTime?> SentUtcAsync(TestSite site, long id) => (await MessageAsync(site, id)).SentUtc;
}
