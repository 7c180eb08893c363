using MayorsClub.Core.Announcements;

namespace MayorsClub.Tests.Unit;

public sealed class AnnouncementsTextTests
{
    private static IEnumerable<string> Keys => AnnouncementsText.Keys;

    [TestCaseSource(nameof(Keys))]
    public void EveryKey_HasUkrainianAndEnglish(string key) =>
        Assert.That(AnnouncementsText.HasBothLanguages(key), Is.True, key);

    [Test]
    public void TheConfirmationEmail_NamesItsLinkAndLifetime_InBothLanguages()
    {
        foreach (var culture in new[] { "uk", "en" })
        {
            var text = AnnouncementsText.Format(AnnouncementsText.ConfirmBody, culture, "https://mayorsclub.test/x", 7);
            Assert.That(text, Does.Contain("https://mayorsclub.test/x").And.Contain("7"), culture);
        }
    }
}
