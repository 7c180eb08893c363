using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Web.BackOffice.Content;

namespace MayorsClub.Tests.Unit;

/// <summary>The content section speaks both languages: every UI string, and the names of what editors fill in.</summary>
public sealed class ContentTextTests
{
    private static IEnumerable<string> Keys() =>
        typeof(ContentText).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [TestCaseSource(nameof(Keys))]
    public void EveryKey_HasUkrainianAndEnglish(string key) =>
        Assert.That(ContentText.HasBothLanguages(key), Is.True, key);

    [Test]
    public void EveryNameTheCoreDeclares_HasAUkrainianName()
    {
        var registry = new DocumentTypeRegistry();
        var properties = registry.All.SelectMany(t => t.Properties)
            .SelectMany(p => p.Element is null ? [p] : p.Element.Properties.Prepend(p))
            .ToList();
        var names = registry.All.Select(t => t.Name)
            .Concat(properties.Select(p => p.Name))
            .Concat(properties.Select(p => p.Group))
            .Concat(properties.Where(p => p.Element is not null).Select(p => p.Element!.Name))
            .Distinct()
            .ToList();

        var missing = names.Where(n => ContentText.Label(n, "uk") == n && !IsBrand(n)).ToList();

        Assert.That(missing, Is.Empty, "names shown in English in the Ukrainian back office");
        Assert.That(ContentText.Label("Summary", "en"), Is.EqualTo("Summary"));
    }

    [Test]
    public void EveryDropdownOption_HasANameInBothLanguages()
    {
        var options = new DocumentTypeRegistry().All.SelectMany(t => t.Properties).SelectMany(p => p.Options).Distinct();

        Assert.That(options.Where(o => !ContentText.HasBothOptionNames(o)), Is.Empty);
        Assert.That(ContentText.Option("tradeMission", "uk"), Is.EqualTo("Торговельна місія"));
        Assert.That(ContentText.Option("tradeMission", "en"), Is.EqualTo("Trade mission"));
    }

    [Test]
    public void CoreMessages_QuoteFieldNamesInTheEditorsLanguage()
    {
        var error = new ContentError(ContentMessages.Required, "summary", "uk", ["Summary"]);

        Assert.That(ContentText.Message(error, "uk"), Is.EqualTo("Поле «Короткий виклад» обов'язкове."));
        Assert.That(ContentText.Message(error, "en"), Is.EqualTo("The field \"Summary\" is required."));
    }

    [Test]
    public void VersionActions_ReadAsWords()
    {
        Assert.That(ContentText.Action("rollback to 4", "uk"), Is.EqualTo("відновлено версію 4"));
        Assert.That(ContentText.Action("publish", "en"), Is.EqualTo("published"));
        Assert.That(ContentText.Action("save and publish", "uk"), Is.EqualTo("збережено й опубліковано"));
        Assert.That(ContentText.Action("rollback to 4 and publish", "en"), Is.EqualTo("rolled back to version 4 and published"));
        Assert.That(ContentText.Action("something new", "en"), Is.EqualTo("something new"));
    }

    private static bool IsBrand(string name) => name is "Facebook" or "LinkedIn" or "YouTube" or "SEO";
}
