using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MayorsClub.Core.Changes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Operations;
using MayorsClub.Core.Setup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MayorsClub.Core.Imaging;

/// <summary>
/// The processed variants on disk, under <c>{DataPath}/ImageCache/{mediaKey:N}/{hash}.{ext}</c>. The hash covers the
/// source's current version token (from the snapshot, not the URL), the canonical commands, the output format and the
/// focal point a crop used, so a replaced or re-focused image never finds an old variant; the change feed deletes a
/// changed media item's folder so old variants do not take space either. Concurrent first requests for one variant
/// compute it once; processing takes one of <see cref="ImagingOptions.MaxConcurrentProcessing"/> slots, and a request
/// that waits longer than <see cref="ImagingOptions.QueueTimeoutSeconds"/> is told the server is busy. Files are
/// written atomically (a temporary file, then a move). The size limit is kept by least-recently-used eviction over an
/// in-memory index, rebuilt from the folder at start, trimmed in the background.
/// </summary>
public sealed class ImageVariantCache : IPublishedChangeSubscriber, IDisposable
{
    private readonly ImagingOptions _options;
    private readonly ImageProcessor _processor;
    private readonly ILogger<ImageVariantCache> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<string, Lazy<Task<Computed>>> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> _index = new(StringComparer.Ordinal);
    private long _totalBytes;
    private long _processed;
    private int _trimming;
    private readonly SiteMetrics _metrics;

    public ImageVariantCache(IOptions<ImagingOptions> options, SitePaths paths, ImageProcessor processor, ILogger<ImageVariantCache> logger, SiteMetrics metrics)
    {
        _metrics = metrics;
        _options = options.Value;
        _processor = processor;
        _logger = logger;
        Root = Path.Combine(paths.Data, "ImageCache");
        SizeLimitBytes = _options.CacheSizeLimitMegabytes * 1024L * 1024L;
        _slots = new SemaphoreSlim(_options.MaxConcurrentProcessing > 0 ? _options.MaxConcurrentProcessing : Environment.ProcessorCount);
        Directory.CreateDirectory(Root);
        Loaded = Task.Run(LoadIndex);
    }

    /// <summary>The cache's folder.</summary>
    public string Root { get; }

    /// <summary>The size limit in bytes (from <see cref="ImagingOptions.CacheSizeLimitMegabytes"/>; settable for tests of eviction).</summary>
    public long SizeLimitBytes { get; set; }

    /// <summary>How many times this process has processed an image (a cached hit does not count; a refused source does).</summary>
    public long ProcessedCount => Interlocked.Read(ref _processed);

    /// <summary>The bytes the index counts on disk.</summary>
    public long TotalBytes => Interlocked.Read(ref _totalBytes);

    /// <summary>Done when the index of what was on disk at start is read.</summary>
    public Task Loaded { get; }

    int IPublishedChangeSubscriber.Order => 160;

    /// <summary>
    /// The variant of a public image, from the disk or computed now, opened for reading; or why it cannot be made
    /// (400 for a source libvips refuses, 503 when every processing slot stayed busy).
    /// </summary>
    /// <param name="accepts">What the client's Accept header allows, used when the commands name no format.</param>
    public async Task<ImageVariantResult> GetAsync(ImageSource source, ImageCommands commands, AcceptedFormats accepts, CancellationToken ct)
    {
        ImageRefusal? refusal = null;
        var format = commands.Format ?? Negotiate(source, accepts, out refusal);
        if (format is null)
        {
            return ImageVariantResult.Refused(refusal!, 400);
        }

        // The library's focal point only changes a crop, and only when the URL names none.
        var focalPoint = commands.FocalPoint is null && (commands.Crop is not null || commands.Mode == ResizeMode.Crop) && source.FocalPoint is { } point
            ? string.Create(CultureInfo.InvariantCulture, $"{point.X},{point.Y}")
            : "";
        var key = Hash($"{source.Token}\n{(commands with { Format = null }).ToQuery()}\n{format}\n{focalPoint}");
        var path = Path.Combine(Root, source.MediaKey.ToString("N"), $"{key}.{ImageCommands.FormatName(format.Value)}");
        var variant = new ImageVariant(path, format.Value, key);

        if (TryOpen(variant) is { } hit)
        {
            _metrics.ImageVariant(cacheHit: true);
            return hit;
        }

        _metrics.ImageVariant(cacheHit: false);

        var computed = await _inFlight.GetOrAdd(path, _ => new Lazy<Task<Computed>>(() => ComputeAsync(source, commands, variant))).Value.WaitAsync(ct);
        return computed.Bytes is { } bytes
            ? new ImageVariantResult(variant, new MemoryStream(bytes, writable: false), null, 200)
            : ImageVariantResult.Refused(computed.Refusal!, computed.Status);
    }

