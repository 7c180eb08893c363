using MayorsClub.Web.Search;

namespace MayorsClub.Tests.Unit;

/// <summary>The site search's texts exist in both languages, and the English ones use typographic quotes.</summary>
public sealed class SiteSearchTextTests
{
    private static IEnumerable<string> Keys() =>
        typeof(SearchText).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [TestCaseSource(nameof(Keys))]
    public void SearchText_HasBothLanguages(string key) => Assert.That(SearchText.HasBothLanguages(key), Is.True, key);

    [Test]
    public void SearchTexts_InEnglish_HaveNoStraightQuotes() =>
        Assert.That(SearchText.Keys.Select(key => SearchText.Get(key, "en")).Where(text => text.IndexOfAny(['\'', '"']) >= 0), Is.Empty);
}
