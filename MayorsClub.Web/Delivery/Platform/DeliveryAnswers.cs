using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace MayorsClub.Web.Delivery.Platform;

/// <summary>
/// What every Delivery API answer shares, before routing:
/// <list type="bullet">
/// <item><c>Vary</c> (<see cref="DeliveryHeaders.Vary"/>) on every answer under the API, errors and 304 included, and
/// <c>Cache-Control</c>: <c>no-cache</c> (keep it, but revalidate with the ETag) for anonymous callers, <c>private,
/// no-store</c> for a request with a key, a preview, a bearer token or an identity cookie.</item>
/// <item>On every GET: the body is held until the endpoint is done, so the answer gets a strong ETag of its bytes, and an
/// <c>If-None-Match</c> that names it gets 304 with no body.</item>
/// <item>The cache of anonymous answers (<see cref="DeliveryAnswerCache"/>): answered here before routing when kept;
/// kept here when the endpoint said it may be (<see cref="IDeliveryCacheable"/>). <c>X-Cache: HIT</c> or <c>MISS</c> says
/// which, on answers that could be cached.</item>
/// <item>Errors without a body, and unexpected failures, become ProblemDetails: never the site's HTML pages.</item>
/// </list>
/// </summary>
public sealed class DeliveryAnswers(DeliveryAnswerCache cache, ILogger<DeliveryAnswers> logger)
{
    public const string CacheHeader = "X-Cache";

    /// <summary>Whether the path is one whose GET answers get ETags and may be cached (not the members' sign-in endpoints, not the docs page's scripts).</summary>
    public static bool IsReadPath(PathString path) =>
        path.StartsWithSegments(DeliveryApi.BasePath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Vary and Cache-Control, set as the answer starts (whoever wrote it: an endpoint, the rate limiter, CORS).</summary>
    public void MarkHeaders(HttpContext context)
    {
        var shared = cache.MayShare(context.Request);
        context.Response.OnStarting(static state =>
        {
            var (response, shared) = ((HttpResponse, bool))state;
            var vary = response.Headers.Vary.ToString();
            response.Headers.Vary = vary.Length == 0 ? DeliveryHeaders.Vary : vary + ", " + DeliveryHeaders.Vary;
            if (!shared)
            {
                response.Headers.CacheControl = "private, no-store";
            }
            else if (response.Headers.CacheControl.Count == 0)
            {
                response.Headers.CacheControl = "no-cache";
            }

            return Task.CompletedTask;
        }, (context.Response, shared));
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!IsReadPath(request.Path))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            await AnswerOrProblemAsync(context, next);
            return;
        }

        var shared = cache.Enabled && cache.MayShare(request);
        var key = shared ? DeliveryAnswerCache.Key(request) : null;
        if (key is not null && cache.Find(key) is { } kept)
        {
            context.Response.Headers[CacheHeader] = "HIT";
            await WriteAsync(context, kept.Body, kept.ContentType, kept.ETag, kept.ContentLanguage);
            return;
        }

        var madeUnder = cache.CurrentOptions;
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffered = new BufferedBody();
        context.Features.Set<IHttpResponseBodyFeature>(buffered);
        ReadOnlyMemory<byte> body;
        try
        {
            await AnswerOrProblemAsync(context, next);
            body = await buffered.WrittenAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status200OK)
        {
            await WriteBodyAsync(response, body);
            return;
        }

        var etag = ETagOf(body.Span);
        // Kept only when the endpoint says so (a full-text search, which follows the index, says not: DeliveryRequest.DoNotKeep).
        if (key is not null && context.Features.Get<IDeliveryCacheable>() is { Cacheable: true } note)
        {
            var answer = new CachedAnswer(note.SnapshotGeneration, body.ToArray(), response.ContentType, etag, response.Headers.ContentLanguage.ToString() is { Length: > 0 } language ? language : null, madeUnder);
            response.Headers[CacheHeader] = cache.Keep(key, answer, note.Reads.Tags) ? "MISS" : "MISS, not kept";
        }

