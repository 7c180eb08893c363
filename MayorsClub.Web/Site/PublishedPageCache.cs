using MayorsClub.Core.Changes;
using MayorsClub.Core.Operations;
using MayorsClub.Core.Publishing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace MayorsClub.Web.Site;

/// <summary>
/// Keeps the rendered bytes of published pages (endpoints marked <see cref="PublishedPageAttribute"/>) for the hour they
/// were rendered in, and answers later requests for them without routing or rendering. Each page keeps the documents its
/// render read (<see cref="PublishedReads"/>): a change that only changes documents in place drops the pages that read
/// them; any other change (the tree, cultures, URLs, a place in a list, media) drops every page.
/// Requests that carry a user's identity (any identity scheme's cookie, or an Authorization header) are never answered
/// from it, nor kept.
/// </summary>
public sealed class PublishedPageCache : IPublishedChangeSubscriber, IDisposable
{
    private readonly IClock _clock;
    private readonly MemoryCache _pages;
    private readonly int _maxPageBytes;
    private readonly IdentityCookies _identityCookies;
    private readonly PublishedSnapshotService _snapshots;
    private readonly SiteMetrics _metrics;

    // Which pages read which document; kept, dropped and cleared under _lock, with the pages themselves.
    private readonly Dictionary<int, HashSet<string>> _readers = [];
    private readonly Lock _lock = new();

    // The snapshot the last change handled here produced, and the last one after which every page was dropped. A page
    // of an earlier snapshot is served only while the current snapshot is the one handled here (a snapshot loaded some
    // other way, or one whose change is not handled yet, serves only its own pages).
    private long _handledGeneration = -1;
    private long _clearedAtGeneration;

