using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MayorsClub.Core.Setup;
using MayorsClub.Web.Site;

namespace MayorsClub.Tests.Unit;

/// <summary>English pages use typographic apostrophes and quotes (’ “ ”), as the Ukrainian ones use « ».</summary>
public sealed partial class EnglishTypographyTests
{
    [Test]
    public void SiteTexts_InEnglish_HaveNoStraightQuotes()
    {
        var straight = SiteText.Keys.Select(key => (key, text: SiteText.Get(key, "en"))).Where(t => t.text.IndexOfAny(['\'', '"']) >= 0).ToList();

        Assert.That(straight, Is.Empty, "use ’ for apostrophes and “ ” for quotes");
    }

    [Test]
    public void DemoContent_InEnglish_HasNoStraightQuotesInItsText()
    {
        var folder = Path.Combine(SitePaths.FindRoot(AppContext.BaseDirectory), "umbraco", "demo");
        var straight = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            Collect(JsonNode.Parse(File.ReadAllText(file)), english: false, Path.GetFileName(file), straight);
        }

        Assert.That(straight, Is.Empty, "use ’ for apostrophes and “ ” for quotes");
    }

    /// <summary>English strings (under an "en" key), outside HTML tags, that hold a straight quote; addresses are not text.</summary>
    private static void Collect(JsonNode? node, bool english, string where, List<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Collect(value, english || key == "en", $"{where}/{key}", found);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, english, where, found);
                }

                break;
            case JsonValue value when english && value.TryGetValue<string>(out var text) && !text.StartsWith("http", StringComparison.Ordinal):
                if (TagPattern().Replace(text, "").IndexOfAny(['\'', '"']) >= 0)
                {
                    found.Add($"{where}: {text[..Math.Min(text.Length, 80)]}");
                }

                break;
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}
