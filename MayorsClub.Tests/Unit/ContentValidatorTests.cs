using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Content.Validation;
using EventType = MayorsClub.Core.Content.DocumentTypes.Event;

namespace MayorsClub.Tests.Unit;

/// <summary>Each property editor's rules, variance, required fields and a type's own rules, without a database.</summary>
public sealed class ContentValidatorTests
{
    private readonly ContentValidator _validator = new(new PropertyValueValidator(RichTextSanitizer.Create()));

    [Test]
    public void Validate_CompleteArticle_HasNoErrors_AndTrimsText()
    {
        var values = Article();
        values.Cultures["uk"].Values[NewsArticle.Summary] = "  Виклад з пробілами.  ";

        var (clean, errors) = _validator.Validate(NewsArticle.Definition, values);

        Assert.That(errors, Is.Empty);
        Assert.That(clean.Cultures["uk"].Values[NewsArticle.Summary]!.GetValue<string>(), Is.EqualTo("Виклад з пробілами."));
    }

    [TestCase(NewsArticle.Summary)]
    [TestCase(NewsArticle.Body)]
    public void Validate_RequiredCultureFieldMissing_NamesFieldAndCulture(string alias)
    {
        var values = Article();
        values.Cultures["en"] = new CultureVariant { Name = "Title", Values = { [NewsArticle.Summary] = "S", [NewsArticle.Body] = "<p>B</p>" } };
        values.Cultures["en"].Values.Remove(alias);

        var (_, errors) = _validator.Validate(NewsArticle.Definition, values);

        Assert.That(errors.Select(e => (e.Code, e.Property, e.Culture)), Is.EqualTo(new[] { (ContentMessages.Required, alias, "en") }));
    }

    [Test]
    public void Validate_RequiredSharedFieldMissing_IsAnError()
    {
        var values = Article();
        values.Invariant.Remove(NewsArticle.Date);

        var (_, errors) = _validator.Validate(NewsArticle.Definition, values);

        Assert.That(errors.Single().Code, Is.EqualTo(ContentMessages.Required));
        Assert.That(errors.Single().Culture, Is.Null);
    }

    [Test]
    public void Validate_CultureNotWritten_IsNotRequired()
    {
        var (_, errors) = _validator.Validate(NewsArticle.Definition, Article());

        Assert.That(errors, Is.Empty, "an article may exist in Ukrainian only");
    }

    [Test]
    public void Validate_SharedValueGivenPerCulture_IsRefused()
    {
        var values = Article();
        values.Cultures["uk"].Values[NewsArticle.Date] = "2026-05-11";

        var (_, errors) = _validator.Validate(NewsArticle.Definition, values);

        Assert.That(errors.Single().Code, Is.EqualTo(ContentMessages.PropertyIsShared));
    }

    [Test]
    public void Validate_CultureValueGivenAsShared_IsRefused()
    {
        var values = Article();
        values.Invariant[NewsArticle.Summary] = "Спільний виклад";

        var (_, errors) = _validator.Validate(NewsArticle.Definition, values);

        Assert.That(errors.Single().Code, Is.EqualTo(ContentMessages.PropertyVariesByCulture));
    }

    [Test]
    public void Validate_UnknownPropertyAndCulture_AreRefused()
    {
        var values = Article();
        values.Invariant["colour"] = "blue";
        values.Cultures["de"] = new CultureVariant { Name = "Nachricht" };

        var (_, errors) = _validator.Validate(NewsArticle.Definition, values);

        Assert.That(errors.Select(e => e.Code), Is.EquivalentTo(new[] { ContentMessages.UnknownProperty, ContentMessages.UnknownCulture }));
    }

    [TestCase("", ContentMessages.NameRequired)]
    [TestCase("   ", ContentMessages.NameRequired)]
    public void Validate_EmptyName_IsRefused(string name, string code)
    {
        var values = Article();
        values.Cultures["uk"].Name = name;

        var (_, errors) = _validator.Validate(NewsArticle.Definition, values);

        Assert.That(errors.Single().Code, Is.EqualTo(code));
    }

    [Test]
    public void Validate_NameOverMaximum_IsRefused()
    {
        var values = Article();
        values.Cultures["uk"].Name = new string('н', ContentValidator.NameMaxLength + 1);

        var (_, errors) = _validator.Validate(NewsArticle.Definition, values);

        Assert.That(errors.Single().Code, Is.EqualTo(ContentMessages.NameTooLong));
    }

