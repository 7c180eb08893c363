using MayorsClub.Core.Setup;
using NetVips;

namespace MayorsClub.Tests.Unit;

/// <summary>The demo content's drawn pictures: their sizes, the same bytes for the same key, real JPEGs, no metadata.</summary>
public sealed class DemoPicturesTests
{
    private static readonly Guid Key = Guid.Parse("ccf8fa28-39d0-5292-826a-b42019869261");

    [TestCase(DemoPictureKind.Story, 1600, 1067)]
    [TestCase(DemoPictureKind.Hero, 2400, 1050)]
    [TestCase(DemoPictureKind.Portrait, 480, 480)]
    [TestCase(DemoPictureKind.Share, 1200, 630)]
    public void Picture_IsAValidJpegOfItsKindsSize_WithoutMetadata(DemoPictureKind kind, int width, int height)
    {
        var bytes = DemoPictures.Render(kind, Key, "ВГ");

        using var image = Image.NewFromBuffer(bytes, failOn: Enums.FailOn.Error);
        Assert.That(image.Get("vips-loader"), Is.EqualTo("jpegload_buffer"));
        Assert.That((image.Width, image.Height, image.Bands), Is.EqualTo((width, height, 3)));
        Assert.That(image.Avg(), Is.GreaterThan(0), "decodes to the end");
        Assert.That(image.GetFields().Where(f => f is "exif-data" or "xmp-data" or "iptc-data" or "icc-profile-data" || f.StartsWith("exif-", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void SameKey_GivesTheSameBytes_AndAnotherKeyAnotherPicture()
    {
        var other = Guid.Parse("c6d55cbf-168c-52ba-8712-e6a92fe7165b");

        // Drawn anew (not the cached copy): the same key must give the same picture in a new process too.
        var first = DemoPictures.Draw(DemoPictureKind.Story, Key, "");
        var again = DemoPictures.Draw(DemoPictureKind.Story, Key, "");
        var another = DemoPictures.Draw(DemoPictureKind.Story, other, "");

        Assert.That(again, Is.EqualTo(first));
        Assert.That(another, Is.Not.EqualTo(first));
        Assert.That(DemoPictures.Render(DemoPictureKind.Story, Key), Is.EqualTo(first));
    }

    [Test]
    public void Story_IsNavyWithGoldInIt_TheClubsColours()
    {
        using var image = Image.NewFromBuffer(DemoPictures.Render(DemoPictureKind.Story, Key));
        var mean = image.Stats().Getpoint(4, 1); // per-band statistics: column 4 is the mean, rows 1..3 the bands
        var (red, green, blue) = (mean[0], image.Stats().Getpoint(4, 2)[0], image.Stats().Getpoint(4, 3)[0]);
        Assert.That(blue, Is.GreaterThan(red), "mostly navy");

        using var goldMask = (image[0] > 200) & (image[1] > 150) & (image[2] < 110);
        Assert.That(goldMask.Avg(), Is.GreaterThan(0), "some gold (#f2c230) drawn: the outline of Ukraine at least");
    }

    [TestCase("Ірина Ткачук", "ІТ")]
    [TestCase("Yuliya Chufistova", "YC")]
    [TestCase("Представник агенції", "ПА")]
    public void Monogram_TakesTheFirstLettersOfTwoWords(string name, string initials) =>
        Assert.That(DemoPictures.InitialsOf(name), Is.EqualTo(initials));
}
