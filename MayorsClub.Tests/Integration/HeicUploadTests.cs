using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MayorsClub.Core.Media;
using MayorsClub.Tests.Infrastructure;
using NetVips;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Photos as phones send them: an iPhone's HEIC (Fixtures/phone.heic, 300×200, HEVC, made here with heif-enc from a
/// drawn picture) becomes an upright JPEG (libvips' bundled build has no HEVC decoder, ImageMagick's has), a damaged
/// one is refused; a photo taken upright is stored with its upright width and height.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class HeicUploadTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private HttpClient _editors = null!;

    protected override IReadOnlyDictionary<string, string>? Settings => ManagementApiClient.Settings;

    private static byte[] PhoneHeic => File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "phone.heic"));

    [OneTimeSetUp]
    public async Task GetToken() => _editors = await SignedInAsync(Site, EditorsId, EditorsSecret);

    [OneTimeTearDown]
    public void DropClient() => _editors.Dispose();

    [Test]
    public async Task IphoneHeic_BecomesAnUprightJpeg_WithoutExif()
    {
        Assert.That(HeicConversion.CanDecodeHevc, Is.True, "HEVC decodes here (ImageMagick's libheif has libde265)");

        using var uk = await UploadAsync(PhoneHeic, "IMG_0042.HEIC", "uk");

        var item = JsonNode.Parse(await uk.Content.ReadAsStringAsync())!;
        Assert.That(uk.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(item["contentType"]!.GetValue<string>(), Is.EqualTo("image/jpeg"));
        Assert.That((item["width"]!.GetValue<int>(), item["height"]!.GetValue<int>()), Is.EqualTo((300, 200)));
        Assert.That(item["url"]!.GetValue<string>(), Does.Contain("/img-0042.jpg?"));
        using var file = await Client.GetAsync(item["url"]!.GetValue<string>());
        using var stored = Image.NewFromBuffer(await file.Content.ReadAsByteArrayAsync());
        Assert.That(stored.Get("vips-loader"), Is.EqualTo("jpegload_buffer"));
        Assert.That(stored.Contains("exif-data") || stored.Contains("xmp-data"), Is.False, "no EXIF (GPS) or XMP kept");
        Assert.That(stored.Getpoint(10, 10)[0], Is.GreaterThan(200), "the gold block stays top left: upright");
    }

    [Test]
    public async Task DamagedHeic_IsRefusedInBothLanguages_AndNothingIsStored()
    {
        var damaged = PhoneHeic[..(PhoneHeic.Length * 2 / 3)];

        using var uk = await UploadAsync(damaged, "IMG_0044.HEIC", "uk");
        using var en = await UploadAsync(damaged, "IMG_0044.HEIC", "en");

        Assert.That((uk.StatusCode, en.StatusCode), Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest)));
        Assert.That(await FileErrorAsync(uk), Does.Contain("IMG_0044.HEIC"));
        Assert.That(await FileErrorAsync(en), Does.Contain("IMG_0044.HEIC"));
        Assert.That(await FileErrorAsync(en), Is.Not.EqualTo(await FileErrorAsync(uk)));
        Assert.That(await RootMediaNamesAsync(), Does.Not.Contain("IMG_0044"), "nothing is stored");
    }

    [Test]
    public async Task Heic_OverThePixelLimit_IsRefusedFromItsHeader_InBothLanguages()
    {
        var huge = PhoneHeic;
        for (var at = huge.AsSpan().IndexOf("ispe"u8); at >= 0; at = NextIspe(huge, at))
        {
            BinaryPrimitives.WriteUInt32BigEndian(huge.AsSpan(at + 8), 8_192);
            BinaryPrimitives.WriteUInt32BigEndian(huge.AsSpan(at + 12), 6_144);
        }

        using var uk = await UploadAsync(huge, "panorama.heic", "uk");
        using var en = await UploadAsync(huge, "panorama.heic", "en");

        Assert.That(uk.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await FileErrorAsync(uk), Does.Contain("8,192 × 6,144").And.Contain("50 мегапікселів"));
        Assert.That(await FileErrorAsync(en), Does.Contain("8,192 × 6,144").And.Contain("at most 50 megapixels"));
    }

    [Test]
    public async Task PhoneJpegTakenUpright_IsStoredWithItsUprightSize_WithoutItsGps_ButStillTurned()
    {
        using var drawn = (Image.Black(300, 200, bands: 3) + new double[] { 15, 52, 112 }).Cast(Enums.BandFormat.Uchar);
        var plain = drawn.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.None);
        var phone = MediaTestFiles.WithSegments(plain, MediaTestFiles.ExifWithGps(orientation: 6));
        using (var check = Image.NewFromBuffer(phone))
        {
            Assert.That(check.GetFields(), Has.Some.StartsWith("exif-ifd3-GPS"), "the upload carries a GPS block");
        }

        using var response = await UploadAsync(phone, "IMG_0043.JPG", "en");
        var item = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((item["width"]!.GetValue<int>(), item["height"]!.GetValue<int>()), Is.EqualTo((200, 300)), "pages write the size the picture is shown at");
        using var file = await Client.GetAsync(item["url"]!.GetValue<string>());
        var stored = await file.Content.ReadAsByteArrayAsync();
        using var kept = Image.NewFromBuffer(stored);
        Assert.That(kept.GetFields().Where(f => f.StartsWith("exif-ifd3", StringComparison.Ordinal)), Is.Empty, "no GPS kept, not even in the original");
        Assert.That(kept.Get("orientation"), Is.EqualTo(6), "still shown upright");
        Assert.That(stored.AsSpan().IndexOf(plain.AsSpan(2)), Is.GreaterThan(0), "the picture's own bytes untouched: nothing re-encoded");
    }

    [TestCase("png")]
    [TestCase("webp")]
    public async Task PngOrWebPWithGps_IsStoredWithoutIt_ButStillTurned(string format)
    {
        using var drawn = (Image.Black(300, 200, bands: 3) + new double[] { 15, 52, 112 }).Cast(Enums.BandFormat.Uchar);
        using var phone = drawn.Mutate(m =>
        {
            m.Set(GValue.GIntType, "orientation", 6);
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "50/1 27/1 0/1");
        });
        var upload = format == "png" ? phone.PngsaveBuffer(keep: Enums.ForeignKeep.All) : phone.WebpsaveBuffer(keep: Enums.ForeignKeep.All);

        using var response = await UploadAsync(upload, $"screenshot.{format}", "en");
        var item = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var file = await Client.GetAsync(item["url"]!.GetValue<string>());
        using var kept = Image.NewFromBuffer(await file.Content.ReadAsByteArrayAsync());
        Assert.That(kept.GetFields().Where(f => f.StartsWith("exif-ifd3", StringComparison.Ordinal)), Is.Empty, "no GPS kept, not even in the original");
        Assert.That(kept.Get("orientation"), Is.EqualTo(6), "still shown upright");
    }

    private async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string fileName, string language)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/media?fileName={Uri.EscapeDataString(fileName)}") { Content = content };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await _editors.SendAsync(request);
    }

    private static async Task<string> FileErrorAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["file"]!.AsArray().Single()!.GetValue<string>();

    private async Task<List<string>> RootMediaNamesAsync()
    {
        using var response = await _editors.GetAsync($"{Base}/media");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();
    }

    private static int NextIspe(byte[] bytes, int previous)
    {
        var next = bytes.AsSpan(previous + 4).IndexOf("ispe"u8);
        return next < 0 ? -1 : previous + 4 + next;
    }
}
