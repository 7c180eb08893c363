using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Core.Events;

/// <summary>
/// One published event as the calendar filters it: its instants, its days in its own zone, and the facts the filters
/// ask about (type, city, online), read once per snapshot as anonymous visitors read them.
/// </summary>
/// <param name="FirstDay">The day it starts, in its own zone.</param>
/// <param name="LastDay">The day it ends, in its own zone (an end at midnight belongs to the day before).</param>
/// <param name="CityKey">The city folded for comparison (<see cref="EventCalendar.CityKeyOf"/>), or null.</param>
public sealed record CalendarEntry(
    PublishedDocument Document,
    ZonedDateTime Start,
    ZonedDateTime End,
    bool AllDay,
    LocalDate FirstDay,
    LocalDate LastDay,
    string? Type,
    string? City,
    string? CityKey,
    bool IsOnline)
{
    public Instant Starts { get; } = Start.ToInstant();

    public Instant Ends { get; } = End.ToInstant();

    public bool IsUpcoming(Instant now) => Ends >= now;

    public bool IsMultiDay => LastDay > FirstDay;
}

/// <summary>A city the calendar's events take place in: how it is written, and the key it is filtered by.</summary>
public sealed record CalendarCity(string Name, string Key);

/// <summary>Online or in person.</summary>
public enum EventFormat
{
    Online,
    InPerson,
}

/// <summary>
/// What a visitor asked the calendar for. <see cref="From"/>/<see cref="To"/> are days (both included) compared with an
/// event's days in its own zone; <see cref="Words"/> holds the keys the words filter admits (null: every event).
/// </summary>
public sealed record EventFilter(
    LocalDate? From = null,
    LocalDate? To = null,
    string? Type = null,
    EventFormat? Format = null,
    string? CityKey = null,
    bool Past = false,
    IReadOnlySet<Guid>? Words = null)
{
    public bool HasRange => From is not null || To is not null;

    public bool Admits(CalendarEntry entry) =>
        (Type is null || string.Equals(entry.Type, Type, StringComparison.Ordinal))
        && (Format is null || entry.IsOnline == (Format == EventFormat.Online))
        && (CityKey is null || string.Equals(entry.CityKey, CityKey, StringComparison.Ordinal))
        && (From is not { } from || entry.LastDay >= from)
        && (To is not { } to || entry.FirstDay <= to)
        && (Words is null || Words.Contains(entry.Document.Key));
}

/// <summary>
/// The events of one culture for the calendar page and the iCal feeds, sorted by start once per snapshot (kept with it,
/// see <see cref="PublishedSnapshot.Memo{T}"/>) and filtered per request by a single pass over precomputed facts: no
/// value is read or sorted per request.
/// </summary>
/// <remarks>
/// The facts are read through <see cref="Viewer.Anonymous"/>: an event under a public access rule shows only its teaser
/// (name, summary, times), so its type, city and format are unknown to the filters and it is found by dates alone.
/// </remarks>
public sealed class EventCalendar
{
    // An unchanged document is the same object in the next snapshot (a change makes a new one), so its facts are kept
    // with it: after a publish only the changed events are read again.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ConditionalWeakTable<PublishedDocument, Facts>> FactsByCulture =
        new(StringComparer.Ordinal);

    private sealed record Facts(CalendarEntry? Entry);

    private readonly Dictionary<string, List<CalendarEntry>> _byCity;
    private readonly Dictionary<string, List<CalendarEntry>> _byType;

