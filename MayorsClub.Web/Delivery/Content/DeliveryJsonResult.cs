using System.Buffers;
using System.Text.Json;

namespace MayorsClub.Web.Delivery.Content;

/// <summary>
/// A JSON answer written with <see cref="Utf8JsonWriter"/> into a buffer rented from the shared array pool, sent with its
/// length in one write, and the buffer given back.
/// </summary>
public sealed class DeliveryJsonResult : IResult, IDisposable
{
    /// <summary>Cyrillic, quotes and markup written as they are (JSON needs no HTML escaping), as every Delivery API answer is.</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly PooledBuffer _buffer = new();

    private DeliveryJsonResult()
    {
    }

    /// <summary>Writes the answer now (the snapshot it reads is the request's) and keeps the bytes until it is sent.</summary>
    public static DeliveryJsonResult Write(Action<Utf8JsonWriter> write)
    {
        var result = new DeliveryJsonResult();
        using (var json = new Utf8JsonWriter(result._buffer, WriterOptions))
        {
            write(json);
        }

        return result;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        try
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.ContentLength = _buffer.Written.Length;
            await httpContext.Response.Body.WriteAsync(_buffer.Written, httpContext.RequestAborted);
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose() => _buffer.Dispose();

    private sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
    {
        private byte[] _array = ArrayPool<byte>.Shared.Rent(16 * 1024);
        private int _written;

        public ReadOnlyMemory<byte> Written => _array.AsMemory(0, _written);

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _array.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _array.AsSpan(_written);
        }

        private void Ensure(int sizeHint)
        {
            var needed = _written + Math.Max(sizeHint, 256);
            if (needed <= _array.Length)
            {
                return;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
            _array.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }

        public void Dispose()
        {
            var array = Interlocked.Exchange(ref _array, []);
            if (array.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(array);
            }
        }
    }
}
