namespace MayorsClub.Core.Content;

/// <summary>Told after a change that visitors can see (publish, unpublish, move, sort, trash…) has been saved.</summary>
public interface IPublishedContentChanged
{
    Task PublishedContentChangedAsync(CancellationToken ct);
}
