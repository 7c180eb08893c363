using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;

namespace MayorsClub.Tests.Unit;

/// <summary>What the version history shows between an earlier version and the current draft.</summary>
public sealed class ContentVersionComparisonTests
{
    [Test]
    public void WordDiff_MarksOnlyTheWordsThatChanged()
    {
        var parts = TextDiff.Words("Мери зустрілися в Києві", "Мери зустрілися у Львові");

        Assert.That(Render(parts), Is.EqualTo("Мери зустрілися [-в Києві-]{+у Львові+}"));
    }

    [Test]
    public void WordDiff_OfARewrittenSentence_ReadsAsOldThenNew()
    {
        var parts = TextDiff.Words("Клуб мерів підписав меморандум про партнерство", "Клуб мерів оголосив новий конкурс проєктів");

        Assert.That(Render(parts), Is.EqualTo("Клуб мерів [-підписав меморандум про партнерство-]{+оголосив новий конкурс проєктів+}"));
    }

    [Test]
    public void WordDiff_OfLongTexts_KeepsTheCommonStartAndEnd()
    {
        var common = string.Join(" ", Enumerable.Range(0, 3000).Select(i => $"w{i}"));

        var parts = TextDiff.Words($"{common} old {common}", $"{common} new {common}");

        Assert.That(parts.Where(p => p.Operation != DiffOperation.Same).Select(p => p.Text), Is.EqualTo(new[] { "old", "new" }));
    }

    [Test]
    public void Compare_ListsChangedFieldsPerLanguage_TextAsADiff_OthersAsAddedRemovedChanged()
    {
        var type = NewsArticle.Definition;
        var earlier = Values("Стара назва", "<p>Перший абзац.</p>", "2026-11-20", tags: null);
        var current = Values("Нова назва", "<p>Перший абзац.</p><p>Другий абзац.</p>", "2026-11-21", tags: ["мери"]);
        current.Invariant[NewsArticle.RelatedNews] = new JsonArray(Guid.NewGuid().ToString());

        var changes = VersionComparison.Compare(type, earlier, current);

        Assert.That(changes.Select(c => $"{c.Field}/{c.Culture ?? "shared"}/{c.Kind}"), Is.EquivalentTo(new[]
        {
            "date/shared/Changed", "relatedNews/shared/Added", "name/uk/Changed", "body/uk/Changed", "tags/uk/Added",
        }));
        Assert.That(Render(changes.Single(c => c.Field == "name").Text!), Is.EqualTo("[-Стара-]{+Нова+} назва"));
        Assert.That(Render(changes.Single(c => c.Field == "body").Text!), Is.EqualTo("Перший абзац.{+\nДругий абзац.+}"));
        Assert.That(changes.Single(c => c.Field == "relatedNews").Text, Is.Null);
    }

    [Test]
    public void HtmlToText_KeepsWhatAReaderSees()
    {
        var text = VersionComparison.HtmlToText("<h2>Заголовок</h2><p>Текст &amp; <strong>жирний</strong></p><iframe src=\"https://www.youtube-nocookie.com/embed/abc\"></iframe>");

        Assert.That(text, Is.EqualTo("Заголовок\nТекст & жирний\n[iframe: https://www.youtube-nocookie.com/embed/abc]"));
    }

    private static ContentValues Values(string name, string body, string date, string[]? tags)
    {
        var values = new ContentValues();
        values.Invariant[NewsArticle.Date] = date;
        values.Cultures["uk"] = new CultureVariant { Name = name, Values = { [NewsArticle.Summary] = "Короткий виклад.", [NewsArticle.Body] = body } };
        if (tags is not null)
        {
            values.Cultures["uk"].Values[NewsArticle.Tags] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray());
        }

        return values;
    }

    private static string Render(IEnumerable<DiffPart> parts) => string.Concat(parts.Select(p => p.Operation switch
    {
        DiffOperation.Deleted => $"[-{p.Text}-]",
        DiffOperation.Inserted => $"{{+{p.Text}+}}",
        _ => p.Text,
    }));
}
