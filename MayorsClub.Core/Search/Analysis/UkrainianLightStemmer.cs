namespace MayorsClub.Core.Search.Analysis;

/// <summary>
/// A light suffix-stripping stemmer for Ukrainian words the dictionary does not know (community names such as
/// "Житомирщина", new words): drops a reflexive ending (-ся, -сь), then the longest inflectional ending of nouns,
/// adjectives and present-tense verbs that leaves a stem of at least three letters. It does not undo vowel changes (школа / шкіл,
/// село / сіл): the dictionary does that.
/// </summary>
public static class UkrainianLightStemmer
{
    private const int MinimumStem = 3;

    private static readonly string[] Reflexive = ["ся", "сь"];

    // Longest first, so "ами" wins over "и" and "ості" over "і".
    private static readonly string[] Endings = SortLongestFirst(
    [
        // nouns
        "а", "я", "о", "е", "є", "у", "ю", "і", "ї", "и", "ь",
        "ам", "ям", "ах", "ях", "ів", "їв", "ою", "ею", "єю", "ом", "ем", "єм",
        "ами", "ями", "ові", "еві", "єві",
        // abstract nouns in -ість, whose і turns to о in other cases (громадськість / громадськості)
        "ість", "ості", "істю", "остей", "остям", "остями", "остях",
        // adjectives and participles
        "ий", "ій", "їй", "ім", "їм", "их", "їх", "ої",
        "ого", "ому", "ими", "іми", "ього", "ьому", "ьої", "ьою",
        // verbs: the present tense only. Not the infinitive's -ти, the past tense's -ав/-ала/-или... nor a bare -ть:
        // they would cut nouns that a search meets far more often (бюджети, депутати, канали, матеріали, колектив,
        // пам'ять); the dictionary knows the verbs. No -ей either (людей): музей / музею.
        "аю", "яю", "ую", "юю", "ає", "яє", "ує", "ює", "аєш", "яєш", "уєш", "юєш", "аємо", "яємо", "уємо", "юємо",
        "аєте", "яєте", "уєте", "юєте", "ають", "яють", "ують", "юють", "аєть", "яєть", "уєть", "юєть",
        "еш", "єш", "иш", "їш", "емо", "ємо", "имо", "їмо", "ете", "єте", "ите", "їте", "уть", "ють", "ать", "ить", "їть",
    ]);

    /// <summary>The stem of the lower-cased word in <paramref name="buffer"/>[0..<paramref name="length"/>): its new length.</summary>
    public static int Stem(ReadOnlySpan<char> buffer, int length)
    {
        var word = buffer[..length];
        foreach (var ending in Reflexive)
        {
            if (word.Length - ending.Length >= MinimumStem + 1 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                word = word[..^ending.Length];
                break;
            }
        }

        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= MinimumStem && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word.Length - ending.Length;
            }
        }

        return word.Length;
    }

    /// <summary>The stem of a lower-cased word.</summary>
    public static string Stem(string word) => word[..Stem(word.AsSpan(), word.Length)];

    private static string[] SortLongestFirst(string[] endings) =>
        endings.Distinct(StringComparer.Ordinal).OrderByDescending(e => e.Length).ThenBy(e => e, StringComparer.Ordinal).ToArray();
}
