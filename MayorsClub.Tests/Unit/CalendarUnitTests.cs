using MayorsClub.Core.Content;
using MayorsClub.Core.Content.Validation;
using MayorsClub.Core.Events;
using MayorsClub.Web.Calendar;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using NodaTime;
using EventType = MayorsClub.Core.Content.DocumentTypes.Event;

namespace MayorsClub.Tests.Unit;

/// <summary>The calendar's parts without a site: zone names, the URL's state, the words catalogue and the clock-change rule.</summary>
public sealed class CalendarUnitTests
{
    [TestCaseSource(typeof(CalendarText), nameof(CalendarText.Keys))]
    public void EveryCalendarText_HasBothLanguages(string key) =>
        Assert.That(CalendarText.HasBothLanguages(key), Is.True, key);

    [TestCase("Europe/Kyiv", 7, "uk", "за київським часом (UTC+3)")]
    [TestCase("Europe/Kyiv", 1, "uk", "за київським часом (UTC+2)")]
    [TestCase("Europe/Kyiv", 1, "en", "Kyiv time (UTC+2)")]
    [TestCase("Europe/Kiev", 7, "en", "Kyiv time (UTC+3)")]
    [TestCase("Europe/Warsaw", 7, "uk", "за варшавським часом (UTC+2)")]
    [TestCase("America/New_York", 1, "en", "New York time (UTC−5)")]
    [TestCase("Asia/Kolkata", 1, "en", "Kolkata time (UTC+5:30)")]
    [TestCase("Asia/Kolkata", 1, "uk", "за часом Asia/Kolkata (UTC+5:30)")]
    [TestCase("UTC", 1, "en", "Universal time (UTC)")]
    public void ZoneLabel_NamesTheCity_AndTheOffsetAtThatMoment(string zone, int month, string culture, string expected)
    {
        var value = new LocalDateTime(2026, month, 11, 11, 0).InZoneLeniently(DateTimeZoneProviders.Tzdb[zone]);
        Assert.That(TimeZoneNames.Label(value, culture), Is.EqualTo(expected));
    }

    [Test]
    public void TheQuery_ReadsTheSharedUrlContract_AndWritesItBack()
    {
        var query = CalendarQuery.Parse(Query(
            ("q", " громади "), ("from", "2026-06-01"), ("to", "2026-06-30"), ("type", "conference"), ("format", "online"),
            ("city", "Львів"), ("past", "1"), ("view", "month"), ("month", "2026-06"), ("tz", "Europe/Warsaw")));

        Assert.That(query.Words, Is.EqualTo("громади"));
        Assert.That(query.From, Is.EqualTo(new LocalDate(2026, 6, 1)));
        Assert.That(query.Format, Is.EqualTo(EventFormat.Online));
        Assert.That(query.Month, Is.EqualTo(new YearMonth(2026, 6)));
        Assert.That(query.ToQueryString(), Is.EqualTo(
            "q=%D0%B3%D1%80%D0%BE%D0%BC%D0%B0%D0%B4%D0%B8&from=2026-06-01&to=2026-06-30&type=conference&format=online&city=%D0%9B%D1%8C%D0%B2%D1%96%D0%B2&past=1&view=month&month=2026-06&tz=Europe%2FWarsaw"));
        Assert.That(query.ToQueryString(filtersOnly: true), Does.Not.Contain("view").And.Not.Contain("tz"));
    }

    [Test]
    public void TheQuery_IgnoresWhatDoesNotParse_AndSwapsAReversedRange()
    {
        var query = CalendarQuery.Parse(Query(("from", "2026-07-01"), ("to", "2026-06-01"), ("type", "party"), ("format", "both"),
            ("month", "2026-13"), ("tz", "Mars/Olympus"), ("past", "maybe"), ("q", new string('а', 300))));

        Assert.That((query.From, query.To), Is.EqualTo((new LocalDate(2026, 6, 1), (LocalDate?)new LocalDate(2026, 7, 1))));
        Assert.That(new object?[] { query.Type, query.Format, query.Month, query.Zone, query.Words }, Is.All.Null);
        Assert.That(query.Past, Is.False);
    }

    [TestCase(" Кам’янець-Подільський ", "кам'янець-подільський")]
    [TestCase("Kam`yanets  Podilskyi", "kam'yanets podilskyi")]
    public void CityKeys_FoldCaseSpacesAndApostrophes(string city, string key) =>
        Assert.That(EventCalendar.CityKeyOf(city), Is.EqualTo(key));

    [TestCase("2027-03-28T03:30", false)]
    [TestCase("2027-03-28T02:59", true)]
    [TestCase("2027-03-28T04:00", true)]
    [TestCase("2027-10-31T03:30", true)]
    public void ATimeInTheSpringForwardGap_IsRefused(string local, bool accepted)
    {
        var validator = new ContentValidator(new PropertyValueValidator(RichTextSanitizer.Create()));
        var values = new ContentValues();
        values.Invariant[EventType.Start] = new System.Text.Json.Nodes.JsonObject { ["local"] = local, ["zone"] = "Europe/Kyiv" };
        values.Invariant[EventType.End] = new System.Text.Json.Nodes.JsonObject { ["local"] = "2027-11-01T10:00", ["zone"] = "Europe/Kyiv" };
        values.Invariant[EventType.EventType] = "forum";
        values.Cultures["uk"] = new CultureVariant { Name = "Подія", Values = { [EventType.Summary] = "Опис." } };

        var (_, errors) = validator.Validate(EventType.Definition, values);

        Assert.That(errors.Select(e => e.Code), accepted ? Is.Empty : Is.EqualTo(new[] { ContentMessages.TimeInClockChange }));
    }

    private static QueryCollection Query(params (string Name, string Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => new StringValues(v.Value)));
}
