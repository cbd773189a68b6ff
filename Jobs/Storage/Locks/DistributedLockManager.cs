using Hangfire.Storage;
using LiteDB;
using ScimGateway.Jobs.Storage.Database;
using ScimGateway.Jobs.Storage.Queues;

namespace ScimGateway.Jobs.Storage.Locks;

/// <summary>
/// Lock rows in LiteDB: <c>_id</c> = resource, <c>Owner</c> = the owning connection, <c>Expire</c> = when a holder that
/// stopped refreshing (a dead process) loses it. Re-acquiring by the same owner succeeds, which makes locks reentrant.
/// </summary>
internal sealed class DistributedLockManager(LiteDbStore store)
{
    private readonly WorkSignal _released = new();

    public void Acquire(string resource, TimeSpan timeout, string owner)
    {
        ArgumentNullException.ThrowIfNull(resource);
        // The wait budget is real elapsed time, as Hangfire means it; lock expiry below uses the storage clock.
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var pulse = _released.Current;
            if (store.Write(db => TryTake(db, resource, owner)))
            {
                store.Leases.TrackLock(resource, owner);
                return;
            }

            var remaining = timeout - TimeProvider.System.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new DistributedLockTimeoutException(resource);
            }

            WorkSignal.Wait(pulse, remaining < store.Options.DistributedLockPollInterval ? remaining : store.Options.DistributedLockPollInterval, CancellationToken.None);
        }
    }

    public void Release(string resource, string owner)
    {
        store.Leases.ForgetLock(resource);
        store.Write(db =>
        {
            var locks = db.Col(Collections.Locks);
            if (locks.FindById(resource) is { } row && row["Owner"] == owner)
            {
                locks.Delete(resource);
            }
        });
        _released.Pulse();
    }

    private bool TryTake(LiteDatabase db, string resource, string owner)
    {
        var locks = db.Col(Collections.Locks);
        var now = store.UtcNow;
        var row = locks.FindById(resource);
        if (row is not null && row["Owner"] != owner && Bson.Date(row["Expire"]) > now)
        {
            return false;
        }

        locks.Upsert(new BsonDocument
        {
            ["_id"] = resource,
            ["Owner"] = owner,
            ["Expire"] = now + store.Options.DistributedLockLifetime,
        });
        return true;
    }
}
