using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.BackOffice;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MayorsClub.Tests.Browser;

/// <summary>
/// What an editor meets in the back office in either interface language: toolbar buttons drawn as icons with names and
/// tooltips in that language, dates shown and typed the language's way (and saved as the same ISO value), and the
/// dashboard and sign-in page without serious accessibility problems.
/// </summary>
public sealed class EditorPolishTests : EditorBrowserTestBase
{
    private static readonly Dictionary<string, (string Link, string Unlink, string Image, string Heading)> Names = new()
    {
        ["uk"] = ("Посилання", "Прибрати посилання", "Зображення", "H2 Заголовок"),
        ["en"] = ("Link", "Remove link", "Image", "H2 Heading"),
    };

    [TestCase("uk")]
    [TestCase("en")]
    public async Task RichTextToolbar_EveryButtonHasAnIcon_AndANameAndTooltipInTheInterfaceLanguage(string ui)
    {
        var key = await CreateArticleAsync(Unique("Стаття для панелі"), "2026-05-19");
        var page = await EditorPageAsync($"toolbar-{ui}@test.local", ui, key);

        var toolbar = page.Locator(".ce-cell[data-culture='uk'][data-field='body'] .rte-toolbar");
        var buttons = await toolbar.Locator("button").AllAsync();
        Assert.That(buttons, Has.Count.EqualTo(20));
        foreach (var button in buttons)
        {
            var command = await button.GetAttributeAsync("data-command");
            var name = await button.GetAttributeAsync("aria-label");
            Assert.That(name, Is.Not.Null.And.Not.Empty, command);
            Assert.That(await button.GetAttributeAsync("title"), Is.EqualTo(name), command);
            Assert.That(name, Does.Not.StartWith("rt."), command);
            Assert.That(await button.InnerTextAsync(), Is.Empty, $"{command}: no text or emoji, only the icon");
            var icon = button.Locator("svg");
            await Expect(icon).ToHaveCountAsync(1);
            var size = await icon.BoundingBoxAsync();
            Assert.That(size?.Width, Is.GreaterThanOrEqualTo(16), $"{command}: the icon is drawn");
            Assert.That(await icon.Locator("path, line, rect, circle, polyline").CountAsync(), Is.GreaterThan(0), command);
        }

        var expected = Names[ui];
        await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = expected.Link, Exact = true })).ToHaveAttributeAsync("data-command", "link");
        await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = expected.Unlink, Exact = true })).ToHaveAttributeAsync("data-command", "unlink");
        await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = expected.Image, Exact = true })).ToHaveAttributeAsync("data-command", "image");
        await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = expected.Heading, Exact = true })).ToHaveAttributeAsync("data-command", "h2");
    }

    [TestCase("uk", "19.05.2026", "21.05.2026", "2026-05-21", "Введіть дату у форматі ДД.ММ.РРРР")]
    [TestCase("en", "19/05/2026", "22/05/2026", "2026-05-22", "Enter the date as DD/MM/YYYY")]
    public async Task DateField_ShowsAndAcceptsTheInterfaceLanguagesFormat_AndSavesTheIsoValue(string ui, string shown, string typed, string saved, string refusal)
    {
        var key = await CreateArticleAsync(Unique("Стаття з датою"), "2026-05-19");
        var page = await EditorPageAsync($"dates-{ui}@test.local", ui, key);
        var label = ui == "uk" ? "Дата" : "Date";
        var cell = page.Locator(".ce-cell--shared[data-field='date']");
        var date = cell.GetByLabel(label, new() { Exact = false });

        await Expect(date).ToHaveValueAsync(shown);
        await Expect(date).ToHaveAttributeAsync("type", "text");

        // A date that does not exist is refused in the interface language, and nothing is sent.
        await date.FillAsync(ui == "uk" ? "31.02.2026" : "31/02/2026");
        await date.PressAsync("Tab");
        await Expect(cell.Locator(".bo-date-error")).ToContainTextAsync(refusal);
        await Expect(date).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Locator("button.ce-save").ClickAsync();
        await Expect(date).ToBeFocusedAsync();
        Assert.That(await DateOfAsync(key), Is.EqualTo("2026-05-19"));

        // Typed by keyboard in the interface's form: saved as the ISO date, shown again the same way.
        await date.FillAsync("");
        await date.PressSequentiallyAsync(typed);
        await Expect(cell.Locator(".bo-date-error")).ToBeHiddenAsync();
        await page.Locator("button.ce-save").ClickAsync();
        await Expect(page.Locator(".ce-notice")).ToBeVisibleAsync();
        Assert.That(await DateOfAsync(key), Is.EqualTo(saved));
        await Expect(date).ToHaveValueAsync(typed);
    }

    [TestCase("uk", "20.06.2027 10:30")]
    [TestCase("en", "20/06/2027 10:30")]
    public async Task Scheduling_TakesKyivTimeInTheInterfaceLanguagesFormat(string ui, string typed)
    {
        var key = await CreateArticleAsync(Unique("Заплановано"), "2026-05-19");
        var page = await EditorPageAsync($"schedule-{ui}@test.local", ui, key);

        var publishAt = page.Locator("form.ce-schedule input[data-date-text]").First;
        await publishAt.FillAsync(typed);
        await page.Locator("form.ce-schedule").First.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-publishing='uk'] .ce-facts")).ToContainTextAsync(typed);

        await using var scope = Site.Services.CreateAsyncScope();
        var state = (await scope.ServiceProvider.GetRequiredService<DocumentTree>().GetAsync(key))!;
        Assert.That(state.Cultures["uk"].PublishAtUtc, Is.EqualTo(new DateTime(2027, 6, 20, 7, 30, 0, DateTimeKind.Utc)), "10:30 in Kyiv in summer");
        await Expect(page.Locator("form.ce-schedule input[data-date-text]").First).ToHaveValueAsync(typed);
    }

    [Test]
    public async Task DashboardAndSignIn_HaveNoSeriousAccessibilityViolations_InEitherLanguage()
    {
        var problems = new List<string>();
        foreach (var ui in new[] { "uk", "en" })
        {
            var signIn = await NewPageAsync(locale: ui == "uk" ? "uk-UA" : "en-GB");
            await signIn.GotoAsync("/umbraco/login");
            await Expect(signIn.Locator(".bo-club-name")).ToHaveTextAsync(ui == "uk" ? "Клуб мерів" : "Mayors' Club");
            problems.AddRange(await SeriousAccessibilityViolationsAsync(signIn, $"{ui} /umbraco/login"));

            var page = await SignedInPageAsync($"dashboard-axe-{ui}@test.local", BackOfficeGroups.Editors);
            await UseInterfaceLanguageAsync(page, ui);
            await page.GotoAsync("/umbraco");
            await Expect(page.Locator(".bo-brand")).ToHaveTextAsync(ui == "uk" ? "Клуб мерів" : "Mayors' Club");
            problems.AddRange(await SeriousAccessibilityViolationsAsync(page, $"{ui} /umbraco"));
            await page.GotoAsync("/umbraco/audit");
            await Expect(page.Locator("#filter-from")).ToHaveAttributeAsync("placeholder", ui == "uk" ? "ДД.ММ.РРРР" : "DD/MM/YYYY");
            problems.AddRange(await SeriousAccessibilityViolationsAsync(page, $"{ui} /umbraco/audit"));
        }

        Assert.That(problems, Is.Empty);
    }

    private async Task<IPage> EditorPageAsync(string email, string ui, Guid key)
    {
        var page = await SignedInPageAsync(email, BackOfficeGroups.Editors);
        await UseInterfaceLanguageAsync(page, ui);
        await page.GotoAsync($"/umbraco/content/{key}");
        return page;
    }

    /// <summary>The interface language an editor chose (the back office keeps it in a cookie).</summary>
    private Task UseInterfaceLanguageAsync(IPage page, string ui) =>
        page.Context.AddCookiesAsync([new Cookie { Name = BackOfficeController.LanguageCookie, Value = ui, Url = BaseUrl }]);

    private async Task<string?> DateOfAsync(Guid key)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var state = await scope.ServiceProvider.GetRequiredService<DocumentTree>().GetAsync(key);
        return state!.Draft.Invariant[NewsArticle.Date]?.GetValue<string>();
    }

    private async Task<Guid> CreateArticleAsync(string title, string date)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var values = new ContentValues();
        values.Invariant[NewsArticle.Date] = date;
        values.Cultures["uk"] = new CultureVariant
        {
            Name = title,
            Values = { [NewsArticle.Summary] = "Короткий виклад.", [NewsArticle.Body] = "<p>Текст статті.</p>" },
        };
        var newsIndex = Site.Services.GetRequiredService<PublishedSnapshotService>().Current.OfType(NewsIndex.Alias, "uk").Single().Key;
        var result = await scope.ServiceProvider.GetRequiredService<DocumentEditor>()
            .CreateAsync(new DocumentEditor.CreateCommand(newsIndex, NewsArticle.Alias, values, "setup"));
        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors));
        return result.Document!.Key;
    }

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..6]}";
}
