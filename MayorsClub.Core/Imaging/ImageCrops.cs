namespace MayorsClub.Core.Imaging;

/// <summary>A named crop: a fixed frame every image can be cut to around its focal point (Umbraco's image cropper aliases).</summary>
public sealed record ImageCrop(string Alias, int Width, int Height);

/// <summary>
/// The crops the document types name. Cards on lists, the wide hero, the share picture link previews use
/// (1200×630, what Facebook, Telegram and Viber expect) and the square speaker portrait.
/// </summary>
public static class ImageCrops
{
    public static ImageCrop Card { get; } = new("card", 600, 400);

    public static ImageCrop Hero { get; } = new("hero", 1600, 700);

    public static ImageCrop Og { get; } = new("og", 1200, 630);

    public static ImageCrop Portrait { get; } = new("portrait", 240, 240);

    public static IReadOnlyList<ImageCrop> All { get; } = [Card, Hero, Og, Portrait];

    /// <summary>The crop with this alias (case-insensitive), or null.</summary>
    public static ImageCrop? Find(string? alias) =>
        alias is null ? null : All.FirstOrDefault(c => string.Equals(c.Alias, alias, StringComparison.OrdinalIgnoreCase));
}
