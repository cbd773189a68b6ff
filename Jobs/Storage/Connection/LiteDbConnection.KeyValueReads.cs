using LiteDB;
using ScimGateway.Jobs.Storage.Database;

namespace ScimGateway.Jobs.Storage.Connection;

internal sealed partial class LiteDbConnection
{
    public override HashSet<string> GetAllItemsFromSet(string key) =>
        store.Read(db => SetItems(db, key).Select(d => d["Value"].AsString).ToHashSet(StringComparer.Ordinal));

    public override string GetFirstByLowestScoreFromSet(string key, double fromScore, double toScore) =>
        GetFirstByLowestScoreFromSet(key, fromScore, toScore, 1).FirstOrDefault()!;

    public override List<string> GetFirstByLowestScoreFromSet(string key, double fromScore, double toScore, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (toScore < fromScore)
        {
            throw new ArgumentException("The `toScore` value must be higher or equal to the `fromScore` value.", nameof(toScore));
        }

        return store.Read(db => SortedSet(db, key)
            .Where(d => d["Score"].AsDouble >= fromScore && d["Score"].AsDouble <= toScore)
            .Take(count)
            .Select(d => d["Value"].AsString)
            .ToList());
    }

    public override long GetSetCount(string key) =>
        store.Read(db => (long)db.Col(Collections.Sets).Count(Query.EQ("Key", key)));

    public override long GetSetCount(IEnumerable<string> keys, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return store.Read(db =>
        {
            long total = 0;
            foreach (var key in keys)
            {
                total += db.Col(Collections.Sets).Count(Query.EQ("Key", key));
                if (total >= limit)
                {
                    return (long)limit;
                }
            }

            return total;
        });
    }

    public override bool GetSetContains(string key, string value) =>
        store.Read(db => db.Col(Collections.Sets).Exists(Query.EQ("Uid", Bson.Uid(key, value))));

    public override List<string> GetRangeFromSet(string key, int startingFrom, int endingAt) =>
        store.Read(db => SortedSet(db, key).Skip(startingFrom).Take(endingAt - startingFrom + 1).Select(d => d["Value"].AsString).ToList());

    public override TimeSpan GetSetTtl(string key) => Ttl(Collections.Sets, key);

    public override void SetRangeInHash(string key, IEnumerable<KeyValuePair<string, string>> keyValuePairs) =>
        store.Write(db => KeyValueWrites.SetRangeInHash(db, key, keyValuePairs));

    public override Dictionary<string, string> GetAllEntriesFromHash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entries = store.Read(db => db.Col(Collections.Hashes).Find(Query.EQ("Key", key))
            .ToDictionary(d => d["Field"].AsString, d => Bson.String(d["Value"])!, StringComparer.Ordinal));
        // Hangfire reads "no such hash" as null, not as an empty dictionary.
        return entries.Count == 0 ? null! : entries;
    }

    public override string GetValueFromHash(string key, string name)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(name);
        return store.Read(db => db.Col(Collections.Hashes).FindOne(Query.EQ("Uid", Bson.Uid(key, name))) is { } d ? Bson.String(d["Value"]) : null)!;
    }

    public override long GetHashCount(string key) =>
        store.Read(db => (long)db.Col(Collections.Hashes).Count(Query.EQ("Key", key)));

    public override TimeSpan GetHashTtl(string key) => Ttl(Collections.Hashes, key);

    public override long GetListCount(string key) =>
        store.Read(db => (long)db.Col(Collections.Lists).Count(Query.EQ("Key", key)));

    public override List<string> GetAllItemsFromList(string key) =>
        store.Read(db => ListItems(db, key).ToList());

    public override List<string> GetRangeFromList(string key, int startingFrom, int endingAt) =>
        store.Read(db => ListItems(db, key).Skip(startingFrom).Take(endingAt - startingFrom + 1).ToList());

    public override TimeSpan GetListTtl(string key) => Ttl(Collections.Lists, key);

    public override long GetCounter(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return store.Read(db => db.Col(Collections.Counters).FindById(key) is { } d ? d["V"].AsInt64 : 0L);
    }

    private static IEnumerable<BsonDocument> SetItems(LiteDatabase db, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return db.Col(Collections.Sets).Find(Query.EQ("Key", key));
    }

    /// <summary>Ordered by score, then by value, like a Redis sorted set and Hangfire.InMemory.</summary>
    private static IEnumerable<BsonDocument> SortedSet(LiteDatabase db, string key) =>
        SetItems(db, key).ToList().OrderBy(d => d["Score"].AsDouble).ThenBy(d => d["Value"].AsString, StringComparer.Ordinal);

    private static IEnumerable<string> ListItems(LiteDatabase db, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return db.Col(Collections.Lists).Find(Query.EQ("Key", key)).ToList()
            .OrderByDescending(d => d["_id"].AsInt64).Select(d => Bson.String(d["Value"])!);
    }

    /// <summary>Time left before the key expires; Hangfire's convention is -1 s when the key is missing or persistent.</summary>
    private TimeSpan Ttl(string collection, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var expireAt = store.Read(db => db.Col(collection).Find(Query.EQ("Key", key)).Select(d => Bson.Date(d["Expire"])).Where(d => d.HasValue).Min());
        return expireAt is { } at ? at - store.UtcNow : TimeSpan.FromSeconds(-1);
    }
}
