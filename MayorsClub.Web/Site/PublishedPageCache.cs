using MayorsClub.Core.Changes;
using MayorsClub.Core.Publishing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace MayorsClub.Web.Site;

/// <summary>
/// Keeps the rendered bytes of published pages (endpoints marked <see cref="PublishedPageAttribute"/>) for the snapshot
/// and hour they were rendered in, and answers later requests for them without routing or rendering.
/// Requests that carry a user's identity (any identity scheme's cookie, or an Authorization header) are never answered
/// from it, nor kept.
/// </summary>
public sealed class PublishedPageCache : IPublishedChangeSubscriber, IDisposable
{
    private readonly IClock _clock;
    private readonly MemoryCache _pages;
    private readonly int _maxPageBytes;
    private readonly IdentityCookies _identityCookies;

    public PublishedPageCache(IClock clock, IOptions<PageCacheOptions> options, IdentityCookies identityCookies)
    {
        _clock = clock;
        _identityCookies = identityCookies;
        _pages = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimitMegabytes * 1024L * 1024 });
        _maxPageBytes = options.Value.MaxPageKilobytes * 1024;
    }

    public void Dispose() => _pages.Dispose();

    /// <summary>After the snapshot has taken in the changes: the pages of the old snapshot are never served again, so drop them.</summary>
    public Task ApplyAsync(IReadOnlyList<PublishedChange> changes, CancellationToken ct)
    {
        _pages.Clear();
        return Task.CompletedTask;
    }

    /// <summary>Before routing: answers a GET or HEAD from the cache when the current snapshot's page is there.</summary>
    public Task AnswerFromCacheAsync(HttpContext context, RequestDelegate next, PublishedSnapshot current)
    {
        var request = context.Request;
        var head = HttpMethods.IsHead(request.Method);
        if ((!head && !HttpMethods.IsGet(request.Method)) || IsPersonal(request)
            || !_pages.TryGetValue(Key(request), out CachedPage? page) || !page!.IsCurrent(current, UtcNow))
        {
            return next(context);
        }

        return page.WriteAsync(context, head, UtcNow);
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

        var snapshot = current;
        var renderedAt = UtcNow;
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
        if (response.StatusCode == StatusCodes.Status200OK && recorder.Recorded is { } body && SetsOnlyTheCultureCookie(response))
        {
            var page = CachedPage.From(response, body, snapshot, renderedAt);
            _pages.Set(Key(request), page, new MemoryCacheEntryOptions
            {
                Size = body.Length + 512,
                AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1),
            });
        }
    }

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

        public bool IsCurrent(PublishedSnapshot snapshot, DateTime utcNow) =>
            Generation == snapshot.Generation && HourOf(RenderedUtc) == HourOf(utcNow);

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
