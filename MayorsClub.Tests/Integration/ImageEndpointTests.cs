using System.Net;
using MayorsClub.Core.Content;
using MayorsClub.Core.Imaging;
using MayorsClub.Core.Media;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using NodaTime;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The image endpoint on the real site: images uploaded through the media library, asked for at /media/{key}/{name} with
/// ImageSharp.Web's query strings. Signed URLs the site writes, format by Accept with Vary, the disk cache (identical
/// bytes, no second processing, ETag and 304, a year's caching only with the current version), what a stranger may ask
/// for unsigned, malformed values, files libvips must refuse (the site answers the next request), eviction when the
/// media changes, and the LRU limit. SQLite only: the endpoint reads the published snapshot and the disk, never the
/// database, so the provider cannot change what it does.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
public sealed class ImageEndpointTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string AllFormats = "image/avif,image/webp,image/apng,image/*,*/*;q=0.8";
    private MediaItem _photo = null!;

    private ImageVariantCache Cache => Site.Services.GetRequiredService<ImageVariantCache>();

    private string Signed(MediaItem item, ImageCommands commands) =>
        Site.Services.GetRequiredService<ImageUrls>().For(item, commands) ?? throw new AssertionException("a public image has a URL");

    [OneTimeSetUp]
    public async Task UploadAPhoto() => _photo = await UploadAsync("Зала засідань.png", Drawing(600, 400, jpeg: false));

    [Test]
    public async Task TheSitesSignedUrl_GivesTheAskedSize()
    {
        var url = Signed(_photo, new ImageCommands { Width = 300, Height = 300, Mode = ResizeMode.Pad, Format = ImageOutputFormat.Png });
        Assert.That(url, Does.Contain("hmac=").And.Contain("rmode=pad"));

        var (response, bytes) = await GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        using var image = Image.NewFromBuffer(bytes);
        Assert.That((image.Width, image.Height), Is.EqualTo((300, 300)));
    }

    [TestCase(AllFormats, "image/avif")]
    [TestCase("image/webp,*/*", "image/webp")]
    [TestCase("image/avif;q=0,image/webp", "image/webp")]
    [TestCase("*/*", "image/jpeg")]
    [TestCase(null, "image/jpeg")]
    public async Task WithoutAFormat_TheBrowsersAcceptHeaderChooses_AndTheAnswerVariesByIt(string? accept, string expected)
    {
        var (response, bytes) = await GetAsync(Path(_photo) + "?width=320", accept);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(expected));
        Assert.That(response.Headers.Vary, Does.Contain("Accept"));
        using var image = Image.NewFromBuffer(bytes);
        Assert.That(image.Width, Is.EqualTo(320));
    }

    [Test]
    public async Task ACachedHit_IsTheSameBytes_WithoutProcessingAgain_AndAnswers304ToItsETag()
    {
        var url = Signed(_photo, new ImageCommands { Width = 333, Mode = ResizeMode.Max });
        var (first, firstBytes) = await GetAsync(url, AllFormats);
        var processed = Cache.ProcessedCount;

        var (second, secondBytes) = await GetAsync(url, AllFormats);

        Assert.That(secondBytes, Is.EqualTo(firstBytes));
        Assert.That(Cache.ProcessedCount, Is.EqualTo(processed), "served from the disk");
        Assert.That(second.Headers.ETag, Is.EqualTo(first.Headers.ETag).And.Not.Null);
        Assert.That(second.Headers.GetValues("Cache-Control"), Is.EqualTo(new[] { "public, max-age=31536000, immutable" }), "the URL carries the current version");

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.Accept.ParseAdd(AllFormats);
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await Client.SendAsync(revalidate);
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));

        using var head = new HttpRequestMessage(HttpMethod.Head, url);
        head.Headers.Accept.ParseAdd(AllFormats);
        using var headResponse = await Client.SendAsync(head);
        Assert.That((headResponse.StatusCode, headResponse.Content.Headers.ContentLength), Is.EqualTo((HttpStatusCode.OK, (long?)firstBytes.Length)));
        Assert.That((await headResponse.Content.ReadAsByteArrayAsync()), Is.Empty);

        var (unversioned, _) = await GetAsync(Path(_photo) + "?width=800");
        Assert.That((unversioned.Headers.CacheControl?.Public, unversioned.Headers.CacheControl?.MaxAge, unversioned.Headers.CacheControl?.MustRevalidate),
            Is.EqualTo((true, (TimeSpan?)TimeSpan.Zero, true)), "without the version the browser revalidates");
    }

    [Test]
    public async Task ConcurrentFirstRequests_ForOneVariant_ComputeItOnce()
    {
        var url = Signed(_photo, new ImageCommands { Width = 411, Height = 222, Format = ImageOutputFormat.WebP });
        var processed = Cache.ProcessedCount;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => GetAsync(url)));

        Assert.That(answers.Select(a => a.Response.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(answers.Select(a => Convert.ToBase64String(a.Bytes)).Distinct().Count(), Is.EqualTo(1));
        Assert.That(Cache.ProcessedCount - processed, Is.EqualTo(1));
    }

    [TestCase("?crop=card", HttpStatusCode.OK)]
    [TestCase("?crop=portrait&format=webp", HttpStatusCode.OK)]
    [TestCase("?width=800", HttpStatusCode.OK)]
    [TestCase("?width=801", HttpStatusCode.Forbidden)]
    [TestCase("?width=800&height=400", HttpStatusCode.Forbidden)]
    [TestCase("?height=400", HttpStatusCode.Forbidden)]
    [TestCase("?crop=card&rxy=0.1,0.1", HttpStatusCode.Forbidden)]
    [TestCase("?width=800&quality=100", HttpStatusCode.Forbidden)]
    public async Task Unsigned_OnlyNamedCropsListedWidthsAndFormats_AreServed(string query, HttpStatusCode status)
    {
        var (response, bytes) = await GetAsync(Path(_photo) + query);

        Assert.That(response.StatusCode, Is.EqualTo(status));
        if (status == HttpStatusCode.Forbidden)
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(System.Text.Encoding.UTF8.GetString(bytes), Does.Contain("hmac"));
        }
    }

    [Test]
    public async Task ATamperedOrExpiredSignature_IsRefused()
    {
        var url = Signed(_photo, new ImageCommands { Width = 777, Height = 300 });
        Assert.That((await GetAsync(url)).Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That((await GetAsync(url.Replace("width=777", "width=778", StringComparison.Ordinal))).Response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await GetAsync(url.Replace("hmac=", "hmac=A", StringComparison.Ordinal))).Response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await GetAsync(url + "&crop=card")).Response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var signer = Site.Services.GetRequiredService<ImageUrlSigner>();
        var query = new ImageCommands { Width = 777, Height = 300 }.ToQuery();
        var past = Site.Clock.GetCurrentInstant().Minus(Duration.FromMinutes(1)).ToUnixTimeSeconds();
        var (expired, body) = await GetAsync($"{Path(_photo)}?v={_photo.FileToken}&{query}&expires={past}&hmac={signer.Sign(_photo.Key, _photo.FileToken, query, past)}", language: "en");
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(System.Text.Encoding.UTF8.GetString(body), Does.Contain("expired"));
    }

    [TestCase("?width=40000", "uk", "від 1 до 4000")]
    [TestCase("?width=-300", "en", "between 1 and 4000")]
    [TestCase("?width=abc", "en", "whole number")]
    [TestCase("?height=1.5", "uk", "цілим числом")]
    [TestCase("?rmode=zoom", "en", "rmode")]
    [TestCase("?format=bmp", "en", "format")]
    [TestCase("?crop=banner", "en", "card")]
    [TestCase("?rxy=2,2", "en", "rxy")]
    [TestCase("?bgcolor=nope", "uk", "bgcolor")]
    public async Task MalformedValues_Answer400_InTheVisitorsLanguage(string query, string language, string message)
    {
        var (response, body) = await GetAsync(Path(_photo) + query, language: language);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(System.Text.Encoding.UTF8.GetString(body), Does.Contain(message));
    }

    [Test]
    public async Task ATruncatedJpeg_ADecompressionBomb_AndTextRenamedJpg_Answer400_AndTheSiteAnswersTheNextRequest()
    {
        // The upload sniffs and measures files, so these are written over the stored files of good uploads.
        var jpeg = Drawing(400, 300, jpeg: true);
        var truncated = await UploadAsync("truncated.jpg", jpeg);
        var bomb = await UploadAsync("bomb.png", Drawing(40, 40, jpeg: false));
        var text = await UploadAsync("text.jpg", jpeg);
        await OverwriteStoredFileAsync(truncated, jpeg[..(jpeg.Length / 2)]);
        await OverwriteStoredFileAsync(bomb, ImageProcessorTests.PngBomb(20_000, 20_000));
        await OverwriteStoredFileAsync(text, "Only words, no picture."u8.ToArray());

        foreach (var item in new[] { truncated, bomb, text })
        {
            foreach (var accept in new[] { AllFormats, "*/*" })
            {
                var (response, body) = await GetAsync(Path(item) + "?width=320", accept, language: "en");
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), item.Name);
                Assert.That(System.Text.Encoding.UTF8.GetString(body), Does.Contain("cannot be processed").Or.Contain("too large"), item.Name);
            }
        }

        var (next, _) = await GetAsync(Path(_photo) + "?width=160", AllFormats);
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the process is alive and well");
    }

    [Test]
    public async Task ReplacingTheFile_OrMovingItsFocalPoint_GivesANewVariant_AndTheOldOnesAreGone()
    {
        var item = await UploadAsync("to-replace.png", Drawing(600, 400, jpeg: false));
        var folder = System.IO.Path.Combine(Cache.Root, item.Key.ToString("N"));
        var (first, firstBytes) = await GetAsync(Signed(item, new ImageCommands { Crop = "portrait" }), AllFormats);
        Assert.That(Directory.GetFiles(folder), Has.Length.EqualTo(1));

        var replaced = await WithServices(s => s.GetRequiredService<MediaUploader>().ReplaceAsync(new MediaUploader.ReplaceCommand(
            item.Key, new MemoryStream(Drawing(600, 400, jpeg: false, square: false)), "to-replace.png", Editor, EditorRights.Publish)));
        Assert.That(replaced.Succeeded, Is.True, string.Join(", ", replaced.Errors));
        Assert.That(Directory.Exists(folder), Is.False, "the change feed evicted the old variants");

        var processed = Cache.ProcessedCount;
        var (second, secondBytes) = await GetAsync(Signed(replaced.Item!, new ImageCommands { Crop = "portrait" }), AllFormats);
        Assert.That(Cache.ProcessedCount, Is.EqualTo(processed + 1));
        Assert.That(second.Headers.ETag, Is.Not.EqualTo(first.Headers.ETag));
        Assert.That(secondBytes, Is.Not.EqualTo(firstBytes));

        var refocused = await WithServices(s => s.GetRequiredService<MediaEditor>().UpdateAsync(new MediaEditor.UpdateCommand(
            item.Key, null, replaced.Item!.Name, new Dictionary<string, string?>(), new FocalPoint(0.9, 0.5), null, Editor, EditorRights.Publish)));
        Assert.That(refocused.Succeeded, Is.True, string.Join(", ", refocused.Errors));
        Assert.That(Directory.Exists(folder), Is.False, "moving the focal point evicts too");
        var (third, _) = await GetAsync(Signed(refocused.Item!, new ImageCommands { Crop = "portrait" }), AllFormats);
        Assert.That(Cache.ProcessedCount, Is.EqualTo(processed + 2));
        Assert.That(third.Headers.ETag, Is.Not.EqualTo(second.Headers.ETag));
    }

    [Test]
    public async Task OverItsSizeLimit_TheCacheDropsTheLeastRecentlyUsedVariants()
    {
        var item = await UploadAsync("lru.png", Drawing(600, 400, jpeg: false));
        var limit = Cache.SizeLimitBytes;
        try
        {
            // Other tests' variants out of the way first, so this test's four are all the cache holds.
            Cache.SizeLimitBytes = 0;
            Cache.Trim();
            Cache.SizeLimitBytes = limit;
            var urls = new[] { 160, 240, 320, 480 }.Select(w => Path(item) + $"?width={w}&format=png").ToList();
            foreach (var url in urls)
            {
                Assert.That((await GetAsync(url)).Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            var folder = System.IO.Path.Combine(Cache.Root, item.Key.ToString("N"));
            var files = Directory.GetFiles(folder).Select(f => new FileInfo(f)).OrderBy(f => f.Length).ToList();
            Assert.That(files, Has.Count.EqualTo(4));
            await GetAsync(urls[0]); // the smallest is used again: now the least recently used is the 240 px one

            // Room for all but the 240 px one, with the smallest one's size to spare: a new small variant goes over the
            // limit, and dropping the least recently used one is enough.
            Cache.SizeLimitBytes = Cache.TotalBytes - files[1].Length + files[0].Length;
            var (small, smallBytes) = await GetAsync(Path(item) + "?width=160&format=avif");
            Assert.That(small.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(smallBytes, Has.Length.LessThan(files[0].Length), "the new variant is smaller than the room left");

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (File.Exists(files[1].FullName) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.That(File.Exists(files[1].FullName), Is.False, "the least recently used went first");
            Assert.That(File.Exists(files[0].FullName), Is.True, "the one used again stays");
            Assert.That(Cache.TotalBytes, Is.LessThanOrEqualTo(Cache.SizeLimitBytes));
            Assert.That((await GetAsync(urls[1])).Response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an evicted variant is simply made again");
        }
        finally
        {
            Cache.SizeLimitBytes = limit;
        }
    }

    [Test]
    public async Task TheDiskCache_OutlivesARestart_WithItsIndexReadBackFromTheFolder()
    {
        var url = Signed(_photo, new ImageCommands { Width = 250, Format = ImageOutputFormat.WebP });
        var (before, beforeBytes) = await GetAsync(url);
        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await RestartSiteAsync();
        await Cache.Loaded;

        var onDisk = new DirectoryInfo(Cache.Root).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Assert.That(Cache.TotalBytes, Is.EqualTo(onDisk).And.GreaterThan(0));
        var (after, afterBytes) = await GetAsync(url);
        Assert.That(afterBytes, Is.EqualTo(beforeBytes));
        Assert.That(after.Headers.ETag, Is.EqualTo(before.Headers.ETag));
        Assert.That(Cache.ProcessedCount, Is.Zero, "the new process serves the variant the old one made");
    }

    private static string Path(MediaItem item) => item.PublicUrl!.Split('?')[0];

    private async Task<(HttpResponseMessage Response, byte[] Bytes)> GetAsync(string url, string? accept = null, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        var response = await Client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<MediaItem> UploadAsync(string name, byte[] bytes)
    {
        var result = await WithServices(s => s.GetRequiredService<MediaUploader>().UploadAsync(
            new MediaUploader.UploadCommand(new MemoryStream(bytes), name, null, false, Editor)));
        Assert.That(result.Succeeded, Is.True, string.Join(", ", result.Errors));
        return result.Item!;
    }

    private Task OverwriteStoredFileAsync(MediaItem item, byte[] bytes)
    {
        var file = Site.Services.CreateScope().ServiceProvider.GetRequiredService<MediaFileReader>().FindPublic(item.Key);
        Assert.That(file, Is.Not.Null);
        return File.WriteAllBytesAsync(file!.PhysicalPath, bytes);
    }

    /// <summary>A blue-to-green gradient with a red square near the right edge (or another picture: green to blue, no square), as PNG or JPEG.</summary>
    private static byte[] Drawing(int width, int height, bool jpeg, bool square = true)
    {
        using var x = Image.Xyz(width, height)[0];
        using var green = (x * 255.0 / width).Cast(Enums.BandFormat.Uchar);
        using var blue = (255 - x * 255.0 / width).Cast(Enums.BandFormat.Uchar);
        using var zero = Image.Black(width, height).Cast(Enums.BandFormat.Uchar);
        using var background = (square ? zero.Bandjoin(green, blue) : zero.Bandjoin(blue, green)).Copy(interpretation: Enums.Interpretation.Srgb);
        using var red = Image.Black(width / 10, width / 10).NewFromImage(220, 20, 30).Cast(Enums.BandFormat.Uchar);
        using var drawn = square ? background.Insert(red, width * 87 / 100, height / 2 - width / 20) : background.Copy();
        return jpeg ? drawn.JpegsaveBuffer(q: 90) : drawn.PngsaveBuffer();
    }
}
