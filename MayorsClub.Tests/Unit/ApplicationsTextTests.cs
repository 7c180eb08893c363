using System.Text.RegularExpressions;
using MayorsClub.Core.Applications;
using MayorsClub.Web.BackOffice.Applications;

namespace MayorsClub.Tests.Unit;

/// <summary>The applications and outbox sections' texts, the review's refusals and the labels of every status, form and history action exist in both languages.</summary>
public sealed partial class ApplicationsTextTests
{
    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<string> DeclaredKeys() =>
        Constants(typeof(ApplicationsText)).Concat(Constants(typeof(ReviewErrors)))
            .Concat(ApplicationStatus.All.Select(s => "applications.status." + s))
            .Concat(ApplicationForms.All.Select(f => "applications.form." + f.Name))
            .Concat(ApplicationActions.All.Select(a => "applications.action." + a));

    [TestCaseSource(nameof(DeclaredKeys))]
    public void EveryKey_HasBothLanguages(string key) =>
        Assert.That(ApplicationsText.HasBothLanguages(key), Is.True, key);

    [Test]
    public void EveryText_HasTheSamePlaceholdersInBothLanguages()
    {
        foreach (var key in ApplicationsText.Keys)
        {
            Assert.That(Placeholders(ApplicationsText.Get(key, "uk")), Is.EqualTo(Placeholders(ApplicationsText.Get(key, "en"))), key);
        }
    }

    private static List<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order().ToList();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
