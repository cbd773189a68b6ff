using Hangfire.Storage;
using LiteDB;
using ScimGateway.Jobs.Storage.Database;

namespace ScimGateway.Jobs.Storage.Queues;

/// <summary>
/// Hands each queue entry to exactly one worker: finding and claiming an entry happen in one serialized write, so two
/// workers can never claim the same one.
/// </summary>
internal static class QueueFetcher
{
    public static IFetchedJob Fetch(LiteDbStore store, string[] queues, CancellationToken cancellationToken)
    {
        if (queues is null || queues.Length == 0)
        {
            throw new ArgumentException("Queue array must be non-empty.", nameof(queues));
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pulse = store.QueueSignal.Current;
            var claimed = store.Write(db => TryClaim(store, db, queues));
            if (claimed is not null)
            {
                return new LiteDbFetchedJob(store, claimed["_id"].AsInt64, claimed["Token"].AsString, claimed["JobId"].AsString, claimed["Queue"].AsString);
            }

            WorkSignal.Wait(pulse, store.Options.QueuePollInterval, cancellationToken);
        }
    }

    private static BsonDocument? TryClaim(LiteDbStore store, LiteDatabase db, string[] queues)
    {
        var queue = db.Col(Collections.Queue);
        var now = store.UtcNow;

        // Entries whose holder stopped refreshing them (a dead process) come first, so they cannot starve behind new work.
        // Only held entries have Q = Held, and there are about as many of them as running workers.
        var cutoff = now - store.Options.InvisibilityTimeout;
        var entry = queue.Find(QueueKeys.HeldEntries)
            .FirstOrDefault(e => queues.Contains(e["Queue"].AsString) && Bson.Date(e["FetchedAt"]) is { } fetchedAt && fetchedAt < cutoff);

        foreach (var name in queues)
        {
            if (entry is not null)
            {
                break;
            }

            entry = queue.FindOne(QueueKeys.WaitingIn(name));
        }

        if (entry is null)
        {
            return null;
        }

        entry["Q"] = QueueKeys.Held;
        entry["FetchedAt"] = now;
        entry["Token"] = Guid.NewGuid().ToString("N");
        queue.Update(entry);
        return entry;
    }
}
