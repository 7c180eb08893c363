using System.Collections.Concurrent;
using System.Diagnostics;
using Lucene.Net.Analysis.Hunspell;
using Microsoft.Extensions.Logging;

namespace MayorsClub.Core.Search.Analysis;

/// <summary>
/// The Ukrainian Hunspell dictionary, read once per process and folder: reading it takes seconds and allocates
/// close to a gigabyte on the way (the loaded dictionary itself is a few megabytes), and the tests start hundreds of
/// sites in one process. Missing or unreadable files give <c>null</c> (one warning), and the light stemmer works alone.
/// </summary>
public static class UkrainianDictionary
{
    /// <summary>Where the build copies dictionary-uk's files, beside the assemblies.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "dictionaries", "uk");

    private static readonly ConcurrentDictionary<string, Lazy<Dictionary?>> Loaded = new(StringComparer.Ordinal);

    /// <summary>The dictionary in <paramref name="folder"/>, loaded on the first call for that folder.</summary>
    public static Dictionary? For(string folder, ILogger logger)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return Loaded.GetOrAdd(full, f => new Lazy<Dictionary?>(() => Load(f, logger), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>The affix and word files in <paramref name="folder"/>: ours (uk.*) or Debian's (uk_UA.*); null if neither.</summary>
    public static (string Affix, string Words)? FindFiles(string folder)
    {
        foreach (var name in new[] { "uk", "uk_UA" })
        {
            var affix = Path.Combine(folder, name + ".aff");
            var words = Path.Combine(folder, name + ".dic");
            if (File.Exists(affix) && File.Exists(words))
            {
                return (affix, words);
            }
        }

        return null;
    }

    private static Dictionary? Load(string folder, ILogger logger)
    {
        if (FindFiles(folder) is not { } files)
        {
            logger.LogWarning(
                "The Ukrainian Hunspell dictionary is not in {Folder} (uk.aff and uk.dic, or uk_UA.aff and uk_UA.dic): Ukrainian search uses the light suffix stemmer alone, which finds fewer word forms. The build installs it from npm (dictionary-uk); or set MayorsClub:Search:DictionaryPath.",
                folder);
            return null;
        }

        try
        {
            var watch = Stopwatch.StartNew();
            using var affix = File.OpenRead(files.Affix);
            using var words = File.OpenRead(files.Words);
            // ignoreCase: the dictionary's proper names (Житомирщина, Львів) meet the lower-cased tokens.
            var dictionary = new Dictionary(affix, [words], ignoreCase: true);
            logger.LogInformation("Loaded the Ukrainian Hunspell dictionary from {Folder} in {Milliseconds} ms", folder, watch.ElapsedMilliseconds);
            return dictionary;
        }
        catch (Exception ex) // Lucene reports a bad affix file with exceptions of its own
        {
            logger.LogWarning(ex, "The Ukrainian Hunspell dictionary in {Folder} could not be read: Ukrainian search uses the light suffix stemmer alone.", folder);
            return null;
        }
    }
}
