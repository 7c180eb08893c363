// Seeds the page-speed benchmark's SQLite database: the site's own first start (migrations, administrator,
// demo content), then 10,000 published documents (5,000 news articles, 3,000 events, 2,000 expert sessions,
// each in uk and en) created and published through the real DocumentEditor and DocumentPublisher, so they pass
// the same validation (sanitized HTML, lengths, dates, unique URL segments) as editors' content.
// Usage: dotnet Seeder.dll DATA_FOLDER SITE_ROOT [DOCUMENTS]
//   DATA_FOLDER must not hold a database yet; DOCUMENTS (default 10000, split 50/30/20) is for quick trials.
//   MAYORSCLUB_SEED_NEWS, MAYORSCLUB_SEED_EVENTS and MAYORSCLUB_SEED_SESSIONS, when set, give each count instead of the split
//   (bench/search.sh: 10,000 news and 10,000 events).
using System.Diagnostics;
using MayorsClub.Core.Cluster;
using MayorsClub.Bench.Seeder;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using MayorsClub.Core.Changes;
using MayorsClub.Core.Email;
using MayorsClub.Core.Media;
using MayorsClub.Core.Members;
using MayorsClub.Core.Setup;
using MayorsClub.Core.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

if (args.Length is < 2 or > 3 || (args.Length == 3 && !(int.TryParse(args[2], out var parsed) && parsed >= 10)))
{
    Console.Error.WriteLine("usage: Seeder DATA_FOLDER SITE_ROOT [DOCUMENTS (at least 10; default 10000)]");
    return 2;
}

var documents = args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000;

var dataFolder = Path.GetFullPath(args[0]);
var siteRoot = Path.GetFullPath(args[1]);
Directory.CreateDirectory(dataFolder);
if (Directory.EnumerateFiles(dataFolder, "*.db*").Any())
{
    Console.Error.WriteLine($"{dataFolder} already holds a database; the seeder starts from an empty folder.");
    return 2;
}

var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["MayorsClub:DataPath"] = dataFolder,
        ["MayorsClub:Database:Provider"] = "Sqlite",
        ["MayorsClub:Admin:Password"] = "Bench-admin-1",
    })
    .Build();

var services = new ServiceCollection();
services.AddSingleton<IConfiguration>(configuration); // the options binding reads it from the container
services.AddLogging(log => log
    .AddSimpleConsole(console => console.SingleLine = true)
    .SetMinimumLevel(LogLevel.Warning)
    .AddFilter("MayorsClub", LogLevel.Information));
services.AddMayorsClubCore(configuration, siteRoot);
services.AddMayorsClubCluster(configuration);
services.AddMayorsClubContent();
services.AddMayorsClubPublishing();
services.AddMayorsClubChangeFeed();
services.AddMayorsClubMedia();
services.AddMayorsClubEmail();
services.AddMayorsClubBackOfficeIdentity();
services.AddMayorsClubMembers();


await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
var total = Stopwatch.StartNew();

// The site's own first start, as a new production site does it: migrations (and WAL), the first administrator, the demo content.
// Doing it here makes the benchmark's start a warm start of an existing site with 10,000 documents.
var initializer = provider.GetServices<IHostedService>().OfType<SiteInitializer>().Single();
await initializer.StartAsync(CancellationToken.None);
await provider.GetRequiredService<SiteReadiness>().WhenReady;
await initializer.StopAsync(CancellationToken.None);
Console.WriteLine($"first start (migrations, administrator, demo content): {total.ElapsedMilliseconds} ms");

Guid newsIndex, sessionIndex, calendar;
await using (var scope = provider.CreateAsyncScope())
{
    var tree = scope.ServiceProvider.GetRequiredService<DocumentTree>();
    var home = (await tree.ChildrenAsync(null, CancellationToken.None)).Single(d => d.ContentType == Home.Alias);
    var sections = await tree.ChildrenAsync(home.Key, CancellationToken.None);
    Task<Guid> KeyOf(string alias) => Task.FromResult(sections.Single(d => d.ContentType == alias).Key);
    newsIndex = await KeyOf(NewsIndex.Alias);
    sessionIndex = await KeyOf(ExpertSessionIndex.Alias);
    calendar = await KeyOf(EventsCalendar.Alias);
}

