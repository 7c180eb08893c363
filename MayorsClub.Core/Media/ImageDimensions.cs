using System.Buffers.Binary;

namespace MayorsClub.Core.Media;

/// <summary>
/// Reads an image's width and height from its header bytes, without decoding it: PNG (IHDR), GIF (logical screen),
/// WebP (VP8, VP8L, VP8X), JPEG (the first SOF segment) and AVIF/HEIC (the largest "ispe" property). Null when the
/// header is not what the format promises. The size is the upright one, as pages show the picture: a JPEG whose EXIF
/// orientation is 5–8 (a phone held upright) and a HEIF image with a quarter-turn "irot" have width and height swapped.
/// A header may declare sizes no real image has (zero, or more than 2³¹ − 1): <see cref="ReadDeclared"/> gives
/// them as declared, so the upload can be refused for them.
/// </summary>
public static class ImageDimensions
{
    /// <summary>The size, when the header holds a possible one. The stream must be seekable; it is read from its start.</summary>
    public static (int Width, int Height)? Read(Stream image, MediaFormat format) =>
        ReadDeclared(image, format) is { IsPossible: true } size ? ((int)size.Width, (int)size.Height) : null;

    /// <summary>The size as the header declares it (possible or not), or null when the header cannot be read.</summary>
    public static DeclaredSize? ReadDeclared(Stream image, MediaFormat format)
    {
        image.Position = 0;
        if (format == MediaFormat.Jpeg)
        {
            return Jpeg(image);
        }

        var isHeif = format == MediaFormat.Avif || format == MediaFormat.Heic;
        var head = new byte[isHeif ? MediaSniffer.HeadLength : 64];
        var length = image.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, length);
        return format switch
        {
            _ when format == MediaFormat.Png => Png(bytes),
            _ when format == MediaFormat.Gif => Gif(bytes),
            _ when format == MediaFormat.WebP => WebP(bytes),
            _ when isHeif => Heif(bytes),
            _ => null,
        };
    }

    private static DeclaredSize? Png(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 24 && bytes[12..16].SequenceEqual("IHDR"u8)
            ? new DeclaredSize(BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]))
            : null;

    private static DeclaredSize? Gif(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 10 ? new DeclaredSize(BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..])) : null;

    private static DeclaredSize? WebP(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 30)
        {
            return null;
        }

        var chunk = bytes[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height.
            return bytes[23] == 0x9D && bytes[24] == 0x01 && bytes[25] == 0x2A
                ? new DeclaredSize(BinaryPrimitives.ReadUInt16LittleEndian(bytes[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..]) & 0x3FFF)
                : null;
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Lossless: the signature 0x2F, then width-1 and height-1 in 14 bits each.
            if (bytes[20] != 0x2F)
            {
                return null;
            }

            int b1 = bytes[21], b2 = bytes[22], b3 = bytes[23], b4 = bytes[24];
            return new DeclaredSize(1 + (((b2 & 0x3F) << 8) | b1), 1 + (((b4 & 0x0F) << 10) | (b3 << 2) | ((b2 & 0xC0) >> 6)));
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Extended: flags and reserved bytes, then canvas width-1 and height-1 in 24 bits each.
            return new DeclaredSize(1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16)), 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16)));
        }

        return null;
    }

    /// <summary>Walks the JPEG's segments to the first start-of-frame, which holds the height and the width.</summary>
    private static DeclaredSize? Jpeg(Stream image)
    {
        Span<byte> two = stackalloc byte[2];
        if (image.ReadAtLeast(two, 2, throwOnEndOfStream: false) < 2 || two[0] != 0xFF || two[1] != 0xD8)
        {
            return null;
        }

        var turned = false;
        while (true)
        {
            var prefix = image.ReadByte();
            if (prefix != 0xFF)
            {
                return null;
            }

            var marker = image.ReadByte();
            while (marker == 0xFF)
            {
                marker = image.ReadByte(); // fill bytes
            }

            if (marker < 0 || marker is 0xD9 or 0xDA)
            {
                return null; // end of file, or the scan began without a frame header
            }

            if (marker is 0x01 or 0xD8 or (>= 0xD0 and <= 0xD7))
            {
                continue; // markers without a length
            }

            if (image.ReadAtLeast(two, 2, throwOnEndOfStream: false) < 2)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(two);
            if (length < 2)
            {
                return null;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                Span<byte> frame = stackalloc byte[5];
                if (length < 7 || image.ReadAtLeast(frame, 5, throwOnEndOfStream: false) < 5)
                {
                    return null;
                }

                var (width, height) = (BinaryPrimitives.ReadUInt16BigEndian(frame[3..]), BinaryPrimitives.ReadUInt16BigEndian(frame[1..]));
                return turned ? new DeclaredSize(height, width) : new DeclaredSize(width, height);
            }

            if (marker == 0xE1 && length is > 14 and <= 0xFFFF)
            {
                var segment = new byte[length - 2];
                if (image.ReadAtLeast(segment, segment.Length, throwOnEndOfStream: false) < segment.Length)
                {
                    return null;
                }

                turned |= ExifOrientation(segment) is >= 5 and <= 8;
                continue;
            }

            if (image.Position + length - 2 > image.Length)
            {
                return null;
            }

            image.Seek(length - 2, SeekOrigin.Current);
        }
    }

    /// <summary>
    /// The Orientation tag (0x0112) of an APP1 segment's EXIF block ("Exif\0\0" then a TIFF header and IFD0), or 0.
    /// 5–8 mean the stored picture lies on its side.
    /// </summary>
    internal static int ExifOrientation(ReadOnlySpan<byte> segment) =>
        segment.Length >= 14 && segment.StartsWith("Exif\0\0"u8) ? TiffOrientation(segment[6..]) : 0;

    /// <summary>The Orientation tag of a bare EXIF block (a TIFF header and IFD0, as PNG's eXIf chunk holds it), or 0.</summary>
    internal static int TiffOrientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return 0;
        }

        var little = tiff.StartsWith("II"u8);
        if (!little && !tiff.StartsWith("MM"u8))
        {
            return 0;
        }

        ushort U16(ReadOnlySpan<byte> at) => little ? BinaryPrimitives.ReadUInt16LittleEndian(at) : BinaryPrimitives.ReadUInt16BigEndian(at);
        var ifd = little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff[4..]) : BinaryPrimitives.ReadUInt32BigEndian(tiff[4..]);
        if (ifd > (uint)tiff.Length - 2)
        {
            return 0;
        }

        var entries = U16(tiff[(int)ifd..]);
        for (var i = 0; i < entries; i++)
        {
            var entry = (int)ifd + 2 + (i * 12);
            if (entry + 12 > tiff.Length)
            {
                return 0;
            }

            if (U16(tiff[entry..]) == 0x0112)
            {
                return U16(tiff[(entry + 8)..]);
            }
        }

        return 0;
    }

    /// <summary>
    /// AVIF and HEIC keep sizes in "ispe" (image spatial extent) properties; the primary image is the largest of them
    /// (others belong to thumbnails or grid tiles). An "irot" property of a quarter or three quarters of a turn
    /// (iPhones write one for photos taken upright) makes the shown picture's width its height.
    /// </summary>
    private static DeclaredSize? Heif(ReadOnlySpan<byte> bytes)
    {
        var largest = LargestExtent(bytes);
        var rotation = bytes.IndexOf("irot"u8);
        return largest is { } size && rotation >= 4 && rotation + 5 <= bytes.Length
            && BinaryPrimitives.ReadUInt32BigEndian(bytes[(rotation - 4)..]) == 9 && (bytes[rotation + 4] & 0x03) is 1 or 3
            ? new DeclaredSize(size.Height, size.Width)
            : largest;
    }

    private static DeclaredSize? LargestExtent(ReadOnlySpan<byte> bytes)
    {
        DeclaredSize? largest = null;
        for (var at = bytes.IndexOf("ispe"u8); at >= 4; at = NextIndex(bytes, at))
        {
            // box: size(4) "ispe" version+flags(4) width(4) height(4)
            if (at + 16 > bytes.Length || BinaryPrimitives.ReadUInt32BigEndian(bytes[(at - 4)..]) != 20)
            {
                continue;
            }

            var size = new DeclaredSize(BinaryPrimitives.ReadUInt32BigEndian(bytes[(at + 8)..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[(at + 12)..]));
            if (largest is null || (UInt128)size.Width * (ulong)size.Height > (UInt128)largest.Value.Width * (ulong)largest.Value.Height)
            {
                largest = size;
            }
        }

        return largest;
    }

    private static int NextIndex(ReadOnlySpan<byte> bytes, int previous)
    {
        var next = bytes[(previous + 4)..].IndexOf("ispe"u8);
        return next < 0 ? -1 : previous + 4 + next;
    }
}

/// <summary>An image's width and height as its header declares them, which may be impossible (zero, or beyond 2³¹ − 1).</summary>
public readonly record struct DeclaredSize(long Width, long Height)
{
    public bool IsPossible => Width is > 0 and <= int.MaxValue && Height is > 0 and <= int.MaxValue;

    /// <summary>Width × height (only for a possible size: at most (2³¹ − 1)², which a long holds).</summary>
    public long Pixels => IsPossible ? Width * Height : long.MaxValue;
}
