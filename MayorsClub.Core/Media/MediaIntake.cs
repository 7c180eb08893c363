using System.Buffers;
using MayorsClub.Core.Content;
using Microsoft.Extensions.Options;

namespace MayorsClub.Core.Media;

/// <summary>
/// Receives an uploaded file: reads its first bytes to learn its format (and so its kind's size limit), streams
/// the rest to a file in the incoming folder while counting (stopping as soon as the limit is passed), then checks
/// the whole file. Refused files leave nothing behind.
/// </summary>
public sealed class MediaIntake(MediaStorage storage, IOptions<MediaOptions> options)
{
    public async Task<(ReceivedFile? File, MediaResult? Refusal)> ReceiveAsync(Stream content, string fileName, CancellationToken ct)
    {
        var head = new byte[MediaSniffer.HeadLength];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var sniffed = MediaSniffer.Sniff(head.AsSpan(0, headLength));
        if (sniffed.Format is not { } format)
        {
            return (null, MediaResult.Refused(MediaStatus.UnsupportedType, new MediaError(sniffed.Refusal!, "file", [fileName])));
        }

        var limit = options.Value.MaxBytes(format.Kind);
        var tooLarge = MediaResult.Refused(MediaStatus.TooLarge,
            new MediaError(MediaMessages.TooLarge, "file", [fileName, format.Label, MediaOptions.InMegabytes(limit).ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        if (headLength > limit)
        {
            return (null, tooLarge);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        var incoming = storage.CreateIncoming(out var path);
        var kept = false;
        try
        {
            await using (incoming)
            {
                await incoming.WriteAsync(head.AsMemory(0, headLength), ct);
                long total = headLength;
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > limit)
                    {
                        return (null, tooLarge);
                    }

                    await incoming.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                await incoming.FlushAsync(ct);
                var inspection = MediaInspector.Inspect(incoming);
                if (!inspection.Accepted)
                {
                    var status = inspection.Refusal == MediaMessages.ImpossibleDimensions ? MediaStatus.Invalid : MediaStatus.UnsupportedType;
                    return (null, MediaResult.Refused(status, new MediaError(inspection.Refusal!, "file", [fileName, format.Label])));
                }

                // Refused before anything decodes it: a small file may declare a picture that would fill the memory.
                if (inspection is { Width: { } width, Height: { } height } && (long)width * height > options.Value.MaxImagePixels)
                {
                    return (null, MediaResult.Refused(MediaStatus.Invalid, new MediaError(MediaMessages.TooManyPixels, "file",
                        [fileName, Number(width), Number(height), (options.Value.MaxImagePixels / 1_000_000.0).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)])));
                }

                if (inspection.Format == MediaFormat.Heic)
                {
                    await incoming.DisposeAsync();
                    return ConvertHeic(path, fileName);
                }

                total = await WithoutLocationAsync(incoming, total, inspection.Format!, ct);

                kept = true;
                return (new ReceivedFile(path, inspection.Format!, total, inspection.Width, inspection.Height), null);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!kept)
            {
                MediaStorage.DeleteFile(path);
            }
        }
    }

    /// <summary>
    /// A phone photo loses its GPS (and the rest of its EXIF and XMP but the orientation) before it is kept, losslessly.
    /// Other files are left as they are: GIF holds no EXIF, and an AVIF's EXIF item is not removed (the README says so).
    /// </summary>
    private static async Task<long> WithoutLocationAsync(FileStream incoming, long length, MediaFormat format, CancellationToken ct)
    {
        Func<byte[], byte[]?>? strip = format switch
        {
            _ when format == MediaFormat.Jpeg => bytes => JpegMetadata.WithoutLocation(bytes),
            _ when format == MediaFormat.Png => bytes => PngMetadata.WithoutLocation(bytes),
            _ when format == MediaFormat.WebP => bytes => WebPMetadata.WithoutLocation(bytes),
            _ => null,
        };
        if (strip is null)
        {
            return length;
        }

        var bytes = new byte[length];
        incoming.Position = 0;
        await incoming.ReadExactlyAsync(bytes, ct);
        if (strip(bytes) is not { } stripped)
        {
            return length;
        }

        incoming.SetLength(0);
        await incoming.WriteAsync(stripped, ct);
        await incoming.FlushAsync(ct);
        return stripped.Length;
    }

    /// <summary>
    /// A HEIC photo (already within the pixel limit by its header) becomes a JPEG in a new incoming file; the HEIC is
    /// deleted by the caller. Refused with its own message when this native build cannot decode HEVC.
    /// </summary>
    private (ReceivedFile?, MediaResult?) ConvertHeic(string heicPath, string fileName)
    {
        if (!HeicConversion.CanDecodeHevc)
        {
            return (null, MediaResult.Refused(MediaStatus.UnsupportedType, new MediaError(MediaMessages.HeicNotSupported, "file", [fileName])));
        }

        storage.CreateIncoming(out var jpegPath).Dispose();
        if (HeicConversion.ToJpeg(heicPath, jpegPath) is not { } size)
        {
            MediaStorage.DeleteFile(jpegPath);
            return (null, MediaResult.Refused(MediaStatus.UnsupportedType, new MediaError(MediaMessages.ImageDamaged, "file", [fileName, MediaFormat.Heic.Label])));
        }

        return (new ReceivedFile(jpegPath, MediaFormat.Jpeg, new FileInfo(jpegPath).Length, size.Width, size.Height), null);
    }

    private static string Number(int value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A checked file waiting in the incoming folder to be kept (or deleted).</summary>
public sealed record ReceivedFile(string IncomingPath, MediaFormat Format, long Size, int? Width, int? Height);

/// <summary>Names as people give them, made safe to keep and show.</summary>
public static class MediaNames
{
    public const int MaxLength = 200;

    /// <summary>The client's file name without any folder part or control characters; "file" when nothing is left.</summary>
    public static string CleanFileName(string? clientName)
    {
        var name = clientName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        name = NameText.Clean(name).Trim('.').Trim();
        if (name.Length > MaxLength)
        {
            var extension = Path.GetExtension(name);
            name = name[..(MaxLength - Math.Min(extension.Length, 20))] + extension[..Math.Min(extension.Length, 20)];
        }

        return name.Length == 0 ? "file" : name;
    }

    /// <summary>The name to keep for a checked file: the client's name with the extension of the format it really is.</summary>
    public static string StoredFileName(string cleanName, MediaFormat format) => Stem(cleanName) + format.Extension;

    /// <summary>The name without its extension (what a new item is called in the library).</summary>
    public static string Stem(string cleanName)
    {
        var stem = Path.GetFileNameWithoutExtension(cleanName).Trim();
        return stem.Length == 0 ? "file" : stem;
    }
}
