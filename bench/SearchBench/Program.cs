// The search benchmark in process (bench/search.sh): loads the published snapshot from a seeded database through Core's
// own services (as the site starts), builds the search index from it and times a full rebuild, then runs 1,000 varied
// queries in Ukrainian and English, with and without date filters, and prints p50 and p99 (targets: rebuild of 20,000
// documents < 30 s, p50 < 2 ms, p99 < 10 ms). Usage: dotnet SearchBench.dll DATA_FOLDER SITE_ROOT [QUERIES]
using System.Diagnostics;
using System.Globalization;
using MayorsClub.Core.Cluster;
using MayorsClub.Core.Changes;
using MayorsClub.Core.Email;
using MayorsClub.Core.Media;
using MayorsClub.Core.Members;
using MayorsClub.Core.Users;
using MayorsClub.Core.Content;
using MayorsClub.Core.Publishing;
using MayorsClub.Core.Search;
using MayorsClub.Core.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: SearchBench DATA_FOLDER SITE_ROOT [QUERIES (default 1000)]");
    return 2;
}

var dataFolder = Path.GetFullPath(args[0]);
var siteRoot = Path.GetFullPath(args[1]);
var queryCount = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["MayorsClub:DataPath"] = dataFolder,
        ["MayorsClub:Database:Provider"] = "Sqlite",
        ["MayorsClub:DemoContent"] = "false",
        ["MayorsClub:Admin:Password"] = "Bench-admin-1",
    })
    .Build();

var services = new ServiceCollection();
services.AddSingleton<IConfiguration>(configuration);
services.AddSingleton<IHostEnvironment>(new BenchEnvironment(siteRoot));
services.AddLogging(log => log.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
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
services.AddMayorsClubSearch();
await using var provider = services.BuildServiceProvider();

// Start as the site does: the initializer loads the snapshot; the analysis warm-up and the indexer start with it.
var hosted = provider.GetServices<IHostedService>().Where(s => s is SiteInitializer or SearchIndexer || s.GetType().Name == "DictionaryWarmUp").ToList();
var index = provider.GetRequiredService<SearchIndex>();
if (Directory.Exists(index.Folder))
{
    Directory.Delete(index.Folder, recursive: true);
}

var started = Stopwatch.StartNew();
foreach (var service in hosted)
{
    await service.StartAsync(CancellationToken.None);
}

await provider.GetRequiredService<SiteReadiness>().WhenReady;
var snapshot = provider.GetRequiredService<PublishedSnapshotService>().Current;
Console.WriteLine($"snapshot: {snapshot.All.Count} published documents, loaded {started.ElapsedMilliseconds} ms after start");
var indexer = provider.GetRequiredService<SearchIndexer>();
while (index.IsRebuilding || indexer.LastRebuild is null)
{
    await Task.Delay(20);
}

Console.WriteLine($"first build at start (with the dictionary's loading): {indexer.LastRebuild?.TotalMilliseconds:F0} ms");

// A full rebuild on the open index, the Ukrainian dictionary loaded: what a rebuild costs a running site.
indexer.Rebuild();
var rebuild = indexer.LastRebuild!.Value;
var searchDocuments = snapshot.All.Sum(d => SearchKinds.Of(d.ContentType) is null ? 0 : d.Cultures.Count);
Console.WriteLine($"full rebuild: {rebuild.TotalSeconds:F2} s for {searchDocuments} search documents of {snapshot.All.Count} published documents (target < 30 s for 20,000 documents)");

// The queries: words from the published titles (whole, a different ending, a typo, a half word being typed), both
// languages, half of the events ones with a date range.
var search = provider.GetRequiredService<SiteSearch>();
var random = new Random(20261205);
var titles = new Dictionary<string, List<string[]>>
{
    ["uk"] = [], ["en"] = [],
};
foreach (var document in snapshot.All.Where(d => SearchKinds.Of(d.ContentType) is not null))
{
    foreach (var (culture, words) in titles)
    {
        if (document.Name(culture) is { } name)
        {
            words.Add(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', '«', '»', ':', '—', '“', '”')).Where(w => w.Length >= 4).ToArray());
        }
    }
}

var queries = new List<SearchQuery>();
var origin = Instant.FromUtc(2014, 1, 1, 0, 0);
for (var i = 0; i < queryCount + 200; i++)
{
    var culture = i % 2 == 0 ? "uk" : "en";
    var pool = titles[culture];
    var words = pool[random.Next(pool.Count)];
    if (words.Length == 0)
    {
        i--;
        continue;
    }

    var picked = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Vary(words[random.Next(words.Length)], random)).Distinct().ToArray();
    var query = new SearchQuery(culture, string.Join(' ', picked));
    if (i % 4 == 1 || i % 4 == 2)
    {
        var from = origin.Plus(Duration.FromDays(random.Next(0, 15 * 365)));
        query = query with { Kind = SearchKinds.Event, From = from, To = from.Plus(Duration.FromDays(random.Next(7, 120))) };
    }

    queries.Add(query);
}

// Warm-up (tiered JIT), then the measured run.
foreach (var query in queries.Take(200))
{
    search.Search(query);
}

var times = new List<double>(queryCount);
var withDates = new List<double>();
var found = 0L;
foreach (var query in queries.Skip(200))
{
    var watch = Stopwatch.GetTimestamp();
    var results = search.Search(query);
    var ms = Stopwatch.GetElapsedTime(watch).TotalMilliseconds;
    times.Add(ms);
    if (query.From is not null)
    {
        withDates.Add(ms);
    }

    found += results.Total;
}

var matchTimes = new List<double>();
foreach (var query in queries.Skip(200).Take(500))
{
    var watch = Stopwatch.GetTimestamp();
    search.Match(query.Culture, query.Words!);
    matchTimes.Add(Stopwatch.GetElapsedTime(watch).TotalMilliseconds);
}

Console.WriteLine($"queries: {times.Count} (uk and en; {withDates.Count} events with a date range), {found / (double)times.Count:F0} results each on average, a page of 10 with snippets");
Console.WriteLine($"  search p50 {Percentile(times, 50):F2} ms, p99 {Percentile(times, 99):F2} ms (targets < 2 ms, < 10 ms); with dates p50 {Percentile(withDates, 50):F2} ms, p99 {Percentile(withDates, 99):F2} ms");
Console.WriteLine($"  calendar words filter (IEventTextSearch.Match, every matching event's key) p50 {Percentile(matchTimes, 50):F2} ms, p99 {Percentile(matchTimes, 99):F2} ms");
Console.WriteLine($"RESULT rebuild_s={rebuild.TotalSeconds:F2} docs={searchDocuments} p50_ms={Percentile(times, 50):F2} p99_ms={Percentile(times, 99):F2} match_p50_ms={Percentile(matchTimes, 50):F2} match_p99_ms={Percentile(matchTimes, 99):F2}");

foreach (var service in hosted)
{
    await service.StopAsync(CancellationToken.None);
}

return 0;

static double Percentile(List<double> values, int percent)
{
    if (values.Count == 0)
    {
        return 0;
    }

    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

// A word as a visitor types it: as written, another ending (two letters off), a typo in a long word, or a half-typed word.
static string Vary(string word, Random random) => random.Next(4) switch
{
    1 when word.Length > 6 => word[..^2],
    2 when word.Length >= 8 => word[..3] + word[4..],
    3 when word.Length > 5 => word[..(word.Length / 2 + 1)],
    _ => word,
};

internal sealed class BenchEnvironment(string root) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Production";
    public string ApplicationName { get; set; } = "SearchBench";
    public string ContentRootPath { get; set; } = root;
    public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
}