        await WriteAsync(context, body, response.ContentType, etag, null);
    }

    /// <summary>Runs the endpoint; an error it answered without a body, or a failure, becomes ProblemDetails.</summary>
    private async Task AnswerOrProblemAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        try
        {
            await next(context);
        }
        catch (Exception error) when (!response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(error, "The Delivery API failed to answer {Method} {Path}", context.Request.Method, context.Request.Path);
            response.Clear();
            await DeliveryProblems.WriteAsync(context, StatusCodes.Status500InternalServerError, DeliveryProblems.TitleOf(500), DeliveryPlatformText.ServerError);
            return;
        }

        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null or 0 && string.IsNullOrEmpty(response.ContentType)
            && (context.Features.Get<IHttpResponseBodyFeature>() is not BufferedBody buffered || await buffered.IsEmptyAsync()))
        {
            var text = response.StatusCode switch
            {
                StatusCodes.Status404NotFound => DeliveryPlatformText.NoSuchEndpoint,
                StatusCodes.Status405MethodNotAllowed => DeliveryPlatformText.MethodNotAllowed,
                >= 500 => DeliveryPlatformText.ServerError,
                _ => DeliveryPlatformText.NotFound,
            };
            await DeliveryProblems.WriteAsync(context, response.StatusCode, DeliveryProblems.TitleOf(response.StatusCode), text);
        }
    }

    /// <summary>An answer with its ETag; 304 and no body when the caller's copy is this one.</summary>
    private static Task WriteAsync(HttpContext context, ReadOnlyMemory<byte> body, string? contentType, string etag, string? contentLanguage)
    {
        var response = context.Response;
        response.Headers.ETag = etag;
        if (contentLanguage is not null)
        {
            response.Headers.ContentLanguage = contentLanguage;
        }

        if (IsNotModified(context.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        return WriteBodyAsync(response, body);
    }

    private static Task WriteBodyAsync(HttpResponse response, ReadOnlyMemory<byte> body)
    {
        if (body.Length == 0)
        {
            return Task.CompletedTask;
        }

        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>A strong ETag: the first 128 bits of the body's SHA-256.</summary>
    public static string ETagOf(ReadOnlySpan<byte> body) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"";

    private static bool IsNotModified(HttpRequest request, string etag)
    {
        var sent = request.Headers.IfNoneMatch;
        if (sent.Count == 0)
        {
            return false;
        }

        var ours = new EntityTagHeaderValue(etag);
        return EntityTagHeaderValue.TryParseList(sent, out var tags)
            && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(ours, useStrongComparison: false));
    }

    /// <summary>
    /// Holds the body in memory until the endpoint is done (nothing is sent before: the headers can still change), in
    /// arrays from the shared pool: a list answer is tens of kilobytes, and a growing MemoryStream would put a new array on
    /// the large-object heap for each one.
    /// </summary>
    private sealed class BufferedBody : IHttpResponseBodyFeature, IDisposable
    {
        private readonly PooledStream _buffer = new();
        private PipeWriter? _writer;

        public Stream Stream => _buffer;

        public PipeWriter Writer => _writer ??= PipeWriter.Create(_buffer, new StreamPipeWriterOptions(leaveOpen: true));

        public void DisableBuffering()
        {
        }

        public void Dispose() => _buffer.Dispose();

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            SendFileFallback.SendFileAsync(_buffer, path, offset, count, cancellationToken);

        public async Task CompleteAsync()
        {
            if (_writer is not null)
            {
                await _writer.FlushAsync();
            }
        }

        public async Task<bool> IsEmptyAsync()
        {
            await CompleteAsync();
            return _buffer.Length == 0;
        }

        /// <summary>The bytes written, valid until this body is disposed.</summary>
        public async Task<ReadOnlyMemory<byte>> WrittenAsync()
        {
            await CompleteAsync();
            return _buffer.Written;
        }
    }

    /// <summary>A write-only stream over arrays rented from <see cref="ArrayPool{T}.Shared"/>, given back on dispose.</summary>
    private sealed class PooledStream : Stream
    {
        private byte[] _array = ArrayPool<byte>.Shared.Rent(16 * 1024);
        private int _length;

        public ReadOnlyMemory<byte> Written => _array.AsMemory(0, _length);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_length + buffer.Length > _array.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_length + buffer.Length, _array.Length * 2));
                _array.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_array);
                _array = larger;
            }

            buffer.CopyTo(_array.AsSpan(_length));
            _length += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            var array = Interlocked.Exchange(ref _array, []);
            if (array.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(array);
            }

            _length = 0;
            base.Dispose(disposing);
        }
    }
}
