using System.Text;
using MayorsClub.Core.Media;

namespace MayorsClub.Tests.Unit;

/// <summary>What a file is, told from its bytes: accepted formats, their sizes from the header, and what is refused.</summary>
public sealed class MediaSnifferTests
{
    private static IEnumerable<TestCaseData> Headers()
    {
        yield return new TestCaseData(MediaTestFiles.JpegHeader(10, 10), "image/jpeg").SetName("JPEG");
        yield return new TestCaseData(MediaTestFiles.Png(2, 2), "image/png").SetName("PNG");
        yield return new TestCaseData(MediaTestFiles.GifHeader(3, 3), "image/gif").SetName("GIF");
        yield return new TestCaseData(MediaTestFiles.WebPLossless(4, 4), "image/webp").SetName("WebP");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("avif", ["avif", "mif1", "miaf"]), "image/avif").SetName("AVIF (major brand)");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("mif1", ["mif1", "avif"]), "image/avif").SetName("AVIF (compatible brand)");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("heic", ["mif1", "heic"]), "image/heic").SetName("HEIC (iPhone: heic, mif1)");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("heix", ["mif1", "heix"]), "image/heic").SetName("HEIC (10-bit heix)");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("mif1", ["mif1", "heic"]), "image/heic").SetName("HEIF (mif1 with heic compatible)");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("mif1", ["mif1", "miaf"], extra: "hvcC"u8.ToArray()), "image/heic").SetName("HEIF (mif1 over an HEVC item)");
        yield return new TestCaseData(MediaTestFiles.Pdf(), "application/pdf").SetName("PDF");
        yield return new TestCaseData(MediaTestFiles.PlainZip(), "application/zip").SetName("ZIP (checked further)");
        yield return new TestCaseData(MediaTestFiles.Mp4(), "video/mp4").SetName("MP4");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("mp42"), "video/mp4").SetName("MP4 (mp42)");
    }

    private static IEnumerable<TestCaseData> Refused()
    {
        yield return new TestCaseData(MediaTestFiles.Script(), MediaMessages.UnsupportedType).SetName("a script");
        yield return new TestCaseData(MediaTestFiles.Html(), MediaMessages.UnsupportedType).SetName("an HTML page");
        yield return new TestCaseData(MediaTestFiles.SvgWithScript(), MediaMessages.SvgRefused).SetName("an SVG with a script");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("\uFEFF  <svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>"), MediaMessages.SvgRefused).SetName("an SVG without a prolog, after a BOM");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("MZ\u0090\0 this program cannot be run in DOS mode"), MediaMessages.UnsupportedType).SetName("a Windows program");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("mif1", ["mif1", "miaf"]), MediaMessages.UnsupportedType).SetName("HEIF of neither AV1 nor HEVC");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("qt  "), MediaMessages.UnsupportedType).SetName("QuickTime");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("M4A "), MediaMessages.UnsupportedType).SetName("M4A audio");
        yield return new TestCaseData(new byte[] { 0x1F, 0x8B, 0x08, 0x00 }, MediaMessages.UnsupportedType).SetName("gzip");
        yield return new TestCaseData(Array.Empty<byte>(), MediaMessages.Empty).SetName("nothing");
    }

    [TestCaseSource(nameof(Headers))]
    public void Sniff_TellsTheFormatFromTheFirstBytes(byte[] bytes, string contentType) =>
        Assert.That(MediaSniffer.Sniff(bytes).Format?.ContentType, Is.EqualTo(contentType));

    [TestCaseSource(nameof(Refused))]
    public void Sniff_RefusesWhatIsNotAnAcceptedFormat(byte[] bytes, string refusal)
    {
        var result = MediaSniffer.Sniff(bytes);

        Assert.That(result.Format, Is.Null);
        Assert.That(result.Refusal, Is.EqualTo(refusal));
    }

    [Test]
    public void Inspect_RefusesAScriptWhateverItIsCalled()
    {
        // The inspector never sees the name "photo.jpg" nor the browser's "image/jpeg": only the bytes count.
        var inspection = MediaInspector.Inspect(new MemoryStream(MediaTestFiles.Script()));

        Assert.That(inspection.Accepted, Is.False);
        Assert.That(inspection.Refusal, Is.EqualTo(MediaMessages.UnsupportedType));
        Assert.That(new MediaError(inspection.Refusal!, Args: ["photo.jpg"]).Message("en"),
            Does.StartWith("The file \"photo.jpg\" is not one of the accepted types"));
    }

    private static IEnumerable<TestCaseData> Sizes()
    {
        yield return new TestCaseData(MediaTestFiles.Png(37, 21), MediaFormat.Png, 37, 21).SetName("PNG IHDR");
        yield return new TestCaseData(MediaTestFiles.JpegHeader(1920, 1080), MediaFormat.Jpeg, 1920, 1080).SetName("JPEG baseline SOF0 after APP0 and a comment");
        yield return new TestCaseData(MediaTestFiles.JpegHeader(640, 4000, 0xC2), MediaFormat.Jpeg, 640, 4000).SetName("JPEG progressive SOF2");
        yield return new TestCaseData(MediaTestFiles.GifHeader(300, 250), MediaFormat.Gif, 300, 250).SetName("GIF logical screen");
        yield return new TestCaseData(MediaTestFiles.WebPLossy(1024, 768), MediaFormat.WebP, 1024, 768).SetName("WebP lossy VP8");
        yield return new TestCaseData(MediaTestFiles.WebPLossless(333, 16383), MediaFormat.WebP, 333, 16383).SetName("WebP lossless VP8L");
        yield return new TestCaseData(MediaTestFiles.WebPExtended(5000, 20000), MediaFormat.WebP, 5000, 20000).SetName("WebP extended VP8X");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("avif", ["avif"], [(160, 90), (3840, 2160)]), MediaFormat.Avif, 3840, 2160).SetName("AVIF ispe (the largest)");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("heic", ["mif1", "heic"], [(512, 512), (4032, 3024)]), MediaFormat.Heic, 4032, 3024).SetName("HEIC ispe (the grid, not its tiles)");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("heic", ["mif1", "heic"], [(4032, 3024)], extra: Irot(1)), MediaFormat.Heic, 3024, 4032).SetName("HEIC turned a quarter (irot 1): upright size");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("heic", ["mif1", "heic"], [(4032, 3024)], extra: Irot(2)), MediaFormat.Heic, 4032, 3024).SetName("HEIC upside down (irot 2): same size");
        yield return new TestCaseData(MediaTestFiles.JpegHeader(4032, 3024, exifOrientation: 6), MediaFormat.Jpeg, 3024, 4032).SetName("JPEG with EXIF orientation 6 (phone held upright): upright size");
        yield return new TestCaseData(MediaTestFiles.JpegHeader(4032, 3024, exifOrientation: 8, littleEndianExif: true), MediaFormat.Jpeg, 3024, 4032).SetName("JPEG with EXIF orientation 8, Intel byte order");
        yield return new TestCaseData(MediaTestFiles.JpegHeader(4032, 3024, exifOrientation: 3), MediaFormat.Jpeg, 4032, 3024).SetName("JPEG with EXIF orientation 3 (upside down): same size");
    }

    private static byte[] Irot(byte angle) => [0, 0, 0, 9, .. "irot"u8, angle];

    [TestCaseSource(nameof(Sizes))]
    public void ImageDimensions_AreReadFromTheHeader(byte[] bytes, MediaFormat format, int width, int height)
    {
        Assert.That(ImageDimensions.Read(new MemoryStream(bytes), format), Is.EqualTo((width, height)));

        var inspection = MediaInspector.Inspect(new MemoryStream(bytes));
        Assert.That((inspection.Format, inspection.Width, inspection.Height), Is.EqualTo((format, width, height)));
    }

    [Test]
    public void Image_WhoseHeaderIsCutShort_IsRefusedAsDamaged()
    {
        var truncatedPng = MediaTestFiles.Png(10, 10)[..14];
        var jpegWithoutFrame = new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xD9 };

        Assert.That(MediaInspector.Inspect(new MemoryStream(truncatedPng)).Refusal, Is.EqualTo(MediaMessages.ImageDamaged));
        Assert.That(MediaInspector.Inspect(new MemoryStream(jpegWithoutFrame)).Refusal, Is.EqualTo(MediaMessages.ImageDamaged));
    }

    [Test]
    public void Avif_WithoutSizes_IsAcceptedWithoutThem()
    {
        var inspection = MediaInspector.Inspect(new MemoryStream(MediaTestFiles.IsoMedia("avif")));

        Assert.That((inspection.Accepted, inspection.Format, inspection.Width), Is.EqualTo((true, MediaFormat.Avif, (int?)null)));
    }

    [Test]
    public void WordAndPowerPointPackages_AreRecognisedByTheirContentTypes()
    {
        Assert.That(MediaInspector.Inspect(new MemoryStream(MediaTestFiles.Docx())).Format, Is.EqualTo(MediaFormat.Docx));
        Assert.That(MediaInspector.Inspect(new MemoryStream(MediaTestFiles.Pptx())).Format, Is.EqualTo(MediaFormat.Pptx));
    }

    private static IEnumerable<TestCaseData> NotOffice()
    {
        yield return new TestCaseData(MediaTestFiles.PlainZip()).SetName("a ZIP without [Content_Types].xml");
        yield return new TestCaseData(MediaTestFiles.Docx("application/vnd.ms-word.document.macroEnabled.main+xml")).SetName("a Word document with macros (DOCM)");
        yield return new TestCaseData(MediaTestFiles.Docx("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")).SetName("a Word template (DOTX)");
        yield return new TestCaseData(MediaTestFiles.Docx(withDocument: false)).SetName("a package that names a main part it does not hold");
        yield return new TestCaseData(MediaTestFiles.Zip(new Dictionary<string, string> { ["[Content_Types].xml"] = "<!DOCTYPE x [<!ENTITY e \"e\">]><Types/>" })).SetName("content types with a DTD");
        yield return new TestCaseData("PK\u0003\u0004 but not really an archive"u8.ToArray()).SetName("a broken archive");
    }

    [TestCaseSource(nameof(NotOffice))]
    public void Zip_ThatIsNotADocxOrPptx_IsRefused(byte[] bytes)
    {
        var inspection = MediaInspector.Inspect(new MemoryStream(bytes));

        Assert.That(inspection.Accepted, Is.False);
        Assert.That(inspection.Refusal, Is.EqualTo(MediaMessages.NotAnOfficeDocument));
    }

    [TestCase("photo.JPG", "photo.JPG")]
    [TestCase("../../etc/passwd", "passwd")]
    [TestCase("C:\\Users\\editor\\Desktop\\Засідання клубу.pdf", "Засідання клубу.pdf")]
    [TestCase("  \u0000.hidden\r\n", "hidden")]
    [TestCase("", "file")]
    public void ClientFileNames_AreCleaned(string clientName, string expected) =>
        Assert.That(MediaNames.CleanFileName(clientName), Is.EqualTo(expected));

    [Test]
    public void StoredFileName_TakesTheExtensionOfWhatTheFileIs() =>
        Assert.That(MediaNames.StoredFileName("holiday.png", MediaFormat.Jpeg), Is.EqualTo("holiday.jpg"));

    [Test]
    public void PublicUrl_HasTheKey_ATransliteratedName_AndTheVersionToken()
    {
        var key = Guid.Parse("0b7c1a52-3a8e-4a57-9a0e-5f3d0a6b9c11");

        Assert.That(MediaUrls.Public(key, "Фото з сесії.jpg", "abc123"), Is.EqualTo("/media/0b7c1a52-3a8e-4a57-9a0e-5f3d0a6b9c11/foto-z-sesii.jpg?v=abc123"));
        Assert.That(MediaUrls.FileToken("ab/one.jpg"), Is.Not.EqualTo(MediaUrls.FileToken("cd/other.jpg")));
    }
}