var content = new BenchContent(seed: 20261123);
var seeding = Stopwatch.StartNew();
var created = 0;
var newsCount = Count("MAYORSCLUB_SEED_NEWS") ?? documents / 2;
var eventCount = Count("MAYORSCLUB_SEED_EVENTS") ?? documents * 3 / 10;
var sessionCount = Count("MAYORSCLUB_SEED_SESSIONS") ?? documents - documents / 2 - documents * 3 / 10;
await SeedAsync("news articles", newsIndex, NewsArticle.Alias, newsCount, content.NewsArticle);
await SeedAsync("events", calendar, Event.Alias, eventCount, content.Event);
await SeedAsync("expert sessions", sessionIndex, ExpertSession.Alias, sessionCount, content.ExpertSession);
Console.WriteLine($"seeded {created} documents in {seeding.Elapsed.TotalSeconds:F1} s ({created / seeding.Elapsed.TotalSeconds:F0} documents/s)");

// One file to copy: fold the write-ahead log into the database and close every pooled connection.
await using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "mayorsclub.sqlite.db")}"))
{
    await connection.OpenAsync();
    await using var checkpoint = connection.CreateCommand();
    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
    await checkpoint.ExecuteNonQueryAsync();
}

SqliteConnection.ClearAllPools();
Console.WriteLine($"total {total.Elapsed.TotalSeconds:F1} s; database {new FileInfo(Path.Combine(dataFolder, "mayorsclub.sqlite.db")).Length / 1048576.0:F0} MB");
return 0;

// Creates and publishes COUNT documents under PARENT, in transactions of BatchSize documents, each batch in a new scope
// (a fresh DbContext: the change tracker would otherwise grow with every document and slow each save down).
async Task SeedAsync(string label, Guid parent, string contentType, int count, Func<int, ContentValues> values)
{
    const int BatchSize = 250;
    var started = Stopwatch.StartNew();
    for (var first = 0; first < count; first += BatchSize)
    {
        await using var scope = provider.CreateAsyncScope();
        var transactions = scope.ServiceProvider.GetRequiredService<ContentTransactions>();
        var editor = scope.ServiceProvider.GetRequiredService<DocumentEditor>();
        var publisher = scope.ServiceProvider.GetRequiredService<DocumentPublisher>();
        await using var transaction = await transactions.BeginAsync(); // the editor and publisher join it
        for (var i = first; i < Math.Min(first + BatchSize, count); i++)
        {
            var document = Require(await editor.CreateAsync(new DocumentEditor.CreateCommand(parent, contentType, values(i), BenchContent.User)), label, i);
            Require(await publisher.PublishAsync(new DocumentPublisher.PublishCommand(document.Key, Cultures.All, BenchContent.User)), label, i);
            content.Created(contentType, document.Key);
            if (i == 0)
            {
                Console.WriteLine($"  first of the {label}: segment uk \"{document.Cultures["uk"].UrlSegment}\", en \"{document.Cultures["en"].UrlSegment}\"");
            }
        }

        await transaction.CommitAsync();
        created += Math.Min(BatchSize, count - first);
        var done = Math.Min(first + BatchSize, count);
        if (done % 1000 == 0 || done == count)
        {
            Console.WriteLine($"  {label}: {done}/{count} ({done / started.Elapsed.TotalSeconds:F0}/s, {seeding.Elapsed.TotalSeconds:F0} s)");
        }
    }
}

static int? Count(string variable) =>
    int.TryParse(Environment.GetEnvironmentVariable(variable), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
        ? count
        : null;

static DocumentState Require(ContentResult result, string label, int index) =>
    result is { Succeeded: true, Document: { } document }
        ? document
        : throw new InvalidOperationException($"{label} #{index}: {result.Status}: {string.Join("; ", result.Errors)}");

