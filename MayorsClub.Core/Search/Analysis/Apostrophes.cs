using Lucene.Net.Analysis.CharFilters;

namespace MayorsClub.Core.Search.Analysis;

/// <summary>
/// The apostrophe's many spellings (’ ʼ ‘ ` ´ and the typewriter ') made one, the ASCII apostrophe that the Ukrainian
/// dictionary uses, before tokenizing: "м’ята", "мʼята" and "м`ята" index the same, and the tokenizer keeps the word
/// whole. Stress marks (a combining acute accent) are dropped.
/// </summary>
public static class Apostrophes
{
    public const char Unified = '\'';

    public static readonly NormalizeCharMap Map = Build();

    public static TextReader Unify(TextReader reader) => new MappingCharFilter(Map, reader);

    /// <summary>The same unification on a string (for code that compares words outside an analyzer).</summary>
    public static string Unify(string text) =>
        text.Replace('\u2019', Unified).Replace('\u02BC', Unified).Replace('\u2018', Unified).Replace('`', Unified)
            .Replace('\u00B4', Unified).Replace("\u0301", "", StringComparison.Ordinal);

    private static NormalizeCharMap Build()
    {
        var builder = new NormalizeCharMap.Builder();
        foreach (var variant in new[] { "\u2019", "\u02BC", "\u2018", "`", "\u00B4" })
        {
            builder.Add(variant, Unified.ToString());
        }

        builder.Add("\u0301", "");
        return builder.Build();
    }
}
