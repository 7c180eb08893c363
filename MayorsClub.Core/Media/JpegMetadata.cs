using System.Buffers.Binary;

namespace MayorsClub.Core.Media;

/// <summary>
/// Takes where a phone photo was taken out of an uploaded JPEG without touching its pixels: the APP1 segments (EXIF,
/// whose GPS block holds the place, and XMP, which may repeat it) and APP13 (IPTC) are dropped; the EXIF orientation,
/// when the photo needs turning, is written back alone in a minimal EXIF block, so the picture still shows upright.
/// The frame, tables, colour profile (APP2) and the compressed data are copied byte for byte. The original file served
/// without image commands therefore carries no location either.
/// </summary>
public static class JpegMetadata
{
    /// <summary>The JPEG without location-bearing metadata, or null when it has none (or is not a JPEG this can walk).</summary>
    public static byte[]? WithoutLocation(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            return null;
        }

        var kept = new List<Range>();
        var dropped = false;
        var orientation = 0;
        var at = 2;
        while (true)
        {
            if (at + 4 > jpeg.Length || jpeg[at] != 0xFF)
            {
                return null;
            }

            var marker = jpeg[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                kept.Add(at..(at + 2));
                at += 2;
                continue;
            }

            if (marker is 0xDA or 0xD9)
            {
                kept.Add(at..jpeg.Length); // the scans and everything after them, as they are
                break;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            var end = at + 2 + length;
            if (length < 2 || end > jpeg.Length)
            {
                return null;
            }

            if (marker is 0xE1 or 0xED)
            {
                orientation = marker == 0xE1 && ImageDimensions.ExifOrientation(jpeg[(at + 4)..end]) is var o and > 0 ? o : orientation;
                dropped = true;
            }
            else
            {
                kept.Add(at..end);
            }

            at = end;
        }

        if (!dropped)
        {
            return null;
        }

        using var output = new MemoryStream(jpeg.Length);
        var first = kept[0];
        var afterJfif = jpeg[first].Length > 4 && jpeg[first.Start.Value + 1] == 0xE0 ? 1 : 0; // keep APP0 first, as JFIF asks
        output.Write([0xFF, 0xD8]);
        for (var i = 0; i < kept.Count; i++)
        {
            if (i == afterJfif && orientation is >= 2 and <= 8)
            {
                output.Write(OrientationOnly(orientation));
            }

            output.Write(jpeg[kept[i]]);
        }

        return output.ToArray();
    }

    /// <summary>An APP1 EXIF segment holding one tag: Orientation.</summary>
    private static byte[] OrientationOnly(int orientation)
    {
        var tiff = OrientationOnlyTiff(orientation);
        var length = 2 + 6 + tiff.Length;
        return [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. "Exif\0\0"u8, .. tiff];
    }

    /// <summary>A bare EXIF block (TIFF header, IFD0) holding one tag: Orientation. PNG and WebP keep theirs in this form.</summary>
    internal static byte[] OrientationOnlyTiff(int orientation) =>
    [
        .. "MM"u8, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // TIFF header, IFD0 at 8
        0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, (byte)orientation, 0x00, 0x00, // Orientation, SHORT, 1
        0x00, 0x00, 0x00, 0x00, // no next IFD
    ];
}
