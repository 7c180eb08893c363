using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Content.Validation;
using MayorsClub.Core.Media;

namespace MayorsClub.Tests.Unit;

/// <summary>Names and URL segments lose control and bidirectional-override characters, and have length limits.</summary>
public sealed class NameRulesTests
{
    private readonly ContentValidator _validator = new(new PropertyValueValidator(RichTextSanitizer.Create()));

    [TestCase("Мери\u0000громад", "Меригромад")]
    [TestCase("  \u202EЗвіт\u202C за рік \t", "Звіт за рік")]
    [TestCase("invoice\u202Egpj.exe", "invoicegpj.exe")]
    [TestCase("\u2066ізоляція\u2069 \u2067x\u2068y", "ізоляція xy")]
    [TestCase("\u200Eліво\u200F право", "ліво право")]
    [TestCase("\u0085\u009F\u007Fтекст\u001B[31m", "текст[31m")]
    [TestCase("Звичайна назва — «з лапками» і ʼапострофомʼ", "Звичайна назва — «з лапками» і ʼапострофомʼ")]
    public void Clean_RemovesControlAndBidiCharacters_AndTrims(string raw, string clean) =>
        Assert.That(NameText.Clean(raw), Is.EqualTo(clean));

    [Test]
    public void DocumentNameAndSegment_AreCleanedWhenValidated()
    {
        var values = Article("\u202EНовина\u0000", "novyna\u200F");

        var (clean, errors) = _validator.Validate(NewsArticle.Definition, values);

        Assert.That(errors, Is.Empty, string.Join("; ", errors));
        Assert.That((clean.Cultures["uk"].Name, clean.Cultures["uk"].Segment), Is.EqualTo(("Новина", "novyna")));
    }

    [Test]
    public void Segment_LongerThan100Characters_IsRefused_AndANameLongerThan255()
    {
        var (_, segmentErrors) = _validator.Validate(NewsArticle.Definition, Article("Новина", new string('a', 101)));
        var (_, nameErrors) = _validator.Validate(NewsArticle.Definition, Article(new string('н', 256), null));
        var (_, fine) = _validator.Validate(NewsArticle.Definition, Article(new string('н', 255), new string('a', 100)));

        Assert.That(segmentErrors.Single().Code, Is.EqualTo(ContentMessages.SegmentTooLong));
        Assert.That(segmentErrors.Single().Message("uk"), Does.Contain("100"));
        Assert.That(nameErrors.Single().Code, Is.EqualTo(ContentMessages.NameTooLong));
        Assert.That(fine, Is.Empty);
    }

    [Test]
    public void UploadedFileName_IsCleanedTheSameWay() =>
        Assert.That(MediaNames.CleanFileName("фото\u202Egnp.exe\u0000.png"), Is.EqualTo("фотоgnp.exe.png"));

    private static ContentValues Article(string name, string? segment) => new()
    {
        Invariant = { [NewsArticle.Date] = "2026-05-11" },
        Cultures =
        {
            ["uk"] = new CultureVariant
            {
                Name = name,
                Segment = segment,
                Values = { [NewsArticle.Summary] = "Виклад.", [NewsArticle.Body] = "<p>Текст.</p>" },
            },
        },
    };
}
