using Hangfire.Server;
using LiteDB;
using ScimGateway.Jobs.Storage.Database;

namespace ScimGateway.Jobs.Storage.Maintenance;

/// <summary>
/// Deletes expired jobs, set/list/hash members, counters and stale lock rows, in batches of one write transaction each so
/// other writers are never held up for long.
/// </summary>
internal sealed class ExpirationManager(LiteDbStore store) : IBackgroundProcess
{
    public void Execute(BackgroundProcessContext context)
    {
        RemoveExpired();
        context.Wait(store.Options.JobExpirationCheckInterval);
    }

    /// <summary>Runs one full pass now; returns how many documents were deleted.</summary>
    public int RemoveExpired()
    {
        var total = 0;
        foreach (var collection in Collections.Expirable)
        {
            int deleted;
            do
            {
                deleted = store.Write(db => DeleteBatch(db, collection, store.UtcNow, store.Options.ExpirationBatchSize));
                total += deleted;
            }
            while (deleted == store.Options.ExpirationBatchSize);
        }

        return total;
    }

    public override string ToString() => "LiteDB expiration manager";

    private static int DeleteBatch(LiteDatabase db, string collection, DateTime now, int batchSize)
    {
        var col = db.Col(collection);
        // Between two dates (not "less than now") so documents without an expiry (null sorts first) never match.
        var expired = col.Find(Query.Between("Expire", DateTime.MinValue, now), 0, batchSize)
            .Where(d => Bson.Date(d["Expire"]) <= now)
            .Select(d => d["_id"])
            .ToList();
        return expired.Count(id => col.Delete(id));
    }
}
