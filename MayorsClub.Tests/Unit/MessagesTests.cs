using MayorsClub.Core.Content;
using MayorsClub.Web.Site;

namespace MayorsClub.Tests.Unit;

/// <summary>Every message a user can see exists in Ukrainian and in English.</summary>
public sealed class MessagesTests
{
    private static IEnumerable<string> ContentMessageCodes() =>
        typeof(ContentMessages).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<string> SiteTextKeys() =>
        typeof(SiteText).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<string> BackOfficeTextKeys() =>
        typeof(MayorsClub.Web.BackOffice.BackOfficeText).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [TestCaseSource(nameof(BackOfficeTextKeys))]
    public void BackOfficeText_HasBothLanguages(string key) =>
        Assert.That(MayorsClub.Web.BackOffice.BackOfficeText.HasBothLanguages(key), Is.True, key);

    [TestCaseSource(nameof(ContentMessageCodes))]
    public void ContentMessage_HasBothLanguages(string code) =>
        Assert.That(ContentMessages.HasBothLanguages(code), Is.True, code);

    [TestCaseSource(nameof(SiteTextKeys))]
    public void SiteText_HasBothLanguages(string key) =>
        Assert.That(SiteText.HasBothLanguages(key), Is.True, key);

    [Test]
    public void ContentMessage_IsFormattedInTheAskedLanguage()
    {
        var error = new ContentError(ContentMessages.TooLong, "summary", "uk", ["Summary", "500"]);

        Assert.That(error.Message("uk"), Is.EqualTo("Поле «Summary» задовге: не більше 500 символів."));
        Assert.That(error.Message("en"), Is.EqualTo("The field \"Summary\" is too long: at most 500 characters."));
    }
}
