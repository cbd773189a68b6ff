using LiteDB;

namespace ScimGateway.Jobs.Storage.Database;

/// <summary>Writes to sets, lists, hashes and counters; callers hold the write lock inside one LiteDB transaction.</summary>
internal static class KeyValueWrites
{
    public static void AddToSet(LiteDatabase db, string key, string value, double score, bool keepExistingScore)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var sets = db.Col(Collections.Sets);
        var uid = Bson.Uid(key, value);
        if (sets.FindOne(Query.EQ("Uid", uid)) is { } existing)
        {
            if (!keepExistingScore)
            {
                existing["Score"] = score;
                sets.Update(existing);
            }

            return;
        }

        sets.Insert(new BsonDocument { ["Key"] = key, ["Value"] = value, ["Score"] = score, ["Uid"] = uid, ["Expire"] = BsonValue.Null });
    }

    public static void RemoveFromSet(LiteDatabase db, string key, string value) =>
        db.Col(Collections.Sets).DeleteMany(Query.EQ("Uid", Bson.Uid(key, value)));

    public static void InsertToList(LiteDatabase db, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        // Ids grow, so "newest first" (Hangfire's list order, as InsertToList prepends) is descending id.
        db.Col(Collections.Lists).Insert(new BsonDocument { ["Key"] = key, ["Value"] = Bson.Nullable(value), ["Expire"] = BsonValue.Null });
    }

    public static void RemoveFromList(LiteDatabase db, string key, string value) =>
        db.Col(Collections.Lists).DeleteMany(Query.And(Query.EQ("Key", key), Query.EQ("Value", Bson.Nullable(value))));

    public static void TrimList(LiteDatabase db, string key, int keepStartingFrom, int keepEndingAt)
    {
        var lists = db.Col(Collections.Lists);
        var items = lists.Find(Query.EQ("Key", key)).Select(d => d["_id"].AsInt64).OrderByDescending(id => id).ToList();
        for (var index = 0; index < items.Count; index++)
        {
            if (index < keepStartingFrom || index > keepEndingAt)
            {
                lists.Delete(items[index]);
            }
        }
    }

    public static void SetRangeInHash(LiteDatabase db, string key, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(pairs);
        var hashes = db.Col(Collections.Hashes);
        foreach (var (field, value) in pairs)
        {
            var uid = Bson.Uid(key, field);
            var doc = hashes.FindOne(Query.EQ("Uid", uid));
            if (doc is null)
            {
                hashes.Insert(new BsonDocument { ["Key"] = key, ["Field"] = field, ["Value"] = Bson.Nullable(value), ["Uid"] = uid, ["Expire"] = BsonValue.Null });
            }
            else
            {
                doc["Value"] = Bson.Nullable(value);
                hashes.Update(doc);
            }
        }
    }

    public static void RemoveKey(LiteDatabase db, string collection, string key) =>
        db.Col(collection).DeleteMany(Query.EQ("Key", key));

    /// <summary>Sets (or clears, with null) the expiry of every member of a set, list or hash.</summary>
    public static void SetKeyExpiry(LiteDatabase db, string collection, string key, DateTime? expireAt)
    {
        var col = db.Col(collection);
        foreach (var doc in col.Find(Query.EQ("Key", key)).ToList())
        {
            doc["Expire"] = Bson.Nullable(expireAt);
            col.Update(doc);
        }
    }

    /// <summary>
    /// One document per counter, updated in place: writes are serialized, so there is no need for SQL Server's raw rows
    /// and aggregation. An expiring increment pushes the expiry forward; a plain one leaves it.
    /// </summary>
    public static void AddToCounter(LiteDatabase db, string key, long delta, DateTime? expireAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        var counters = db.Col(Collections.Counters);
        var doc = counters.FindById(key) ?? new BsonDocument { ["_id"] = key, ["V"] = 0L, ["Expire"] = BsonValue.Null };
        doc["V"] = doc["V"].AsInt64 + delta;
        if (expireAt is { } expiry && !(Bson.Date(doc["Expire"]) > expiry))
        {
            doc["Expire"] = expiry;
        }

        counters.Upsert(doc);
    }
}
