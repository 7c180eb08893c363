using System.Buffers.Binary;
using System.Text;
using MayorsClub.Core.Media;
using MayorsClub.Core.Setup;
using Microsoft.Extensions.Options;

namespace MayorsClub.Tests.Unit;

/// <summary>
/// An image is refused at upload when its header declares more pixels than allowed (50 megapixels by default) or a
/// size no image can have, in every format, before anything decodes it: a few bytes may declare a picture that would fill the memory.
/// </summary>
public sealed class ImageLimitsTests
{
    private const uint TwoToThe31 = 0x8000_0000;

    private string _data = null!;
    private MediaIntake _intake = null!;

    [SetUp]
    public void CreateIntake()
    {
        _data = Path.Combine(Path.GetTempPath(), "mc-limits-" + Guid.NewGuid().ToString("N"));
        var storage = new MediaStorage(new SitePaths(TestContext.CurrentContext.TestDirectory, new MayorsClubOptions { DataPath = _data }));
        _intake = new MediaIntake(storage, Options.Create(new MediaOptions()));
    }

    [TearDown]
    public void RemoveDataFolder()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private static IEnumerable<TestCaseData> TooManyPixels()
    {
        yield return new TestCaseData(PngHeader(50_000, 50_000), "50,000 × 50,000").SetName("PNG 50000×50000");
        yield return new TestCaseData(MediaTestFiles.JpegHeader(65_535, 65_535), "65,535 × 65,535").SetName("JPEG 65535×65535");
        yield return new TestCaseData(MediaTestFiles.JpegHeader(10_000, 5_001), "10,000 × 5,001").SetName("JPEG just over 50 megapixels");
        yield return new TestCaseData(MediaTestFiles.GifHeader(65_535, 65_535), "65,535 × 65,535").SetName("GIF 65535×65535");
        yield return new TestCaseData(MediaTestFiles.WebPExtended(50_000, 50_000), "50,000 × 50,000").SetName("WebP (VP8X) 50000×50000");
        yield return new TestCaseData(MediaTestFiles.WebPLossless(16_384, 16_384), "16,384 × 16,384").SetName("WebP (VP8L) 16384×16384");
        yield return new TestCaseData(AvifHeader(50_000, 50_000), "50,000 × 50,000").SetName("AVIF 50000×50000");
        yield return new TestCaseData(MediaTestFiles.IsoMedia("heic", ["mif1", "heic"], [(8_192, 6_144)]), "8,192 × 6,144").SetName("HEIC 8192×6144 (just over 50 megapixels)");
    }

    [TestCaseSource(nameof(TooManyPixels))]
    public async Task ImageAboveThePixelLimit_IsRefused_SayingItsSizeAndTheLimit(byte[] header, string size)
    {
        var (file, refusal) = await _intake.ReceiveAsync(new MemoryStream(header), "huge.img", CancellationToken.None);

        Assert.That(file, Is.Null);
        Assert.That(refusal!.Status, Is.EqualTo(MediaStatus.Invalid));
        var error = refusal.Errors.Single();
        Assert.That((error.Code, error.Field), Is.EqualTo((MediaMessages.TooManyPixels, "file")));
        Assert.That(error.Message("en"), Does.Contain(size).And.Contain("at most 50 megapixels"));
        Assert.That(error.Message("uk"), Does.Contain(size).And.Contain("50 мегапікселів"));
        Assert.That(Directory.EnumerateFiles(_data, "*", SearchOption.AllDirectories), Is.Empty, "nothing is kept");
    }

    private static IEnumerable<TestCaseData> Impossible()
    {
        yield return new TestCaseData(PngHeader(TwoToThe31, TwoToThe31)).SetName("PNG 2³¹×2³¹");
        yield return new TestCaseData(PngHeader(uint.MaxValue, 1)).SetName("PNG 2³²−1 wide");
        yield return new TestCaseData(PngHeader(0, 100)).SetName("PNG zero wide");
        yield return new TestCaseData(AvifHeader(TwoToThe31, TwoToThe31)).SetName("AVIF 2³¹×2³¹");
        yield return new TestCaseData(AvifHeader(0, 0)).SetName("AVIF 0×0");
        yield return new TestCaseData(MediaTestFiles.JpegHeader(640, 0)).SetName("JPEG zero high");
        yield return new TestCaseData(MediaTestFiles.GifHeader(0, 10)).SetName("GIF zero wide");
        yield return new TestCaseData(MediaTestFiles.WebPLossy(0, 0)).SetName("WebP (VP8) 0×0");
    }

