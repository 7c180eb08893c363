using System.Net;
using System.Text.RegularExpressions;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>The audit log view: newest first, a page at a time, filtered by who, what, when and which document.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class BackOfficeAuditTests(DatabaseProvider provider) : BackOfficeUsersTestBase(provider)
{
    private const string Password = "Audit-reader-pass-1";

    [Test]
    public async Task TheLog_ListsActionsNewestFirst_AndFiltersByUserActionDateAndDocument()
    {
        var writer = NewAddress("writer");
        var title = "Аудит " + Guid.NewGuid().ToString("N")[..6];
        var article = await CreateArticleAsync(title, writer);
        await WithServices(s => s.GetRequiredService<DocumentPublisher>().PublishAsync(new DocumentPublisher.PublishCommand(article, ["uk"], writer)));
        using var admin = await SignInAdminAsync();
        var invited = NewAddress("invited");
        (await PostFormAsync(admin.Client, "/umbraco/users/invite", "/umbraco/users/invite", ("Email", invited), ("Groups", BackOfficeGroups.Writers))).Dispose();
        using var reader = await BackOfficeSession.SignInAsync(Site, NewAddress("reader"), Password, BackOfficeGroups.Writers);

        var (status, all) = await GetAsync(reader.Client, "/umbraco/audit");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "every back-office user may read the log");
        Assert.That(all, Does.Contain("<a href=\"/umbraco/audit\" aria-current=\"page\">"), "the section is marked in the navigation");
        var rows = Rows(all);
        Assert.That(rows.Take(3).Select(r => r.Action), Is.EqualTo(new[] { "invite user", "publish", "create" }), "newest first");
        Assert.That(rows[2].Html, Does.Contain($"<a href=\"/umbraco/content/{article}\">{title}</a>"), "the document's name links to it");
        Assert.That(rows[0].Html, Does.Contain("запрошення користувача").And.Contain(invited));

        var byWriter = Rows((await GetAsync(reader.Client, "/umbraco/audit?user=" + Uri.EscapeDataString(writer))).Html);
        Assert.That(byWriter.Select(r => r.Action), Is.EqualTo(new[] { "publish", "create" }));

        var invites = Rows((await GetAsync(reader.Client, "/umbraco/audit?action=invite+user")).Html);
        Assert.That(invites, Is.Not.Empty);
        Assert.That(invites.Select(r => r.Action), Is.All.EqualTo("invite user"));

        var adminPublishes = Rows((await GetAsync(reader.Client, $"/umbraco/audit?user={Uri.EscapeDataString(TestSite.AdminEmail)}&action=publish")).Html);
        Assert.That(adminPublishes, Is.Empty, "filters combine");

        var byName = Rows((await GetAsync(reader.Client, "/umbraco/audit?document=" + Uri.EscapeDataString(title.ToUpperInvariant()[..10]))).Html);
        var byKey = Rows((await GetAsync(reader.Client, $"/umbraco/audit?document={article}")).Html);
        Assert.That(byName.Select(r => r.Action), Is.EqualTo(new[] { "publish", "create" }), "part of the name, in any case");
        Assert.That(byKey.Select(r => r.Action), Is.EqualTo(new[] { "publish", "create" }));

        var today = Site.Clock.GetCurrentInstant().ToDateTimeUtc();
        var fromTomorrow = Rows((await GetAsync(reader.Client, $"/umbraco/audit?from={today.AddDays(1):yyyy-MM-dd}")).Html);
        var untilToday = Rows((await GetAsync(reader.Client, $"/umbraco/audit?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&user={Uri.EscapeDataString(writer)}")).Html);
        Assert.That(fromTomorrow, Is.Empty);
        Assert.That(untilToday, Has.Count.EqualTo(2));

        var (badStatus, bad) = await GetAsync(reader.Client, "/umbraco/audit?from=31.12.2026");
        Assert.That(badStatus, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(bad, Does.Contain("Дата має бути у форматі РРРР-ММ-ДД."));
    }

    [Test]
    public async Task TheLog_IsReadAPageAtATime()
    {
        var busy = NewAddress("busy");
        var first = await CreateArticleAsync("Перша " + Guid.NewGuid().ToString("N")[..6], busy);
        for (var i = 0; i < 55; i++)
        {
            var state = (await WithServices(s => s.GetRequiredService<DocumentTree>().GetAsync(first)))!;
            var saved = await WithServices(s => s.GetRequiredService<DocumentEditor>().SaveAsync(new DocumentEditor.SaveCommand(
                first, state.Version, new Dictionary<string, CultureVariant> { ["uk"] = Text($"Версія {i}") }, null, busy)));
            Assert.That(saved.Succeeded, Is.True);
        }

        using var reader = await BackOfficeSession.SignInAsync(Site, NewAddress("reader"), Password, BackOfficeGroups.Editors);
        var (_, page1) = await GetAsync(reader.Client, "/umbraco/audit?user=" + Uri.EscapeDataString(busy));
        var next = Regex.Match(page1, "<a href=\"([^\"]+)\" rel=\"next\">").Groups[1].Value;
        var (_, page2) = await GetAsync(reader.Client, next);

        Assert.That(Rows(page1), Has.Count.EqualTo(50));
        Assert.That(page1, Does.Contain("Сторінка 1 з 2"));
        Assert.That(next, Does.Contain("user=").And.Contain("page=2"), "the next page keeps the filter");
        Assert.That(Rows(page2).Select(r => r.Action), Is.EqualTo(new[] { "save", "save", "save", "save", "save", "create" }));
        Assert.That(page2, Does.Contain("rel=\"prev\""));
    }

    private Task<T> WithServices<T>(Func<IServiceProvider, Task<T>> work) => WithScope(work);

    private async Task<T> WithScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private async Task<Guid> CreateArticleAsync(string title, string user)
    {
        var newsIndex = Site.Services.GetRequiredService<PublishedSnapshotService>().Current.OfType(NewsIndex.Alias, Cultures.Ukrainian).Single().Key;
        var values = new ContentValues();
        values.Invariant[NewsArticle.Date] = "2026-11-20";
        values.Cultures[Cultures.Ukrainian] = Text(title);
        var created = await WithServices(s => s.GetRequiredService<DocumentEditor>().CreateAsync(new DocumentEditor.CreateCommand(newsIndex, NewsArticle.Alias, values, user, null)));
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        return created.Document!.Key;
    }

    private static CultureVariant Text(string title) => new()
    {
        Name = title,
        Values = { [NewsArticle.Summary] = "Короткий виклад.", [NewsArticle.Body] = "<p>Текст.</p>" },
    };

    private static List<(string Action, string Html)> Rows(string html) =>
        Regex.Matches(html, "<tr data-audit-action=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
}
