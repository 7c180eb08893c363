using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;
using NodaTime;
using static MayorsClub.Core.Publishing.PublishedSnapshotBuilder;

namespace MayorsClub.Tests.Unit;

/// <summary>The read model's typed values and the event facts every reader shares.</summary>
public sealed class PublishedReadModelTests
{
    private static readonly DateTime Built = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 8, 0);
    private static readonly Guid Photo = Guid.NewGuid();
    private static readonly Guid Pdf = Guid.NewGuid();
    private static readonly Guid UkOnlyKey = Guid.NewGuid();
    private static readonly Guid BothKey = Guid.NewGuid();

    private readonly DocumentTypeRegistry _types = new();

    [Test]
    public void Text_IsTrimmed_AndEmptyOrBlankIsNull()
    {
        var article = Article(new ContentValues().With("uk", NewsArticle.Summary, "  Виклад  ").With("en", NewsArticle.Summary, "   "));

        Assert.That(article.In("uk").Text(NewsArticle.Summary), Is.EqualTo("Виклад"));
        Assert.That(article.In("en").Text(NewsArticle.Summary), Is.Null);
        Assert.That(article.In("uk").Text(NewsArticle.SourceUrl), Is.Null);
    }

    [Test]
    public void RichText_IsTheSavedHtml()
    {
        var article = Article(new ContentValues().With("uk", NewsArticle.Body, "<p>Текст <strong>новини</strong>.</p>"));

        Assert.That(article.In("uk").RichText(NewsArticle.Body), Is.EqualTo("<p>Текст <strong>новини</strong>.</p>"));
    }

    [Test]
    public void SharedValues_ReadTheSameInBothCultures()
    {
        var article = Article(new ContentValues().Shared(NewsArticle.Date, "2026-05-11"));

        Assert.That(article.In("uk").Date(NewsArticle.Date), Is.EqualTo(new LocalDate(2026, 5, 11)));
        Assert.That(article.In("en").Date(NewsArticle.Date), Is.EqualTo(new LocalDate(2026, 5, 11)));
    }

    [Test]
    public void Zoned_KeepsTheEditorsZone()
    {
        var item = AnEvent(start: new LocalDateTime(2026, 5, 11, 10, 0), zone: "Europe/Kyiv");

        var start = item.In("uk").Zoned(Event.Start)!.Value;

        Assert.That(start.LocalDateTime, Is.EqualTo(new LocalDateTime(2026, 5, 11, 10, 0)));
        Assert.That(start.Zone.Id, Is.EqualTo("Europe/Kyiv"));
        Assert.That(start.ToInstant(), Is.EqualTo(Instant.FromUtc(2026, 5, 11, 7, 0)));
    }

    [Test]
    public void Numbers_Flags_AndTheWrongKindOfValue()
    {
        var item = AnEvent(start: new LocalDateTime(2026, 5, 11, 10, 0), extra: v => v
            .Shared(Event.Capacity, 120.7m).Shared(Event.IsOnline, true).Shared(Event.AllDay, "yes"));
        var values = item.In("uk");

        Assert.That(values.Number(Event.Capacity), Is.EqualTo(120.7m));
        Assert.That(values.Integer(Event.Capacity), Is.EqualTo(120));
        Assert.That(values.Flag(Event.IsOnline), Is.True);
        Assert.That(values.Flag(Event.AllDay), Is.False, "a string is not true");
        Assert.That(values.Integer(Event.Venue), Is.Null);
    }

    [Test]
    public void Tags_AreTrimmed_WithoutEmptyOnes()
    {
        var article = Article(new ContentValues().With("uk", NewsArticle.Tags, new JsonArray(" гранти ", "", "громади")));

        Assert.That(article.In("uk").Tags(NewsArticle.Tags), Is.EqualTo(new[] { "гранти", "громади" }));
    }

    [Test]
    public void Media_ArePublicFilesOfTheSnapshot_WithAltTextPerCultureAndFocalPoint()
    {
        var article = Article(new ContentValues().Shared(NewsArticle.Image, new JsonArray(Guid.NewGuid().ToString(), Pdf.ToString(), Photo.ToString())));

        var uk = article.In("uk");
        Assert.That(uk.Media(NewsArticle.Image).Select(m => m.Key), Is.EqualTo(new[] { Pdf, Photo }), "unknown keys left out, order kept");
        var image = uk.FirstImage(NewsArticle.Image)!;
        Assert.That(image.Key, Is.EqualTo(Photo), "the first image, not the first file");
        Assert.That(image.Url, Does.StartWith($"/media/{Photo}/"));
        Assert.That((image.Width, image.Height, image.FocalPoint), Is.EqualTo(((int?)800, (int?)600, (FocalPoint?)new FocalPoint(0.25, 0.75))));
        Assert.That(image.Alt("uk"), Is.EqualTo("Мери на форумі"));
        Assert.That(image.Alt("en"), Is.EqualTo("Мери на форумі"), "falls back to the other culture");
    }

    [Test]
    public void Links_ArePickedDocumentsVisibleInTheCulture_InTheEditorsOrder()
    {
        var article = Article(new ContentValues().With("uk", NewsArticle.RelatedNews, new JsonArray(BothKey.ToString(), Guid.NewGuid().ToString(), UkOnlyKey.ToString()))
            .With("en", NewsArticle.RelatedNews, new JsonArray(UkOnlyKey.ToString(), BothKey.ToString())));

        Assert.That(article.In("uk").Links(NewsArticle.RelatedNews).Select(d => d.Key), Is.EqualTo(new[] { BothKey, UkOnlyKey }));
        Assert.That(article.In("en").Links(NewsArticle.RelatedNews).Select(d => d.Key), Is.EqualTo(new[] { BothKey }));
    }

    [Test]
    public void Blocks_ReadByTheirElementProperties()
    {
        var speakers = new JsonArray(
            new JsonObject { ["name"] = " Юлія Чуфістова ", ["role"] = "Мерка", ["photo"] = new JsonArray(Photo.ToString()) },
            new JsonObject { ["name"] = "Henry Sterenberg", ["organisation"] = "WTC Kyiv" });
        var item = AnEvent(start: new LocalDateTime(2026, 5, 11, 10, 0), extra: v => v.With("uk", Event.Speakers, speakers));

        var blocks = item.In("uk").Blocks(Event.Speakers);

        Assert.That(blocks.Select(b => (b.ElementType, b.Text("name"), b.Text("role"), b.Text("organisation"))), Is.EqualTo(new[]
        {
            ("speaker", "Юлія Чуфістова", "Мерка", (string?)null), ("speaker", "Henry Sterenberg", null, "WTC Kyiv"),
        }));
        Assert.That(blocks[0].FirstImage("photo")?.Key, Is.EqualTo(Photo));
        Assert.That(blocks[1].FirstImage("photo"), Is.Null);
    }

    [Test]
    public void AValueTheDocumentTypeDoesNotDeclare_ReadsAsNothing()
    {
        var article = Article(new ContentValues().With("uk", "notAProperty", "stale"));

        Assert.That(article.In("uk").HasValue("notAProperty"), Is.True);
        Assert.That(article.In("uk").Text("notAProperty"), Is.Null);
        Assert.That(article.In("uk").MayRead("notAProperty"), Is.False);
    }

    [TestCase("2026-11-22T10:00", "2026-11-22T18:00", true, null, RegistrationStatus.Ended, TestName = "Registration_AfterTheEvent_HasEnded")]
    [TestCase("2026-11-23T09:00", "2026-11-23T18:00", true, null, RegistrationStatus.Open, TestName = "Registration_WhileTheEventRuns_IsStillOpen")]
    [TestCase("2026-12-01T10:00", "2026-12-01T18:00", false, null, RegistrationStatus.Closed, TestName = "Registration_TheEditorClosed_IsClosed")]
    [TestCase("2026-12-01T10:00", "2026-12-01T18:00", true, "2026-11-23T09:59", RegistrationStatus.Closed, TestName = "Registration_AfterTheDeadline_IsClosed")]
    [TestCase("2026-12-01T10:00", "2026-12-01T18:00", true, "2026-11-23T10:01", RegistrationStatus.Open, TestName = "Registration_BeforeTheDeadline_IsOpenWithIt")]
    public void Registration(string start, string end, bool open, string? deadline, RegistrationStatus expected)
    {
        // Now is 10:00 in Kyiv (08:00 UTC).
        var item = AnEvent(start: Local(start), end: Local(end), extra: v =>
        {
            v.Shared(Event.RegistrationOpen, open);
            if (deadline is not null)
            {
                v.Invariant[Event.RegistrationDeadline] = ZonedValue.Create(Local(deadline), "Europe/Kyiv");
            }

            return v;
        });

        var registration = item.In("uk").Registration(Now);

        Assert.That(registration.Status, Is.EqualTo(expected));
        Assert.That(registration.Deadline?.LocalDateTime, Is.EqualTo(expected == RegistrationStatus.Open && deadline is not null ? Local(deadline) : (LocalDateTime?)null));
    }

    [Test]
    public void Times_AnEventWithoutAnEnd_EndsWhenItStarts()
    {
        var item = AnEvent(start: new LocalDateTime(2026, 11, 23, 9, 0), end: null);

        var times = item.In("uk").Times()!;

        Assert.That(times.End, Is.Null);
        Assert.That(times.Ends, Is.EqualTo(Instant.FromUtc(2026, 11, 23, 7, 0)));
        Assert.That(times.IsPast(Now), Is.True);
    }

    [Test]
    public void UpcomingAndPastEvents_SplitAtTheirEnd_SoonestAndMostRecentFirst()
    {
        var rows = new List<DocumentRow> { Row(1, null, Home.Alias, new ContentValues()), Row(2, 1, EventsCalendar.Alias, new ContentValues()) };
        (int Id, string Start, string End)[] events =
        [
            (10, "2026-11-20T10:00", "2026-11-20T12:00"), (11, "2026-11-23T09:00", "2026-11-23T12:00"),
            (12, "2026-12-05T10:00", "2026-12-05T12:00"), (13, "2026-11-01T10:00", "2026-11-01T12:00"), (14, "2026-11-30T10:00", "2026-11-30T12:00"),
        ];
        foreach (var (id, start, end) in events)
        {
            rows.Add(Row(id, 2, Event.Alias, EventValues(Local(start), Local(end), "Europe/Kyiv")));
        }

        var view = PublishedSnapshotBuilder.Build(rows, _types, 1, Built).For(Viewer.Anonymous);

        Assert.That(view.UpcomingEvents("uk", Now).Select(e => e.Id), Is.EqualTo(new[] { 11, 14, 12 }), "the one in progress is upcoming");
        Assert.That(view.PastEvents("uk", Now).Select(e => e.Id), Is.EqualTo(new[] { 10, 13 }));
    }

    private static LocalDateTime Local(string text) => ZonedValue.LocalPattern.Parse(text).Value;

    private Document Article(ContentValues values) => Build(NewsArticle.Alias, values);

    private Document AnEvent(LocalDateTime start, LocalDateTime? end = default, string zone = "Europe/Kyiv", Func<ContentValues, ContentValues>? extra = null)
    {
        var values = EventValues(start, end, zone);
        return Build(Event.Alias, extra?.Invoke(values) ?? values);
    }

    private static ContentValues EventValues(LocalDateTime start, LocalDateTime? end, string zone)
    {
        var values = new ContentValues();
        values.Invariant[Event.Start] = ZonedValue.Create(start, zone);
        if (end is { } e)
        {
            values.Invariant[Event.End] = ZonedValue.Create(e, zone);
        }

        return values;
    }

    /// <summary>A home page with two articles to link to (one in Ukrainian only), public media, and the document under test.</summary>
    private Document Build(string contentType, ContentValues values)
    {
        var media = new[]
        {
            new MediaItem(Photo, null, false, "Фото", "forum.jpg", MediaFormat.Jpeg, 1000, 800, 600, new FocalPoint(0.25, 0.75),
                new Dictionary<string, string> { ["uk"] = "Мери на форумі" }, false, 1, Built, "editor", Built, "token"),
            new MediaItem(Pdf, null, false, "Звіт", "report.pdf", MediaFormat.Pdf, 1000, null, null, null,
                new Dictionary<string, string>(), false, 1, Built, "editor", Built, "token"),
        };
        var snapshot = PublishedSnapshotBuilder.Build(
        [
            Row(1, null, Home.Alias, new ContentValues()),
            Row(2, 1, NewsIndex.Alias, new ContentValues()),
            Row(3, 2, NewsArticle.Alias, new ContentValues(), UkOnlyKey, "uk"),
            Row(4, 2, NewsArticle.Alias, new ContentValues(), BothKey),
            Row(5, 2, contentType, values),
        ], _types, 1, Built, media);
        return new Document(snapshot, snapshot.Get(5)!);
    }

    private static DocumentRow Row(int id, int? parentId, string type, ContentValues values, Guid? key = null, params string[] cultures)
    {
        cultures = cultures.Length == 0 ? ["uk", "en"] : cultures;
        foreach (var culture in cultures)
        {
            values.Cultures.TryAdd(culture, new CultureVariant { Name = $"{type} {id}" });
        }

        return new DocumentRow(id, key ?? Guid.NewGuid(), parentId, type, id, 0, Built, Built, 1, PublishedSnapshotBuilder.Parse(values.ToJson()),
            cultures.Select(c => new CultureRow(c, $"{type} {id}", $"{type}-{id}", Built)).ToList());
    }

    private sealed record Document(PublishedSnapshot Snapshot, PublishedDocument Published)
    {
        public PublishedValues In(string culture) => Snapshot.For(Viewer.Anonymous).Of(Published, culture);
    }
}

internal static class ContentValuesTestExtensions
{
    public static ContentValues With(this ContentValues values, string culture, string alias, JsonNode? value)
    {
        if (!values.Cultures.TryGetValue(culture, out var variant))
        {
            values.Cultures[culture] = variant = new CultureVariant { Name = culture };
        }

        variant.Values[alias] = value;
        return values;
    }

    public static ContentValues Shared(this ContentValues values, string alias, JsonNode? value)
    {
        values.Invariant[alias] = value;
        return values;
    }
}
