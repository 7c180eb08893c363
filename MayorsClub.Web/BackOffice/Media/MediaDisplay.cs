using System.Globalization;
using MayorsClub.Core.Media;

namespace MayorsClub.Web.BackOffice.Media;

/// <summary>How media items read on the back-office pages.</summary>
public static class MediaDisplay
{
    public static string Size(long bytes, string uiCulture)
    {
        var culture = CultureInfo.GetCultureInfo(uiCulture == "uk" ? "uk-UA" : "en-GB");
        var (value, unit) = bytes switch
        {
            >= 1024L * 1024 * 1024 => (bytes / (1024d * 1024 * 1024), uiCulture == "uk" ? "ГБ" : "GB"),
            >= 1024L * 1024 => (bytes / (1024d * 1024), uiCulture == "uk" ? "МБ" : "MB"),
            >= 1024 => (bytes / 1024d, uiCulture == "uk" ? "КБ" : "KB"),
            _ => (bytes, uiCulture == "uk" ? "Б" : "B"),
        };
        return $"{value.ToString(value < 10 && bytes >= 1024 ? "0.#" : "0", culture)} {unit}";
    }

    /// <summary>The back office's own address of the file (previews work for members-only files too).</summary>
    public static string PreviewUrl(MediaItem item) => $"{MediaController.BasePath}/{item.Key}/file?v={item.FileToken}";

    /// <summary>CSS object-position that keeps the focal point in view of a cropped thumbnail.</summary>
    public static string ObjectPosition(MediaItem item) => item.FocalPoint is { } f
        ? string.Create(CultureInfo.InvariantCulture, $"object-position: {f.X * 100:0.#}% {f.Y * 100:0.#}%")
        : "";

    public static string Percent(double fraction) => (fraction * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    /// <summary>The folders as a flat list in tree order with their depth (for "move to" lists), leaving out a folder and what is inside it.</summary>
    public static IReadOnlyList<(MediaItem Folder, int Depth)> TreeOrder(IReadOnlyList<MediaItem> folders, Guid? leaveOut = null)
    {
        var result = new List<(MediaItem, int)>();
        void Walk(Guid? parent, int depth)
        {
            foreach (var folder in folders.Where(f => f.ParentKey == parent && f.Key != leaveOut))
            {
                result.Add((folder, depth));
                if (depth < 50)
                {
                    Walk(folder.Key, depth + 1);
                }
            }
        }

        Walk(null, 0);
        return result;
    }
}
