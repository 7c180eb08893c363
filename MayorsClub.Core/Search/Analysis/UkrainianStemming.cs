namespace MayorsClub.Core.Search.Analysis;

/// <summary>How the Ukrainian analyzer turns a word into the terms it indexes and searches.</summary>
public enum UkrainianStemming
{
    /// <summary>The lower-cased word as it is.</summary>
    Exact,

    /// <summary>The light suffix stemmer alone.</summary>
    Light,

    /// <summary>The dictionary's stems; a word it does not know stays as it is.</summary>
    Dictionary,

    /// <summary>
    /// The dictionary's stems; when it gives back only the word itself (a word it does not know, or one already in its
    /// dictionary form), the light stem is added beside it, so an unknown name's forms still meet.
    /// </summary>
    DictionaryThenLight,

    /// <summary>The dictionary's stems and always the light stem beside them.</summary>
    DictionaryAndLight,
}
