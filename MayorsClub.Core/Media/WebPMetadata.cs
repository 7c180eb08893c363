using System.Buffers.Binary;

namespace MayorsClub.Core.Media;

/// <summary>
/// Takes where a photo was taken out of an uploaded WebP without touching its pixels, as <see cref="JpegMetadata"/> does
/// for JPEG: the EXIF chunk (with its GPS block) and the XMP chunk are dropped and the extended header's flags say so;
/// an EXIF orientation that turns the picture is written back alone in a new EXIF chunk. Every other chunk (header,
/// colour profile, animation, image data) is copied byte for byte and the RIFF size is set to what is left.
/// </summary>
public static class WebPMetadata
{
    private const byte ExifFlag = 0x08;
    private const byte XmpFlag = 0x04;

    /// <summary>The WebP without location-bearing metadata, or null when it has none (or is not a WebP this can walk).</summary>
    public static byte[]? WithoutLocation(ReadOnlySpan<byte> webp)
    {
        if (webp.Length < 12 || !webp.StartsWith("RIFF"u8) || !webp[8..12].SequenceEqual("WEBP"u8))
        {
            return null;
        }

        var riffEnd = Math.Min(webp.Length, 8L + BinaryPrimitives.ReadUInt32LittleEndian(webp[4..]));
        using var output = new MemoryStream(webp.Length);
        output.Write(webp[..12]);
        var dropped = false;
        var hasExif = false;
        var headerAt = -1;
        var at = 12;
        while (at < riffEnd)
        {
            if (at + 8 > riffEnd)
            {
                return null;
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(webp[(at + 4)..]);
            var end = at + 8L + size + (size & 1); // chunks are padded to an even length
            if (end > riffEnd + (size & 1))
            {
                return null;
            }

            var chunkEnd = (int)Math.Min(end, riffEnd);
            var fourCc = webp[at..(at + 4)];
            if (fourCc.SequenceEqual("EXIF"u8))
            {
                dropped = true;
                var exif = webp[(at + 8)..(at + 8 + (int)size)];
                var orientation = exif.StartsWith("Exif\0\0"u8) ? ImageDimensions.ExifOrientation(exif) : ImageDimensions.TiffOrientation(exif);
                if (orientation is >= 2 and <= 8)
                {
                    var tiff = JpegMetadata.OrientationOnlyTiff(orientation); // an even length: no padding
                    output.Write([.. "EXIF"u8, (byte)tiff.Length, 0, 0, 0]); // a little-endian size, as in all RIFF files
                    output.Write(tiff);
                    hasExif = true;
                }
            }
            else if (fourCc.SequenceEqual("XMP "u8))
            {
                dropped = true;
            }
            else
            {
                if (fourCc.SequenceEqual("VP8X"u8) && size >= 10)
                {
                    headerAt = (int)output.Position;
                }

                output.Write(webp[at..chunkEnd]);
            }

            at = chunkEnd;
        }

        if (!dropped)
        {
            return null;
        }

        output.Write(webp[(int)riffEnd..]); // anything after the RIFF body, as it was
        var bytes = output.ToArray();
        if (headerAt >= 0)
        {
            ref var flags = ref bytes[headerAt + 8];
            flags = (byte)((flags & ~(ExifFlag | XmpFlag)) | (hasExif ? ExifFlag : 0));
        }

        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8 - (webp.Length - (int)riffEnd)));
        return bytes;
    }
}
