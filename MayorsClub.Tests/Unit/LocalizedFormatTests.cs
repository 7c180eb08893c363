using MayorsClub.Web.Site.Rendering;
using NodaTime;

namespace MayorsClub.Tests.Unit;

/// <summary>Dates, times and numbers as each language writes them.</summary>
public sealed class LocalizedFormatTests
{
    private static readonly DateTimeZone Kyiv = DateTimeZoneProviders.Tzdb["Europe/Kyiv"];

    [TestCase(2026, 1, 1, "uk", "1 січня 2026")]
    [TestCase(2026, 2, 14, "uk", "14 лютого 2026")]
    [TestCase(2026, 3, 8, "uk", "8 березня 2026")]
    [TestCase(2026, 4, 30, "uk", "30 квітня 2026")]
    [TestCase(2026, 5, 11, "uk", "11 травня 2026")]
    [TestCase(2026, 6, 1, "uk", "1 червня 2026")]
    [TestCase(2026, 7, 15, "uk", "15 липня 2026")]
    [TestCase(2026, 8, 24, "uk", "24 серпня 2026")]
    [TestCase(2026, 9, 17, "uk", "17 вересня 2026")]
    [TestCase(2026, 10, 1, "uk", "1 жовтня 2026")]
    [TestCase(2026, 11, 20, "uk", "20 листопада 2026")]
    [TestCase(2026, 12, 31, "uk", "31 грудня 2026")]
    [TestCase(2026, 5, 11, "en", "11 May 2026")]
    [TestCase(2026, 1, 1, "en", "1 January 2026")]
    [TestCase(2026, 12, 31, "en", "31 December 2026")]
    public void Date_UkrainianMonthInTheGenitive_EnglishDayMonthYear(int year, int month, int day, string culture, string expected) =>
        Assert.That(LocalizedFormat.Date(new LocalDate(year, month, day), culture), Is.EqualTo(expected));

    [TestCase(14, 30, "uk", "14:30")]
    [TestCase(9, 5, "uk", "09:05")]
    [TestCase(0, 0, "uk", "00:00")]
    [TestCase(23, 59, "uk", "23:59")]
    [TestCase(14, 30, "en", "2:30pm")]
    [TestCase(11, 0, "en", "11am")]
    [TestCase(9, 5, "en", "9:05am")]
    [TestCase(12, 0, "en", "midday")]
    [TestCase(12, 30, "en", "12:30pm")]
    [TestCase(0, 0, "en", "midnight")]
    [TestCase(0, 15, "en", "12:15am")]
    public void Time_IsA24HourClockInUkrainian(int hour, int minute, string culture, string expected) =>
        Assert.That(LocalizedFormat.Time(new LocalTime(hour, minute), culture), Is.EqualTo(expected));

    [TestCase("uk", "11 травня 2026, 11:00")]
    [TestCase("en", "11 May 2026, 11am")]
    public void DateTime_IsTheDateThenTheTime(string culture, string expected) =>
        Assert.That(LocalizedFormat.DateTime(At(2026, 5, 11, 11, 0), culture), Is.EqualTo(expected));

    [TestCase("2026-05-11T10:00", "2026-05-11T17:00", false, "uk", "11 травня 2026, 10:00–17:00")]
    [TestCase("2026-05-11T10:00", "2026-05-11T17:00", false, "en", "11 May 2026, 10am–5pm")]
    [TestCase("2026-05-11T10:00", "2026-05-11T10:00", false, "uk", "11 травня 2026, 10:00")]
    [TestCase("2026-05-11T10:00", "2026-05-12T17:00", false, "uk", "11 травня 2026, 10:00 – 12 травня 2026, 17:00")]
    [TestCase("2026-05-11T00:00", "2026-05-11T23:59", true, "uk", "11 травня 2026")]
    [TestCase("2026-05-11T00:00", "2026-05-13T23:59", true, "uk", "11–13 травня 2026")]
    [TestCase("2026-05-11T00:00", "2026-05-13T23:59", true, "en", "11–13 May 2026")]
    [TestCase("2026-05-30T00:00", "2026-06-02T00:00", true, "uk", "30 травня – 2 червня 2026")]
    [TestCase("2026-05-30T00:00", "2026-06-02T00:00", true, "en", "30 May – 2 June 2026")]
    [TestCase("2026-12-30T00:00", "2027-01-02T00:00", true, "uk", "30 грудня 2026 – 2 січня 2027")]
    [TestCase("2026-05-11T10:00", "2026-05-10T10:00", false, "uk", "11 травня 2026, 10:00")]
    public void Range_SaysSharedPartsOnce(string start, string end, bool allDay, string culture, string expected) =>
        Assert.That(LocalizedFormat.Range(Parse(start), Parse(end), allDay, culture), Is.EqualTo(expected));