    private ImageOutputFormat? Negotiate(ImageSource source, AcceptedFormats accepts, out ImageRefusal? refusal)
    {
        refusal = null;
        if (accepts.HasFlag(AcceptedFormats.Avif))
        {
            return ImageOutputFormat.Avif;
        }

        if (accepts.HasFlag(AcceptedFormats.WebP))
        {
            return ImageOutputFormat.WebP;
        }

        if (source.ContentType == "image/jpeg")
        {
            return ImageOutputFormat.Jpeg;
        }

        var header = _processor.ReadHeader(source.Path);
        refusal = header.Refusal;
        return refusal is not null ? null : header.HasAlpha ? ImageOutputFormat.Png : ImageOutputFormat.Jpeg;
    }

    private ImageVariantResult? TryOpen(ImageVariant variant)
    {
        try
        {
            var stream = new FileStream(variant.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.Asynchronous);
            Track(variant.Path, stream.Length).LastUse = Environment.TickCount64;
            return new ImageVariantResult(variant, stream, null, 200);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private async Task<Computed> ComputeAsync(ImageSource source, ImageCommands commands, ImageVariant variant)
    {
        try
        {
            return await ComputeOnceAsync(source, commands, variant);
        }
        finally
        {
            // Later requests find the file (or compute again after a refusal or a busy answer).
            _inFlight.TryRemove(variant.Path, out _);
        }
    }

    private async Task<Computed> ComputeOnceAsync(ImageSource source, ImageCommands commands, ImageVariant variant)
    {
        if (!await _slots.WaitAsync(TimeSpan.FromSeconds(_options.QueueTimeoutSeconds)))
        {
            return new Computed(null, new ImageRefusal(ImageMessages.Busy), 503);
        }

        ProcessedImage processed;
        try
        {
            processed = await Task.Run(() => _processor.Process(source.Path, commands, variant.Format, source.FocalPoint));
        }
        finally
        {
            _slots.Release();
        }

        Interlocked.Increment(ref _processed);
        if (processed is not { Bytes: { } bytes })
        {
            _logger.LogWarning("Media {Key}: the image cannot be processed ({Code}); answered 400.", source.MediaKey, processed.Refusal?.Code);
            return new Computed(null, processed.Refusal ?? new ImageRefusal(ImageMessages.CannotProcess), 400);
        }

        await KeepAsync(variant.Path, bytes);
        return new Computed(bytes, null, 200);
    }

    /// <summary>Writes a variant atomically; a failure (disk full, the folder evicted meanwhile) only means it is computed again next time.</summary>
    private async Task KeepAsync(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
            Track(path, bytes.Length).LastUse = Environment.TickCount64;
            TrimInBackground();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "The image variant {Path} could not be kept on disk.", path);
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                _logger.LogDebug(cleanup, "The temporary file {Path} stays.", temporary);
            }
        }
    }

    /// <summary>The index entry of a file, added (and counted) when it is not there yet.</summary>
    private Entry Track(string path, long size)
    {
        var entry = new Entry(size);
        if (_index.TryAdd(path, entry))
        {
            Interlocked.Add(ref _totalBytes, size);
            return entry;
        }

        return _index.TryGetValue(path, out var existing) ? existing : entry;
    }

    /// <summary>A media item changed (replaced, re-focused, made members-only, deleted): its variants go.</summary>
    public Task ApplyAsync(IReadOnlyList<PublishedChange> changes, CancellationToken ct)
    {
        foreach (var media in changes.SelectMany(c => c.Media).Distinct())
        {
            Evict(media);
        }

        return Task.CompletedTask;
    }

    /// <summary>Deletes every variant of a media item.</summary>
    public void Evict(Guid mediaKey)
    {
        var folder = Path.Combine(Root, mediaKey.ToString("N"));
        foreach (var path in _index.Keys.Where(p => p.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            Forget(path);
        }

        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException e)
        {
            // A variant being written right now: it is under the old version's hash, never served again, and the LRU takes it.
            _logger.LogInformation(e, "The image cache folder {Folder} was not removed whole.", folder);
        }
    }

    private void Forget(string path)
    {
        if (_index.TryRemove(path, out var entry))
        {
            Interlocked.Add(ref _totalBytes, -entry.Size);
        }
    }

    private void TrimInBackground()
    {
        if (TotalBytes > SizeLimitBytes && Interlocked.CompareExchange(ref _trimming, 1, 0) == 0)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    Trim();
                }
                catch (Exception e)
                {
                    _logger.LogError(e, "Trimming the image cache failed.");
                }
                finally
                {
                    Volatile.Write(ref _trimming, 0);
                }
            });
        }
    }

    /// <summary>Deletes the least recently used variants until the cache is within its limit.</summary>
    public void Trim()
    {
        foreach (var (path, _) in _index.ToArray().OrderBy(e => e.Value.LastUse))
        {
            if (TotalBytes <= SizeLimitBytes)
            {
                break;
            }

            Forget(path);
            try
            {
                File.Delete(path);
            }
            catch (IOException e)
            {
                _logger.LogInformation(e, "The cached image {Path} could not be deleted.", path);
            }
        }
    }

    private void LoadIndex()
    {
        try
        {
            // The oldest on disk count as least recently used; a start leaves no better record.
            var now = Environment.TickCount64;
            foreach (var file in new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                if (file.Name.EndsWith(".tmp", StringComparison.Ordinal))
                {
                    file.Delete(); // left by a process that stopped while writing
                    continue;
                }

                var age = (long)Math.Min((DateTime.UtcNow - file.LastWriteTimeUtc).TotalMilliseconds, long.MaxValue / 4);
                var entry = Track(file.FullName, file.Length);
                entry.LastUse = Math.Min(entry.LastUse, now - age);
            }

            TrimInBackground();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "The image cache's index could not be read whole from {Root}.", Root);
        }
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    public void Dispose() => _slots.Dispose();

    private sealed record Computed(byte[]? Bytes, ImageRefusal? Refusal, int Status);

    private sealed class Entry(long size)
    {
        public long Size { get; } = size;

        public long LastUse { get; set; } = Environment.TickCount64;
    }
}

/// <summary>A public image to make variants of: where its file is, its checked type, its version token and the library's focal point.</summary>
public sealed record ImageSource(Guid MediaKey, string Path, string ContentType, string Token, FocalPoint? FocalPoint);

/// <summary>A variant's place on disk, its format and its tag (the hash its name is made of).</summary>
public sealed record ImageVariant(string Path, ImageOutputFormat Format, string Tag);

/// <summary>The variant opened for reading (the caller disposes <see cref="Content"/>), or a refusal with its status.</summary>
public sealed record ImageVariantResult(ImageVariant? Variant, Stream? Content, ImageRefusal? Refusal, int Status)
{
    public static ImageVariantResult Refused(ImageRefusal refusal, int status) => new(null, null, refusal, status);
}

/// <summary>The modern formats a client's Accept header allows.</summary>
[Flags]
public enum AcceptedFormats
{
    None = 0,
    WebP = 1,
    Avif = 2,
}
