using System.Buffers.Binary;
using System.IO.Hashing;

namespace MayorsClub.Core.Media;

/// <summary>
/// Takes where a photo was taken out of an uploaded PNG without touching its pixels, as <see cref="JpegMetadata"/> does
/// for JPEG: the eXIf chunk (EXIF, with its GPS block) and the text chunks (tEXt, zTXt, iTXt: XMP lives in iTXt and
/// may repeat the place) are dropped; an EXIF orientation that turns the picture is written back alone in a new eXIf
/// chunk. Every other chunk (header, palette, colour profile, image data) is copied byte for byte.
/// </summary>
public static class PngMetadata
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The PNG without location-bearing metadata, or null when it has none (or is not a PNG this can walk).</summary>
    public static byte[]? WithoutLocation(ReadOnlySpan<byte> png)
    {
        if (!png.StartsWith(Signature))
        {
            return null;
        }

        using var output = new MemoryStream(png.Length);
        output.Write(Signature);
        var dropped = false;
        var at = Signature.Length;
        while (true)
        {
            if (at + 12 > png.Length)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            if (length > int.MaxValue || at + 12L + length > png.Length)
            {
                return null;
            }

            var end = at + 12 + (int)length;
            var type = png[(at + 4)..(at + 8)];
            if (type.SequenceEqual("eXIf"u8))
            {
                dropped = true;
                if (ImageDimensions.TiffOrientation(png[(at + 8)..(end - 4)]) is >= 2 and <= 8 and var orientation)
                {
                    WriteChunk(output, "eXIf"u8, JpegMetadata.OrientationOnlyTiff(orientation));
                }
            }
            else if (type.SequenceEqual("tEXt"u8) || type.SequenceEqual("zTXt"u8) || type.SequenceEqual("iTXt"u8))
            {
                dropped = true;
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                output.Write(png[at..]); // the end and anything after it, as it is
                break;
            }
            else
            {
                output.Write(png[at..end]);
            }

            at = end;
        }

        return dropped ? output.ToArray() : null;
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        output.Write(number);
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, crc.GetCurrentHashAsUInt32());
        output.Write(number);
    }
}
