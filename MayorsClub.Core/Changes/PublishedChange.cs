namespace MayorsClub.Core.Changes;

/// <summary>What kind of committed change a row of the change feed records.</summary>
public enum PublishedChangeKind
{
    Publish,
    Unpublish,
    ScheduledPublish,
    ScheduledUnpublish,
    Move,
    Sort,
    Trash,
    Restore,
    Delete,
    Media,

    /// <summary>A public access rule set, changed or removed on a document (it applies to the documents below too).</summary>
    PublicAccess,
}

/// <summary>
/// One change of the feed, as its subscribers see it: its sequence number, what changed and when.
/// <see cref="Documents"/> names the documents whose own rows changed (for a move, trash or restore: the top of the
/// subtree); a subscriber that needs the subtree reads it.
/// </summary>
public sealed record PublishedChange(long Sequence, PublishedChangeKind Kind, IReadOnlyList<Guid> Documents, IReadOnlyList<string> Cultures,
    IReadOnlyList<Guid> Media, DateTime Utc)
{
    /// <summary>Whether the change can alter the URLs or visibility of the documents below the ones it names.</summary>
    public bool TouchesSubtree => Kind is PublishedChangeKind.Move or PublishedChangeKind.Trash or PublishedChangeKind.Restore or PublishedChangeKind.Delete;

    internal static PublishedChange From(Persistence.PublishedChangeEntity row) =>
        new(row.Id, Enum.TryParse<PublishedChangeKind>(row.Kind, out var kind) ? kind : PublishedChangeKind.Publish,
            Split(row.DocumentKeys).Select(Guid.Parse).ToList(), Split(row.Cultures).ToList(), Split(row.MediaKeys).Select(Guid.Parse).ToList(), row.Utc);

    private static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Told of committed changes, in order, by the <see cref="ChangeFeedWorker"/>, after commit and outside any request.
/// A subscriber that throws is retried for those changes later (with a growing pause); the others go on.
/// </summary>
public interface IPublishedChangeSubscriber
{
    /// <summary>Lower goes first: the published snapshot is 0, so the others see the new snapshot.</summary>
    int Order => 100;

    Task ApplyAsync(IReadOnlyList<PublishedChange> changes, CancellationToken ct);
}