    private EventCalendar(string culture, List<CalendarEntry> byStart, List<CalendarCity> cities)
    {
        Culture = culture;
        ByStart = byStart;
        Cities = cities;
        _byCity = byStart.Where(e => e.CityKey is not null).GroupBy(e => e.CityKey!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _byType = byStart.Where(e => e.Type is not null).GroupBy(e => e.Type!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _longest = byStart.Count == 0 ? Duration.Zero : byStart.Max(e => e.Ends - e.Starts);
    }

    // The longest event: nothing that started before (now - longest) can still be going on.
    private readonly Duration _longest;

    public string Culture { get; }

    /// <summary>Every event visible in the culture, soonest start first.</summary>
    public IReadOnlyList<CalendarEntry> ByStart { get; }

    /// <summary>The cities the events take place in, alphabetically in the culture's order.</summary>
    public IReadOnlyList<CalendarCity> Cities { get; }

    public static EventCalendar Of(PublishedSnapshot snapshot, string culture) =>
        snapshot.Memo($"event-calendar:{culture}", s => Build(s, culture));

    /// <summary>
    /// The list the calendar shows: the matching events that have not ended, soonest first, then, when past events are
    /// asked for (<see cref="EventFilter.Past"/>) or a date range is given, those that have ended, most recent first.
    /// </summary>
    public IReadOnlyList<CalendarEntry> Find(EventFilter filter, Instant now)
    {
        var upcoming = new List<CalendarEntry>();
        var past = filter.Past || filter.HasRange ? new List<CalendarEntry>() : null;
        var candidates = Candidates(filter);
        // Without past events, skip those that started too long ago to be going on still.
        for (var i = past is null ? FirstStartingFrom(candidates, now - _longest) : 0; i < candidates.Count; i++)
        {
            var entry = candidates[i];
            if (!filter.Admits(entry))
            {
                continue;
            }

            if (entry.IsUpcoming(now))
            {
                upcoming.Add(entry);
            }
            else
            {
                past?.Add(entry);
            }
        }

        if (past is { Count: > 0 })
        {
            past.Reverse();
            upcoming.AddRange(past);
        }

        return upcoming;
    }

    /// <summary>The matching events on any day from <paramref name="first"/> to <paramref name="last"/>, past or not, by start.</summary>
    public IReadOnlyList<CalendarEntry> Between(LocalDate first, LocalDate last, EventFilter filter)
    {
        var found = new List<CalendarEntry>();
        foreach (var entry in Candidates(filter))
        {
            if (entry.FirstDay <= last && entry.LastDay >= first && filter.Admits(entry))
            {
                found.Add(entry);
            }
        }

        return found;
    }

    /// <summary>The index of the first of the events (sorted by start) that starts at or after the instant.</summary>
    private static int FirstStartingFrom(IReadOnlyList<CalendarEntry> byStart, Instant instant)
    {
        var (low, high) = (0, byStart.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (byStart[middle].Starts < instant)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The fewest events the filter can admit, by start: the city's, else the type's, else all of them.</summary>
    private IReadOnlyList<CalendarEntry> Candidates(EventFilter filter) =>
        filter.CityKey is { } city ? _byCity.GetValueOrDefault(city) ?? []
        : filter.Type is { } type ? _byType.GetValueOrDefault(type) ?? []
        : ByStart;

    /// <summary>A city folded for comparison: trimmed, spaces collapsed, apostrophes unified, lower case.</summary>
    public static string? CityKeyOf(string? city)
    {
        if (string.IsNullOrWhiteSpace(city))
        {
            return null;
        }

        var key = new StringBuilder(city.Length);
        var space = false;
        foreach (var c in city.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                key.Append(' ');
                space = false;
            }

            key.Append(c is '’' or 'ʼ' or '`' or '‘' ? '\'' : char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    private static EventCalendar Build(PublishedSnapshot snapshot, string culture)
    {
        var view = snapshot.For(Viewer.Anonymous);
        // Every event with a start, by start: the read model's own sorted list (nothing has ended before the first instant).
        var events = view.UpcomingEvents(culture, Instant.MinValue);
        var entries = new List<CalendarEntry>(events.Count);
        var cities = new Dictionary<string, string>(StringComparer.Ordinal);
        var known = FactsByCulture.GetOrAdd(culture, _ => new ConditionalWeakTable<PublishedDocument, Facts>());
        foreach (var document in events)
        {
            if (known.GetValue(document, d => new Facts(Read(view.Of(d, culture)))).Entry is not { } entry)
            {
                continue;
            }

            if (entry.CityKey is not null)
            {
                cities.TryAdd(entry.CityKey, entry.City!);
            }

            entries.Add(entry);
        }

        var order = StringComparer.Create(CultureInfo.GetCultureInfo(culture == Content.Cultures.Ukrainian ? "uk-UA" : "en-GB"), ignoreCase: true);
        var cityList = cities.Select(c => new CalendarCity(c.Value, c.Key)).OrderBy(c => c.Name, order).ToList();
        return new EventCalendar(culture, entries, cityList);
    }

    private static CalendarEntry? Read(PublishedValues values)
    {
        if (values.Times() is not { } times)
        {
            return null;
        }

        var start = times.Start;
        var end = times.End is { } e && e.ToInstant() >= start.ToInstant() ? e.WithZone(start.Zone) : start;
        var lastDay = end.Date;
        if (!times.AllDay && end.TimeOfDay == LocalTime.Midnight && end.Date > start.Date)
        {
            lastDay = end.Date.PlusDays(-1);
        }

        var city = values.Text(Event.City)?.Trim();
        return new CalendarEntry(values.Document, start, end, times.AllDay, start.Date, lastDay,
            values.Text(Event.EventType), city, CityKeyOf(city), values.Flag(Event.IsOnline));
    }
}
