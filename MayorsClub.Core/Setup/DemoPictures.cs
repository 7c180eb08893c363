using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetVips;

namespace MayorsClub.Core.Setup;

/// <summary>What a demo picture is for, and so its size.</summary>
public enum DemoPictureKind
{
    /// <summary>A news article's, an expert session's or an event's picture: 1600×1067 (3:2).</summary>
    Story,

    /// <summary>The home page's hero: 2400×1050.</summary>
    Hero,

    /// <summary>A speaker's portrait: a monogram on a disc, 480×480. Never a face.</summary>
    Portrait,

    /// <summary>The site's default share picture: 1200×630.</summary>
    Share,
}

/// <summary>
/// The demo content's pictures, drawn at seeding time (no photographs, no faces): the club's navy, gold and white,
/// geometric shapes and an outline of Ukraine, varied per item by a seed (the picture's key), so the same key always
/// gives the same bytes. Speakers get an initials monogram on a coloured disc. Drawn as SVG and rendered by libvips
/// (librsvg, let through libvips' block on untrusted loaders only while it draws), saved as JPEG without any metadata. Rendered pictures are kept in memory for the process, so a second
/// site in the same process (the test suite starts many) seeds without drawing them again.
/// </summary>
public static class DemoPictures
{
    public const string Navy = "#0f3470";
    public const string NavyLight = "#143f86";
    public const string Gold = "#f2c230";
    public const string White = "#ffffff";

    private const int Quality = 82;

    private static readonly ConcurrentDictionary<(DemoPictureKind, Guid, string), Lazy<byte[]>> Rendered = new();

    public static (int Width, int Height) SizeOf(DemoPictureKind kind) => kind switch
    {
        DemoPictureKind.Story => (1600, 1067),
        DemoPictureKind.Hero => (2400, 1050),
        DemoPictureKind.Portrait => (480, 480),
        _ => (1200, 630),
    };

    /// <summary>The JPEG for this kind and seed (and, for a portrait, the initials it shows).</summary>
    public static byte[] Render(DemoPictureKind kind, Guid seed, string initials = "") =>
        Rendered.GetOrAdd((kind, seed, initials), k => new Lazy<byte[]>(() => Draw(k.Item1, k.Item2, k.Item3))).Value;