    [Test]
    public void Range_WithoutAnEnd_IsTheStart() =>
        Assert.That(LocalizedFormat.Range(Parse("2026-05-11T10:00"), null, false, "uk"), Is.EqualTo("11 травня 2026, 10:00"));

    [Test]
    public void Range_AnEndInAnotherZone_IsShownInTheStartsZone()
    {
        var start = Parse("2026-05-11T10:00");
        var end = Parse("2026-05-11T17:00").WithZone(DateTimeZoneProviders.Tzdb["Europe/Warsaw"]);

        Assert.That(LocalizedFormat.Range(start, end, false, "uk"), Is.EqualTo("11 травня 2026, 10:00–17:00"));
    }

    [TestCase("Europe/Kyiv", "uk", "за київським часом")]
    [TestCase("Europe/Kyiv", "en", "Kyiv time")]
    [TestCase("Europe/Warsaw", "en", "UTC+2")]
    [TestCase("America/New_York", "uk", "UTC−4")]
    [TestCase("Asia/Kolkata", "en", "UTC+5:30")]
    public void ZoneLabel_NamesKyivTime_ElseTheOffset(string zone, string culture, string expected)
    {
        var summer = new LocalDateTime(2026, 7, 1, 12, 0).InZoneLeniently(DateTimeZoneProviders.Tzdb[zone]);

        Assert.That(LocalizedFormat.ZoneLabel(summer, culture), Is.EqualTo(expected));
    }

    [TestCase(7, "uk", "7")]
    [TestCase(12500, "uk", "12\u00A0500")]
    [TestCase(1250000, "uk", "1\u00A0250\u00A0000")]
    [TestCase(12500, "en", "12,500")]
    [TestCase(999, "en", "999")]
    public void Number_GroupsDigitsPerLanguage(long value, string culture, string expected) =>
        Assert.That(LocalizedFormat.Number(value, culture), Is.EqualTo(expected));

    [TestCase(1, "1 місце")]
    [TestCase(2, "2 місця")]
    [TestCase(4, "4 місця")]
    [TestCase(5, "5 місць")]
    [TestCase(11, "11 місць")]
    [TestCase(12, "12 місць")]
    [TestCase(14, "14 місць")]
    [TestCase(21, "21 місце")]
    [TestCase(22, "22 місця")]
    [TestCase(25, "25 місць")]
    [TestCase(111, "111 місць")]
    [TestCase(250, "250 місць")]
    [TestCase(1001, "1\u00A0001 місце")]
    public void Count_UkrainianPluralForms(long value, string expected) =>
        Assert.That(LocalizedFormat.Count(value, "місце|місця|місць", "uk"), Is.EqualTo(expected));

    [TestCase(1, "1 place")]
    [TestCase(2, "2 places")]
    [TestCase(0, "0 places")]
    [TestCase(1500, "1,500 places")]
    public void Count_EnglishPluralForms(long value, string expected) =>
        Assert.That(LocalizedFormat.Count(value, "place|places", "en"), Is.EqualTo(expected));

    [Test]
    public void IsoForms_AreForTheDatetimeAttribute()
    {
        Assert.That(LocalizedFormat.IsoDate(new LocalDate(2026, 5, 1)), Is.EqualTo("2026-05-01"));
        Assert.That(LocalizedFormat.IsoDateTime(At(2026, 5, 11, 11, 0)), Is.EqualTo("2026-05-11T11:00+03:00"));
        Assert.That(LocalizedFormat.IsoDateTime(At(2026, 1, 11, 9, 30)), Is.EqualTo("2026-01-11T09:30+02:00"));
    }

    [TestCase(1, "uk", "січ.")]
    [TestCase(5, "uk", "трав.")]
    [TestCase(5, "en", "May")]
    [TestCase(9, "en", "Sep")]
    public void MonthShort_ForDateBadges(int month, string culture, string expected) =>
        Assert.That(LocalizedFormat.MonthShort(new LocalDate(2026, month, 1), culture), Is.EqualTo(expected));

    private static ZonedDateTime At(int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneLeniently(Kyiv);

    private static ZonedDateTime Parse(string local) =>
        MayorsClub.Core.Content.ZonedValue.LocalPattern.Parse(local).Value.InZoneLeniently(Kyiv);
}
