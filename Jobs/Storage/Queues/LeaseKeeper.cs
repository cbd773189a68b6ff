using LiteDB;
using ScimGateway.Jobs.Storage.Database;

namespace ScimGateway.Jobs.Storage.Queues;

/// <summary>
/// Sliding invisibility and lock keep-alive: on a timer it moves the fetch time of every queue entry held by a live
/// <see cref="LiteDbFetchedJob"/> and the expiry of every lock held in this process forward, so only entries and locks
/// of a dead process ever time out.
/// </summary>
internal sealed class LeaseKeeper : IDisposable
{
    private readonly LiteDbStore _store;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> _entries = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _locks = new();
    private readonly ITimer _timer;

    public LeaseKeeper(LiteDbStore store)
    {
        _store = store;
        var shortest = store.Options.InvisibilityTimeout < store.Options.DistributedLockLifetime
            ? store.Options.InvisibilityTimeout
            : store.Options.DistributedLockLifetime;
        var period = shortest / 5;
        _timer = store.Time.CreateTimer(_ => Refresh(), null, period, period);
    }

    public void TrackEntry(long entryId, string token) => _entries[entryId] = token;

    public void ForgetEntry(long entryId) => _entries.TryRemove(entryId, out _);

    public void TrackLock(string resource, string owner) => _locks[resource] = owner;

    public void ForgetLock(string resource) => _locks.TryRemove(resource, out _);

    /// <summary>Moves held leases forward now; the timer calls it, tests may too.</summary>
    public void Refresh()
    {
        if (_entries.IsEmpty && _locks.IsEmpty)
        {
            return;
        }

        try
        {
            _store.Write(db =>
            {
                var now = _store.UtcNow;
                var queue = db.Col(Collections.Queue);
                foreach (var (id, token) in _entries)
                {
                    var entry = queue.FindById(id);
                    if (entry is not null && entry["Token"] == token)
                    {
                        entry["FetchedAt"] = now;
                        queue.Update(entry);
                    }
                }

                var locks = db.Col(Collections.Locks);
                foreach (var (resource, owner) in _locks)
                {
                    var row = locks.FindById(resource);
                    if (row is not null && row["Owner"] == owner)
                    {
                        row["Expire"] = now + _store.Options.DistributedLockLifetime;
                        locks.Update(row);
                    }
                }
            });
        }
        catch (Exception ex) when (ex is LiteException or IOException or ObjectDisposedException)
        {
            // A timer callback must not crash the process; the next tick tries again well before anything times out.
        }
    }

    public void Dispose() => _timer.Dispose();
}
