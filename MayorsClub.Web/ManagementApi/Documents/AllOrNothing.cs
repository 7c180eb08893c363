using MayorsClub.Core.Content;

namespace MayorsClub.Web.ManagementApi.Documents;

/// <summary>
/// Runs several content operations of one request (unpublishing two languages, scheduling both) in one database
/// transaction: all of them happen, or none. The published snapshot is rebuilt once the transaction is committed.
/// </summary>
public sealed class AllOrNothing(ContentTransactions transactions, IPublishedContentChanged published)
{
    public async Task<ContentResult> RunAsync(IEnumerable<Func<Task<ContentResult>>> steps, bool publishedContentChanges, CancellationToken ct)
    {
        ContentResult? last = null;
        await using (var transaction = await transactions.BeginAsync(ct))
        {
            foreach (var step in steps)
            {
                last = await step();
                if (!last.Succeeded)
                {
                    await transaction.RollbackAsync(ct);
                    return last;
                }
            }

            await transaction.CommitAsync(ct);
        }

        if (publishedContentChanges)
        {
            // The operations told the snapshot while the transaction was open, when the change was not visible yet.
            await published.PublishedContentChangedAsync(ct);
        }

        return last ?? throw new ArgumentException("No operation to run.", nameof(steps));
    }
}
