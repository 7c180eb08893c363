namespace MayorsClub.Core.Search;

/// <summary>
/// The calendar's words filter: which published events of a culture match the words a visitor typed (any word form,
/// as site search understands them). Answered from the search index, so it sees only what anonymous visitors may read.
/// </summary>
public interface IEventTextSearch
{
    /// <summary>
    /// The keys of the matching events, or <see cref="EventTextMatches.Rebuilding"/> while the index is being built
    /// and cannot answer yet. Words that hold nothing searchable (only symbols, stop words) match every event.
    /// </summary>
    EventTextMatches Match(string culture, string words);
}

/// <summary>The events that match a words filter; <see cref="Keys"/> is null when every event matches.</summary>
public sealed record EventTextMatches(IReadOnlySet<Guid>? Keys, bool IsRebuilding)
{
    public static EventTextMatches Rebuilding { get; } = new(new HashSet<Guid>(), true);

    public static EventTextMatches Everything { get; } = new(null, false);

    public bool Admits(Guid key) => Keys is null || Keys.Contains(key);
}
