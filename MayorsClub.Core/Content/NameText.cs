namespace MayorsClub.Core.Content;

/// <summary>
/// The one normalization of names and URL segments people type (documents, media items, folders, uploaded file
/// names): control characters (U+0000–U+001F, U+007F–U+009F) and the invisible bidirectional marks, overrides
/// and isolates (U+200E/F, U+202A–U+202E, U+2066–U+2069) are removed, so a name cannot hide a NUL or show its
/// letters in a misleading order; then the ends are trimmed.
/// </summary>
public static class NameText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!text.AsSpan().ContainsAny(Removed))
        {
            return text.Trim();
        }

        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsRemoved(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Trim();
    }

    public static bool IsRemoved(char c) => Removed.Contains(c);

    private static readonly System.Buffers.SearchValues<char> Removed = System.Buffers.SearchValues.Create(
        [.. Range('\u0000', '\u001F'), .. Range('\u007F', '\u009F'), '\u200E', '\u200F', .. Range('\u202A', '\u202E'), .. Range('\u2066', '\u2069')]);

    private static IEnumerable<char> Range(char first, char last)
    {
        for (var c = first; c <= last; c++)
        {
            yield return c;
        }
    }
}