    [TestCase("Novyny", true)]
    [TestCase("novyny-2026", true)]
    [TestCase("новини", false)]
    [TestCase("two words", false)]
    [TestCase("-leading", false)]
    public void Validate_EditorsOwnSegment_MustBeLatinLettersDigitsAndHyphens(string segment, bool valid)
    {
        var values = Article();
        values.Cultures["uk"].Segment = segment;

        var (clean, errors) = _validator.Validate(NewsArticle.Definition, values);

        Assert.That(errors.Count == 0, Is.EqualTo(valid));
        if (valid)
        {
            Assert.That(clean.Cultures["uk"].Segment, Is.EqualTo(segment.ToLowerInvariant()));
        }
    }

    [Test]
    public void Validate_RichText_IsSanitizedOnSave()
    {
        var values = Article();
        values.Cultures["uk"].Values[NewsArticle.Body] =
            "<p onclick=\"steal()\">Текст<script>alert(1)</script></p>" +
            "<iframe src=\"https://www.youtube.com/embed/abcdefghijk\"></iframe>" +
            "<iframe src=\"https://evil.example/page\"></iframe>" +
            "<a href=\"javascript:alert(1)\">посилання</a>";

        var (clean, errors) = _validator.Validate(NewsArticle.Definition, values);

        var html = clean.Cultures["uk"].Values[NewsArticle.Body]!.GetValue<string>();
        Assert.That(errors, Is.Empty);
        Assert.That(html, Does.Contain("<p>Текст</p>"));
        Assert.That(html, Does.Not.Contain("script").And.Not.Contain("onclick").And.Not.Contain("javascript").And.Not.Contain("evil.example"));
        Assert.That(html, Does.Contain("https://www.youtube.com/embed/abcdefghijk"));
    }

    [Test]
    public void Validate_RichText_KeepsALibraryImage_WithItsAltAndSize_ButNotItsHandlersOrAScriptSource()
    {
        const string src = "/media/3f2504e0-4f89-41d3-9a0c-0305e82c3301/zustrich-meriv.png?v=0123456789ab";
        var values = Article();
        values.Cultures["uk"].Values[NewsArticle.Body] =
            $"<p>Текст</p><img src=\"{src}\" alt=\"Мери на зустрічі\" width=\"640\" height=\"480\" onerror=\"steal()\" onload=\"steal()\" style=\"position:fixed\">" +
            "<img src=\"javascript:alert(1)\" alt=\"script\">";

        var (clean, errors) = _validator.Validate(NewsArticle.Definition, values);

        var html = clean.Cultures["uk"].Values[NewsArticle.Body]!.GetValue<string>();
        Assert.That(errors, Is.Empty);
        Assert.That(html, Does.Contain($"<img src=\"{src}\" alt=\"Мери на зустрічі\" width=\"640\" height=\"480\""));
        Assert.That(html, Does.Not.Contain("onerror").And.Not.Contain("onload").And.Not.Contain("steal").And.Not.Contain("javascript"));
    }

    [Test]
    public void Validate_RichTextThatIsOnlyAScript_CountsAsEmpty()
    {
        var values = Article();
        values.Cultures["uk"].Values[NewsArticle.Body] = "<script>alert(1)</script>";

        var (_, errors) = _validator.Validate(NewsArticle.Definition, values);

        Assert.That(errors.Single().Code, Is.EqualTo(ContentMessages.Required));
    }

    [TestCase("{\"local\":\"2026-06-10T10:00\",\"zone\":\"Europe/Kyiv\"}", null)]
    [TestCase("{\"local\":\"2026-06-10T10:00\",\"zone\":\"Europe/Kiev\"}", null)]
    [TestCase("{\"local\":\"2026-06-10T10:00\",\"zone\":\"Mars/Olympus\"}", ContentMessages.UnknownTimeZone)]
    [TestCase("{\"local\":\"10.06.2026 10:00\",\"zone\":\"Europe/Kyiv\"}", ContentMessages.InvalidDateTime)]
    [TestCase("{\"local\":\"2026-06-10T10:00\"}", ContentMessages.InvalidDateTime)]
    [TestCase("\"2026-06-10T10:00\"", ContentMessages.InvalidDateTime)]
    public void Validate_DateTimeWithTimeZone(string json, string? expectedError)
    {
        var values = Event(start: JsonNode.Parse(json), end: JsonNode.Parse("{\"local\":\"2026-06-30T18:00\",\"zone\":\"Europe/Kyiv\"}"));

        var (_, errors) = _validator.Validate(EventType.Definition, values);

        Assert.That(errors.Select(e => e.Code), Is.EqualTo(expectedError is null ? Array.Empty<string>() : new[] { expectedError }));
    }

