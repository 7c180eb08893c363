using MayorsClub.Core.Email;
using MayorsClub.Core.Persistence;
using Microsoft.EntityFrameworkCore.Storage;

namespace MayorsClub.Core.Users;

/// <summary>
/// The unit of work behind account changes, back-office users' and members' alike: Identity's stores, the audit
/// entries and the e-mail outbox share one database context, and a change that must be whole (a new user, its audit
/// entry and its invitation e-mail) runs in one transaction begun here.
/// </summary>
public sealed class UserChanges
{
    private readonly EmailSignal _signal;

    internal UserChanges(MayorsClubDbContext db, EmailSignal signal)
    {
        Db = db;
        _signal = signal;
    }

    internal MayorsClubDbContext Db { get; }

    /// <summary>Begins a transaction; dispose without <see cref="Transaction.CommitAsync"/> and nothing of it is kept.</summary>
    public async Task<Transaction> BeginAsync(CancellationToken ct = default) =>
        new(Db, await Db.Database.BeginTransactionAsync(ct), _signal);

    /// <summary>Saves what is pending (audit entries, queued e-mails) outside an explicit transaction.</summary>
    public Task SaveAsync(CancellationToken ct = default) => Db.SaveChangesAsync(ct);

    public sealed class Transaction : IAsyncDisposable
    {
        private readonly MayorsClubDbContext _db;
        private readonly IDbContextTransaction _transaction;
        private readonly EmailSignal _signal;

        internal Transaction(MayorsClubDbContext db, IDbContextTransaction transaction, EmailSignal signal)
        {
            _db = db;
            _transaction = transaction;
            _signal = signal;
        }

        /// <summary>Saves what is pending, commits, and wakes the e-mail dispatcher for any e-mail queued in it.</summary>
        public async Task CommitAsync(CancellationToken ct = default)
        {
            await _db.SaveChangesAsync(ct);
            await _transaction.CommitAsync(ct);
            _signal.Wake(); // the outbox woke the dispatcher on save, before the commit made the e-mail visible to it
        }

        public ValueTask DisposeAsync() => _transaction.DisposeAsync();
    }
}
