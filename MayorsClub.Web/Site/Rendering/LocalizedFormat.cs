using System.Globalization;
using NodaTime;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>
/// Dates, times and numbers as each language writes them: "11 травня 2026, 11:00" in Ukrainian (month in the
/// genitive, 24-hour clock), "11 May 2026, 11am" in English. Written out here rather than taken from ICU so the
/// site reads the same on every machine.
/// </summary>
public static class LocalizedFormat
{
    private const string KyivZone = "Europe/Kyiv";

    private static readonly string[] UkrainianMonthsGenitive =
        ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"];

    private static readonly string[] UkrainianMonthsShort =
        ["січ.", "лют.", "бер.", "квіт.", "трав.", "черв.", "лип.", "серп.", "вер.", "жовт.", "лист.", "груд."];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static bool IsUkrainian(string culture) => culture == "uk";

    /// <summary>"11 травня 2026" / "11 May 2026".</summary>
    public static string Date(LocalDate date, string culture) => $"{DayAndMonth(date, culture)} {date.Year}";

    /// <summary>"11 травня" / "11 May".</summary>
    public static string DayAndMonth(LocalDate date, string culture) =>
        $"{date.Day} {(IsUkrainian(culture) ? UkrainianMonthsGenitive : EnglishMonths)[date.Month - 1]}";

    /// <summary>A short month for date badges: "трав." / "May".</summary>
    public static string MonthShort(LocalDate date, string culture) =>
        IsUkrainian(culture) ? UkrainianMonthsShort[date.Month - 1] : EnglishMonths[date.Month - 1][..3];

    /// <summary>"14:30" in Ukrainian; "2:30pm", "11am", "midday" in English (GOV.UK style).</summary>
    public static string Time(LocalTime time, string culture)
    {
        if (IsUkrainian(culture))
        {
            return time.ToString("HH':'mm", CultureInfo.InvariantCulture);
        }

        if (time.Minute == 0 && time.Hour == 12)
        {
            return "midday";
        }

        if (time.Minute == 0 && time.Hour == 0)
        {
            return "midnight";
        }

        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var minutes = time.Minute == 0 ? "" : $":{time.Minute:00}";
        return $"{hour}{minutes}{(time.Hour < 12 ? "am" : "pm")}";
    }

    /// <summary>"11 травня 2026, 11:00" / "11 May 2026, 11am", in the value's own zone.</summary>
    public static string DateTime(ZonedDateTime value, string culture) =>
        $"{Date(value.Date, culture)}, {Time(value.TimeOfDay, culture)}";

    /// <summary>
    /// When something takes place, from start to end in the start's zone: the date once when both are on one day,
    /// the month and year once when they are shared; times only when it is not an all-day affair.
    /// </summary>
    public static string Range(ZonedDateTime start, ZonedDateTime? end, bool allDay, string culture)
    {
        var finish = end?.WithZone(start.Zone) ?? start;
        if (finish.ToInstant() < start.ToInstant())
        {
            finish = start;
        }

        var sameDay = start.Date == finish.Date;
        if (allDay)
        {
            return sameDay ? Date(start.Date, culture) : DateRange(start.Date, finish.Date, culture);
        }

        if (sameDay)
        {
            return start.TimeOfDay == finish.TimeOfDay
                ? DateTime(start, culture)
                : $"{Date(start.Date, culture)}, {Time(start.TimeOfDay, culture)}–{Time(finish.TimeOfDay, culture)}";
        }

        return $"{DateTime(start, culture)} – {DateTime(finish, culture)}";
    }

    /// <summary>"11–13 травня 2026", "30 травня – 2 червня 2026", "30 грудня 2026 – 2 січня 2027".</summary>
    public static string DateRange(LocalDate start, LocalDate end, string culture)
    {
        if (start == end)
        {
            return Date(start, culture);
        }

        if (start.Year != end.Year)
        {
            return $"{Date(start, culture)} – {Date(end, culture)}";
        }

        return start.Month == end.Month
            ? $"{start.Day}–{Date(end, culture)}"
            : $"{DayAndMonth(start, culture)} – {Date(end, culture)}";
    }

    /// <summary>The zone a time is given in: "за київським часом" / "Kyiv time", else the UTC offset ("UTC+2").</summary>
    public static string ZoneLabel(ZonedDateTime value, string culture)
    {
        if (value.Zone.Id is KyivZone or "Europe/Kiev")
        {
            return SiteText.Get(SiteText.KyivTime, culture);
        }

        var offset = value.Offset;
        var sign = offset.Ticks < 0 ? "−" : "+";
        var span = offset.ToTimeSpan().Duration();
        return span.Minutes == 0 ? $"UTC{sign}{span.Hours}" : $"UTC{sign}{span.Hours}:{span.Minutes:00}";
    }

    /// <summary>A whole number with the language's digit grouping: "12 500" (no-break space) / "12,500".</summary>
    public static string Number(long value, string culture) =>
        IsUkrainian(culture)
            ? value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '\u00A0')
            : value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A count with its noun in the right plural form. <paramref name="forms"/> is "one|few|many" for Ukrainian
    /// ("місце|місця|місць") and "one|other" for English ("place|places").
    /// </summary>
    public static string Count(long value, string forms, string culture)
    {
        var parts = forms.Split('|');
        string form;
        if (IsUkrainian(culture) && parts.Length >= 3)
        {
            var lastTwo = Math.Abs(value) % 100;
            var last = lastTwo % 10;
            form = last == 1 && lastTwo != 11 ? parts[0]
                : last is >= 2 and <= 4 && lastTwo is < 12 or > 14 ? parts[1]
                : parts[2];
        }
        else
        {
            form = value == 1 ? parts[0] : parts[^1];
        }

        return $"{Number(value, culture)} {form}";
    }

    /// <summary>The machine-readable form for &lt;time datetime&gt;: "2026-05-11".</summary>
    public static string IsoDate(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for &lt;time datetime&gt;: "2026-05-11T11:00+03:00".</summary>
    public static string IsoDateTime(ZonedDateTime value) =>
        value.ToDateTimeOffset().ToString("yyyy'-'MM'-'dd'T'HH':'mmzzz", CultureInfo.InvariantCulture);
}