    [Test]
    public void Validate_EventEndingBeforeItStarts_IsRefused()
    {
        var values = Event(
            start: JsonNode.Parse("{\"local\":\"2026-06-10T10:00\",\"zone\":\"Europe/Kyiv\"}"),
            end: JsonNode.Parse("{\"local\":\"2026-06-10T09:30\",\"zone\":\"Europe/Kyiv\"}"));

        var (_, errors) = _validator.Validate(EventType.Definition, values);

        Assert.That(errors.Single().Code, Is.EqualTo(ContentMessages.EndBeforeStart));
    }

    [Test]
    public void Validate_EventEndingInAnotherZone_ComparesInstants()
    {
        // 10:00 in Kyiv is 09:00 in Warsaw (summer): ending at 09:30 Warsaw time is after the start.
        var values = Event(
            start: JsonNode.Parse("{\"local\":\"2026-06-10T10:00\",\"zone\":\"Europe/Kyiv\"}"),
            end: JsonNode.Parse("{\"local\":\"2026-06-10T09:30\",\"zone\":\"Europe/Warsaw\"}"));

        var (_, errors) = _validator.Validate(EventType.Definition, values);

        Assert.That(errors, Is.Empty);
    }

    [TestCase("conference", null)]
    [TestCase("party", ContentMessages.NotAnOption)]
    public void Validate_EventType_MustBeOneOfTheChoices(string type, string? expectedError)
    {
        var values = Event();
        values.Invariant[EventType.EventType] = type;

        var (_, errors) = _validator.Validate(EventType.Definition, values);

        Assert.That(errors.Select(e => e.Code), Is.EqualTo(expectedError is null ? Array.Empty<string>() : new[] { expectedError }));
    }

    [TestCase("120", null)]
    [TestCase("-1", ContentMessages.NumberOutOfRange)]
    [TestCase("\"сто\"", ContentMessages.NotNumber)]
    public void Validate_Capacity_IsANumberInRange(string json, string? expectedError)
    {
        var values = Event();
        values.Invariant[EventType.Capacity] = JsonNode.Parse(json);

        var (_, errors) = _validator.Validate(EventType.Definition, values);

        Assert.That(errors.Select(e => e.Code), Is.EqualTo(expectedError is null ? Array.Empty<string>() : new[] { expectedError }));
    }

    [Test]
    public void Validate_NumberBuiltInCode_IsANumber()
    {
        var values = Event();
        values.Invariant[EventType.Capacity] = JsonValue.Create(200);

        var (clean, errors) = _validator.Validate(EventType.Definition, values);

        Assert.That(errors, Is.Empty);
        Assert.That(clean.Invariant[EventType.Capacity]!.ToJsonString(), Is.EqualTo("200"));
    }

    [TestCase("true", null)]
    [TestCase("\"yes\"", ContentMessages.NotBoolean)]
    public void Validate_TrueFalse(string json, string? expectedError)
    {
        var values = Event();
        values.Invariant[EventType.IsOnline] = JsonNode.Parse(json);

        var (_, errors) = _validator.Validate(EventType.Definition, values);

        Assert.That(errors.Select(e => e.Code), Is.EqualTo(expectedError is null ? Array.Empty<string>() : new[] { expectedError }));
    }

    [TestCase("https://meet.example.org/room", null)]
    [TestCase("meet.example.org/room", ContentMessages.InvalidUrl)]
    [TestCase("javascript:alert(1)", ContentMessages.InvalidUrl)]
    public void Validate_Url_MustBeAbsoluteHttp(string url, string? expectedError)
    {
        var values = Event();
        values.Invariant[EventType.OnlineLink] = url;

        var (_, errors) = _validator.Validate(EventType.Definition, values);

        Assert.That(errors.Select(e => e.Code), Is.EqualTo(expectedError is null ? Array.Empty<string>() : new[] { expectedError }));
    }

