using System.Net;
using System.Security.Cryptography;
using MayorsClub.Core.Media;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Graceful shutdown on a real socket: told to stop, the node says 503 "stopping" on /healthz/ready at once, keeps
/// answering new requests through the drain, and a download in flight finishes with every byte before Kestrel stops.
/// SQLite only: nothing here depends on the database.
/// </summary>
public sealed class OperationsShutdownTests
{
    [Test]
    public async Task ToldToStop_TheNodeDrains_ThenFinishesTheRequestInFlight()
    {
        var site = await TestSite.StartAsync(DatabaseProvider.Sqlite, demoContent: false, useKestrel: true,
            settings: new Dictionary<string, string> { ["MayorsClub:Operations:DrainSeconds"] = "2" });
        try
        {
            var address = new Uri(site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var (url, sha256) = await UploadLargeImageAsync(site);
            using var downloader = new HttpClient { BaseAddress = address };
            using var prober = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = address };
            await WaitUntilReadyAsync(prober);
            await WaitUntilServedAsync(prober, url);

            using var download = await downloader.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await download.Content.ReadAsStreamAsync();
            Assert.That(download.Content.Headers.ContentLength, Is.GreaterThan(12_000_000), "more than the loopback socket buffers hold");
            var received = new MemoryStream();
            await CopyAsync(body, received, 256 * 1024, TimeSpan.Zero);

            site.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
            var stopping = site.Services.GetRequiredService<IHost>().StopAsync();

            using var ready = await prober.GetAsync("/healthz/ready");
            var readyBody = await ready.Content.ReadAsStringAsync();
            using var live = await prober.GetAsync("/healthz");
            Assert.That(stopping.IsCompleted, Is.False, "still draining");

            await CopyAsync(body, received, int.MaxValue, TimeSpan.FromMilliseconds(25)); // slowly, past the drain
            await stopping.WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Multiple(() =>
            {
                Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
                Assert.That(readyBody, Is.EqualTo("stopping"));
                Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "new requests are served during the drain");
                Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(received.Length, Is.EqualTo(download.Content.Headers.ContentLength));
                Assert.That(Convert.ToHexString(SHA256.HashData(received.ToArray())), Is.EqualTo(sha256), "every byte, as stored");
            });
            await Assert.ThrowsAsync<HttpRequestException>(() => prober.GetAsync("/healthz"), "stopped: nothing listens any more");
        }
        finally
        {
            await site.DisposeAsync();
        }
    }

    /// <summary>Reads 64 KB at a time, up to <paramref name="atMost"/> bytes, waiting <paramref name="pause"/> between reads.</summary>
    private static async Task CopyAsync(Stream from, Stream to, int atMost, TimeSpan pause)
    {
        var buffer = new byte[64 * 1024];
        var copied = 0;
        int read;
        while (copied < atMost && (read = await from.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, atMost - copied)))) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read));
            copied += read;
            if (pause > TimeSpan.Zero && copied % (256 * 1024) < read)
            {
                await Task.Delay(pause);
            }
        }
    }

    /// <summary>A public image of noise, stored uncompressed (about 15 MB): its original is served as a file from the disk.</summary>
    private static async Task<(string Url, string Sha256)> UploadLargeImageAsync(TestSite site)
    {
        const int width = 2600, height = 2000;
        var noise = new byte[width * height * 3];
        RandomNumberGenerator.Fill(noise);
        using var image = NetVips.Image.NewFromMemory(noise, width, height, 3, NetVips.Enums.BandFormat.Uchar);
        var png = image.PngsaveBuffer(compression: 0);
        await using var scope = site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<MediaUploader>().UploadAsync(
            new MediaUploader.UploadCommand(new MemoryStream(png), "Шум.png", null, false, TestSite.AdminEmail));
        Assert.That(result.Succeeded, Is.True, string.Join(", ", result.Errors));
        var stored = scope.ServiceProvider.GetRequiredService<MediaFileReader>().FindPublic(result.Item!.Key);
        Assert.That(stored, Is.Not.Null, "a public image");
        return (result.Item.PublicUrl!, Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(stored!.PhysicalPath))));
    }

    /// <summary>A new file is served once the change feed has brought it into the snapshot.</summary>
    private static async Task WaitUntilServedAsync(HttpClient client, string url)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"{url} served within 30 s: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(100);
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync("/healthz/ready");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "ready within a minute");
            await Task.Delay(250);
        }
    }
}
