using System.Globalization;
using System.Text;

namespace MayorsClub.Core.Content.Routing;

/// <summary>
/// Transliterates Ukrainian Cyrillic text into Latin script following the official national
/// standard: Cabinet of Ministers of Ukraine resolution No. 55 of 27 January 2010
/// ("Про впорядкування транслітерації українського алфавіту латиницею").
/// Also builds URL segments (slugs) from titles and names.
/// </summary>
/// <remarks>
/// <para>Rules applied:</para>
/// <list type="bullet">
/// <item>The resolution's table: А a, Б b, В v, Г h, Ґ g, Д d, Е e, Є ie, Ж zh, З z, И y, І i, Ї i,
/// Й i, К k, Л l, М m, Н n, О o, П p, Р r, С s, Т t, У u, Ф f, Х kh, Ц ts, Ч ch, Ш sh, Щ shch,
/// Ь (omitted), Ю iu, Я ia.</item>
/// <item>At the start of a word Є, Ї, Й, Ю, Я become ye, yi, y, yu, ya. A letter is word-initial when it
/// begins the string or when the previous character is not a letter. Apostrophes are transparent for this
/// check: "з'їзд" → "zizd" and "Мар'яна" → "Mariana" (the ї / я are inside the word).</item>
/// <item>The combination зг becomes zgh ("Згорани" → "Zghorany") so it is not confused with ж.</item>
/// <item>Apostrophes (' U+0027, ’ U+2019, ʼ U+02BC) are omitted everywhere, and so is the soft sign Ь.</item>
/// <item>Russian-only letters that editors may paste are mapped by analogy: ы → y, э → e, ё → io
/// (word-initial: yo, like Є), ъ → omitted.</item>
/// <item>Any other character (Latin letters, digits, punctuation, other scripts) passes through unchanged.</item>
/// </list>
/// <para>Casing rule: a lowercase Cyrillic letter always gives lowercase Latin. An uppercase Cyrillic letter
/// gives a fully uppercase Latin result when the nearest letter beside it (the next letter, or, when there is
/// none, the previous letter; apostrophes skipped) is also uppercase, i.e. when it is part of an ALL-CAPS word:
/// "ЩАСТЯ" → "SHCHASTIA", "ЖК" → "ZHK". Otherwise only the first Latin letter is capitalized:
/// "Щастя" → "Shchastia", and a lone capital "Щ" → "Shch".</para>
/// </remarks>
public static class UkrainianTransliteration
{
    /// <summary>The maximum length of a segment returned by <see cref="ToUrlSegment"/>.</summary>
    public const int MaxUrlSegmentLength = 100;

    /// <summary>
    /// Transliterates Ukrainian Cyrillic letters in <paramref name="text"/> into Latin letters by the rules of
    /// resolution No. 55 of 2010; other characters are left as they are.
    /// </summary>
    /// <param name="text">The text to transliterate.</param>
    /// <returns>The transliterated text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Transliterate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        // Composes letters pasted in decomposed form (e.g. и + U+0306 → й, і + U+0308 → ї).
        var source = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(source.Length + (source.Length / 2));

        for (var index = 0; index < source.Length; index++)
        {
            var current = source[index];
            if (IsApostrophe(current))
            {
                continue;
            }

            var latin = MapLowercase(char.ToLowerInvariant(current), source, index);
            if (latin is null)
            {
                builder.Append(current);
                continue;
            }

            if (latin.Length == 0)
            {
                continue;
            }

            if (!char.IsUpper(current))
            {
                builder.Append(latin);
            }
            else if (IsInAllCapsWord(source, index))
            {
                builder.Append(latin.ToUpperInvariant());
            }
            else
            {
                builder.Append(char.ToUpperInvariant(latin[0]));
                builder.Append(latin, 1, latin.Length - 1);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Builds a URL path segment from a name or title: transliterates it, lowercases it, replaces every run of
    /// characters other than [a-z0-9] with a single '-', trims '-' from both ends and limits the result to
    /// <see cref="MaxUrlSegmentLength"/> characters.
    /// </summary>
    /// <remarks>
    /// Latin letters with diacritics lose them ("Café" → "cafe"). A result longer than the limit is cut at the
    /// last '-' within the limit, provided that keeps more than half of the limit; otherwise (one very long
    /// word) it is cut at exactly the limit. The result never starts or ends with '-'.
    /// </remarks>
    /// <param name="name">The name or title.</param>
    /// <returns>The segment, or an empty string when <paramref name="name"/> has no usable characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static string ToUrlSegment(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        var latin = RemoveDiacritics(Transliterate(name)).ToLowerInvariant();
        var builder = new StringBuilder(latin.Length);
        var separatorPending = false;

        foreach (var character in latin)
        {
            if (character is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (separatorPending && builder.Length > 0)
                {
                    builder.Append('-');
                }

                separatorPending = false;
                builder.Append(character);
            }
            else
            {
                separatorPending = true;
            }
        }

        return LimitLength(builder.ToString());
    }

    private static string? MapLowercase(char letter, string source, int index) => letter switch
    {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => IsPrecededByZe(source, index) ? "gh" : "h",
        'ґ' => "g",
        'д' => "d",
        'е' => "e",
        'є' => IsWordInitial(source, index) ? "ye" : "ie",
        'ж' => "zh",
        'з' => "z",
        'и' => "y",
        'і' => "i",
        'ї' => IsWordInitial(source, index) ? "yi" : "i",
        'й' => IsWordInitial(source, index) ? "y" : "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ь' => string.Empty,
        'ю' => IsWordInitial(source, index) ? "yu" : "iu",
        'я' => IsWordInitial(source, index) ? "ya" : "ia",

        // Russian-only letters, mapped by analogy with the Ukrainian ones.
        'ы' => "y",
        'э' => "e",
        'ё' => IsWordInitial(source, index) ? "yo" : "io",
        'ъ' => string.Empty,
        _ => null,
    };

    private static bool IsApostrophe(char character) => character is '\'' or '\u2019' or '\u02BC';

    private static bool IsPrecededByZe(string source, int index) =>
        index > 0 && char.ToLowerInvariant(source[index - 1]) == 'з';

    private static bool IsWordInitial(string source, int index)
    {
        var previous = index - 1;
        while (previous >= 0 && IsApostrophe(source[previous]))
        {
            previous--;
        }

        return previous < 0 || !char.IsLetter(source[previous]);
    }

    private static bool IsInAllCapsWord(string source, int index)
    {
        var next = index + 1;
        while (next < source.Length && IsApostrophe(source[next]))
        {
            next++;
        }

        if (next < source.Length && char.IsLetter(source[next]))
        {
            return char.IsUpper(source[next]);
        }

        var previous = index - 1;
        while (previous >= 0 && IsApostrophe(source[previous]))
        {
            previous--;
        }

        return previous >= 0 && char.IsLetter(source[previous]) && char.IsUpper(source[previous]);
    }

    private static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    private static string LimitLength(string segment)
    {
        if (segment.Length <= MaxUrlSegmentLength)
        {
            return segment;
        }

        // A '-' at index MaxUrlSegmentLength means the first MaxUrlSegmentLength characters end on a word.
        var boundary = segment.LastIndexOf('-', MaxUrlSegmentLength);
        var cut = boundary > MaxUrlSegmentLength / 2 ? boundary : MaxUrlSegmentLength;
        return segment[..cut].TrimEnd('-');
    }
}
