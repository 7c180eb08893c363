using MayorsClub.Core.Cluster;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The advisory lock that runs a job on one node at a time, on a PostgreSQL database of its own (no site); and the
/// start-up it guards, with two sites starting together on a new database.
/// </summary>
public sealed class ClusterLockTests
{
    private TestDatabase _database = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase() => _database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);

    [OneTimeTearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    private ClusterLock Node() => new(_database.ConnectionString, NullLogger<ClusterLock>.Instance);

    [Test]
    public async Task WhileOneNodeHoldsAJob_AnotherIsRefused_ThenTakesItOnceReleased()
    {
        ClusterLock a = Node(), b = Node();

        var held = await a.TryAcquireAsync(ClusterJob.EmailOutbox, CancellationToken.None);
        var refused = await b.TryAcquireAsync(ClusterJob.EmailOutbox, CancellationToken.None);
        await using var otherJob = await b.TryAcquireAsync(ClusterJob.ScheduledPublishing, CancellationToken.None);
        Assert.That(held, Is.Not.Null);
        Assert.That(refused, Is.Null, "the same job is refused to the second node");
        Assert.That(otherJob, Is.Not.Null, "another job is not");

        await held!.DisposeAsync();
        await using var taken = await b.TryAcquireAsync(ClusterJob.EmailOutbox, CancellationToken.None);
        Assert.That(taken, Is.Not.Null);
    }

    [Test]
    public async Task AWaitingNode_GetsTheJob_WhenTheHoldersSessionDies()
    {
        ClusterLock a = Node(), b = Node();
        var held = await a.AcquireAsync(ClusterJob.ApplicationRetention, CancellationToken.None);
        var waiting = b.AcquireAsync(ClusterJob.ApplicationRetention, CancellationToken.None);
        await Task.Delay(300);
        Assert.That(waiting.IsCompleted, Is.False, "waits while the first node holds it");

        // The holder's process dies: PostgreSQL ends its session (here: the oldest lock session of this database).
        await using (var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE application_name = @name AND datname = @database ORDER BY backend_start LIMIT 1
                """, admin);
            kill.Parameters.AddWithValue("name", ClusterLock.ApplicationName);
            kill.Parameters.AddWithValue("database", new NpgsqlConnectionStringBuilder(_database.ConnectionString).Database!);
            Assert.That(await kill.ExecuteScalarAsync(), Is.True);
        }

        await using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        await held.DisposeAsync(); // its session is gone already: releasing is quiet
        Assert.That(await Node().TryAcquireAsync(ClusterJob.ApplicationRetention, CancellationToken.None), Is.Null, "the waiting node holds it now");
    }

    [Test]
    public async Task OnSqlite_EveryNodeGetsItsTurn_WithoutADatabase()
    {
        var single = new ClusterLock(null, NullLogger<ClusterLock>.Instance);
        await using var first = await single.TryAcquireAsync(ClusterJob.EmailOutbox, CancellationToken.None);
        await using var second = await single.TryAcquireAsync(ClusterJob.EmailOutbox, CancellationToken.None);
        Assert.That(first, Is.Not.Null);
        Assert.That(second, Is.Not.Null, "one process: no lock between its own passes");
        Assert.That(single.IsShared, Is.False);
    }

    [Test]
    public async Task TwoNodesStartingTogetherOnANewDatabase_MigrateAndSeedItOnce()
    {
        var nodes = await TestSite.StartNodesTogetherAsync(DatabaseProvider.PostgreSql, 2);
        try
        {
            await using var scope = nodes[1].Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
            var homes = await db.Documents.CountAsync(d => d.ContentType == Home.Alias);
            var administrators = await scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>().Users.CountAsync();

            Assert.That((homes, administrators), Is.EqualTo((1, 1)), "one home page and one administrator");
        }
        finally
        {
            foreach (var node in nodes.Reverse())
            {
                await node.DisposeAsync();
            }
        }
    }
}
