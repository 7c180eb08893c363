using System.Net;
using MayorsClub.Core.Email;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The back office's outbox view: a message that failed and was given up is listed with its error (never its body),
/// "retry now" sends it through the real SMTP server, and it then shows among the messages sent lately.
/// </summary>
public sealed class OutboxViewTests() : BackOfficeUsersTestBase(DatabaseProvider.Sqlite)
{
    private const string Path = "/umbraco/outbox";

    [Test]
    public async Task AFailedMessage_IsListedWithoutItsBody_AndRetryNowSendsItOnce()
    {
        using var committee = await BackOfficeSession.SignInAsync(Site, "committee-outbox@test.local", "Committee-password-1", BackOfficeGroups.Committee);
        var to = NewAddress("failed");
        var secret = "token-" + Guid.NewGuid().ToString("N");
        var id = await QueueFailedAsync(to, secret);

        var page = await committee.Client.GetStringAsync(Path);

        Assert.That(page, Does.Contain($"data-message=\"{id}\"").And.Contain(to).And.Contain("Connection refused by the test"));
        Assert.That(page, Does.Contain("не вдалося, спроби припинено"), "given up");
        Assert.That(page, Does.Not.Contain(secret), "bodies carry sign-in links: never shown");

        using var withoutToken = await committee.Client.PostAsync($"{Path}/{id}/retry", new FormUrlEncodedContent([]));
        Assert.That(withoutToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "antiforgery");

        using var retried = await PostFormAsync(committee.Client, Path, $"{Path}/{id}/retry");

        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var message = (await MailToAsync(to)).Single();
        Assert.That(message.TextBody, Does.Contain(secret));
        var sent = await WaitForSentAsync(id);
        Assert.That(sent.GaveUp, Is.False);
        var after = await committee.Client.GetStringAsync(Path);
        Assert.That(after, Does.Contain($"data-sent-message=\"{id}\"").And.Not.Contain($"data-message=\"{id}\"").And.Not.Contain(secret));
        await Task.Delay(1500); // a dispatcher tick later, still one e-mail
        Assert.That(await ReceivedAsync(to), Has.Count.EqualTo(1));

        using var again = await PostFormAsync(committee.Client, Path, $"{Path}/{id}/retry");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a sent message is not sent again");
    }

    private async Task<long> QueueFailedAsync(string to, string secret)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        var now = Site.Clock.GetCurrentInstant().ToDateTimeUtc();
        var message = new OutboxMessage
        {
            ToAddress = to, Subject = "Запрошення до Клубу мерів", TextBody = $"Посилання: https://club.test/set-password?code={secret}",
            CreatedUtc = now.AddHours(-2), NextAttemptUtc = now.AddHours(1), Attempts = 8, GaveUp = true, LastError = "Connection refused by the test",
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<OutboxMessage> WaitForSentAsync(long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var scope = Site.Services.CreateAsyncScope();
            var message = await scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
            if (message.SentUtc is not null || DateTime.UtcNow > deadline)
            {
                Assert.That(message.SentUtc, Is.Not.Null, "marked sent");
                return message;
            }

            await Task.Delay(100);
        }
    }
}
