using MayorsClub.Web.ManagementApi;

namespace MayorsClub.Tests.Unit;

/// <summary>Every message of the Management API exists in Ukrainian and in English.</summary>
public sealed class ManagementApiTextTests
{
    private static IEnumerable<string> Keys() =>
        typeof(ManagementApiText).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [TestCaseSource(nameof(Keys))]
    public void ManagementApiText_HasBothLanguages(string key) =>
        Assert.That(ManagementApiText.HasBothLanguages(key), Is.True, key);

    [Test]
    public void ManagementApiText_IsFormattedInTheAskedLanguage()
    {
        Assert.That(ManagementApiText.Get(ManagementApiText.DuplicateVariant, "uk", "en"), Is.EqualTo("Мову «en» вказано двічі."));
        Assert.That(ManagementApiText.Get(ManagementApiText.DuplicateVariant, "en", "en"), Is.EqualTo("The language \"en\" is given twice."));
    }

    [TestCase("$.variants[0].name", "variants[0].name")]
    [TestCase("$.version", "version")]
    [TestCase("$", "body")]
    [TestCase(null, "body")]
    public void JsonPaths_BecomeFieldNames(string? path, string field) =>
        Assert.That(ApiErrorResponses.FieldOf(path), Is.EqualTo(field));
}
