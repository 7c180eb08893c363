using MayorsClub.Web.Backup;

namespace MayorsClub.Tests.Unit;

public sealed class BackupTextTests
{
    private static IEnumerable<string> Keys => BackupText.Keys;

    [TestCaseSource(nameof(Keys))]
    public void EveryKey_HasUkrainianAndEnglish(string key) =>
        Assert.That(BackupText.HasBothLanguages(key), Is.True, key);
}
