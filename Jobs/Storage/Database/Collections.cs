using LiteDB;

namespace ScimGateway.Jobs.Storage.Database;

/// <summary>Collection names of the job storage and the indexes every query relies on.</summary>
internal static class Collections
{
    public const string Jobs = "hf_jobs";
    public const string Queue = "hf_queue";
    public const string Sets = "hf_sets";
    public const string Hashes = "hf_hashes";
    public const string Lists = "hf_lists";
    public const string Counters = "hf_counters";
    public const string Servers = "hf_servers";
    public const string Locks = "hf_locks";

    /// <summary>Collections whose documents carry an <c>Expire</c> date the expiration manager honours.</summary>
    public static readonly string[] Expirable = [Jobs, Sets, Hashes, Lists, Counters, Locks];

    public static void EnsureIndexes(LiteDatabase db)
    {
        db.GetCollection(Jobs).EnsureIndex("State", false);
        // Q holds "queue|id" (QueueKeys) while the entry waits and QueueKeys.Held while a worker holds it: one index serves both lookups.
        db.GetCollection(Queue, BsonAutoId.Int64).EnsureIndex("Q", false);
        foreach (var keyed in new[] { Sets, Hashes, Lists })
        {
            db.GetCollection(keyed, BsonAutoId.Int64).EnsureIndex("Key", false);
        }

        // Uid = length-prefixed key + member: unique without a composite index and unambiguous whatever the strings hold.
        db.GetCollection(Sets, BsonAutoId.Int64).EnsureIndex("Uid", true);
        db.GetCollection(Hashes, BsonAutoId.Int64).EnsureIndex("Uid", true);
        foreach (var name in Expirable)
        {
            db.GetCollection(name).EnsureIndex("Expire", false);
        }
    }

    public static ILiteCollection<BsonDocument> Col(this LiteDatabase db, string name) =>
        db.GetCollection(name, BsonAutoId.Int64);
}
