using Microsoft.EntityFrameworkCore.Storage;

namespace MayorsClub.Core.Content;

/// <summary>
/// Lets a caller run several content operations in one database transaction without reaching the database
/// itself: all of them are kept, or none (a rollback also forgets what the operations had loaded and changed).
/// </summary>
public sealed class ContentTransactions(ContentStore store)
{
    public async Task<Transaction> BeginAsync(CancellationToken ct = default) =>
        new(store, await store.Db.Database.BeginTransactionAsync(ct));

    public sealed class Transaction : IAsyncDisposable
    {
        private readonly ContentStore _store;
        private readonly IDbContextTransaction _transaction;

        internal Transaction(ContentStore store, IDbContextTransaction transaction)
        {
            _store = store;
            _transaction = transaction;
        }

        public Task CommitAsync(CancellationToken ct = default) => _transaction.CommitAsync(ct);

        public async Task RollbackAsync(CancellationToken ct = default)
        {
            await _transaction.RollbackAsync(ct);
            _store.Discard();
        }

        public ValueTask DisposeAsync() => _transaction.DisposeAsync();
    }
}
