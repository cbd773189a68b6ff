using Hangfire;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using ScimGateway.Jobs.Storage;

namespace ScimGateway.Jobs.Tests.Storage;

/// <summary>
/// The shared facts on a real LiteDB file in a fresh temp directory, plus the facts only a storage with an injectable clock
/// and invisibility timeout can show: expiration, sliding invisibility, recovery after a dead process, lock expiry.
/// </summary>
public sealed class LiteDbJobStorageFacts : JobStorageFacts
{
    private readonly TempDirectory _directory = new();

    private string FilePath => _directory.File("jobs.db");

    private LiteDbJobStorage LiteDb => (LiteDbJobStorage)Storage;

    protected override JobStorage CreateStorage(TimeProvider timeProvider) => Open(timeProvider);

    private LiteDbJobStorage Open(TimeProvider timeProvider) => new(FilePath, new LiteDbStorageOptions(), timeProvider);

    public override void Dispose()
    {
        base.Dispose();
        _directory.Dispose();
    }

    /// <summary>Hangfire.InMemory 1.0 does not requeue on a bare Dispose (its jobs die with the process anyway), so this is LiteDB-only.</summary>
    [Fact]
    public void DisposeWithoutRemove_RequeuesTheJob()
    {
        using var connection = Connect();
        Commit(connection, t => t.AddToQueue("dispose", "8"));

        connection.FetchNextJob(["dispose"], Soon()).Dispose();

        using var again = connection.FetchNextJob(["dispose"], Soon());
        Assert.Equal("8", again.JobId);
        again.RemoveFromQueue();
    }

    [Fact]
    public void RemoveTimedOutServers_RemovesOnlyServersWithoutARecentHeartbeat()
    {
        using var connection = Connect();
        connection.AnnounceServer("stale", new ServerContext { WorkerCount = 1, Queues = ["default"] });
        Clock.Advance(TimeSpan.FromMinutes(10));
        connection.AnnounceServer("fresh", new ServerContext { WorkerCount = 1, Queues = ["default"] });

        Assert.Equal(1, connection.RemoveTimedOutServers(TimeSpan.FromMinutes(5)));

        Assert.Equal("fresh", Assert.Single(Storage.GetMonitoringApi().Servers()).Name);
        Assert.Throws<BackgroundServerGoneException>(() => connection.Heartbeat("stale"));
    }

    [Fact]
    public void RemoveExpired_DeletesOnlyWhatHasExpired()
    {
        using var connection = Connect();
        var expiring = CreateJobInState(connection, new SucceededState(null, 1, 1));
        var kept = CreateJobInState(connection, new SucceededState(null, 1, 1));
        Commit(connection, t =>
        {
            t.ExpireJob(expiring, TimeSpan.FromHours(1));
            t.ExpireJob(kept, TimeSpan.FromDays(1));
            t.AddToSet("set-expiring", "a");
            t.AddToSet("set-kept", "a");
            t.InsertToList("list-expiring", "a");
            t.SetRangeInHash("hash-expiring", [new("f", "v")]);
            t.SetRangeInHash("hash-persistent", [new("f", "v")]);
            t.IncrementCounter("counter-expiring", TimeSpan.FromHours(1));
            t.IncrementCounter("counter-persistent");
        });
        Commit(connection, t =>
        {
            t.ExpireSet("set-expiring", TimeSpan.FromHours(1));
            t.ExpireSet("set-kept", TimeSpan.FromDays(1));
            t.ExpireList("list-expiring", TimeSpan.FromHours(1));
            t.ExpireHash("hash-expiring", TimeSpan.FromHours(1));
        });
        Assert.Equal(0, LiteDb.RemoveExpired());

        Clock.Advance(TimeSpan.FromHours(2));
        var removed = LiteDb.RemoveExpired();

        Assert.Equal(5, removed);
        Assert.Null(connection.GetJobData(expiring));
        Assert.NotNull(connection.GetJobData(kept));
        Assert.Empty(connection.GetAllItemsFromSet("set-expiring"));
        Assert.Single(connection.GetAllItemsFromSet("set-kept"));
        Assert.Empty(connection.GetAllItemsFromList("list-expiring"));
        Assert.Null(connection.GetAllEntriesFromHash("hash-expiring"));
        Assert.NotNull(connection.GetAllEntriesFromHash("hash-persistent"));
        Assert.Equal(0, connection.GetCounter("counter-expiring"));
        Assert.Equal(1, connection.GetCounter("counter-persistent"));
    }

    [Fact]
    public void Ttl_CountsDownWithTheClock()
    {
        using var connection = Connect();
        Commit(connection, t => t.AddToSet("ttl", "a"));
        Commit(connection, t => t.ExpireSet("ttl", TimeSpan.FromHours(1)));

        Clock.Advance(TimeSpan.FromMinutes(45));

        Assert.Equal(TimeSpan.FromMinutes(15), connection.GetSetTtl("ttl"));
    }

    [Fact]
    public void FetchedJob_HeldByALiveWorker_IsNotFetchedAgainAfterTheInvisibilityTimeout()
    {
        using var connection = Connect();
        var id = CreateJob(connection);
        Commit(connection, t => t.AddToQueue("sliding", id));
        using var held = connection.FetchNextJob(["sliding"], Soon());
        Assert.Equal(1, Storage.GetMonitoringApi().FetchedCount("sliding"));
        Assert.Equal(0, Storage.GetMonitoringApi().EnqueuedCount("sliding"));
        Assert.Equal(id, Assert.Single(Storage.GetMonitoringApi().FetchedJobs("sliding", 0, 10)).Key);

        // The keep-alive timer runs on the fake clock: advancing past the timeout refreshes the live entry on the way.
        Clock.Advance(TimeSpan.FromMinutes(45));

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.ThrowsAny<OperationCanceledException>(() => connection.FetchNextJob(["sliding"], cancellation.Token));
        held.RemoveFromQueue();
    }

    [Fact]
    public void DistributedLock_OfADeadProcess_IsFreedAfterItsLifetime()
    {
        var first = Open(Clock);
        var deadConnection = first.GetConnection();
        deadConnection.AcquireDistributedLock("orphan", TimeSpan.Zero);
        first.Dispose(); // the process "dies": the lock row stays, nobody refreshes it

        using var second = Open(Clock);
        using var connection = second.GetConnection();
        Assert.Throws<DistributedLockTimeoutException>(() => connection.AcquireDistributedLock("orphan", TimeSpan.FromMilliseconds(50)));

        Clock.Advance(new LiteDbStorageOptions().DistributedLockLifetime + TimeSpan.FromSeconds(1));

        using var taken = connection.AcquireDistributedLock("orphan", TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Storage_AfterTheEngineDisposedItself_ReopensAndKeepsWorking()
    {
        using var connection = Connect();
        Commit(connection, t => t.AddToSet("survives", "a"));

        LiteDb.Store.SimulateEngineFailure();

        Assert.Single(connection.GetAllItemsFromSet("survives"));
        Commit(connection, t => t.AddToSet("survives", "b"));
        LiteDb.Store.SimulateEngineFailure();
        Commit(connection, t => t.AddToSet("survives", "c"));
        Assert.Equal(3, connection.GetSetCount("survives"));
    }
}
