using Hangfire.Storage;

namespace ScimGateway.Jobs.Tests.Storage;

public abstract partial class JobStorageFacts
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Lock_IsExclusiveBetweenConnections_AndTimesOut()
    {
        using var owner = Connect();
        using var other = Connect();
        using var held = owner.AcquireDistributedLock("resource", Short);

        var error = Assert.Throws<DistributedLockTimeoutException>(() => other.AcquireDistributedLock("resource", Short));

        Assert.Equal("resource", error.Resource);
        using var unrelated = other.AcquireDistributedLock("another-resource", Short);
    }

    [Fact]
    public void Lock_IsReentrantForItsConnection_AndFreedAfterTheLastRelease()
    {
        using var owner = Connect();
        using var other = Connect();
        var outer = owner.AcquireDistributedLock("reentrant", Short);
        var inner = owner.AcquireDistributedLock("reentrant", Short);

        inner.Dispose();
        Assert.Throws<DistributedLockTimeoutException>(() => other.AcquireDistributedLock("reentrant", Short));

        outer.Dispose();
        using var taken = other.AcquireDistributedLock("reentrant", Short);
    }

    [Fact]
    public async Task Lock_ReleasedFromAnotherThread_IsFree()
    {
        using var owner = Connect();
        using var other = Connect();
        var held = owner.AcquireDistributedLock("cross-thread", Short);

        await Task.Run(held.Dispose);

        using var taken = other.AcquireDistributedLock("cross-thread", Short);
    }

    [Fact]
    public async Task Lock_Waiter_GetsTheLockWhenReleasedDuringItsWait()
    {
        using var owner = Connect();
        using var other = Connect();
        var held = owner.AcquireDistributedLock("handover", Short);
        var waiter = Task.Run(() => other.AcquireDistributedLock("handover", TimeSpan.FromSeconds(10)));
        await Task.Delay(100);

        held.Dispose();

        using var taken = await waiter.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Throws<DistributedLockTimeoutException>(() => owner.AcquireDistributedLock("handover", Short));
    }

    [Fact]
    public void TransactionLock_IsHeldUntilTheTransactionIsDisposed()
    {
        using var owner = Connect();
        using var other = Connect();

        using (var transaction = (JobStorageTransaction)owner.CreateWriteTransaction())
        {
            transaction.AcquireDistributedLock("tx-lock", Short);
            Assert.Throws<DistributedLockTimeoutException>(() => other.AcquireDistributedLock("tx-lock", Short));
            transaction.Commit();
        }

        using var taken = other.AcquireDistributedLock("tx-lock", Short);
    }
}
