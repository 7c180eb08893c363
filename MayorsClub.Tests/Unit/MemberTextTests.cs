using System.Text.RegularExpressions;
using MayorsClub.Web.Members;

namespace MayorsClub.Tests.Unit;

/// <summary>The members' pages' texts exist in both languages, with the same placeholders.</summary>
public sealed partial class MemberTextTests
{
    private static IEnumerable<string> DeclaredKeys() =>
        typeof(MemberText).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [TestCaseSource(nameof(DeclaredKeys))]
    public void EveryKey_HasBothLanguages_WithTheSamePlaceholders(string key)
    {
        Assert.That(MemberText.HasBothLanguages(key), Is.True, key);
        Assert.That(Placeholders(MemberText.Get(key, "uk")), Is.EqualTo(Placeholders(MemberText.Get(key, "en"))), key);
    }

    [Test]
    public void EveryTextInTheCatalogue_IsDeclared() =>
        Assert.That(MemberText.Keys, Is.EquivalentTo(DeclaredKeys()));

    private static string[] Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
