using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Infrastructure;

/// <summary>
/// One running site (with the demo content) per test class and database; each test makes its own documents.
/// </summary>
public abstract class SiteTestBase(DatabaseProvider provider)
{
    protected const string Editor = "editor@test.local";

    protected TestSite Site { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    protected DatabaseProvider Provider => provider;

    protected PublishedSnapshot Snapshot => Site.Services.GetRequiredService<PublishedSnapshotService>().Current;

    /// <summary>A new snapshot of the same content empties the page cache, so the next page views are rendered again.</summary>
    protected Task EmptyPageCacheAsync() => Site.Services.GetRequiredService<PublishedSnapshotService>().RebuildAsync();

    protected Guid NewsIndexKey => Snapshot.OfType(NewsIndex.Alias, Cultures.Ukrainian).Single().Key;

    protected Guid HomeKey => Snapshot.Home!.Key;

    /// <summary>Configuration this test class's site needs beyond the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>Changes to this test class's site's services (an extra subscriber of the change feed, say).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    [OneTimeSetUp]
    public async Task StartSite()
    {
        Site = await TestSite.StartAsync(provider, configureServices: ConfigureServices, settings: Settings);
        Client = Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    /// <summary>Restarts the site on the same database and data folder (<see cref="TestSite.RestartAsync"/>).</summary>
    protected async Task RestartSiteAsync(Action<string>? whileStopped = null)
    {
        Client.Dispose();
        Site = await Site.RestartAsync(whileStopped);
        Client = Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        Client.Dispose();
        await Site.DisposeAsync();
    }

    /// <summary>Runs a piece of work with the services of one request scope, as a controller would.</summary>
    protected async Task<T> WithServices<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    protected Task<ContentResult> CreateAsync(Guid? parent, string type, ContentValues values, Guid? key = null) =>
        WithServices(s => s.GetRequiredService<DocumentEditor>().CreateAsync(new DocumentEditor.CreateCommand(parent, type, values, Editor, key)));

    protected Task<ContentResult> SaveAsync(Guid key, int expectedVersion, string culture, CultureVariant variant, Dictionary<string, JsonNode?>? invariant = null) =>
        WithServices(s => s.GetRequiredService<DocumentEditor>().SaveAsync(
            new DocumentEditor.SaveCommand(key, expectedVersion, new Dictionary<string, CultureVariant> { [culture] = variant }, invariant, Editor)));

    protected Task<ContentResult> PublishAsync(Guid key, params string[] cultures) =>
        WithServices(s => s.GetRequiredService<DocumentPublisher>().PublishAsync(new DocumentPublisher.PublishCommand(key, cultures, Editor)));

    protected Task<ContentResult> UnpublishAsync(Guid key, string culture) =>
        WithServices(s => s.GetRequiredService<DocumentPublisher>().UnpublishAsync(new DocumentPublisher.UnpublishCommand(key, culture, Editor)));

    protected Task<DocumentState?> GetAsync(Guid key) =>
        WithServices(s => s.GetRequiredService<DocumentTree>().GetAsync(key));

    protected Task<(int Documents, int Versions)> CountRowsAsync() =>
        WithServices(async s =>
        {
            var db = s.GetRequiredService<MayorsClubDbContext>();
            return (await db.Documents.CountAsync(), await db.DocumentVersions.CountAsync());
        });

    /// <summary>A news article with the given titles (a null title leaves that culture unwritten).</summary>
    protected static ContentValues Article(string? ukTitle, string? enTitle = null, string date = "2026-11-20")
    {
        var values = new ContentValues();
        values.Invariant[NewsArticle.Date] = date;
        if (ukTitle is not null)
        {
            values.Cultures[Cultures.Ukrainian] = ArticleText(ukTitle, "Короткий виклад новини.", "<p>Текст новини українською.</p>");
        }

        if (enTitle is not null)
        {
            values.Cultures[Cultures.English] = ArticleText(enTitle, "A short summary of the news.", "<p>The news in English.</p>");
        }

        return values;
    }

    protected static CultureVariant ArticleText(string title, string summary, string body) => new()
    {
        Name = title,
        Values = { [NewsArticle.Summary] = summary, [NewsArticle.Body] = body },
    };

    protected static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..6]}";

    protected async Task<DocumentState> CreatedArticleAsync(string? ukTitle, string? enTitle = null)
    {
        var result = await CreateAsync(NewsIndexKey, NewsArticle.Alias, Article(ukTitle, enTitle));
        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
        return result.Document!;
    }

    /// <summary>A content page in both cultures whose body (for members of a group, once a rule guards it) carries a marker.</summary>
    protected static ContentValues PageForMayors(string title, string marker)
    {
        var values = new ContentValues();
        foreach (var culture in Cultures.All)
        {
            values.Cultures[culture] = new CultureVariant
            {
                Name = Unique($"{title} {culture}"),
                Values = { [ContentPage.Summary] = "Публічний тизер сторінки.", [ContentPage.Body] = $"<p>Лише для мерів: {marker}-{culture}</p>" },
            };
        }

        return values;
    }

    /// <summary>Creates a document and publishes it in every culture.</summary>
    protected async Task<Guid> CreateAndPublishAsync(Guid parent, string type, ContentValues values)
    {
        var created = await CreateAsync(parent, type, values);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        var published = await PublishAsync(created.Document!.Key, [.. Cultures.All]);
        Assert.That(published.Succeeded, Is.True, string.Join("; ", published.Errors));
        return created.Document.Key;
    }

    protected async Task<(int Status, string Html)> GetPageAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    protected string UrlOf(Guid key, string culture) =>
        Snapshot.Get(key)?.Url(culture) ?? throw new AssertionException($"{key} has no URL in {culture}");
}