    /// <summary>Initials for a monogram: the first letters of the first two words ("Ірина Ткачук" → "ІТ").</summary>
    public static string InitialsOf(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => char.IsLetter(w[0])).Take(2).Select(w => char.ToUpperInvariant(w[0])));

    internal static byte[] Draw(DemoPictureKind kind, Guid seed, string initials)
    {
        var (width, height) = SizeOf(kind);
        var svg = kind == DemoPictureKind.Portrait ? Monogram(width, seed, initials) : Composition(width, height, seed, kind);
        using var drawn = RenderSvg(Encoding.UTF8.GetBytes(svg));
        using var flat = drawn.HasAlpha() ? drawn.Flatten(background: [15, 52, 112]) : drawn.Copy();
        return flat.JpegsaveBuffer(q: Quality, keep: Enums.ForeignKeep.None, optimizeCoding: true);
    }

    private static readonly Lock SvgGate = new();

    /// <summary>
    /// The image endpoint keeps libvips' untrusted loaders blocked (svgload among them: visitors' files never reach
    /// it, SVG uploads are refused). Our own drawings are trusted: svgload is let through for the moment it renders
    /// one, into memory, and blocked again; a block set meanwhile by another thread is met by trying again.
    /// </summary>
    private static Image RenderSvg(byte[] svg)
    {
        for (var attempt = 1; ; attempt++)
        {
            lock (SvgGate)
            {
                NetVips.NetVips.BlockUntrusted = true;
                Operation.Block("VipsForeignLoadSvg", false);
                try
                {
                    using var loaded = Image.SvgloadBuffer(svg);
                    return loaded.CopyMemory();
                }
                catch (VipsException) when (attempt < 3)
                {
                }
                finally
                {
                    Operation.Block("VipsForeignLoadSvg", true);
                }
            }
        }
    }

    /// <summary>Navy ground with a diagonal light, gold and white shapes, and the outline of Ukraine.</summary>
    private static string Composition(int width, int height, Guid seed, DemoPictureKind kind)
    {
        var random = new Random(BitConverter.ToInt32(SHA256.HashData(seed.ToByteArray()), 0));
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}'>"));
        // Flat fills only (a gradient or group opacity makes librsvg several times slower): navy ground, a lighter
        // diagonal band, and thin light stripes.
        svg.Append(Invariant($"<rect width='{width}' height='{height}' fill='{Navy}'/>"));
        var bandStart = random.Next(0, width);
        var bandWidth = random.Next(width / 4, width / 2);
        var slant = random.Next(-width / 3, width / 3);
        svg.Append(Invariant($"<polygon points='{bandStart},0 {bandStart + bandWidth},0 {bandStart + bandWidth + slant},{height} {bandStart + slant},{height}' fill='{NavyLight}'/>"));
        var stripes = random.Next(2, 5);
        for (var i = 0; i < stripes; i++)
        {
            var x = random.Next(-width / 4, width);
            var w = random.Next(width / 60, width / 20);
            var lean = random.Next(-width / 3, width / 3);
            svg.Append(Invariant($"<polygon points='{x},0 {x + w},0 {x + w + lean},{height} {x + lean},{height}' fill='{White}' fill-opacity='{0.04 + (random.NextDouble() * 0.06):0.###}'/>"));
        }

        var shapes = random.Next(5, 9);
        for (var i = 0; i < shapes; i++)
        {
            var colour = random.Next(3) == 0 ? White : Gold;
            var x = random.Next(0, width);
            var y = random.Next(0, height);
            var size = random.Next(height / 14, height / 3);
            var opacity = (0.15 + (random.NextDouble() * 0.7)).ToString("0.###", CultureInfo.InvariantCulture);
            svg.Append((i % 4) switch
            {
                0 => Invariant($"<circle cx='{x}' cy='{y}' r='{size / 2}' fill='{colour}' fill-opacity='{opacity}'/>"),
                1 => Invariant($"<circle cx='{x}' cy='{y}' r='{size / 2}' fill='none' stroke='{colour}' stroke-width='{Math.Max(4, size / 14)}' stroke-opacity='{opacity}'/>"),
                2 => Invariant($"<rect x='{x - (size / 2)}' y='{y - (size / 2)}' width='{size}' height='{size}' fill='{colour}' fill-opacity='{opacity}' transform='rotate({random.Next(0, 90)} {x} {y})'/>"),
                _ => Invariant($"<polygon points='{x},{y - (size / 2)} {x + (size / 2)},{y + (size / 2)} {x - (size / 2)},{y + (size / 2)}' fill='{colour}' fill-opacity='{opacity}'/>"),
            });
        }

        // Ukraine, large and off-centre on stories, to one side on the hero and the share picture (room for text over it).
        var mapWidth = kind == DemoPictureKind.Story ? width * (0.55 + (random.NextDouble() * 0.2)) : width * 0.42;
        var mapHeight = mapWidth / UkraineAspect;
        var left = kind == DemoPictureKind.Story ? random.NextDouble() * (width - mapWidth) : width - mapWidth - (width * 0.06);
        var top = (height - mapHeight) * (kind == DemoPictureKind.Story ? 0.2 + (random.NextDouble() * 0.6) : 0.5);
        svg.Append(Invariant($"<polygon points='{UkrainePoints(left, top, mapWidth)}' fill='{NavyLight}' fill-opacity='0.85' stroke='{Gold}' stroke-width='{Math.Max(4, width / 250)}' stroke-linejoin='round'/>"));
        svg.Append(Invariant($"<circle cx='{left + (mapWidth * 0.43):0.#}' cy='{top + (mapHeight * 0.27):0.#}' r='{Math.Max(6, width / 160)}' fill='{Gold}'/>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Initials in white on a disc of the club's navy or gold, on a light ground.</summary>
    private static string Monogram(int size, Guid seed, string initials)
    {
        var gold = SHA256.HashData(seed.ToByteArray())[0] % 3 == 0;
        var (disc, text) = gold ? (Gold, Navy) : (Navy, White);
        var letters = System.Security.SecurityElement.Escape(initials.Length == 0 ? "·" : initials);
        var half = size / 2;
        var radius = size * 0.42;
        return Invariant($"<svg xmlns='http://www.w3.org/2000/svg' width='{size}' height='{size}'><rect width='{size}' height='{size}' fill='#e8edf5'/><circle cx='{half}' cy='{half}' r='{radius:0.#}' fill='{disc}' stroke='{(gold ? Navy : Gold)}' stroke-width='{size / 60}'/><text x='{half}' y='{half}' dy='.35em' text-anchor='middle' font-family='DejaVu Sans, sans-serif' font-weight='bold' font-size='{size * 0.3:0}' fill='{text}'>{letters}</text></svg>");
    }

    /// <summary>
    /// A simplified outline of Ukraine with Crimea (longitude, latitude; clockwise from the north-west), drawn in an
    /// equirectangular projection squeezed by cos 48.5° so it keeps its familiar shape.
    /// </summary>
    private static readonly (double Lon, double Lat)[] Ukraine =
    [
        (23.6, 51.5), (24.4, 51.9), (25.3, 51.9), (26.6, 51.8), (27.8, 51.6), (28.8, 51.6), (29.6, 51.5), (30.6, 51.3),
        (30.9, 52.0), (31.8, 52.1), (32.4, 52.3), (33.2, 52.35), (34.1, 51.7), (34.4, 51.3), (35.4, 51.0), (35.9, 50.5),
        (36.6, 50.3), (37.5, 50.3), (38.2, 50.0), (39.2, 49.9), (40.1, 49.6), (40.1, 48.9), (39.7, 48.6), (39.8, 47.8),
        (38.8, 47.7), (38.2, 47.1), (37.5, 47.1), (36.8, 46.7), (35.9, 46.6), (35.2, 46.3), (34.6, 46.0), (35.3, 45.6),
        (36.6, 45.4), (35.4, 45.0), (34.3, 44.5), (33.5, 44.6), (33.6, 45.0), (33.3, 45.2), (32.5, 45.4), (33.6, 45.9),
        (32.6, 46.1), (31.5, 46.5), (30.7, 46.5), (30.2, 46.0), (29.7, 45.6), (29.0, 45.3), (28.2, 45.5), (28.5, 46.0),
        (28.9, 46.4), (30.1, 46.4), (29.9, 46.9), (29.5, 47.3), (29.2, 47.9), (28.2, 48.2), (27.6, 48.5), (26.6, 48.3),
        (25.2, 47.9), (24.5, 47.95), (23.2, 48.1), (22.6, 48.1), (22.15, 48.4), (22.6, 49.0), (22.7, 49.5), (23.4, 50.4),
        (24.1, 50.8),
    ];

    private const double LonScale = 0.6626; // cos 48.5°
    private const double MinLon = 22.15, MaxLon = 40.1, MinLat = 44.5, MaxLat = 52.35;
    private static readonly double UkraineAspect = (MaxLon - MinLon) * LonScale / (MaxLat - MinLat);

    private static string UkrainePoints(double left, double top, double width)
    {
        var scale = width / ((MaxLon - MinLon) * LonScale);
        return string.Join(' ', Ukraine.Select(p => Invariant($"{left + ((p.Lon - MinLon) * LonScale * scale):0.#},{top + ((MaxLat - p.Lat) * scale):0.#}")));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
