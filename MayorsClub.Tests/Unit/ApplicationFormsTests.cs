using MayorsClub.Core.Applications;
using MayorsClub.Core.Members;

namespace MayorsClub.Tests.Unit;

/// <summary>The four forms' declarations, their texts in both languages, and the server-side check of a submission.</summary>
public sealed class ApplicationFormsTests
{
    private static IEnumerable<string> DeclaredKeys() =>
        ApplicationForms.All.SelectMany(form => new[] { form.TitleKey, form.IntroKey, form.SubmitKey }
            .Concat(form.Fields.SelectMany(field => new[] { field.LabelKey }
                .Concat(field.HelpKey is { } help ? [help] : [])
                .Concat(field.Options.Select(field.OptionKey)))));

    private static IEnumerable<string> MessageCodes() =>
        typeof(ApplicationTexts).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [TestCaseSource(nameof(DeclaredKeys))]
    public void EveryTitleLabelHelpAndChoice_HasBothLanguages(string key) =>
        Assert.That(ApplicationTexts.HasBothLanguages(key), Is.True, key);

    [TestCaseSource(nameof(MessageCodes))]
    public void EveryMessage_HasBothLanguages(string code) =>
        Assert.That(ApplicationTexts.HasBothLanguages(code), Is.True, code);

    [Test]
    public void Catalogue_HoldsNoTextThatNoFormOrRuleUses()
    {
        var used = DeclaredKeys().Concat(MessageCodes()).ToHashSet(StringComparer.Ordinal);

        Assert.That(ApplicationTexts.Keys.Where(key => !used.Contains(key)), Is.Empty);
    }

    [Test]
    public void EnglishTexts_UseTypographicQuotesAndApostrophes()
    {
        var straight = ApplicationTexts.Keys.Where(key => ApplicationTexts.Get(key, "en").IndexOfAny(['\'', '"']) >= 0);

        Assert.That(straight, Is.Empty, "use ’ for apostrophes and “ ” for quotes");
    }

    [Test]
    public void Forms_AreFoundByName_AndNameTheirApplicantAndEmailFields()
    {
        foreach (var form in ApplicationForms.All)
        {
            Assert.That(ApplicationForms.Find(form.Name), Is.SameAs(form));
            Assert.That(form.Field(form.ApplicantNameField)?.Type, Is.EqualTo(FieldType.Text), form.Name);
            Assert.That(form.Field(form.ApplicantEmailField)?.Type, Is.EqualTo(FieldType.Email), form.Name);
            Assert.That(form.Fields.Select(f => f.Name), Is.Unique, form.Name);
        }
        Assert.That(ApplicationForms.Find("newsletter"), Is.Null);
    }

    [Test]
    public void Membership_OffersTheFivePositions_AndTheRegionsInTheAskedLanguage()
    {
        var position = ApplicationForms.Membership.Field("position")!;
        var region = ApplicationForms.Membership.Field("region")!;

        Assert.That(position.Choices("uk").Select(c => c.Name), Is.EqualTo(new[]
        {
            "Чинний міський голова", "Колишній міський голова", "Голова територіальної громади",
            "Колишній голова територіальної громади", "Член команди громади",
        }));
        Assert.That(position.Choices("en")[4], Is.EqualTo(("communityTeam", "Member of a community’s team")));
        Assert.That(region.Choices("en"), Has.Count.EqualTo(Regions.Codes.Count));
        Assert.That(region.Choices("uk"), Does.Contain(("UA-46", "Львівська область")));
        Assert.That(region.Label("en"), Is.EqualTo("Region"));
        Assert.That(ApplicationForms.Membership.Field("consent")!.Help("uk"), Does.Contain("політиці конфіденційності"));
    }

    [Test]
    public void Partnership_OffersTheFourKinds()
    {
        var kind = ApplicationForms.Partnership.Field("kind")!;

        Assert.That(kind.Choices("en").Select(c => c.Name), Is.EqualTo(new[]
        {
            "Ukrainian enterprise", "International company", "Investment fund or investor", "Other",
        }));
    }

