using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using MayorsClub.Core.Search.Analysis;
using MayorsClub.Core.Setup;
using Microsoft.Extensions.Logging;
using Directory = System.IO.Directory;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace MayorsClub.Core.Search;

/// <summary>
/// The search index on disk under <c>{DataPath}/Index</c>: one <see cref="IndexWriter"/> per process (the indexer's), and
/// the searchers every query borrows (<see cref="Acquire"/>). Each commit records the schema, the analysis it was made
/// with and the change feed position it reflects, so a start-up can tell a current index from one to rebuild.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    /// <summary>Raise when the fields or what goes into them change: an index of another schema is rebuilt at start.</summary>
    public const int SchemaVersion = 3;

    internal const string SchemaKey = "schema";
    internal const string AnalysisKey = "analysis";
    internal const string PositionKey = "position";

    private readonly ISearchAnalyzers _analyzers;
    private readonly ILogger<SearchIndex> _logger;
    private readonly Dictionary<string, Analyzer> _perCulture = new(StringComparer.Ordinal);
    private readonly System.Threading.Lock _lock = new();
    private FSDirectory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;
    private volatile bool _serving;
    private volatile bool _rebuilding = true;
    private long _generation;
    private readonly Lazy<string> _fingerprint;

    public SearchIndex(SitePaths paths, ISearchAnalyzers analyzers, ILogger<SearchIndex> logger)
    {
        _analyzers = analyzers;
        _logger = logger;
        Folder = Path.Combine(paths.Data, "Index");
        _fingerprint = new Lazy<string>(() => Fingerprint(analyzers));
    }

    /// <summary>The index's folder.</summary>
    public string Folder { get; }

    /// <summary>
    /// A digest of what the analyzers make of a probe text: a changed analysis makes the index outdated. Worked out on
    /// first use, in the background (the Ukrainian analysis may wait seconds for its dictionary).
    /// </summary>
    public string AnalysisFingerprint => _fingerprint.Value;

    /// <summary>Whether the index is being built (or cannot be opened); searches then use the old index if there is one.</summary>
    public bool IsRebuilding => _rebuilding;

    /// <summary>Whether there is an index to search (a current one, or the old one while a rebuild runs).</summary>
    public bool CanSearch => _serving && _searchers is not null;

    /// <summary>Grows each time searches see new content (after each change and each rebuild).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The fields' analyzers of one culture (analysed fields with its full analysis, plain copies unstemmed).</summary>
    public Analyzer AnalyzerFor(string culture)
    {
        culture = culture == "uk" ? "uk" : "en";
        lock (_perCulture)
        {
            if (!_perCulture.TryGetValue(culture, out var analyzer))
            {
                var fields = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
                foreach (var field in SearchFields.Analysed)
                {
                    fields[field] = _analyzers.For(culture);
                }

                foreach (var field in SearchFields.WithPlainCopy)
                {
                    fields[field + SearchFields.PlainSuffix] = _analyzers.Plain(culture);
                }

                analyzer = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), fields);
                _perCulture[culture] = analyzer;
            }

            return analyzer;
        }
    }

    /// <summary>A searcher of the current index, to give back with <see cref="Release"/>; null while there is none.</summary>
    public IndexSearcher? Acquire()
    {
        var searchers = _searchers;
        if (!_serving || searchers is null)
        {
            return null;
        }

        try
        {
            return searchers.Acquire();
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    public void Release(IndexSearcher searcher)
    {
        try
        {
            _searchers?.Release(searcher);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// Opens the index folder and the writer. Returns what the last commit recorded, or null when the index is missing,
    /// corrupt or unreadable (then the folder is emptied and a new index begun; searches wait for the rebuild).
    /// </summary>
    internal IndexState Open()
    {
        Directory.CreateDirectory(Folder);
        Dictionary<string, string>? recorded = null;
        try
        {
            var directory = FSDirectory.Open(Folder);
            try
            {
                if (DirectoryReader.IndexExists(directory))
                {
                    using var reader = DirectoryReader.Open(directory);
                    foreach (var leaf in reader.Leaves)
                    {
                        // Touch each segment's stored fields: a damaged file shows here rather than in a visitor's search.
                        if (leaf.Reader.MaxDoc > 0)
                        {
                            leaf.Reader.Document(leaf.Reader.MaxDoc - 1);
                        }
                    }

                    recorded = new Dictionary<string, string>(reader.IndexCommit.UserData);
                }
            }
            finally
            {
                directory.Dispose();
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            _logger.LogWarning(error, "The search index in {Folder} cannot be read ({Error}); it will be rebuilt", Folder, error.GetType().Name);
            EmptyFolder();
            recorded = null;
        }

        if (OpenWriter(create: recorded is null))
        {
            recorded = null;
        }

        _serving = recorded is not null;
        return recorded is null
            ? IndexState.Missing
            : new IndexState(true,
                int.TryParse(recorded.GetValueOrDefault(SchemaKey), out var schema) ? schema : 0,
                recorded.GetValueOrDefault(AnalysisKey) ?? "",
                long.TryParse(recorded.GetValueOrDefault(PositionKey), out var position) ? position : -1);
    }

    /// <summary>Opens the writer; true when the folder had to be emptied and a new index begun instead.</summary>
    private bool OpenWriter(bool create)
    {
        try
        {
            OpenWriterOnce(create);
            return false;
        }
        catch (Exception error) when (error is not OutOfMemoryException && !create)
        {
            _logger.LogWarning(error, "The search index in {Folder} cannot be opened for writing; it will be rebuilt", Folder);
            CloseWriter();
            EmptyFolder();
            _serving = false;
            OpenWriterOnce(create: true);
            return true;
        }
    }

    private void OpenWriterOnce(bool create)
    {
        lock (_lock)
        {
            _directory = FSDirectory.Open(Folder);
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, AnalyzerFor("uk"))
            {
                OpenMode = create ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
                Similarity = new BM25Similarity(),
                RAMBufferSizeMB = 64,
                UseCompoundFile = false,
            };
            config.MergePolicy.NoCFSRatio = 0;
            _writer = new IndexWriter(_directory, config);
            if (create)
            {
                _writer.Commit();
            }

            _searchers = new SearcherManager(_writer, true, new Bm25Searchers());
        }
    }

    private void EmptyFolder()
    {
        CloseWriter();
        try
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
        catch (IOException error)
        {
            _logger.LogWarning(error, "Could not empty the search index folder {Folder}", Folder);
        }

        Directory.CreateDirectory(Folder);
    }

    /// <summary>The index opened is current: searches use it as it is.</summary>
    internal void MarkCurrent()
    {
        _serving = true;
        _rebuilding = false;
        Interlocked.Increment(ref _generation);
    }

    /// <summary>Searches go on with what they have (the old index, or the rebuilding note) until <see cref="Publish"/>.</summary>
    internal void BeginRebuild() => _rebuilding = true;

    /// <summary>Replaces every document with the ones given (the whole site), without showing searches a half-built index.</summary>
    internal int ReplaceAll<T>(IReadOnlyList<T> items, Func<T, IEnumerable<(string Culture, LuceneDocument Document)>> documents, CancellationToken ct)
    {
        var writer = Writer;
        writer.DeleteAll();
        var count = 0;
        // The writer takes documents from several threads at once; reading the snapshot is safe from any thread.
        Parallel.ForEach(items, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, item =>
        {
            foreach (var (culture, document) in documents(item))
            {
                writer.AddDocument(document, AnalyzerFor(culture));
                Interlocked.Increment(ref count);
            }
        });

        return count;
    }

    /// <summary>Removes every search document of a published document (every culture).</summary>
    internal void Remove(Guid key) => Writer.DeleteDocuments(new Term(SearchFields.Key, key.ToString("N")));

    internal void Add(string culture, LuceneDocument document) => Writer.AddDocument(document, AnalyzerFor(culture));

    /// <summary>Lets searches see what was written (near-real-time, from the writer), then commits it with the position reflected.</summary>
    internal void Publish(long position)
    {
        var writer = Writer;
        _searchers!.MaybeRefreshBlocking();
        _serving = true;
        _rebuilding = false;
        Interlocked.Increment(ref _generation);
        writer.SetCommitData(new Dictionary<string, string>
        {
            [SchemaKey] = SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [AnalysisKey] = AnalysisFingerprint,
            [PositionKey] = position.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        writer.Commit();
    }

    /// <summary>An index nothing can be done with (another process holds it): searches say it is being rebuilt.</summary>
    internal void MarkUnavailable()
    {
        _serving = false;
        _rebuilding = true;
    }

    /// <summary>Drops what is there and begins a new, empty index (after a search found the index damaged).</summary>
    internal void Reset()
    {
        _serving = false;
        _rebuilding = true;
        EmptyFolder();
        OpenWriterOnce(create: true);
    }

    private IndexWriter Writer => _writer ?? throw new InvalidOperationException("The search index is not open.");

    private void CloseWriter()
    {
        lock (_lock)
        {
            _serving = false;
            var searchers = _searchers;
            _searchers = null;
            try
            {
                searchers?.Dispose();
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                _logger.LogDebug(error, "Closing the searchers failed");
            }

            try
            {
                _writer?.Dispose();
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                _logger.LogDebug(error, "Closing the index writer failed");
                try
                {
                    _writer?.Rollback();
                }
                catch (Exception)
                {
                    // Nothing more to do: the folder is emptied or the process ends.
                }
            }

            _writer = null;
            _directory?.Dispose();
            _directory = null;
        }
    }

    public void Dispose() => CloseWriter();

    private static string Fingerprint(ISearchAnalyzers analyzers)
    {
        const string probe = "Громади, громадам і громадою; укриттів у школах ҐАНОК п’ять м'ячів. Mayors meeting communities running faster 2026";
        var text = new StringBuilder($"{analyzers.GetType().FullName}|");
        foreach (var culture in new[] { "uk", "en" })
        {
            foreach (var analyzer in new[] { analyzers.For(culture), analyzers.Plain(culture) })
            {
                text.Append(analyzer.GetType().FullName).Append(':');
                using var stream = analyzer.GetTokenStream("probe", probe);
                var term = stream.AddAttribute<ICharTermAttribute>();
                stream.Reset();
                while (stream.IncrementToken())
                {
                    text.Append(term.ToString()).Append(' ');
                }

                stream.End();
                text.Append('|');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private sealed class Bm25Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}

/// <summary>What an index's last commit recorded (<see cref="Missing"/> when there was no readable index).</summary>
internal sealed record IndexState(bool Exists, int Schema, string Analysis, long Position)
{
    public static IndexState Missing { get; } = new(false, 0, "", -1);
}
