using MayorsClub.Core.Changes;
using MayorsClub.Core.Content;

namespace MayorsClub.Web.ManagementApi.Documents;

/// <summary>
/// Runs several content operations of one request (unpublishing two languages, scheduling both) in one database
/// transaction: all of them happen, or none. The operations append to the change feed inside the transaction and do
/// not wait; once it is committed, this waits until the changes are visible in this process.
/// </summary>
public sealed class AllOrNothing(ContentTransactions transactions, ChangeLog changes)
{
    public async Task<ContentResult> RunAsync(IEnumerable<Func<Task<ContentResult>>> steps, CancellationToken ct)
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

        await changes.WaitUntilVisibleAsync(ct);
        return last ?? throw new ArgumentException("No operation to run.", nameof(steps));
    }
}