    [Test]
    public void Validate_SingleMediaPicker_RefusesTwoItems_AndMalformedKeys()
    {
        var values = Article();
        values.Invariant[NewsArticle.Image] = new JsonArray(Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var (_, twoItems) = _validator.Validate(NewsArticle.Definition, values);

        values.Invariant[NewsArticle.Image] = new JsonArray("not-a-key");
        var (_, malformed) = _validator.Validate(NewsArticle.Definition, values);

        Assert.That(twoItems.Single().Code, Is.EqualTo(ContentMessages.TooManyItems));
        Assert.That(malformed.Single().Code, Is.EqualTo(ContentMessages.InvalidKeyList));
    }

    [Test]
    public void Validate_Tags_AreTrimmedAndDeduplicated()
    {
        var values = Article();
        values.Cultures["uk"].Values[NewsArticle.Tags] = new JsonArray(" гранти ", "Гранти", "громади", "");

        var (clean, errors) = _validator.Validate(NewsArticle.Definition, values);

        Assert.That(errors, Is.Empty);
        Assert.That(clean.Cultures["uk"].Values[NewsArticle.Tags]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "гранти", "громади" }));
    }

    [Test]
    public void Validate_BlockList_ChecksEachBlockAgainstItsElementType()
    {
        var values = Session(new JsonArray(
            new JsonObject { ["name"] = "Олена Андронова", ["role"] = "віцепрезидентка", ["organisation"] = "WTC Kyiv" },
            new JsonObject { ["role"] = "без імені" },
            new JsonObject { ["name"] = "Гість", ["shoeSize"] = "42" }));

        var (_, errors) = _validator.Validate(ExpertSession.Definition, values);

        Assert.That(errors.Select(e => (e.Code, e.Property)), Is.EquivalentTo(new[]
        {
            (ContentMessages.Required, "speakers[1].name"),
            (ContentMessages.UnknownProperty, "speakers"),
        }));
    }

    [Test]
    public void Validate_BlockList_KeepsValidBlocks()
    {
        var values = Session(new JsonArray(new JsonObject { ["name"] = " Henry Sterenberg ", ["organisation"] = "WTC Kyiv" }));

        var (clean, errors) = _validator.Validate(ExpertSession.Definition, values);

        Assert.That(errors, Is.Empty);
        Assert.That(clean.Cultures["uk"].Values[ExpertSession.Speakers]!.ToJsonString(), Is.EqualTo("[{\"name\":\"Henry Sterenberg\",\"organisation\":\"WTC Kyiv\"}]"));
    }

    private static ContentValues Article() => new()
    {
        Invariant = { [NewsArticle.Date] = "2026-05-11" },
        Cultures =
        {
            ["uk"] = new CultureVariant
            {
                Name = "Експертна сесія з WTC Kyiv",
                Values = { [NewsArticle.Summary] = "Виклад.", [NewsArticle.Body] = "<p>Текст.</p>" },
            },
        },
    };

    private static ContentValues Event(JsonNode? start = null, JsonNode? end = null) => new()
    {
        Invariant =
        {
            [EventType.Start] = start ?? JsonNode.Parse("{\"local\":\"2026-06-10T10:00\",\"zone\":\"Europe/Kyiv\"}"),
            [EventType.End] = end ?? JsonNode.Parse("{\"local\":\"2026-06-10T13:00\",\"zone\":\"Europe/Kyiv\"}"),
            [EventType.EventType] = "forum",
        },
        Cultures = { ["uk"] = new CultureVariant { Name = "Форум громад", Values = { [EventType.Summary] = "Виклад." } } },
    };

    private static ContentValues Session(JsonArray speakers) => new()
    {
        Invariant = { [ExpertSession.Date] = JsonNode.Parse("{\"local\":\"2026-05-11T11:00\",\"zone\":\"Europe/Kyiv\"}") },
        Cultures =
        {
            ["uk"] = new CultureVariant
            {
                Name = "WTC Kyiv: можливості для громад",
                Values = { [ExpertSession.Summary] = "Виклад.", [ExpertSession.Speakers] = speakers },
            },
        },
    };
}
