namespace MayorsClub.Core.Search.Analysis;

/// <summary>The analysis settings of the "MayorsClub:Search" configuration section.</summary>
public sealed class SearchAnalysisOptions
{
    public const string Section = "MayorsClub:Search";

    /// <summary>
    /// The folder holding the Ukrainian Hunspell dictionary (<c>uk.aff</c> + <c>uk.dic</c>, or Debian's
    /// <c>uk_UA.aff</c> + <c>uk_UA.dic</c>). Relative paths are from the site's root folder. Empty: the copy the build
    /// installs beside the assemblies (<c>dictionaries/uk/</c>).
    /// </summary>
    public string? DictionaryPath { get; set; }
}
