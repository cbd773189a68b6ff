using Hangfire.Storage;
using LiteDB;
using ScimGateway.Jobs.Storage.Database;

namespace ScimGateway.Jobs.Storage.Queues;

/// <summary>
/// A queue entry held by one worker. The entry stays in the queue, marked with this holder's token, until it is removed
/// (job done) or requeued; disposing without either requeues it. Every change checks the token, so a holder whose entry
/// was reclaimed after the invisibility timeout cannot touch the new holder's entry.
/// </summary>
internal sealed class LiteDbFetchedJob : IFetchedJob
{
    private readonly LiteDbStore _store;
    private int _completed;

    public LiteDbFetchedJob(LiteDbStore store, long entryId, string token, string jobId, string queue)
    {
        _store = store;
        EntryId = entryId;
        Token = token;
        JobId = jobId;
        Queue = queue;
        store.Leases.TrackEntry(entryId, token);
    }

    public long EntryId { get; }

    public string Token { get; }

    public string JobId { get; }

    public string Queue { get; }

    public void RemoveFromQueue()
    {
        _store.Write(Remove);
        Complete();
    }

    public void Requeue()
    {
        _store.Write(db =>
        {
            var queue = db.Col(Collections.Queue);
            var entry = queue.FindById(EntryId);
            if (entry is not null && entry["Token"] == Token)
            {
                entry["Q"] = QueueKeys.Waiting(entry["Queue"].AsString, EntryId);
                entry["FetchedAt"] = BsonValue.Null;
                entry["Token"] = BsonValue.Null;
                queue.Update(entry);
            }
        });
        Complete();
        _store.QueueSignal.Pulse();
    }

    public void Dispose()
    {
        if (Volatile.Read(ref _completed) == 0)
        {
            Requeue();
        }
    }

    /// <summary>Deletes the entry inside a caller's write transaction (Transaction.RemoveFromQueue).</summary>
    internal void Remove(LiteDatabase db)
    {
        // A lookup by id then a token check: an AND predicate would make LiteDB evaluate it over far more documents.
        var queue = db.Col(Collections.Queue);
        if (queue.FindById(EntryId) is { } entry && entry["Token"] == Token)
        {
            queue.Delete(EntryId);
        }
    }

    /// <summary>Stops the keep-alive; called once the entry is gone or handed back.</summary>
    internal void Complete()
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
        {
            _store.Leases.ForgetEntry(EntryId);
        }
    }
}
