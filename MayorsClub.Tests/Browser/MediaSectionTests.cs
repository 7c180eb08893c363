using System.Globalization;
using MayorsClub.Core.Media;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MayorsClub.Tests.Browser;

/// <summary>An editor in a real browser: drops images into the media section, sets a focal point and alternative texts.</summary>
public sealed class MediaSectionTests : BrowserTestBase
{
    private const string Password = "Browser-media-password-1";

    [Test]
    public async Task Editor_DropsTwoImages_SeesThem_SetsAFocalPointAndAltTexts_AndFindsThemKept()
    {
        var page = await SignedInEditorAsync("media-browser@test.local");

        // Two files dropped at once onto the drop zone, as from the desktop.
        var files = await page.EvaluateHandleAsync(
            @"files => {
                const transfer = new DataTransfer();
                for (const f of files) {
                    const bytes = Uint8Array.from(atob(f.data), c => c.charCodeAt(0));
                    transfer.items.add(new File([bytes], f.name, { type: f.type }));
                }
                return transfer;
            }",
            new[]
            {
                new { name = "Зустріч мерів.png", type = "image/png", data = Convert.ToBase64String(MediaTestFiles.Png(320, 240, red: 30)) },
                new { name = "Форум громад.png", type = "image/png", data = Convert.ToBase64String(MediaTestFiles.Png(200, 300, red: 220)) },
            });
        await page.Locator("[data-media-dropzone]").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = files });

        await Expect(page.Locator("#media-progress li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#media-progress progress")).ToHaveCountAsync(2);
        await Expect(page.Locator("#media-progress li[data-state=done]")).ToHaveCountAsync(2);
        foreach (var name in new[] { "Зустріч мерів", "Форум громад" })
        {
            var preview = page.Locator("#media-items li", new() { HasText = name }).Locator("img.media-thumb");
            await Expect(preview).ToBeVisibleAsync();
            await preview.ScrollIntoViewIfNeededAsync(); // thumbnails load lazily, and the demo pictures fill the first screen
            await Expect(preview).ToHaveJSPropertyAsync("complete", true);
            Assert.That(await preview.EvaluateAsync<int>("i => i.naturalWidth"), Is.GreaterThan(0), $"the preview of {name} shows");
        }

        // The focal point: a click on the picture, a quarter from the left and three quarters down.
        await page.Locator("#media-items a", new() { HasText = "Зустріч мерів" }).ClickAsync();
        var image = page.Locator("[data-media-focal] img");
        await Expect(image).ToBeVisibleAsync();
        var box = (await image.BoundingBoxAsync())!;
        await image.ClickAsync(new() { Position = new() { X = box.Width * 0.25f, Y = box.Height * 0.75f } });
        await Expect(page.Locator("[data-focal-marker]")).ToBeVisibleAsync();
        await page.GetByLabel("Альтернативний текст (українською)").FillAsync("Мери громад на зустрічі в Києві");
        await page.GetByLabel("Альтернативний текст (англійською)").FillAsync("Mayors of communities meeting in Kyiv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Зберегти", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Збережено.");

        await page.ReloadAsync();

        await Expect(page.GetByLabel("Альтернативний текст (українською)")).ToHaveValueAsync("Мери громад на зустрічі в Києві");
        await Expect(page.GetByLabel("Альтернативний текст (англійською)")).ToHaveValueAsync("Mayors of communities meeting in Kyiv");
        var focalX = double.Parse(await page.Locator("#focal-x").InputValueAsync(), CultureInfo.InvariantCulture);
        var focalY = double.Parse(await page.Locator("#focal-y").InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.That(focalX, Is.EqualTo(0.25).Within(0.02));
        Assert.That(focalY, Is.EqualTo(0.75).Within(0.02));
        await Expect(page.Locator("[data-focal-marker]")).ToBeVisibleAsync();
        Assert.That(await page.Locator("[data-media-focal] img").GetAttributeAsync("alt"), Is.EqualTo("Мери громад на зустрічі в Києві"));

        var stored = await Site.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<MediaLibrary>().ListAsync(null);
        var meeting = stored!.Single(i => i.Name == "Зустріч мерів");
        Assert.That((meeting.Width, meeting.Height, meeting.AltText["en"]), Is.EqualTo((320, 240, "Mayors of communities meeting in Kyiv")));
    }

    [Test]
    public async Task RefusedFile_IsExplainedNextToItsName_WhileTheOtherUploads()
    {
        var page = await SignedInEditorAsync("media-browser-2@test.local");

        await page.Locator("#media-files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "logo.svg", MimeType = "image/svg+xml", Buffer = MediaTestFiles.SvgWithScript() },
            new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = MediaTestFiles.Png(40, 40) },
        });

        var refused = page.Locator("#media-progress li", new() { HasText = "logo.svg" });
        await Expect(refused.Locator(".is-error")).ToContainTextAsync("SVG не приймаються, бо можуть містити скрипти");
        await Expect(page.Locator("#media-progress li", new() { HasText = "photo.png" }).Locator(".is-done")).ToBeVisibleAsync();
        await Expect(page.Locator("#media-items")).ToContainTextAsync("photo");
        await Expect(page.Locator("#media-items")).Not.ToContainTextAsync("logo");
    }

    /// <summary>
    /// On the real server (Kestrel allows about 28 MB per request by default): the upload endpoint takes a document
    /// larger than that, and refuses one over the document limit with its message, not a dropped connection.
    /// </summary>
    [Test]
    public async Task OnKestrel_TheUploadTakesFilesOverTheServersDefaultLimit_AndRefusesThoseOverTheKindsLimit()
    {
        await CreateEditorAsync("media-kestrel@test.local");
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        using (var signIn = await BackOfficeSession.PostSignInAsync(client, "media-kestrel@test.local", Password))
        {
            Assert.That(signIn.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect));
        }

        var limit = Site.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MediaOptions>>().Value.MaxDocumentBytes;
        using var accepted = await UploadAsync(client, "annual-report.pdf", PdfOfSize(35L * 1024 * 1024));
        using var refused = await UploadAsync(client, "too-big.pdf", PdfOfSize(limit + (2 * 1024 * 1024)));

        Assert.That(accepted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await accepted.Content.ReadAsStringAsync());
        Assert.That(refused.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("файли PDF можуть мати щонайбільше 50 МБ"));
    }

    private static byte[] PdfOfSize(long size)
    {
        var bytes = new byte[size];
        MediaTestFiles.Pdf().CopyTo(bytes, 0);
        return bytes;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var token = await BackOfficeSession.AntiforgeryTokenAsync(client, "/umbraco/media");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "files", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/umbraco/media/upload") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.ParseAdd("application/json");
        return await client.SendAsync(request);
    }

    private async Task CreateEditorAsync(string email)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
        var user = new BackOfficeUser { UserName = email, Email = email, DisplayName = "Editor", CreatedUtc = DateTime.UtcNow };
        Assert.That((await users.CreateAsync(user, Password)).Succeeded, Is.True);
        await users.AddToRoleAsync(user, BackOfficeGroups.Editors);
    }

    private async Task<IPage> SignedInEditorAsync(string email)
    {
        await CreateEditorAsync(email);
        var page = await NewPageAsync();
        await page.GotoAsync("/umbraco/media");
        await page.GetByLabel("Електронна пошта").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Увійти" }).ClickAsync();
        await page.WaitForURLAsync("**/umbraco/media");
        return page;
    }
}
