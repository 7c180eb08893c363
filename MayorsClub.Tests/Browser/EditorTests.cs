using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Core.Publishing;
using MayorsClub.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MayorsClub.Tests.Browser;

/// <summary>
/// Editors and writers in a real browser: writing an article in Ukrainian with a picture uploaded in the media
/// picker, previewing it, publishing one language and then the other, rolling back; a library image in the text;
/// a writer's text going through approval; two editors saving at once.
/// </summary>
public sealed class EditorTests : EditorBrowserTestBase
{
    private PublishedSnapshot Snapshot => Site.Services.GetRequiredService<PublishedSnapshotService>().Current;

    [Test]
    public async Task Editor_WritesUkrainianFirst_Previews_PublishesEachLanguage_AndRollsBack()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var title = $"Мери обговорили відбудову {suffix}";
        var englishTitle = $"Mayors discussed the rebuilding {suffix}";
        var changedTitle = $"Мери ухвалили план відбудови {suffix}";
        var newsIndex = Snapshot.OfType(NewsIndex.Alias, "uk").Single();
        var page = await SignedInPageAsync("story-editor@test.local", BackOfficeGroups.Editors);

        // Through the tree to the news list, and "create" there.
        await page.GotoAsync("/umbraco/content");
        await page.Locator($".ce-tree-node[data-key='{Snapshot.Home!.Key}'] > .ce-tree-row .ce-tree-toggle").ClickAsync();
        await page.Locator($".ce-tree-node[data-key='{newsIndex.Key}'] > .ce-tree-row .ce-tree-add").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Новий документ: Новина");