    [Test]
    public void CompleteMembership_IsValid_WithTrimmedAndNormalisedValues()
    {
        var result = ApplicationValidator.Validate(ApplicationForms.Membership, Membership());

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Values, Is.EqualTo(new Dictionary<string, string>
        {
            ["fullName"] = "Олена Петренко",
            ["position"] = "currentMayor",
            ["community"] = "Бучанська міська громада",
            ["region"] = "UA-32",
            ["email"] = "olena.petrenko@bucha-rada.gov.ua",
            ["phone"] = "+380501234567",
            ["website"] = "https://bucha-rada.gov.ua/",
            ["motivation"] = "Хочу ділитися досвідом.\nІ вчитися в колег.",
            ["consent"] = "true",
        }));
    }

    [Test]
    public void UnknownFields_AreIgnored()
    {
        var submitted = Membership();
        submitted["website_confirm"] = "spam";
        submitted["__RequestVerificationToken"] = "token";
        submitted["memberId"] = "42";

        var result = ApplicationValidator.Validate(ApplicationForms.Membership, submitted);

        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Values.Keys, Is.EquivalentTo(ApplicationForms.Membership.Fields.Select(f => f.Name)));
    }

    [Test]
    public void OptionalFieldLeftEmpty_IsValid_AndLeftOut()
    {
        var submitted = Membership();
        submitted["website"] = "   ";

        var result = ApplicationValidator.Validate(ApplicationForms.Membership, submitted);

        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Values.ContainsKey("website"), Is.False);
    }

    [Test]
    public void RequiredFields_MissingOrBlank_EachGetTheRequiredMessage_InBothLanguages()
    {
        var result = ApplicationValidator.Validate(ApplicationForms.Contact, new Dictionary<string, string?> { ["name"] = "  ", ["message"] = null });

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "name", "email", "message" }));
        Assert.That(result.Errors.Values.Select(e => e.Code), Is.All.EqualTo(ApplicationTexts.Required));
        Assert.That(result.Errors["name"].Message("uk"), Is.EqualTo("Заповніть це поле."));
        Assert.That(result.Errors["name"].Message("en"), Is.EqualTo("Please fill in this field."));
        Assert.That(result.Values, Is.Empty);
    }

    [Test]
    public void TooLongText_IsRefused_NamingTheLimit()
    {
        var submitted = Membership();
        submitted["fullName"] = new string('я', ApplicationForms.NameLength + 1);
        submitted["motivation"] = new string('a', ApplicationForms.LongTextLength);

        var result = ApplicationValidator.Validate(ApplicationForms.Membership, submitted);

        Assert.That(result.Errors.Keys, Is.EqualTo(new[] { "fullName" }), "the longest allowed motivation passes");
        Assert.That(result.Errors["fullName"].Message("uk"), Is.EqualTo("Задовго: не більше 200 символів."));
        Assert.That(result.Errors["fullName"].Message("en"), Is.EqualTo("Too long: at most 200 characters."));
    }

    [Test]
    public void LengthIsCountedAfterTrimming()
    {
        var submitted = Membership();
        submitted["fullName"] = "  " + new string('я', ApplicationForms.NameLength) + "  ";

        Assert.That(ApplicationValidator.Validate(ApplicationForms.Membership, submitted).IsValid, Is.True);
    }

    [Test]
    public void OneLineField_LineBreaksBecomeSpaces()
    {
        var submitted = Membership();
        submitted["community"] = "Бучанська\r\nміська громада";

        Assert.That(ApplicationValidator.Validate(ApplicationForms.Membership, submitted).Values["community"], Is.EqualTo("Бучанська міська громада"));
    }

    [TestCase(" Olena@Example.COM ", "olena@example.com")]
    [TestCase("o.petrenko+club@rada.gov.ua", "o.petrenko+club@rada.gov.ua")]
    public void Email_IsTrimmedAndLowerCased(string typed, string stored) =>
        Assert.That(Contact(email: typed).Values["email"], Is.EqualTo(stored));

    [TestCase("olena")]
    [TestCase("olena@")]
    [TestCase("olena@localhost")]
    [TestCase("olena@example.c")]
    [TestCase("Olena <olena@example.com>")]
    [TestCase("olena petrenko@example.com")]
    [TestCase("olena@@example.com")]
    public void Email_NotAnAddress_IsRefused(string typed)
    {
        var error = Contact(email: typed).Errors["email"];

        Assert.That(error.Code, Is.EqualTo(ApplicationTexts.InvalidEmail));
        Assert.That(error.Message("en"), Is.EqualTo("Enter an e-mail address, such as name@example.com."));
        Assert.That(error.Message("uk"), Does.StartWith("Вкажіть адресу електронної пошти"));
    }

    [TestCase("050 123 45 67", "+380501234567")]
    [TestCase("(050) 123-45-67", "+380501234567")]
    [TestCase("+380 50 123 45 67", "+380501234567")]
    [TestCase("380501234567", "+380501234567")]
    [TestCase("+38 (067) 765-43-21", "+380677654321")]
    [TestCase("044 234 56 78", "+380442345678")]
    public void UkrainianPhone_WithOrWithoutCountryCode_IsStoredInE164(string typed, string stored) =>
        Assert.That(Event(phone: typed).Values["phone"], Is.EqualTo(stored));

    [TestCase("+48 22 123 45 67", "+48221234567")]
    [TestCase("+49 30 901820", "+4930901820")]
    [TestCase("+1 (202) 456-1111", "+12024561111")]
    [TestCase("+44 20 7946 0958", "+442079460958")]
    public void ForeignPhone_WithItsCountryCode_IsStoredInE164(string typed, string stored) =>
        Assert.That(Event(phone: typed).Values["phone"], Is.EqualTo(stored));

    [TestCase("12345")]
    [TestCase("050 123 45")]
    [TestCase("050 123 45 67 89 00")]
    [TestCase("+380 00 000 00 00")]
    [TestCase("phone me")]
    [TestCase("050-CALL-NOW")]
    [TestCase("+999 123 456 789")]
    public void Phone_NotAValidNumber_IsRefused(string typed)
    {
        var error = Event(phone: typed).Errors["phone"];

        Assert.That(error.Code, Is.EqualTo(ApplicationTexts.InvalidPhone));
        Assert.That(error.Message("en"), Does.StartWith("Enter a phone number"));
        Assert.That(error.Message("uk"), Does.StartWith("Вкажіть номер телефону"));
    }

    [TestCase("https://bucha-rada.gov.ua", "https://bucha-rada.gov.ua/")]
    [TestCase("http://example.org/about?x=1", "http://example.org/about?x=1")]
    [TestCase("bucha-rada.gov.ua", "https://bucha-rada.gov.ua/")]
    [TestCase("HTTPS://Example.ORG/Page", "https://example.org/Page")]
    public void Url_HttpOrHttps_IsStored(string typed, string stored)
    {
        var submitted = Membership();
        submitted["website"] = typed;

        Assert.That(ApplicationValidator.Validate(ApplicationForms.Membership, submitted).Values["website"], Is.EqualTo(stored));
    }

    [TestCase("javascript:alert(1)")]
    [TestCase("ftp://example.org/file")]
    [TestCase("data:text/html,hi")]
    [TestCase("https://localhost/")]
    [TestCase("https://user:pass@example.org/")]
    [TestCase("https://exa mple.org")]
    [TestCase("not a website")]
    public void Url_OtherSchemeOrNoHost_IsRefused(string typed)
    {
        var submitted = Membership();
        submitted["website"] = typed;

        var error = ApplicationValidator.Validate(ApplicationForms.Membership, submitted).Errors["website"];

        Assert.That(error.Code, Is.EqualTo(ApplicationTexts.InvalidUrl));
        Assert.That(error.Message("en"), Is.EqualTo("Enter a website address, such as https://rada.gov.ua."));
    }

    [TestCase("true")]
    [TestCase("on")]
    [TestCase("True")]
    public void Consent_TrueOrOn_IsStoredAsTrue(string typed)
    {
        var submitted = Membership();
        submitted["consent"] = typed;

        Assert.That(ApplicationValidator.Validate(ApplicationForms.Membership, submitted).Values["consent"], Is.EqualTo("true"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("false")]
    [TestCase("yes please")]
    public void Consent_NotGiven_IsRefused_WithItsOwnMessage(string? typed)
    {
        var submitted = Membership();
        submitted["consent"] = typed;

        var error = ApplicationValidator.Validate(ApplicationForms.Membership, submitted).Errors["consent"];

        Assert.That(error.Code, Is.EqualTo(ApplicationTexts.ConsentRequired));
        Assert.That(error.Message("uk"), Is.EqualTo("Без вашої згоди на обробку персональних даних ми не можемо прийняти заявку."));
        Assert.That(error.Message("en"), Is.EqualTo("We cannot accept the application without your consent to the processing of your personal data."));
    }

    [Test]
    public void EveryFormThatAsksForPersonalData_RequiresConsent()
    {
        foreach (var form in new[] { ApplicationForms.Membership, ApplicationForms.Partnership, ApplicationForms.EventRegistration })
        {
            Assert.That(form.Field("consent"), Is.Not.Null.And.Property(nameof(FormField.Required)).True, form.Name);
        }
    }

    [TestCase("position", "mayor")]
    [TestCase("position", "CurrentMayor")]
    [TestCase("region", "UA-99")]
    [TestCase("region", "Київська область")]
    public void Membership_ValueOutsideItsChoices_IsRefused(string field, string typed)
    {
        var submitted = Membership();
        submitted[field] = typed;

        var error = ApplicationValidator.Validate(ApplicationForms.Membership, submitted).Errors[field];

        Assert.That(error.Code, Is.EqualTo(ApplicationTexts.NotAnOption));
        Assert.That(error.Message("en"), Is.EqualTo("Choose one of the options offered."));
        Assert.That(error.Message("uk"), Is.EqualTo("Оберіть один із запропонованих варіантів."));
    }

    [Test]
    public void Partnership_KindOutsideItsChoices_IsRefused_AndACompleteOneIsValid()
    {
        var submitted = new Dictionary<string, string?>
        {
            ["organisation"] = "Acme GmbH", ["kind"] = "internationalCompany", ["country"] = "Німеччина",
            ["contactPerson"] = "Anna Schmidt", ["email"] = "anna@acme.de", ["offer"] = "Сонячні станції.", ["consent"] = "on",
        };

        var valid = ApplicationValidator.Validate(ApplicationForms.Partnership, submitted);
        submitted["kind"] = "charity";
        var invalid = ApplicationValidator.Validate(ApplicationForms.Partnership, submitted);

        Assert.That(valid.IsValid, Is.True, "the phone is optional for a partner");
        Assert.That(invalid.Errors["kind"].Code, Is.EqualTo(ApplicationTexts.NotAnOption));
    }

    [TestCase("1", "1")]
    [TestCase(" 50 ", "50")]
    [TestCase("007", "7")]
    public void Participants_From1To50_AreStored(string typed, string stored) =>
        Assert.That(Event(participants: typed).Values["participants"], Is.EqualTo(stored));

    [TestCase("0")]
    [TestCase("51")]
    public void Participants_OutsideTheRange_AreRefused_NamingIt(string typed)
    {
        var error = Event(participants: typed).Errors["participants"];

        Assert.That(error.Code, Is.EqualTo(ApplicationTexts.NumberOutOfRange));
        Assert.That(error.Message("en"), Is.EqualTo("Enter a number from 1 to 50."));
        Assert.That(error.Message("uk"), Is.EqualTo("Вкажіть число від 1 до 50."));
    }

    [TestCase("two")]
    [TestCase("-3")]
    [TestCase("2.5")]
    [TestCase("1e1")]
    public void Participants_NotAWholeNumber_AreRefused(string typed) =>
        Assert.That(Event(participants: typed).Errors["participants"].Code, Is.EqualTo(ApplicationTexts.NotNumber));

    [Test]
    public void Contact_KeepsTheMessagesLineBreaks()
    {
        var result = ApplicationValidator.Validate(ApplicationForms.Contact, new Dictionary<string, string?>
        {
            ["name"] = " Іван ", ["email"] = "ivan@example.com", ["message"] = "  Добрий день!\r\n\r\nЯк приєднатися?  ",
        });

        Assert.That(result.Values["name"], Is.EqualTo("Іван"));
        Assert.That(result.Values["message"], Is.EqualTo("Добрий день!\n\nЯк приєднатися?"));
    }

    [Test]
    public void BrowserAttributes_CarryTheSameRules()
    {
        var membership = ApplicationForms.Membership;

        Assert.That(membership.Field("fullName")!.BrowserAttributes(), Is.EqualTo(new[]
        {
            ("type", "text"), ("required", "required"), ("maxlength", "200"), ("autocomplete", "name"),
        }));
        Assert.That(membership.Field("email")!.BrowserAttributes(), Does.Contain(("type", "email")).And.Contain(("maxlength", "254")));
        Assert.That(membership.Field("phone")!.BrowserAttributes(), Does.Contain(("type", "tel")).And.Contain(("autocomplete", "tel")));
        Assert.That(membership.Field("website")!.BrowserAttributes(), Does.Contain(("inputmode", "url")).And.Not.Contain(("required", "required")));
        Assert.That(membership.Field("consent")!.BrowserAttributes(), Is.EqualTo(new[]
        {
            ("type", "checkbox"), ("required", "required"), ("value", "true"),
        }));
        Assert.That(ApplicationForms.EventRegistration.Field("participants")!.BrowserAttributes(), Does.Contain(("min", "1")).And.Contain(("max", "50")));
        Assert.That(ApplicationForms.Partnership.Field("phone")!.BrowserAttributes(), Does.Not.Contain(("required", "required")));
    }

    private static Dictionary<string, string?> Membership() => new()
    {
        ["fullName"] = "  Олена Петренко ",
        ["position"] = "currentMayor",
        ["community"] = "Бучанська міська громада",
        ["region"] = "UA-32",
        ["email"] = "Olena.Petrenko@Bucha-Rada.gov.ua",
        ["phone"] = "050 123 45 67",
        ["website"] = "https://bucha-rada.gov.ua",
        ["motivation"] = "Хочу ділитися досвідом.\r\nІ вчитися в колег.\r\n",
        ["consent"] = "on",
    };

    private static ApplicationValidation Contact(string email) =>
        ApplicationValidator.Validate(ApplicationForms.Contact, new Dictionary<string, string?>
        {
            ["name"] = "Іван", ["email"] = email, ["message"] = "Питання.",
        });

    private static ApplicationValidation Event(string phone = "050 123 45 67", string participants = "2") =>
        ApplicationValidator.Validate(ApplicationForms.EventRegistration, new Dictionary<string, string?>
        {
            ["organisation"] = "Ірпінська громада", ["contactPerson"] = "Петро", ["email"] = "petro@example.com",
            ["phone"] = phone, ["participants"] = participants, ["consent"] = "true",
        });

    [TestCase("Заявку MC-2026-1000 отримано", true)]
    [TestCase("MC-2026-1000", true)]
    [TestCase("Your application MC-2026-10000 is approved", false)]
    [TestCase("MC-2026-10000 and MC-2026-1000.", true)]
    public void AnApplicationsEmail_IsTheOneWhoseSubjectNamesItsReference_NotALongerNumber(string subject, bool names) =>
        Assert.That(ApplicationReview.NamesReference(subject, "MC-2026-1000"), Is.EqualTo(names));
}
