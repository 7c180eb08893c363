using MayorsClub.Core.Media;
using MayorsClub.Core.Setup;

namespace MayorsClub.Tests.Unit;

public sealed class MediaStorageTests
{
    private string _data = null!;
    private MediaStorage _storage = null!;

    [SetUp]
    public void CreateDataFolder()
    {
        _data = Path.Combine(Path.GetTempPath(), "mc-media-" + Guid.NewGuid().ToString("N"));
        _storage = new MediaStorage(new SitePaths(TestContext.CurrentContext.TestDirectory, new MayorsClubOptions { DataPath = _data }));
    }

    [TearDown]
    public void RemoveDataFolder()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Test]
    public void AbandonedUploads_OlderThanADay_AreRemoved_AndOneStillArriving_IsLeftAlone()
    {
        var now = DateTime.UtcNow;
        string abandoned, arriving;
        using (_storage.CreateIncoming(out abandoned))
        using (_storage.CreateIncoming(out arriving))
        {
        }

        File.SetLastWriteTimeUtc(abandoned, now - TimeSpan.FromDays(2));
        File.SetLastWriteTimeUtc(arriving, now - TimeSpan.FromMinutes(5));

        var removed = _storage.RemoveAbandonedUploads(now);

        Assert.That(removed, Is.EqualTo(1));
        Assert.That(File.Exists(abandoned), Is.False);
        Assert.That(File.Exists(arriving), Is.True);
    }

    [Test]
    public void NoIncomingFolderYet_RemovesNothing() =>
        Assert.That(_storage.RemoveAbandonedUploads(DateTime.UtcNow), Is.Zero);
}
