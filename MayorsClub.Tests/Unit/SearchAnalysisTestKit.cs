using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using MayorsClub.Core.Search.Analysis;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MayorsClub.Tests.Unit;

/// <summary>The site's analyzers as the site builds them, and the terms an analyzer makes of a text.</summary>
internal static class SearchAnalysisTestKit
{
    /// <summary>The site's analyzers with the dictionary the build installs (one per process, like the site's).</summary>
    public static SiteAnalyzers Site { get; } = Build(dictionaryPath: null);

    public static SiteAnalyzers Build(string? dictionaryPath, ILogger<SiteAnalyzers>? logger = null) => new(
        Options.Create(new SearchAnalysisOptions { DictionaryPath = dictionaryPath }),
        new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory },
        logger ?? NullLogger<SiteAnalyzers>.Instance);

    /// <summary>The terms of <paramref name="text"/>, in order (several stems of one word one after another).</summary>
    public static List<string> Terms(Analyzer analyzer, string text) => Tokens(analyzer, text).Select(t => t.Term).ToList();

    /// <summary>The terms of <paramref name="text"/> with the part of the text each stands for (the highlighter's offsets).</summary>
    public static List<(string Term, string Source)> Sources(Analyzer analyzer, string text)
    {
        var sources = new List<(string, string)>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            sources.Add((term.ToString(), text[offset.StartOffset..offset.EndOffset]));
        }

        stream.End();
        return sources;
    }

    /// <summary>The terms of <paramref name="text"/> with their position increments.</summary>
    public static List<(string Term, int Increment)> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), increment.PositionIncrement));
        }

        stream.End();
        return tokens;
    }
}