    [TestCaseSource(nameof(Impossible))]
    public async Task ImageWithImpossibleDimensions_IsRefused(byte[] header)
    {
        var (file, refusal) = await _intake.ReceiveAsync(new MemoryStream(header), "broken.img", CancellationToken.None);

        Assert.That(file, Is.Null);
        Assert.That(refusal!.Status, Is.EqualTo(MediaStatus.Invalid));
        Assert.That(refusal.Errors.Single().Code, Is.EqualTo(MediaMessages.ImpossibleDimensions));
        Assert.That(refusal.Errors.Single().Message("uk"), Does.Contain("неможливі розміри"));
    }

    [Test]
    public async Task ImageOfExactly50Megapixels_IsAccepted()
    {
        var (file, refusal) = await _intake.ReceiveAsync(new MemoryStream(MediaTestFiles.JpegHeader(10_000, 5_000)), "big.jpg", CancellationToken.None);

        Assert.That(refusal, Is.Null);
        Assert.That((file!.Width, file.Height), Is.EqualTo((10_000, 5_000)));
        MediaStorage.DeleteFile(file.IncomingPath);
    }

    [Test]
    public async Task ThePixelLimit_IsASetting()
    {
        var storage = new MediaStorage(new SitePaths(TestContext.CurrentContext.TestDirectory, new MayorsClubOptions { DataPath = _data }));
        var strict = new MediaIntake(storage, Options.Create(new MediaOptions { MaxImagePixels = 1_000_000 }));

        var (_, refusal) = await strict.ReceiveAsync(new MemoryStream(MediaTestFiles.Png(1001, 1000)), "photo.png", CancellationToken.None);
        var (file, _) = await strict.ReceiveAsync(new MemoryStream(MediaTestFiles.Png(1000, 1000)), "photo.png", CancellationToken.None);

        Assert.That(refusal!.Errors.Single().Message("en"), Does.Contain("at most 1 megapixels"));
        Assert.That(file, Is.Not.Null);
        MediaStorage.DeleteFile(file!.IncomingPath);
    }

    /// <summary>A PNG signature and an IHDR chunk declaring any size (the pixels never come: the size is refused first).</summary>
    private static byte[] PngHeader(uint width, uint height)
    {
        var png = new byte[8 + 25 + 12];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(8), 13);
        Encoding.ASCII.GetBytes("IHDR").CopyTo(png, 12);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), height);
        png[24] = 8;
        png[25] = 2;
        Encoding.ASCII.GetBytes("IEND").CopyTo(png, 8 + 25 + 4);
        return png;
    }

    /// <summary>An AVIF ftyp box and an ispe property declaring any size.</summary>
    private static byte[] AvifHeader(uint width, uint height)
    {
        var file = new List<byte>();
        var ftyp = new byte[20];
        BinaryPrimitives.WriteUInt32BigEndian(ftyp, 20);
        Encoding.ASCII.GetBytes("ftypavif").CopyTo(ftyp, 4);
        Encoding.ASCII.GetBytes("avif").CopyTo(ftyp, 16);
        var ispe = new byte[20];
        BinaryPrimitives.WriteUInt32BigEndian(ispe, 20);
        Encoding.ASCII.GetBytes("ispe").CopyTo(ispe, 4);
        BinaryPrimitives.WriteUInt32BigEndian(ispe.AsSpan(12), width);
        BinaryPrimitives.WriteUInt32BigEndian(ispe.AsSpan(16), height);
        file.AddRange(ftyp);
        file.AddRange(ispe);
        file.AddRange(new byte[256]);
        return [.. file];
    }
}
