using LiteDB;
using Microsoft.Extensions.Logging;
using ScimGateway.Jobs.Storage.Locks;
using ScimGateway.Jobs.Storage.Queues;

namespace ScimGateway.Jobs.Storage.Database;

/// <summary>
/// The one <see cref="LiteDatabase"/> of a storage file. Every write runs as one LiteDB transaction on the calling thread
/// under a process-wide lock, so a commit is all-or-nothing and no two writers interleave; reads run unlocked on LiteDB's
/// committed snapshot. After a fatal engine error the database is reopened instead of failing forever.
/// </summary>
internal sealed partial class LiteDbStore : IDisposable
{
    private readonly ConnectionString _connectionString;
    private readonly Lock _writeLock = new();
    private readonly Lock _openLock = new();
    private readonly ILogger _logger;
    private LiteDatabase _database;
    private long _lastJobId;
    private long _lastQueueEntryId;
    private bool _disposed;

    public LiteDbStore(string filePath, LiteDbStorageOptions options, TimeProvider time, ILogger logger)
    {
        Options = options;
        Time = time;
        _logger = logger;
        _connectionString = new ConnectionString { Filename = filePath, Connection = ConnectionType.Direct };
        _database = Open();
        Leases = new LeaseKeeper(this);
        Locks = new DistributedLockManager(this);
    }

    public LiteDbStorageOptions Options { get; }

    public TimeProvider Time { get; }

    /// <summary>Pulsed after every commit that made a queue entry fetchable.</summary>
    public WorkSignal QueueSignal { get; } = new();

    public LeaseKeeper Leases { get; }

    public DistributedLockManager Locks { get; }

    /// <summary>Storage-side "now": every stored date comes from the injected clock, truncated to LiteDB's millisecond precision.</summary>
    public DateTime UtcNow
    {
        get
        {
            var now = Time.GetUtcNow().UtcDateTime;
            return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        }
    }

    /// <summary>Job ids are handed out before commit (Transaction.CreateJob returns one), so they come from memory, seeded at open.</summary>
    public long NextJobId() => Interlocked.Increment(ref _lastJobId);

    /// <summary>Queue entry ids are part of the FIFO index key, so they too are known before the insert.</summary>
    public long NextQueueEntryId() => Interlocked.Increment(ref _lastQueueEntryId);

    public T Read<T>(Func<LiteDatabase, T> read)
    {
        var db = Volatile.Read(ref _database);
        try
        {
            return read(db);
        }
        catch (Exception ex) when (IsEngineFailure(ex))
        {
            // A read has no effects, so one retry on the reopened engine is safe.
            Reopen(db, ex);
            return read(Volatile.Read(ref _database));
        }
    }

    public void Write(Action<LiteDatabase> write) => Write(db =>
    {
        write(db);
        return true;
    });

    public T Write<T>(Func<LiteDatabase, T> write)
    {
        lock (_writeLock)
        {
            var db = _database;
            try
            {
                return InTransaction(db, write);
            }
            catch (Exception ex) when (IsEngineDisposed(ex))
            {
                // The engine was already gone when we began: nothing ran, so run once more on a fresh engine.
                Reopen(db, ex);
                return InTransaction(_database, write);
            }
            catch (Exception ex) when (IsEngineFailure(ex))
            {
                // Failed mid-transaction: the engine rolled back and closed. Reopen for the next caller, report this failure.
                Reopen(db, ex);
                throw;
            }
        }
    }

    public void Checkpoint()
    {
        lock (_writeLock)
        {
            Read(db =>
            {
                db.Checkpoint();
                return true;
            });
        }
    }

    /// <summary>Test hook: disposes the live engine as LiteDB does itself after a fatal error.</summary>
    internal void SimulateEngineFailure() => Volatile.Read(ref _database).Dispose();

    public void Dispose()
    {
        lock (_openLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        Leases.Dispose();
        lock (_writeLock)
        {
            _database.Dispose();
        }
    }

    private static T InTransaction<T>(LiteDatabase db, Func<LiteDatabase, T> write)
    {
        if (!db.BeginTrans())
        {
            throw new InvalidOperationException("A LiteDB transaction is already open on this thread; job storage writes must not nest.");
        }

        try
        {
            var result = write(db);
            db.Commit();
            return result;
        }
        catch
        {
            TryRollback(db);
            throw;
        }
    }

    private static void TryRollback(LiteDatabase db)
    {
        try
        {
            db.Rollback();
        }
        catch (Exception ex) when (IsEngineFailure(ex))
        {
            // The engine closed itself; its open transaction went with it, which is the rollback we wanted.
        }
    }

    private static bool IsEngineDisposed(Exception ex) =>
        ex is ObjectDisposedException || ex is LiteException { ErrorCode: LiteException.ENGINE_DISPOSED };

    private static bool IsEngineFailure(Exception ex) =>
        IsEngineDisposed(ex) || ex is IOException || ex is LiteException { ErrorCode: LiteException.INVALID_DATAFILE_STATE };

    private void Reopen(LiteDatabase failed, Exception error)
    {
        lock (_openLock)
        {
            if (_disposed || !ReferenceEquals(_database, failed))
            {
                return;
            }

            Log.ReopeningDatabase(_logger, _connectionString.Filename, error);
            try
            {
                failed.Dispose();
            }
            catch (Exception disposeError) when (IsEngineFailure(disposeError))
            {
                // Already closed by the engine itself.
            }

            Volatile.Write(ref _database, Open());
        }
    }

    private LiteDatabase Open()
    {
        var db = new LiteDatabase(_connectionString, new BsonMapper()) { UtcDate = true };
        try
        {
            Collections.EnsureIndexes(db);
            InterlockedMax(ref _lastJobId, LargestId(db, Collections.Jobs));
            InterlockedMax(ref _lastQueueEntryId, LargestId(db, Collections.Queue));
        }
        catch
        {
            db.Dispose();
            throw;
        }

        Log.DatabaseOpened(_logger, _connectionString.Filename);
        return db;
    }

    private static long LargestId(LiteDatabase db, string collection) =>
        db.Col(collection).Find(Query.All("_id", Query.Descending), 0, 1).FirstOrDefault() is { } newest ? newest["_id"].AsInt64 : 0;

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (current < value)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
