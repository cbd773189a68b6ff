using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;
using LiteDB;
using ScimGateway.Jobs.Storage.Database;
using ScimGateway.Jobs.Storage.Locks;
using ScimGateway.Jobs.Storage.Queues;

namespace ScimGateway.Jobs.Storage.Connection;

/// <summary>
/// Hangfire's connection over the shared <see cref="LiteDbStore"/>. Cheap to create; it owns the distributed locks it took
/// (reentrant, releasable from any thread) and gives back the ones still held when disposed.
/// </summary>
internal sealed partial class LiteDbConnection(LiteDbStore store) : JobStorageConnection
{
    private readonly Lock _heldGuard = new();
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);

    /// <summary>The owner recorded in lock rows: locks belong to this connection, whichever thread uses it.</summary>
    internal string OwnerId { get; } = Guid.NewGuid().ToString("N");

    internal LiteDbStore Store => store;

    public override IWriteOnlyTransaction CreateWriteTransaction() => new LiteDbWriteTransaction(this);

    public override IDisposable AcquireDistributedLock(string resource, TimeSpan timeout)
    {
        lock (_heldGuard)
        {
            if (_held.TryGetValue(resource, out var count))
            {
                _held[resource] = count + 1;
                return new LiteDbDistributedLock(() => Release(resource));
            }
        }

        store.Locks.Acquire(resource, timeout, OwnerId);
        lock (_heldGuard)
        {
            _held[resource] = _held.GetValueOrDefault(resource) + 1;
        }

        return new LiteDbDistributedLock(() => Release(resource));
    }

    public override string CreateExpiredJob(Job job, IDictionary<string, string> parameters, DateTime createdAt, TimeSpan expireIn)
    {
        var id = store.NextJobId();
        store.Write(db => JobWrites.Create(db, id, job, parameters!, createdAt, expireIn));
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public override IFetchedJob FetchNextJob(string[] queues, CancellationToken cancellationToken) =>
        QueueFetcher.Fetch(store, queues, cancellationToken);

    public override void SetJobParameter(string id, string name, string value) =>
        store.Write(db => JobWrites.SetParameter(db, id, name, value));

    public override string GetJobParameter(string id, string name) =>
        store.Read(db => JobRecord.Find(db, id)?.Parameters.GetValueOrDefault(name))!;

    public override JobData GetJobData(string jobId)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        var record = store.Read(db => JobRecord.Find(db, jobId));
        if (record is null)
        {
            return null!;
        }

        var (job, error) = record.LoadJob();
        return new JobData
        {
            Job = job,
            InvocationData = record.Invocation,
            State = record.StateName,
            CreatedAt = record.CreatedAt,
            LoadException = error,
            ParametersSnapshot = record.Parameters,
        };
    }

    public override StateData GetStateData(string jobId)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        var record = store.Read(db => JobRecord.Find(db, jobId));
        return record?.StateName is null
            ? null!
            : new StateData { Name = record.StateName, Reason = record.StateReason, Data = record.StateData };
    }

    public override void AnnounceServer(string serverId, ServerContext context)
    {
        ArgumentNullException.ThrowIfNull(serverId);
        ArgumentNullException.ThrowIfNull(context);
        store.Write(db =>
        {
            var now = store.UtcNow;
            db.Col(Collections.Servers).Upsert(new BsonDocument
            {
                ["_id"] = serverId,
                ["Workers"] = context.WorkerCount,
                ["Queues"] = new BsonArray((context.Queues ?? []).Select(q => new BsonValue(q))),
                ["Started"] = now,
                ["Heartbeat"] = now,
            });
        });
    }

    public override void RemoveServer(string serverId) =>
        store.Write(db => db.Col(Collections.Servers).Delete(serverId));

    public override void Heartbeat(string serverId)
    {
        var found = store.Write(db =>
        {
            var servers = db.Col(Collections.Servers);
            var server = servers.FindById(serverId);
            if (server is null)
            {
                return false;
            }

            server["Heartbeat"] = store.UtcNow;
            return servers.Update(server);
        });

        if (!found)
        {
            throw new BackgroundServerGoneException();
        }
    }

    public override int RemoveTimedOutServers(TimeSpan timeOut)
    {
        if (timeOut < TimeSpan.Zero)
        {
            throw new ArgumentException("The `timeOut` value must be positive.", nameof(timeOut));
        }

        return store.Write(db =>
        {
            var cutoff = store.UtcNow - timeOut;
            var servers = db.Col(Collections.Servers);
            var dead = servers.FindAll().Where(s => Bson.Date(s["Heartbeat"]) < cutoff).Select(s => s["_id"]).ToList();
            return dead.Count(id => servers.Delete(id));
        });
    }

    public override DateTime GetUtcDateTime() => store.UtcNow;

    public override void Dispose()
    {
        // Like a SQL Server session closing: locks this connection still holds go with it.
        string[] resources;
        lock (_heldGuard)
        {
            resources = [.. _held.Keys];
            _held.Clear();
        }

        foreach (var resource in resources)
        {
            store.Locks.Release(resource, OwnerId);
        }

        base.Dispose();
    }

    private void Release(string resource)
    {
        lock (_heldGuard)
        {
            if (!_held.TryGetValue(resource, out var count))
            {
                return;
            }

            if (count > 1)
            {
                _held[resource] = count - 1;
                return;
            }

            _held.Remove(resource);
        }

        store.Locks.Release(resource, OwnerId);
    }
}
