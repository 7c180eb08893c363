using MayorsClub.Core.Media;
using NetVips;

namespace MayorsClub.Tests.Unit;

/// <summary>
/// The HEIF-to-JPEG conversion the upload runs for iPhone photos. The bundled libvips cannot decode HEVC, so it is
/// checked here on an AV1-coded HEIF (the same container, the same loader): upright, sRGB JPEG, no EXIF or XMP.
/// </summary>
public sealed class HeicConversionTests
{
    private string _folder = null!;

    [SetUp]
    public void MakeFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "mc-heif-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Heif_TakenUpright_BecomesAnUprightJpeg_WithoutExifOrXmp()
    {
        using var drawn = (Image.Black(300, 200, bands: 3) + new double[] { 15, 52, 112 }).Cast(Enums.BandFormat.Uchar);
        using var phone = drawn.Mutate(m =>
        {
            m.DrawRect([242, 194, 48], 0, 0, 100, 60, fill: true); // gold, top left of the stored picture
            m.Set(GValue.GIntType, "orientation", 6);
        });
        var source = Path.Combine(_folder, "photo.heif");
        var target = Path.Combine(_folder, "photo.jpg");
        phone.Heifsave(source, compression: Enums.ForeignHeifCompression.Av1, keep: Enums.ForeignKeep.All);

        var size = HeicConversion.ToJpeg(source, target);

        using var stored = Image.NewFromFile(target);
        Assert.That(size, Is.EqualTo((200, 300)), "turned a quarter: the upright size");
        Assert.That((stored.Get("vips-loader"), stored.Width, stored.Height), Is.EqualTo(("jpegload", 200, 300)));
        Assert.That(stored.GetFields().Where(f => f.StartsWith("exif", StringComparison.Ordinal) || f == "xmp-data"), Is.Empty);
        Assert.That(stored.Getpoint(190, 10)[0], Is.GreaterThan(200), "the gold corner is now top right: rotated clockwise");
    }

    [Test]
    public void File_ThatIsNotAHeif_GivesNoJpeg()
    {
        var source = Path.Combine(_folder, "broken.heic");
        File.WriteAllBytes(source, [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, 1, 2, 3]);

        Assert.That(HeicConversion.ToJpeg(source, Path.Combine(_folder, "out.jpg")), Is.Null);
        Assert.That(File.Exists(Path.Combine(_folder, "out.jpg")), Is.False);
    }
}
