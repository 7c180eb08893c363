namespace MayorsClub.Core.Media;

/// <summary>
/// The whole check of a received file: its format from its first bytes, a ZIP archive narrowed to DOCX or PPTX
/// (or refused), and an image's size from its header (an image whose header cannot be read is refused as damaged,
/// one that declares an impossible size too; only AVIF may go without a size).
/// </summary>
public static class MediaInspector
{
    /// <summary>The stream must be seekable; it is read from its start.</summary>
    public static Inspection Inspect(Stream file)
    {
        file.Position = 0;
        var head = new byte[MediaSniffer.HeadLength];
        var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var sniffed = MediaSniffer.Sniff(head.AsSpan(0, length));
        if (sniffed.Format is not { } format)
        {
            return Inspection.Refused(sniffed.Refusal!);
        }

        if (format == MediaFormat.ZipContainer)
        {
            return OfficeDocuments.Identify(file) is { } office
                ? new Inspection(office, null, null, null)
                : Inspection.Refused(MediaMessages.NotAnOfficeDocument);
        }

        if (!format.IsImage)
        {
            return new Inspection(format, null, null, null);
        }

        var size = ImageDimensions.ReadDeclared(file, format);
        if (size is null && format != MediaFormat.Avif)
        {
            return new Inspection(format, null, null, MediaMessages.ImageDamaged);
        }

        if (size is { IsPossible: false })
        {
            return new Inspection(format, null, null, MediaMessages.ImpossibleDimensions);
        }

        return new Inspection(format, (int?)size?.Width, (int?)size?.Height, null);
    }
}

/// <summary>What a file was found to be, or why it is refused (a message code).</summary>
public sealed record Inspection(MediaFormat? Format, int? Width, int? Height, string? Refusal)
{
    public bool Accepted => Refusal is null && Format is not null;

    public static Inspection Refused(string code) => new(null, null, null, code);
}