    public PublishedPageCache(IClock clock, IOptions<PageCacheOptions> options, IdentityCookies identityCookies, PublishedSnapshotService snapshots,
        SiteMetrics metrics)
    {
        _clock = clock;
        _metrics = metrics;
        _snapshots = snapshots;
        _identityCookies = identityCookies;
        _pages = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimitMegabytes * 1024L * 1024 });
        _maxPageBytes = options.Value.MaxPageKilobytes * 1024;
    }

    public void Dispose() => _pages.Dispose();

    /// <summary>After the snapshot has taken in the changes: drops the pages they can have changed.</summary>
    public Task ApplyAsync(IReadOnlyList<PublishedChange> changes, CancellationToken ct)
    {
        var effect = _snapshots.LastEffect;
        lock (_lock)
        {
            if (effect is null || effect.UpToSequence != changes[^1].Sequence || effect.Everything)
            {
                _pages.Clear();
                _readers.Clear();
                _clearedAtGeneration = _snapshots.Current.Generation;
            }
            else
            {
                foreach (var document in effect.Documents)
                {
                    if (_readers.Remove(document, out var keys))
                    {
                        foreach (var key in keys)
                        {
                            _pages.Remove(key);
                        }
                    }
                }
            }

            _handledGeneration = effect?.Generation ?? _snapshots.Current.Generation;
        }

        return Task.CompletedTask;
    }

    /// <summary>Drops the pages that read a document for a reason outside the change feed (an event's places changed).</summary>
    public void Forget(Guid documentKey)
    {
        if (_snapshots.Current.Get(documentKey) is not { } document)
        {
            return;
        }

        lock (_lock)
        {
            if (_readers.Remove(document.Id, out var keys))
            {
                foreach (var key in keys)
                {
                    _pages.Remove(key);
                }
            }
        }
    }

    /// <summary>
    /// Set in <see cref="HttpContext.Items"/> by a page whose answer may change without a change to what it read (the
    /// calendar filtered by words, which the search index answers): it is served but not kept.
    /// </summary>
    public const string DoNotKeep = "MayorsClub.PageCache.DoNotKeep";

    /// <summary>Before routing: answers a GET or HEAD from the cache when the current snapshot's page is there.</summary>
    public Task AnswerFromCacheAsync(HttpContext context, RequestDelegate next, PublishedSnapshot current)
    {
        var request = context.Request;
        var head = HttpMethods.IsHead(request.Method);
        if ((!head && !HttpMethods.IsGet(request.Method)) || IsPersonal(request)
            || !_pages.TryGetValue(Key(request), out CachedPage? page) || !IsCurrent(page!, current))
        {
            return next(context);
        }

        _metrics.PageCacheLookup(hit: true);
        return page!.WriteAsync(context, head, UtcNow);
    }

    /// <summary>After routing: renders a published page as usual and keeps a copy of a successful one.</summary>
    public async Task RenderAndKeepAsync(HttpContext context, RequestDelegate next, PublishedSnapshot current)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || IsPersonal(request) || context.User.Identity?.IsAuthenticated == true
            || context.GetEndpoint()?.Metadata.GetMetadata<PublishedPageAttribute>() is null)
        {
            await next(context);
            return;
        }

        // A miss is counted here, where a published page is rendered that the cache could have answered.
        _metrics.PageCacheLookup(hit: false);
        var snapshot = current;
        var renderedAt = UtcNow;
        using var reads = PublishedReads.Start();
        var originalBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        await using var recorder = new RecordingStream(originalBody.Stream, _maxPageBytes);
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(recorder, originalBody));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(originalBody);
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && recorder.Recorded is { } body && SetsOnlyTheCultureCookie(response)
            && !context.Items.ContainsKey(DoNotKeep))
        {
            Keep(Key(request), CachedPage.From(response, body, snapshot, renderedAt), reads.Documents);
        }
    }

    /// <summary>
    /// Keeps a page rendered from the current snapshot, with the documents it read. One rendered from a snapshot that has
    /// since been replaced is not kept: the change that replaced it may already have been handled.
    /// </summary>
    private void Keep(string key, CachedPage page, IReadOnlyCollection<int> documents)
    {
        lock (_lock)
        {
            if (page.Generation != _snapshots.Current.Generation)
            {
                return;
            }

            _pages.Set(key, page, new MemoryCacheEntryOptions
            {
                Size = page.Body.Length + 512,
                AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1),
            });
            foreach (var document in documents)
            {
                (_readers.TryGetValue(document, out var keys) ? keys : _readers[document] = []).Add(key);
            }
        }
    }

    private bool IsCurrent(CachedPage page, PublishedSnapshot current) =>
        page.IsOfTheHour(UtcNow)
        && (page.Generation == current.Generation
            || (current.Generation == Volatile.Read(ref _handledGeneration) && page.Generation >= Volatile.Read(ref _clearedAtGeneration)));

    // The site's clock, as the pages use it: what is "upcoming" is decided by the same hour.
    private DateTime UtcNow => _clock.GetCurrentInstant().ToDateTimeUtc();

    private bool IsPersonal(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || _identityCookies.AnyIn(request);

    /// <summary>The language cookie is added to every response as it starts (cached or not); any other cookie makes a response personal.</summary>
    private static bool SetsOnlyTheCultureCookie(HttpResponse response)
    {
        foreach (var cookie in response.Headers.SetCookie)
        {
            if (cookie is null || !cookie.StartsWith(CultureSelector.CookieName + "=", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // Host and scheme are part of the key: the sitemap and feeds write absolute addresses.
    private static string Key(HttpRequest request) =>
        string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value);

    private sealed record CachedPage(
        long Generation,
        DateTime RenderedUtc,
        byte[] Body,
        string? ContentType,
        EntityTagHeaderValue? ETag,
        DateTimeOffset? LastModified,
        string? CacheControl)
    {
        public static CachedPage From(HttpResponse response, byte[] body, PublishedSnapshot snapshot, DateTime renderedAt)
        {
            var headers = response.GetTypedHeaders();
            return new CachedPage(snapshot.Generation, renderedAt, body, response.ContentType, headers.ETag, headers.LastModified,
                response.Headers.CacheControl.ToString() is { Length: > 0 } cacheControl ? cacheControl : null);
        }

        public bool IsOfTheHour(DateTime utcNow) => HourOf(RenderedUtc) == HourOf(utcNow);

        public Task WriteAsync(HttpContext context, bool headersOnly, DateTime utcNow)
        {
            var response = context.Response;
            // As any HTTP cache does: how many seconds ago the page was rendered.
            response.Headers.Age = ((long)Math.Max(0, (utcNow - RenderedUtc).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (ETag is not null)
            {
                PageCaching.MarkRevalidation(response, ETag, LastModified ?? DateTimeOffset.MinValue);
                if (PageCaching.IsNotModified(context.Request, ETag, LastModified ?? DateTimeOffset.MinValue))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    return Task.CompletedTask;
                }
            }
            else if (CacheControl is not null)
            {
                response.Headers.CacheControl = CacheControl;
            }

            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ContentType;
            response.ContentLength = Body.Length;
            return headersOnly ? Task.CompletedTask : response.BodyWriter.WriteAsync(Body).AsTask();
        }

        private static long HourOf(DateTime utc) => utc.Ticks / TimeSpan.TicksPerHour;
    }

    /// <summary>Passes writes through to the response and keeps a copy, unless the response grows past the limit.</summary>
    private sealed class RecordingStream(Stream inner, int limit) : Stream
    {
        private MemoryStream? _copy = new();

        /// <summary>The whole body, or null when it was too big to keep.</summary>
        public byte[]? Recorded => _copy?.ToArray();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            // The response's own stream belongs to the server; only the copy is ours.
            if (disposing)
            {
                _copy?.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (_copy is null)
            {
                return;
            }

            if (_copy.Length + bytes.Length > limit)
            {
                _copy.Dispose();
                _copy = null;
                return;
            }

            _copy.Write(bytes);
        }
    }
}
