namespace MayorsClub.Core.Content;

/// <summary>The site's two languages. Ukrainian is the default.</summary>
public static class Cultures
{
    public const string Ukrainian = "uk";
    public const string English = "en";
    public const string Default = Ukrainian;

    public static IReadOnlyList<string> All { get; } = [Ukrainian, English];

    public static bool IsSupported(string? culture) =>
        culture is not null && All.Contains(culture, StringComparer.Ordinal);
}
