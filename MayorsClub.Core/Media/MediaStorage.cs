using System.Security.Cryptography;
using MayorsClub.Core.Setup;

namespace MayorsClub.Core.Media;

/// <summary>
/// Where media files are kept: in MayorsClub:MediaPath (default "media/" in the data folder; never under wwwroot), each file under a random,
/// unguessable name (128 bits) and the extension of its checked format, spread over 256 subfolders. Files being
/// received wait in "media/.incoming/" until they are checked.
/// </summary>
public sealed class MediaStorage(SitePaths paths)
{
    public string Root { get; } = paths.Media;

    private string Incoming => Path.Combine(Root, ".incoming");

    /// <summary>A new, empty file to receive an upload into.</summary>
    public FileStream CreateIncoming(out string path)
    {
        Directory.CreateDirectory(Incoming);
        path = Path.Combine(Incoming, RandomName() + ".part");
        return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
    }

    /// <summary>How long an unfinished upload may lie in the incoming folder before it counts as abandoned.</summary>
    public static TimeSpan AbandonedAfter { get; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Deletes uploads that were never finished because the process stopped while receiving them (a failed or
    /// refused upload deletes its own file): ".part" files not written to for <see cref="AbandonedAfter"/>.
    /// </summary>
    /// <returns>How many were deleted.</returns>
    public int RemoveAbandonedUploads(DateTime utcNow)
    {
        if (!Directory.Exists(Incoming))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Incoming, "*.part"))
        {
            if (utcNow - File.GetLastWriteTimeUtc(file) > AbandonedAfter)
            {
                DeleteFile(file);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Moves a checked file into place under a new random name; returns its storage path (relative to <see cref="Root"/>).</summary>
    public string Keep(string incomingPath, MediaFormat format)
    {
        var name = RandomName();
        var storagePath = $"{name[..2]}/{name}{format.Extension}";
        var target = FullPath(storagePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(incomingPath, target);
        return storagePath;
    }

    /// <summary>The file's full path; refuses anything that would lead out of the media folder.</summary>
    public string FullPath(string storagePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, storagePath));
        if (!full.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Storage path outside the media folder: {storagePath}");
        }

        return full;
    }

    public void Delete(string? storagePath)
    {
        if (!string.IsNullOrEmpty(storagePath))
        {
            DeleteFile(FullPath(storagePath));
        }
    }

    public static void DeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Held open by a reader for a moment: an orphan file on disk harms nobody, a failed request would.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string RandomName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
