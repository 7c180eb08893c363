using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore.Storage;

namespace MayorsClub.Core.Users;

/// <summary>
/// The unit of work behind the back office's account changes: Identity's stores, the audit entries and the
/// e-mail outbox share one database context, and a change that must be whole (a new user, its audit entry and its
/// invitation e-mail) runs in one transaction begun here.
/// </summary>
public sealed class UserChanges
{
    internal UserChanges(MayorsClubDbContext db) => Db = db;

    internal MayorsClubDbContext Db { get; }

    /// <summary>Begins a transaction; dispose without <see cref="Transaction.CommitAsync"/> and nothing of it is kept.</summary>
    public async Task<Transaction> BeginAsync(CancellationToken ct = default) =>
        new(Db, await Db.Database.BeginTransactionAsync(ct));

    /// <summary>Saves what is pending (audit entries, queued e-mails) outside an explicit transaction.</summary>
    public Task SaveAsync(CancellationToken ct = default) => Db.SaveChangesAsync(ct);

    public sealed class Transaction : IAsyncDisposable
    {
        private readonly MayorsClubDbContext _db;
        private readonly IDbContextTransaction _transaction;

        internal Transaction(MayorsClubDbContext db, IDbContextTransaction transaction)
        {
            _db = db;
            _transaction = transaction;
        }

        /// <summary>Saves what is pending and commits.</summary>
        public async Task CommitAsync(CancellationToken ct = default)
        {
            await _db.SaveChangesAsync(ct);
            await _transaction.CommitAsync(ct);
        }

        public ValueTask DisposeAsync() => _transaction.DisposeAsync();
    }
}