        await page.Locator("[name='name.uk']").FillAsync(title);
        await page.Locator("[name='v.uk.summary']").FillAsync("Короткий виклад про відбудову громад.");
        await TypeRichTextAsync(page, "uk", "body", "Мери громад обговорили план відбудови.");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".ce-cell[data-culture='uk'][data-field='body'] button[data-command='h2']").ClickAsync();
        await page.Keyboard.TypeAsync("Наступні кроки");

        // The picture: uploaded right in the media picker's library dialog, which selects it, then chosen.
        var imageField = page.Locator(".ce-cell--shared[data-field='image'] [data-media-picker]");
        await imageField.GetByRole(AriaRole.Button, new() { Name = "Вибрати з медіатеки" }).ClickAsync();
        var library = page.Locator("#ce-media-dialog");
        await Expect(library.Locator("#mp-filter")).ToBeFocusedAsync();
        var imageName = $"Відбудова громади {suffix}";
        await library.Locator("#mp-upload").SetInputFilesAsync(new FilePayload { Name = $"{imageName}.png", MimeType = "image/png", Buffer = MediaTestFiles.Png(320, 200, red: 90) });
        await Expect(library.Locator("#mp-progress li[data-state=done]")).ToHaveCountAsync(1);
        await Expect(library.Locator("[data-media-item][aria-pressed='true']")).ToContainTextAsync(imageName);
        await library.GetByRole(AriaRole.Button, new() { Name = "Вибрати", Exact = true }).ClickAsync();
        await Expect(library).Not.ToBeVisibleAsync();
        await Expect(imageField.Locator("li")).ToHaveCountAsync(1);
        await Expect(imageField.Locator("li")).ToContainTextAsync(imageName);
        await Expect(imageField.Locator("li img.ce-media-thumb")).ToHaveJSPropertyAsync("naturalWidth", 320);

        await page.Locator("button.ce-save").ClickAsync();
        await Expect(page.Locator(".ce-notice")).ToHaveTextAsync("Документ створено.");
        await Expect(imageField.Locator("li")).ToContainTextAsync(imageName);
        await Expect(page.Locator("[data-culture-state='en']")).ToHaveTextAsync("не створено");

        // Preview: the site's page with the draft, marked as a preview.
        var preview = await page.Context.RunAndWaitForPageAsync(() => page.Locator("a[data-preview='uk']").ClickAsync());
        await Expect(preview.Locator("#mc-preview-banner")).ToContainTextAsync("Попередній перегляд чернетки");
        await Expect(preview.Locator("h1")).ToHaveTextAsync(title);
        await Expect(preview.Locator("h2", new() { HasText = "Наступні кроки" })).ToBeVisibleAsync();
        await preview.CloseAsync();

        // Publish Ukrainian only.
        await Expect(page.Locator("input[name='cultures'][value='uk']")).ToBeCheckedAsync();
        await Expect(page.Locator("input[name='cultures'][value='en']")).Not.ToBeCheckedAsync();
        await page.Locator("button.ce-publish").ClickAsync();
        await Expect(page.Locator(".ce-notice")).ToHaveTextAsync("Опубліковано.");
        var ukUrl = (await page.Locator("a[data-live-url='uk']").GetAttributeAsync("href"))!;
        var visitor = await NewPageAsync();
        Assert.That((await visitor.GotoAsync(ukUrl))!.Status, Is.EqualTo(200));
        await Expect(visitor.Locator("h1")).ToHaveTextAsync(title);
        var picture = visitor.Locator($"img[src^='/media/'][alt='{title}']").First;
        await Expect(picture).ToBeVisibleAsync();
        // Loaded (its srcset's width descriptors scale naturalWidth, so only "some width" is certain).
        await Expect(picture).ToHaveJSPropertyAsync("complete", true);
        Assert.That(await picture.EvaluateAsync<int>("i => i.naturalWidth"), Is.GreaterThan(0), "the picture loads");
        var file = await visitor.APIRequest.GetAsync((await picture.GetAttributeAsync("src"))!);
        Assert.That((file.Status, file.Headers["content-type"]), Is.EqualTo((200, "image/png")));
        var segment = ukUrl.TrimEnd('/').Split('/')[^1];
        Assert.That((await visitor.GotoAsync($"/en/news/{segment}/"))!.Status, Is.EqualTo(404));

        // The next day: the English text, started from a copy of the Ukrainian, then translated.
        Site.Clock.AdvanceHours(24);
        await page.ReloadAsync();
        await page.Locator("button[data-copy-from='uk']").ClickAsync();
        await Expect(page.Locator("[name='name.en']")).ToHaveValueAsync(title);
        await Expect(page.Locator(".ce-cell[data-culture='en'][data-field='body'] .rte-content")).ToContainTextAsync("Мери громад обговорили");
        await page.Locator("[name='name.en']").FillAsync(englishTitle);
        await page.Locator("[name='v.en.summary']").FillAsync("A short summary about rebuilding communities.");
        await TypeRichTextAsync(page, "en", "body", "Mayors discussed the rebuilding plan.", replace: true);
        await page.Locator("input[name='cultures'][value='uk']").UncheckAsync();
        await page.Locator("input[name='cultures'][value='en']").CheckAsync();
        await page.Locator("button.ce-publish").ClickAsync();
        await Expect(page.Locator(".ce-notice")).ToHaveTextAsync("Опубліковано.");
        var enUrl = (await page.Locator("a[data-live-url='en']").GetAttributeAsync("href"))!;
        Assert.That((await visitor.GotoAsync(enUrl))!.Status, Is.EqualTo(200));
        await Expect(visitor.Locator("h1")).ToHaveTextAsync(englishTitle);
        await Expect(visitor.Locator("body")).Not.ToContainTextAsync("Мери громад обговорили");

        // A new title goes live…
        await page.Locator("[name='name.uk']").FillAsync(changedTitle);
        await page.Locator("button.ce-publish").ClickAsync();
        await Expect(page.Locator(".ce-notice")).ToHaveTextAsync("Опубліковано.");
        await visitor.GotoAsync((await page.Locator("a[data-live-url='uk']").GetAttributeAsync("href"))!);
        await Expect(visitor.Locator("h1")).ToHaveTextAsync(changedTitle);

        // …and is rolled back: the version before the title was saved, restored and published.
        await page.GetByRole(AriaRole.Link, new() { Name = "Історія версій" }).ClickAsync();
        var rows = page.Locator("tr[data-version]");
        var actions = await rows.Locator("td:nth-child(4)").AllInnerTextsAsync();
        var titleSave = actions.ToList().FindIndex(a => a.StartsWith("збережено", StringComparison.Ordinal));
        await rows.Nth(titleSave + 1).GetByRole(AriaRole.Button, new() { Name = "Відновити й опублікувати" }).ClickAsync();
        await Expect(page.Locator(".ce-notice")).ToHaveTextAsync("Попередню версію відновлено.");
        await Expect(page.Locator("[name='name.uk']")).ToHaveValueAsync(title);
        await visitor.GotoAsync((await page.Locator("a[data-live-url='uk']").GetAttributeAsync("href"))!);
        await Expect(visitor.Locator("h1")).ToHaveTextAsync(title);
    }

    [Test]
    public async Task Editor_PutsALibraryImageIntoTheText_ByKeyboard_AndTheSiteShowsItWithItsAltText()
    {
        var imageName = Unique("Підписання меморандуму");
        var photo = await UploadImageAsync(imageName, MediaTestFiles.Png(40, 30, red: 150), uk: "Мери підписують меморандум", en: "Mayors sign the memorandum");
        var key = await CreateArticleAsync(Unique("Меморандум з фото"));
        var page = await SignedInPageAsync("text-image-editor@test.local", BackOfficeGroups.Editors);
        await page.GotoAsync($"/umbraco/content/{key}");

        await TypeRichTextAsync(page, "uk", "body", " Після підписання.");
        await page.Locator(".ce-cell[data-culture='uk'][data-field='body'] button[data-command='image']").ClickAsync();
        var library = page.Locator("#ce-media-dialog");
        await Expect(library.Locator("#mp-filter")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(imageName);
        var item = library.Locator("[data-media-item]");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync(imageName);
        await item.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(item).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync("Tab");
        await Expect(library.GetByRole(AriaRole.Button, new() { Name = "Вибрати", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        var inserted = page.Locator(".ce-cell[data-culture='uk'][data-field='body'] .rte-content img");
        await Expect(inserted).ToHaveAttributeAsync("src", photo.PublicUrl!);
        await Expect(inserted).ToHaveAttributeAsync("alt", "Мери підписують меморандум");
        await page.Locator("button.ce-publish").ClickAsync();
        await Expect(page.Locator(".ce-notice")).ToHaveTextAsync("Опубліковано.");
        await Expect(inserted).ToHaveAttributeAsync("src", photo.PublicUrl!);

        var visitor = await NewPageAsync();
        await visitor.GotoAsync((await page.Locator("a[data-live-url='uk']").GetAttributeAsync("href"))!);
        var shown = visitor.Locator(".article__body picture img");
        await Expect(shown).ToHaveAttributeAsync("alt", "Мери підписують меморандум");
        await Expect(shown).ToHaveAttributeAsync("width", "40");
        await Expect(shown).ToHaveJSPropertyAsync("naturalWidth", 40);
        var loaded = await shown.EvaluateAsync<string>("img => img.currentSrc");
        Assert.That(loaded, Does.Contain($"/media/{photo.Key:D}/").And.Contain("format=avif").And.Contain("hmac="), "a variant in the best format, like every picture of the site");
    }

    [Test]
    public async Task Writer_SendsForApproval_WithoutPublishButtons_AndAnEditorPublishes()
    {
        var title = Unique("Текст авторки");
        var key = await CreateArticleAsync(title);
        var writer = await SignedInPageAsync("story-writer@test.local", BackOfficeGroups.Writers);

        await writer.GotoAsync($"/umbraco/content/{key}");
        await Expect(writer.Locator("button.ce-publish")).ToHaveCountAsync(0);
        await Expect(writer.Locator("[data-unpublish], form[action$='/schedule'], form[action$='/trash']")).ToHaveCountAsync(0);
        await writer.Locator("[name='v.uk.summary']").FillAsync("Виклад, написаний авторкою.");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Зберегти й надіслати на схвалення" }).ClickAsync();
        await Expect(writer.Locator(".ce-notice")).ToHaveTextAsync("Надіслано редакторам на схвалення.");
        await Expect(writer.Locator("[data-culture-state='uk']")).ToContainTextAsync("чекає на схвалення");

        var editor = await SignedInPageAsync("story-approver@test.local", BackOfficeGroups.Editors);
        await Expect(editor.GetByRole(AriaRole.Region, new() { Name = "Чекають на схвалення", Exact = true })).ToContainTextAsync(title);
        await editor.GotoAsync($"/umbraco/content/{key}");
        await Expect(editor.Locator(".ce-awaiting")).ToContainTextAsync("story-writer@test.local");
        await editor.Locator("button.ce-publish").ClickAsync();
        await Expect(editor.Locator(".ce-notice")).ToHaveTextAsync("Опубліковано.");

        var visitor = await NewPageAsync();
        Assert.That((await visitor.GotoAsync((await editor.Locator("a[data-live-url='uk']").GetAttributeAsync("href"))!))!.Status, Is.EqualTo(200));
        await Expect(visitor.Locator("body")).ToContainTextAsync("Виклад, написаний авторкою.");
        await editor.GotoAsync("/umbraco");
        await Expect(editor.GetByRole(AriaRole.Region, new() { Name = "Чекають на схвалення", Exact = true })).Not.ToContainTextAsync(title);
    }

    [Test]
    public async Task TwoEditors_SaveTheSameDocument_TheSecondIsToldAndKeepsTheirText()
    {
        var key = await CreateArticleAsync(Unique("Спільний документ"));
        var first = await SignedInPageAsync("first-editor@test.local", BackOfficeGroups.Editors);
        var second = await SignedInPageAsync("second-editor@test.local", BackOfficeGroups.Editors);
        await first.GotoAsync($"/umbraco/content/{key}");
        await second.GotoAsync($"/umbraco/content/{key}");

        await first.Locator("[name='v.uk.summary']").FillAsync("Виклад першої редакторки.");
        await first.Locator("button.ce-save").ClickAsync();
        await Expect(first.Locator(".ce-notice")).ToHaveTextAsync("Збережено.");

        const string typed = "Виклад другої редакторки, який вона довго писала.";
        await second.Locator("[name='v.uk.summary']").FillAsync(typed);
        await TypeRichTextAsync(second, "uk", "body", " Ще один абзац.");
        await second.Locator("button.ce-save").ClickAsync();

        await Expect(second.Locator(".ce-error-summary")).ToContainTextAsync("Хтось інший зберіг цей документ");
        await Expect(second.Locator("[name='v.uk.summary']")).ToHaveValueAsync(typed);
        await Expect(second.Locator(".ce-cell[data-culture='uk'][data-field='body'] .rte-content")).ToContainTextAsync("Ще один абзац.");

        // The refused text is unsaved: leaving the page asks first, and staying keeps it.
        var warned = new TaskCompletionSource<string>();
        async void Warned(object? sender, IDialog dialog)
        {
            warned.TrySetResult(dialog.Type);
            await dialog.DismissAsync();
        }

        second.Dialog += Warned;
        await second.Locator(".bo-sections a[href='/umbraco']").ClickAsync();
        Assert.That(await warned.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo("beforeunload"));
        second.Dialog -= Warned;
        await Expect(second.Locator("[name='v.uk.summary']")).ToHaveValueAsync(typed);

        await second.GetByRole(AriaRole.Button, new() { Name = "Зберегти мій текст замість їхнього" }).ClickAsync();
        await Expect(second.Locator(".ce-notice")).ToHaveTextAsync("Збережено.");
        await Expect(second.Locator("[name='v.uk.summary']")).ToHaveValueAsync(typed);
    }

    [Test]
    public async Task Editor_BuildsAnEvent_WithSpeakerBlocks_ARelatedPage_AndAnEmbeddedVideo()
    {
        var calendar = Snapshot.OfType(EventsCalendar.Alias, "uk").Single();
        var related = Snapshot.OfType(NewsArticle.Alias, "uk").First();
        var page = await SignedInPageAsync("blocks-editor@test.local", BackOfficeGroups.Editors);
        await page.GotoAsync($"/umbraco/content/create?parent={calendar.Key}");
        var title = Unique("Форум громад");

        await page.Locator("[name='name.uk']").FillAsync(title);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Коли" }).ClickAsync();
        await page.Locator("[name='v.shared.start.local']").FillAsync("2027-03-10T10:00");
        await page.Locator("[name='v.shared.end.local']").FillAsync("2027-03-10T17:00");
        await Expect(page.Locator("[name='v.shared.start.zone']")).ToHaveValueAsync("Europe/Kyiv");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Вміст" }).ClickAsync();
        await page.Locator("[name='v.uk.summary']").FillAsync("Форум для голів громад.");
        await page.Locator("[name='v.shared.eventType']").SelectOptionAsync("forum");

        // Two speakers, then the second moved first.
        var speakers = page.Locator(".ce-cell[data-culture='uk'][data-field='speakers']");
        await speakers.GetByRole(AriaRole.Button, new() { Name = "Додати: Доповідач" }).ClickAsync();
        await speakers.Locator(".ce-block").Nth(0).Locator("input[name$='.name']").FillAsync("Олена Перша");
        await speakers.GetByRole(AriaRole.Button, new() { Name = "Додати: Доповідач" }).ClickAsync();
        await speakers.Locator(".ce-block").Nth(1).Locator("input[name$='.name']").FillAsync("Андрій Другий");
        await speakers.Locator(".ce-block").Nth(1).GetByRole(AriaRole.Button, new() { Name = "Вгору" }).ClickAsync();

        // A video from its YouTube page address.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        await page.Locator(".ce-cell[data-culture='uk'][data-field='description'] .rte-content").ClickAsync();
        await page.Locator(".ce-cell[data-culture='uk'][data-field='description'] button[data-command='video']").ClickAsync();

        await page.Locator("button.ce-save").ClickAsync();
        await Expect(page.Locator(".ce-notice")).ToHaveTextAsync("Документ створено.");
        Assert.That(await speakers.Locator(".ce-block input[name$='.name']").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)"),
            Is.EqualTo(new[] { "Андрій Другий", "Олена Перша" }));

        var key = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        await using var scope = Site.Services.CreateAsyncScope();
        var saved = (await scope.ServiceProvider.GetRequiredService<DocumentTree>().GetAsync(key))!;
        Assert.That(saved.Draft.Invariant[Event.Start]!.ToJsonString(), Is.EqualTo("{\"local\":\"2027-03-10T10:00\",\"zone\":\"Europe/Kyiv\"}"));
        Assert.That(saved.Draft.Culture("uk")!.Values[Event.Description]!.ToString(), Does.Contain("src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\""));

        // A related page chosen in the tree dialog (news articles have a content picker).
        await page.GotoAsync($"/umbraco/content/{related.Key}");
        var picker = page.Locator("[data-content-picker]");
        var before = await picker.Locator("li").CountAsync();
        await picker.GetByRole(AriaRole.Button, new() { Name = "Вибрати…" }).ClickAsync();
        var dialog = page.Locator("#ce-picker-dialog");
        await dialog.Locator($".ce-tree-node[data-key='{Snapshot.Home!.Key}'] > .ce-tree-row .ce-tree-toggle").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Вибрати «{calendar.Name("uk")}»" }).ClickAsync();
        await Expect(picker.Locator("li")).ToHaveCountAsync(before + 1);
        await page.Locator("button.ce-save").ClickAsync();
        await Expect(page.Locator(".ce-notice")).ToHaveTextAsync("Збережено.");
        await Expect(picker.Locator($"li[data-key='{calendar.Key}']")).ToContainTextAsync(calendar.Name("uk")!);
    }

    [Test]
    public async Task ContentPages_HaveNoSeriousAccessibilityViolations()
    {
        var article = Snapshot.OfType(NewsArticle.Alias, "uk").First();
        var page = await SignedInPageAsync("axe-editor@test.local", BackOfficeGroups.Editors);
        var serious = new List<string>();
        foreach (var url in new[] { "/umbraco/content", $"/umbraco/content/{article.Key}", $"/umbraco/content/{article.Key}/history", "/umbraco/content/recycle-bin" })
        {
            await page.GotoAsync(url);
            serious.AddRange(await SeriousAccessibilityViolationsAsync(page, url));
        }

        Assert.That(serious, Is.Empty);
    }

    /// <summary>Clicks at the end of a rich-text field and types (after selecting everything, when replacing).</summary>
    private static async Task TypeRichTextAsync(IPage page, string culture, string alias, string text, bool replace = false)
    {
        var editor = page.Locator($".ce-cell[data-culture='{culture}'][data-field='{alias}'] .rte-content");
        await editor.ClickAsync();
        await page.Keyboard.PressAsync(replace ? "Control+A" : "Control+End");
        await page.Keyboard.TypeAsync(text);
    }

    private async Task<Guid> CreateArticleAsync(string title)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var values = new ContentValues();
        values.Invariant[NewsArticle.Date] = "2026-11-20";
        values.Cultures["uk"] = new CultureVariant
        {
            Name = title,
            Values = { [NewsArticle.Summary] = "Короткий виклад.", [NewsArticle.Body] = "<p>Текст статті.</p>" },
        };
        var newsIndex = Snapshot.OfType(NewsIndex.Alias, "uk").Single().Key;
        var result = await scope.ServiceProvider.GetRequiredService<DocumentEditor>()
            .CreateAsync(new DocumentEditor.CreateCommand(newsIndex, NewsArticle.Alias, values, "setup"));
        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
        return result.Document!.Key;
    }

    private async Task<MediaItem> UploadImageAsync(string name, byte[] png, string uk, string en)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        using var content = new MemoryStream(png);
        var uploaded = await scope.ServiceProvider.GetRequiredService<MediaUploader>()
            .UploadAsync(new MediaUploader.UploadCommand(content, $"{name}.png", null, false, "setup"));
        Assert.That(uploaded.Succeeded, Is.True, string.Join("; ", uploaded.Errors));
        var described = await scope.ServiceProvider.GetRequiredService<MediaEditor>().UpdateAsync(new MediaEditor.UpdateCommand(
            uploaded.Item!.Key, null, name, new Dictionary<string, string?> { ["uk"] = uk, ["en"] = en }, null, null, "setup", EditorRights.Publish));
        Assert.That(described.Succeeded, Is.True, string.Join("; ", described.Errors));
        return described.Item!;
    }

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..6]}";
}
