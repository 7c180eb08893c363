using System.Text;
using MayorsClub.Core.Media;
using NetVips;

namespace MayorsClub.Tests.Unit;

/// <summary>
/// PNG and WebP photos as an app that keeps EXIF writes them (libvips, keep everything): GPS in the EXIF block, the place
/// again in XMP, a text comment, orientation 6. What is kept has none of it but the orientation, and the same pixels
/// from the same compressed bytes. Files without such metadata, and files these walkers cannot follow, are left alone.
/// </summary>
public sealed class PhotoMetadataTests
{
    private static readonly byte[] Xmp = Encoding.UTF8.GetBytes(
        """<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="50,27.0N"/></rdf:RDF></x:xmpmeta>""");

    public static IEnumerable<TestCaseData> Formats()
    {
        yield return new TestCaseData("png", (Func<byte[], byte[]?>)(b => PngMetadata.WithoutLocation(b))).SetArgDisplayNames("PNG");
        yield return new TestCaseData("webp", (Func<byte[], byte[]?>)(b => WebPMetadata.WithoutLocation(b))).SetArgDisplayNames("WebP");
    }

    [TestCaseSource(nameof(Formats))]
    public void APhonePhoto_LosesItsPlace_KeepsItsOrientation_AndItsPixels(string format, Func<byte[], byte[]?> withoutLocation)
    {
        var photo = Save(Drawn(), format, withPlace: true, orientation: 6);
        using (var check = Image.NewFromBuffer(photo))
        {
            Assert.That(check.GetFields(), Has.Some.StartsWith("exif-ifd3-GPS"), "the test photo carries the place in EXIF");
            Assert.That(check.GetFields(), Does.Contain("xmp-data"), "and in XMP");
        }

        var kept = withoutLocation(photo)!;

        Assert.That(kept, Is.Not.Null);
        using var image = Image.NewFromBuffer(kept);
        var fields = image.GetFields();
        Assert.That(fields.Where(f => f.StartsWith("exif-ifd3", StringComparison.Ordinal) || f == "xmp-data" || f.Contains("comment", StringComparison.OrdinalIgnoreCase)), Is.Empty, string.Join(", ", fields));
        Assert.That(Encoding.Latin1.GetString(kept), Does.Not.Contain("GPS").And.Not.Contain("TestPhone").And.Not.Contain("Kyiv"));
        Assert.That(image.Get("orientation"), Is.EqualTo(6), "still shown upright");
        using var original = Image.NewFromBuffer(photo);
        using var difference = (image - original).Abs();
        Assert.That(difference.Max(), Is.Zero, "the same pixels");
        Assert.That(kept.AsSpan().IndexOf(ImageData(photo, format)), Is.GreaterThan(0), "the compressed picture copied, not re-encoded");
    }

    [TestCaseSource(nameof(Formats))]
    public void APhotoTakenUpright_KeepsNoExifAtAll(string format, Func<byte[], byte[]?> withoutLocation)
    {
        var kept = withoutLocation(Save(Drawn(), format, withPlace: true, orientation: 1))!;

        using var image = Image.NewFromBuffer(kept);
        Assert.That(image.GetFields().Where(f => f.StartsWith("exif", StringComparison.Ordinal)), Is.Empty);
    }

    [TestCaseSource(nameof(Formats))]
    public void AFileWithoutMetadata_IsLeftAsItIs(string format, Func<byte[], byte[]?> withoutLocation) =>
        Assert.That(withoutLocation(Save(Drawn(), format, withPlace: false, orientation: 0)), Is.Null);

    [TestCaseSource(nameof(Formats))]
    public void AFileItCannotWalk_IsLeftAsItIs(string format, Func<byte[], byte[]?> withoutLocation)
    {
        var photo = Save(Drawn(), format, withPlace: true, orientation: 6);

        Assert.That(withoutLocation(photo[..40]), Is.Null, "cut short");
        Assert.That(withoutLocation(MediaTestFiles.Pdf()), Is.Null, "another format");
    }

    [Test]
    public void AWebP_SaysItHasNoXmpAfterwards_AndItsSizeIsWhatIsLeft()
    {
        var kept = WebPMetadata.WithoutLocation(Save(Drawn(), "webp", withPlace: true, orientation: 6))!;

        Assert.That(Encoding.ASCII.GetString(kept, 12, 4), Is.EqualTo("VP8X"));
        Assert.That(kept[20] & 0x04, Is.Zero, "no XMP flag");
        Assert.That(kept[20] & 0x08, Is.EqualTo(0x08), "the EXIF flag, for the orientation");
        Assert.That(BitConverter.ToUInt32(kept, 4), Is.EqualTo((uint)kept.Length - 8));
    }

    private static Image Drawn()
    {
        using var x = Image.Xyz(120, 80)[0];
        using var green = (x * 2).Cast(Enums.BandFormat.Uchar);
        using var zero = Image.Black(120, 80).Cast(Enums.BandFormat.Uchar);
        return zero.Bandjoin(green, zero + 90).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    private static byte[] Save(Image drawn, string format, bool withPlace, int orientation)
    {
        using (drawn)
        {
            using var photo = drawn.Mutate(m =>
            {
                if (orientation > 0)
                {
                    m.Set(GValue.GIntType, "orientation", orientation);
                }

                if (withPlace)
                {
                    m.Set(GValue.GStrType, "exif-ifd0-Make", "TestPhone");
                    m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
                    m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "50/1 27/1 0/1");
                    m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "30/1 31/1 0/1");
                    m.Set(GValue.BlobType, "xmp-data", Xmp);
                    m.Set(GValue.GStrType, "png-comment-0-Description", "Taken in Kyiv");
                }
            });
            var keep = withPlace || orientation > 0 ? Enums.ForeignKeep.All : Enums.ForeignKeep.None;
            return format == "png" ? photo.PngsaveBuffer(keep: keep) : photo.WebpsaveBuffer(q: 80, keep: keep);
        }
    }

    /// <summary>The compressed picture: PNG's first IDAT chunk, WebP's VP8 or VP8L chunk.</summary>
    private static byte[] ImageData(byte[] file, string format)
    {
        var name = format == "png" ? "IDAT"u8 : file.AsSpan().IndexOf("VP8L"u8) > 0 ? "VP8L"u8 : "VP8 "u8;
        var at = file.AsSpan().IndexOf(name);
        Assert.That(at, Is.GreaterThan(0), "the file has its picture chunk");
        return file[at..Math.Min(file.Length, at + 64)];
    }
}
