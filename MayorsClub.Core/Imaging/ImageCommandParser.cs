using System.Globalization;
using Microsoft.Extensions.Options;

namespace MayorsClub.Core.Imaging;

/// <summary>
/// Reads an image request's query (keys case-insensitive, as ImageSharp.Web reads them) into <see cref="ImageCommands"/>,
/// refusing malformed values (400), then applies the signature rule (403): without a valid <c>hmac</c> a request may carry
/// only a named <c>crop</c>, a <c>width</c> from <see cref="ImagingOptions.UnsignedWidths"/> and a <c>format</c>. The
/// signature is checked over the canonical form, so the order and case of the query do not matter.
/// </summary>
public sealed class ImageCommandParser(IOptions<ImagingOptions> options, ImageUrlSigner signer)
{
    public const string VersionKey = "v";
    public const string SignatureKey = "hmac";
    public const string ExpiresKey = "expires";

    private static readonly Dictionary<string, string> ColourNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["white"] = "ffffff", ["black"] = "000000", ["red"] = "ff0000", ["green"] = "008000", ["blue"] = "0000ff",
        ["yellow"] = "ffff00", ["gray"] = "808080", ["grey"] = "808080", ["silver"] = "c0c0c0", ["navy"] = "000080",
        ["orange"] = "ffa500", ["purple"] = "800080", ["teal"] = "008080", ["maroon"] = "800000", ["lime"] = "00ff00",
        ["aqua"] = "00ffff", ["fuchsia"] = "ff00ff", ["olive"] = "808000",
    };

    /// <summary>Whether a query names any image command (else the original file is served as it is).</summary>
    public static bool HasCommands(IEnumerable<string> keys) =>
        keys.Any(key => ImageCommands.Keys.Contains(key, StringComparer.OrdinalIgnoreCase));

    /// <summary>The commands of a query, or why they are malformed (400). Keys that are not commands are ignored; a repeated key counts once (the first).</summary>
    public static ImageCommandsParse Parse(IEnumerable<KeyValuePair<string, string?>> query, int maxDimension)
    {
        var commands = new ImageCommands();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, raw) in query)
        {
            if (!seen.Add(key))
            {
                continue;
            }

            var value = raw ?? "";
            ImageRefusal? refusal = null;
            switch (key.ToLowerInvariant())
            {
                case "crop":
                    if (ImageCrops.Find(value) is { } named)
                    {
                        commands = commands with { Crop = named.Alias };
                    }
                    else
                    {
                        refusal = new ImageRefusal(ImageMessages.UnknownCrop, "crop", string.Join(", ", ImageCrops.All.Select(c => c.Alias)));
                    }

                    break;
                case "width":
                    commands = commands with { Width = Number("width", value, maxDimension, out refusal) };
                    break;
                case "height":
                    commands = commands with { Height = Number("height", value, maxDimension, out refusal) };
                    break;
                case "quality":
                    commands = commands with { Quality = Number("quality", value, 100, out refusal) };
                    break;
                case "rmode":
                    if (IsName(value) && Enum.TryParse<ResizeMode>(value, ignoreCase: true, out var mode))
                    {
                        commands = commands with { Mode = mode };
                    }
                    else
                    {
                        refusal = new ImageRefusal(ImageMessages.UnknownMode, "rmode");
                    }

                    break;
                case "ranchor":
                    if (IsName(value) && Enum.TryParse<ResizeAnchor>(value, ignoreCase: true, out var anchor))
                    {
                        commands = commands with { Anchor = anchor };
                    }
                    else
                    {
                        refusal = new ImageRefusal(ImageMessages.UnknownAnchor, "ranchor");
                    }

                    break;
                case "rxy":
                    commands = commands with { FocalPoint = FocalPoint(value) };
                    refusal = commands.FocalPoint is null ? new ImageRefusal(ImageMessages.BadFocalPoint, "rxy") : null;
                    break;
                case "bgcolor":
                    commands = commands with { Background = Colour(value) };
                    refusal = commands.Background is null ? new ImageRefusal(ImageMessages.BadColour, "bgcolor") : null;
                    break;
                case "format":
                    commands = commands with { Format = OutputFormat(value) };
                    refusal = commands.Format is null ? new ImageRefusal(ImageMessages.UnknownFormat, "format") : null;
                    break;
            }

            if (refusal is not null)
            {
                return new ImageCommandsParse(null, refusal);
            }
        }

        return new ImageCommandsParse(commands, null);
    }

    /// <summary>
    /// The whole request check: the commands, then the signature rule. <paramref name="query"/> is the request's
    /// whole query (v, expires and hmac included).
    /// </summary>
    public ImageRequestCheck Check(Guid mediaKey, IReadOnlyCollection<KeyValuePair<string, string?>> query)
    {
        var parsed = Parse(query, options.Value.MaxDimension);
        if (parsed.Commands is not { } commands)
        {
            return new ImageRequestCheck(null, parsed.Refusal, 400);
        }

        string? First(string key) => query.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

        long? expires = null;
        if (First(ExpiresKey) is { } expiresText)
        {
            if (!long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return new ImageRequestCheck(null, new ImageRefusal(ImageMessages.BadExpiry), 400);
            }

            expires = seconds;
        }

        var hmac = First(SignatureKey);
        var signature = signer.Check(mediaKey, First(VersionKey), commands.ToQuery(), expires, hmac);
        return signature switch
        {
            SignatureCheck.Valid => new ImageRequestCheck(commands, null, 200),
            SignatureCheck.Missing when AllowedUnsigned(commands) => new ImageRequestCheck(commands, null, 200),
            SignatureCheck.Missing => new ImageRequestCheck(null, new ImageRefusal(ImageMessages.NeedsSignature), 403),
            SignatureCheck.Expired => new ImageRequestCheck(null, new ImageRefusal(ImageMessages.Expired), 403),
            _ => new ImageRequestCheck(null, new ImageRefusal(ImageMessages.BadSignature), 403),
        };
    }

    /// <summary>What a stranger may ask for without a signature: a named crop, a listed width, a format; nothing else.</summary>
    public bool AllowedUnsigned(ImageCommands commands) =>
        commands with { Crop = null, Width = null, Format = null } == ImageCommands.Empty
        && (commands.Width is null || options.Value.UnsignedWidths.Contains(commands.Width.Value));

    private static int? Number(string key, string text, int max, out ImageRefusal? refusal)
    {
        refusal = null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            // Digits too many for an int are still a number, only too large.
            refusal = text.Length > 0 && text.All(char.IsAsciiDigit)
                ? new ImageRefusal(ImageMessages.OutOfRange, key, max)
                : new ImageRefusal(ImageMessages.NotANumber, key);
            return null;
        }

        if (value < 1 || value > max)
        {
            refusal = new ImageRefusal(ImageMessages.OutOfRange, key, max);
            return null;
        }

        return value;
    }

    private static bool IsName(string text) => text.Length > 0 && text.All(char.IsAsciiLetter);

    private static (double X, double Y)? FocalPoint(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var x)
            || !double.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var y)
            || x is < 0 or > 1 || y is < 0 or > 1)
        {
            return null;
        }

        return (x, y);
    }

    private static string? Colour(string text)
    {
        if (ColourNames.TryGetValue(text, out var named))
        {
            return named;
        }

        var hex = text.StartsWith('#') ? text[1..] : text;
        if (!hex.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return hex.Length switch
        {
            3 => string.Concat(hex.Select(c => new string(c, 2))).ToLowerInvariant(),
            6 => hex.ToLowerInvariant(),
            _ => null,
        };
    }

    private static ImageOutputFormat? OutputFormat(string text) => text.ToLowerInvariant() switch
    {
        "jpg" or "jpeg" => ImageOutputFormat.Jpeg,
        "png" => ImageOutputFormat.Png,
        "webp" => ImageOutputFormat.WebP,
        "avif" => ImageOutputFormat.Avif,
        _ => null,
    };
}

/// <summary>The commands of a query, or why it is malformed.</summary>
public sealed record ImageCommandsParse(ImageCommands? Commands, ImageRefusal? Refusal);

/// <summary>The outcome of checking an image request: the commands to run, or a refusal with its status (400 malformed, 403 not allowed).</summary>
public sealed record ImageRequestCheck(ImageCommands? Commands, ImageRefusal? Refusal, int Status);
