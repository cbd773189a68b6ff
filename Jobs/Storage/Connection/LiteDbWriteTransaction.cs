using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using LiteDB;
using ScimGateway.Jobs.Storage.Database;
using ScimGateway.Jobs.Storage.Queues;

namespace ScimGateway.Jobs.Storage.Connection;

/// <summary>
/// Records operations as closures and applies them all in <see cref="Commit"/>, inside one LiteDB transaction on the calling
/// thread under the store's write lock: invisible before commit, all at once on commit, nothing on failure or dispose.
/// </summary>
internal sealed partial class LiteDbWriteTransaction(LiteDbConnection connection) : JobStorageTransaction
{
    private readonly List<Action<LiteDatabase, DateTime>> _operations = [];
    private readonly List<Action> _afterCommit = [];
    private readonly List<IDisposable> _locks = [];
    private bool _wakesWorkers;

    private LiteDbStore Store => connection.Store;

    public override void ExpireJob(string jobId, TimeSpan expireIn) =>
        _operations.Add((db, now) => JobWrites.SetExpiry(db, jobId, now + expireIn));

    public override void PersistJob(string jobId) =>
        _operations.Add((db, _) => JobWrites.SetExpiry(db, jobId, null));

    public override void SetJobState(string jobId, IState state) =>
        _operations.Add((db, now) => JobWrites.SetState(db, now, jobId, state, makeCurrent: true));

    public override void AddJobState(string jobId, IState state) =>
        _operations.Add((db, now) => JobWrites.SetState(db, now, jobId, state, makeCurrent: false));

    public override void AddToQueue(string queue, string jobId)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(jobId);
        _wakesWorkers = true;
        var entryId = Store.NextQueueEntryId();
        _operations.Add((db, _) => db.Col(Collections.Queue).Insert(new BsonDocument
        {
            ["_id"] = entryId,
            ["Queue"] = queue,
            ["Q"] = QueueKeys.Waiting(queue, entryId),
            ["JobId"] = jobId,
            ["FetchedAt"] = BsonValue.Null,
            ["Token"] = BsonValue.Null,
        }));
    }

    public override void RemoveFromQueue(IFetchedJob fetchedJob)
    {
        if (fetchedJob is LiteDbFetchedJob ours)
        {
            _operations.Add((db, _) => ours.Remove(db));
            _afterCommit.Add(ours.Complete);
            return;
        }

        base.RemoveFromQueue(fetchedJob);
    }

    public override void SetJobParameter(string jobId, string name, string value) =>
        _operations.Add((db, _) => JobWrites.SetParameter(db, jobId, name, value));

    public override string CreateJob(Job job, IDictionary<string, string> parameters, DateTime createdAt, TimeSpan expireIn)
    {
        ArgumentNullException.ThrowIfNull(job);
        // The id is reserved now (Hangfire needs it before commit); the job only exists once the commit succeeds.
        var id = Store.NextJobId();
        var snapshot = new Dictionary<string, string?>(parameters!);
        _operations.Add((db, _) => JobWrites.Create(db, id, job, snapshot, createdAt, expireIn));
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public override void AcquireDistributedLock(string resource, TimeSpan timeout) =>
        // Taken now, through the connection, and held until the transaction is disposed.
        _locks.Add(connection.AcquireDistributedLock(resource, timeout));

    public override void Commit()
    {
        var operations = _operations.ToArray();
        _operations.Clear();
        Store.Write(db =>
        {
            var now = Store.UtcNow;
            foreach (var operation in operations)
            {
                operation(db, now);
            }
        });

        foreach (var action in _afterCommit)
        {
            action();
        }

        _afterCommit.Clear();
        if (_wakesWorkers)
        {
            Store.QueueSignal.Pulse();
        }
    }

    public override void Dispose()
    {
        _operations.Clear();
        foreach (var held in _locks)
        {
            held.Dispose();
        }

        _locks.Clear();
        base.Dispose();
    }
}
