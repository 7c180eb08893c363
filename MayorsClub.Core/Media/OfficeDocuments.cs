using System.IO.Compression;
using System.Xml;

namespace MayorsClub.Core.Media;

/// <summary>
/// Tells a Word (DOCX) or PowerPoint (PPTX) document from any other ZIP archive: the package's
/// [Content_Types].xml must name the main part of a document or a presentation (not a macro-enabled
/// one, not a template), and that part must be in the archive. Anything else is null.
/// </summary>
public static class OfficeDocuments
{
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string PresentationMain = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";

    /// <summary>Only so much of [Content_Types].xml is read: a real one is a few kilobytes.</summary>
    private const int MaxContentTypesBytes = 1024 * 1024;

    /// <summary>The stream must be seekable; it is read from its start.</summary>
    public static MediaFormat? Identify(Stream package)
    {
        package.Position = 0;
        try
        {
            using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            var contentTypes = zip.GetEntry("[Content_Types].xml");
            if (contentTypes is null || contentTypes.Length > MaxContentTypesBytes)
            {
                return null;
            }

            foreach (var (partName, contentType) in Overrides(contentTypes))
            {
                var (format, folder) = contentType switch
                {
                    WordMain => (MediaFormat.Docx, "word/"),
                    PresentationMain => (MediaFormat.Pptx, "ppt/"),
                    _ => (null, ""),
                };
                var entryName = partName.TrimStart('/');
                if (format is not null && entryName.StartsWith(folder, StringComparison.Ordinal) && zip.GetEntry(entryName) is not null)
                {
                    return format;
                }
            }

            return null;
        }
        catch (Exception error) when (error is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    private static List<(string PartName, string ContentType)> Overrides(ZipArchiveEntry contentTypes)
    {
        using var stream = contentTypes.Open();
        using var limited = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (limited.Length + read > MaxContentTypesBytes)
            {
                return [];
            }

            limited.Write(buffer, 0, read);
        }

        limited.Position = 0;
        var result = new List<(string, string)>();
        using var xml = XmlReader.Create(limited, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Override"
                && xml.GetAttribute("PartName") is { } part && xml.GetAttribute("ContentType") is { } type)
            {
                result.Add((part, type));
            }
        }

        return result;
    }
}
