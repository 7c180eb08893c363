using System.Buffers.Binary;
using System.Text;

namespace MayorsClub.Core.Media;

/// <summary>
/// Tells a file's format from its first bytes (magic numbers), never from its name or declared type.
/// Anything that is not an accepted format is refused, with SVG called out: SVG is refused rather than
/// sanitized, because a drawing can carry scripts, event handlers and external references, and a raster
/// image (PNG, WebP) does everything the site needs without that risk.
/// </summary>
public static class MediaSniffer
{
    /// <summary>How many bytes are read before the format is decided (and the size limit for its kind chosen).</summary>
    public const int HeadLength = 64 * 1024;

    /// <summary>The format of a file that starts with these bytes, or why it is refused.</summary>
    public static SniffResult Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return SniffResult.Refused(MediaMessages.Empty);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return SniffResult.Of(MediaFormat.Jpeg);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SniffResult.Of(MediaFormat.Png);
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return SniffResult.Of(MediaFormat.Gif);
        }

        if (head.Length >= 16 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return SniffResult.Of(MediaFormat.WebP);
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return SniffResult.Of(MediaFormat.Pdf);
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return SniffResult.Of(MediaFormat.ZipContainer);
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return SniffIsoMedia(head);
        }

        return LooksLikeSvg(head) ? SniffResult.Refused(MediaMessages.SvgRefused) : SniffResult.Refused(MediaMessages.UnsupportedType);
    }

    /// <summary>
    /// ISO base media files start with an "ftyp" box naming a major brand and compatible brands:
    /// AVIF images say avif/avis, HEIC photos heic/heix/hevc/heim/heis (or the generic mif1/msf1 over an HEVC-coded
    /// item, "hvcC"), MP4 videos one of the MP4 brands. QuickTime and audio-only files are refused.
    /// </summary>
    private static SniffResult SniffIsoMedia(ReadOnlySpan<byte> head)
    {
        var boxSize = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (boxSize < 16 || boxSize > 4096)
        {
            return SniffResult.Refused(MediaMessages.UnsupportedType);
        }

        var end = (int)Math.Min(boxSize, (uint)head.Length);
        var major = Encoding.ASCII.GetString(head[8..12]);
        var compatible = new List<string>();
        for (var offset = 16; offset + 4 <= end; offset += 4)
        {
            compatible.Add(Encoding.ASCII.GetString(head[offset..(offset + 4)]));
        }

        if (major is "avif" or "avis" || (major is "mif1" or "msf1" && (compatible.Contains("avif") || compatible.Contains("avis"))))
        {
            return SniffResult.Of(MediaFormat.Avif);
        }

        if (HeicBrands.Contains(major) || (major is "mif1" or "msf1" && (compatible.Any(HeicBrands.Contains) || head.IndexOf("hvcC"u8) >= 0)))
        {
            return SniffResult.Of(MediaFormat.Heic);
        }

        return Mp4Brands.Contains(major) ? SniffResult.Of(MediaFormat.Mp4) : SniffResult.Refused(MediaMessages.UnsupportedType);
    }

    private static readonly HashSet<string> HeicBrands = new(StringComparer.Ordinal) { "heic", "heix", "hevc", "hevx", "heim", "heis" };

    private static readonly HashSet<string> Mp4Brands = new(StringComparer.Ordinal)
    {
        "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash", "mmp4", "MSNV", "XAVC", "f4v ",
    };

    /// <summary>Text that opens with XML or an &lt;svg&gt; element and has an svg element near the start.</summary>
    private static bool LooksLikeSvg(ReadOnlySpan<byte> head)
    {
        var text = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        var start = 0;
        while (start < text.Length && text[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start >= text.Length || text[start] != (byte)'<')
        {
            return false;
        }

        var sample = Encoding.UTF8.GetString(text[start..Math.Min(text.Length, start + 4096)]);
        return sample.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The format found from a file's first bytes, or the message code of why it is refused.</summary>
public sealed record SniffResult(MediaFormat? Format, string? Refusal)
{
    public static SniffResult Of(MediaFormat format) => new(format, null);

    public static SniffResult Refused(string code) => new(null, code);
}
