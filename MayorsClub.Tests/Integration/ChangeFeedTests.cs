using MayorsClub.Core.Changes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The change feed after commit: every change visitors can see is a row of the feed, applied by the process's worker
/// to the snapshot (reading only what changed) and then to the other subscribers; commands are whole and return once
/// their change is visible.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[NonParallelizable]
public sealed class ChangeFeedTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private readonly FlakySubscriber _flaky = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IPublishedChangeSubscriber>(_flaky);

    private ChangeFeedWorker Worker => Site.Services.GetRequiredService<ChangeFeedWorker>();

    [TearDown]
    public void NoMoreFailures() => _flaky.FailuresLeft = 0;

    [Test]
    public async Task ASubscriberThatThrows_DoesNotBlockTheSnapshot_AndIsRetriedUntilItSucceeds()
    {
        _flaky.FailuresLeft = 2;
        var title = Unique("Новина попри збій підписника");
        var article = await CreatedArticleAsync(title);

        Assert.That((await PublishAsync(article.Key, Cultures.Ukrainian)).Succeeded);

        Assert.That(Snapshot.Get(article.Key)?.IsVisibleIn(Cultures.Ukrainian), Is.True, "visible when the publish returns");
        Assert.That((await GetPageAsync(UrlOf(article.Key, Cultures.Ukrainian))).Html, Does.Contain(title));
        var sequence = await LastSequenceAsync();
        await Eventually(() => _flaky.Applied.Contains(sequence), "the failing subscriber is retried with a back-off until it succeeds");
        Assert.That(_flaky.Failures, Is.GreaterThanOrEqualTo(2));
        Assert.That(Worker.PendingRetries, Is.Zero);
    }

    [Test]
    public async Task AChangeCommittedWhileTheWorkerIsStopped_IsAppliedWhenItStarts()
    {
        var title = Unique("Новина, поки обробник стоїть");
        var article = await CreatedArticleAsync(title);
        await Worker.StopAsync(CancellationToken.None);
        try
        {
            Assert.That((await PublishAsync(article.Key, Cultures.Ukrainian)).Succeeded);
            Assert.That(Snapshot.Get(article.Key), Is.Null, "nothing applies the feed while the worker is stopped");
        }
        finally
        {
            await Worker.StartAsync(CancellationToken.None);
        }

        await Eventually(() => Snapshot.Get(article.Key)?.IsVisibleIn(Cultures.Ukrainian) == true, "the worker applies the feed from its position when it starts");
        Assert.That((await GetPageAsync(UrlOf(article.Key, Cultures.Ukrainian))).Html, Does.Contain(title));
    }

    [Test]
    public async Task SaveAndPublish_IsOneCommand_WithOneNewVersion_AndOneRowOfTheFeed()
    {
        var article = await CreatedArticleAsync(Unique("Чернетка"));
        var versionsBefore = await VersionCountAsync(article.Key);
        var sequenceBefore = await LastSequenceAsync();
        var title = Unique("Збережено й опубліковано");

        var result = await SaveAndPublishAsync(article, title);

        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
        Assert.That(await VersionCountAsync(article.Key), Is.EqualTo(versionsBefore + 1));
        Assert.That(result.Document!.Version, Is.EqualTo(article.Version + 1));
        Assert.That((await GetPageAsync(UrlOf(article.Key, Cultures.Ukrainian))).Html, Does.Contain(title));
        var rows = await WithServices(s => s.GetRequiredService<MayorsClubDbContext>().PublishedChanges.Where(c => c.Id > sequenceBefore).ToListAsync());
        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That(rows[0].Kind, Is.EqualTo(nameof(PublishedChangeKind.Publish)));
        Assert.That(rows[0].DocumentKeys, Is.EqualTo(article.Key.ToString("D")));
        Assert.That(rows[0].Cultures, Is.EqualTo(Cultures.Ukrainian));
    }

    [Test]
    public async Task SaveAndPublish_Refused_SavesNothing()
    {
        // The parent page is not published, so its child cannot be: the typed text is not saved either.
        var parent = (await CreateAsync(HomeKey, ContentPage.Alias, Page(Unique("Неопублікований розділ")))).Document!;
        var child = (await CreateAsync(parent.Key, ContentPage.Alias, Page(Unique("Сторінка розділу")))).Document!;
        var refused = await SaveAndPublishAsync(child, Unique("Не збережеться"), body: "<p>Новий текст.</p>");

        Assert.That(refused.Status, Is.EqualTo(ContentStatus.Invalid));
        Assert.That(refused.Errors.Select(e => e.Code), Does.Contain(ContentMessages.ParentNotPublished));
        await AssertUnchangedAsync(child);

        // A value that fails validation: nothing saved, nothing published.
        var article = await CreatedArticleAsync(Unique("Стаття без змін"));
        var invalid = await SaveAndPublishAsync(article, "");
        Assert.That(invalid.Status, Is.EqualTo(ContentStatus.Invalid));
        await AssertUnchangedAsync(article);
        Assert.That(Snapshot.Get(article.Key), Is.Null);
    }

    [Test]
    public async Task ConcurrentPublishesOfDifferentDocuments_EachIsVisibleWhenItsCommandReturns()
    {
        var articles = new List<DocumentState>();
        for (var i = 0; i < 8; i++)
        {
            articles.Add(await CreatedArticleAsync(Unique($"Паралельна новина {i}")));
        }

        var visible = await Task.WhenAll(articles.Select(async article =>
            (await PublishAsync(article.Key, Cultures.Ukrainian)).Succeeded && Snapshot.Get(article.Key)?.IsVisibleIn(Cultures.Ukrainian) == true));

        Assert.That(visible, Is.All.True);
        foreach (var article in articles)
        {
            Assert.That((await GetPageAsync(UrlOf(article.Key, Cultures.Ukrainian))).Status, Is.EqualTo(200));
        }
    }

    [Test]
    public async Task ApplyingAChange_ReadsOnlyWhatItNames_AndTheSubtreeOfAMove()
    {
        var snapshots = Site.Services.GetRequiredService<PublishedSnapshotService>();
        var article = await CreatedArticleAsync(Unique("Одна змінена новина"));
        await PublishAsync(article.Key, Cultures.Ukrainian);
        Assert.That(snapshots.LastReads, Is.EqualTo(new SnapshotReads(Documents: 1, Media: 0)), "a one-document publish reads that document only");
        Assert.That(Snapshot.All.Count, Is.GreaterThan(10), "while the site has many more");

        // A section with two pages below it moves under another page: the three are read again, nothing else.
        var section = (await CreateAsync(HomeKey, ContentPage.Alias, Page(Unique("Розділ, що переїде")))).Document!;
        var below = new[] { (await CreateAsync(section.Key, ContentPage.Alias, Page(Unique("Перша")))).Document!, (await CreateAsync(section.Key, ContentPage.Alias, Page(Unique("Друга")))).Document! };
        var target = (await CreateAsync(HomeKey, ContentPage.Alias, Page(Unique("Новий батько")))).Document!;
        foreach (var key in new[] { section.Key, below[0].Key, below[1].Key, target.Key })
        {
            Assert.That((await PublishAsync(key, Cultures.Ukrainian)).Succeeded);
        }

        var moved = await WithServices(s => s.GetRequiredService<DocumentTree>().MoveAsync(section.Key, target.Key, Editor));

        Assert.That(moved.Succeeded, Is.True, string.Join("; ", moved.Errors));
        Assert.That(snapshots.LastReads.Documents, Is.EqualTo(3));
        var targetUrl = UrlOf(target.Key, Cultures.Ukrainian);
        Assert.That(UrlOf(below[1].Key, Cultures.Ukrainian), Does.StartWith(targetUrl), "the pages below moved with their section");
        Assert.That(Snapshot.Get(below[1].Key)!.Level, Is.EqualTo(Snapshot.Get(target.Key)!.Level + 2));
    }

    private static ContentValues Page(string title) => new()
    {
        Cultures = { [Cultures.Ukrainian] = new CultureVariant { Name = title, Values = { [ContentPage.Body] = "<p>Текст сторінки.</p>" } } },
    };

    private Task<ContentResult> SaveAndPublishAsync(DocumentState document, string title, string? body = null)
    {
        var variant = document.Draft.Clone().Cultures[Cultures.Ukrainian];
        variant.Name = title;
        if (body is not null)
        {
            variant.Values[ContentPage.Body] = body;
        }

        var save = new DocumentEditor.SaveCommand(document.Key, document.Version, new Dictionary<string, CultureVariant> { [Cultures.Ukrainian] = variant }, null, Editor);
        return WithServices(s => s.GetRequiredService<DocumentPublisher>().SaveAndPublishAsync(new DocumentPublisher.SaveAndPublishCommand(save, [Cultures.Ukrainian])));
    }

    private async Task AssertUnchangedAsync(DocumentState before)
    {
        var after = (await GetAsync(before.Key))!;
        Assert.That(after.Version, Is.EqualTo(before.Version), "no new version");
        Assert.That(after.Draft.ToJson(), Is.EqualTo(before.Draft.ToJson()), "the draft as it was");
        Assert.That(after.Cultures[Cultures.Ukrainian].IsPublished, Is.False);
        Assert.That(await VersionCountAsync(before.Key), Is.EqualTo(before.Version));
    }

    private Task<int> VersionCountAsync(Guid key) =>
        WithServices(s => s.GetRequiredService<MayorsClubDbContext>().DocumentVersions.CountAsync(v => v.Document!.Key == key));

    private Task<long> LastSequenceAsync() =>
        WithServices(s => ChangeFeedWorker.LastSequenceAsync(s.GetRequiredService<MayorsClubDbContext>(), CancellationToken.None));

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), what);
            await Task.Delay(50);
        }
    }

    /// <summary>A later subscriber of the feed (a search index, say) that fails a given number of times, then works.</summary>
    private sealed class FlakySubscriber : IPublishedChangeSubscriber
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<long> _applied = [];
        private int _failures;

        public volatile int FailuresLeft;

        // Before the snapshot: its failures must not keep the snapshot (or anything after it) from the change.
        public int Order => -1;

        public IReadOnlyCollection<long> Applied => _applied;

        public int Failures => _failures;

        public Task ApplyAsync(IReadOnlyList<PublishedChange> changes, CancellationToken ct)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                Interlocked.Increment(ref _failures);
                throw new InvalidOperationException("The subscriber is down.");
            }

            foreach (var change in changes)
            {
                _applied.Add(change.Sequence);
            }

            return Task.CompletedTask;
        }
    }
}
