using ScimGateway.Jobs.Storage.Database;

namespace ScimGateway.Jobs.Storage.Connection;

internal sealed partial class LiteDbWriteTransaction
{
    public override void IncrementCounter(string key) => Counter(key, +1, null);

    public override void IncrementCounter(string key, TimeSpan expireIn) => Counter(key, +1, expireIn);

    public override void DecrementCounter(string key) => Counter(key, -1, null);

    public override void DecrementCounter(string key, TimeSpan expireIn) => Counter(key, -1, expireIn);

    public override void AddToSet(string key, string value) => AddToSet(key, value, 0.0);

    public override void AddToSet(string key, string value, double score)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _operations.Add((db, _) => KeyValueWrites.AddToSet(db, key, value, score, keepExistingScore: false));
    }

    public override void AddRangeToSet(string key, IList<string> items)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(items);
        var snapshot = items.ToArray();
        _operations.Add((db, _) =>
        {
            foreach (var item in snapshot)
            {
                KeyValueWrites.AddToSet(db, key, item, 0.0, keepExistingScore: true);
            }
        });
    }

    public override void RemoveFromSet(string key, string value) =>
        _operations.Add((db, _) => KeyValueWrites.RemoveFromSet(db, key, value));

    public override void RemoveSet(string key) =>
        _operations.Add((db, _) => KeyValueWrites.RemoveKey(db, Collections.Sets, key));

    public override void ExpireSet(string key, TimeSpan expireIn) => Expire(Collections.Sets, key, expireIn);

    public override void PersistSet(string key) => Persist(Collections.Sets, key);

    public override void InsertToList(string key, string value) =>
        _operations.Add((db, _) => KeyValueWrites.InsertToList(db, key, value));

    public override void RemoveFromList(string key, string value) =>
        _operations.Add((db, _) => KeyValueWrites.RemoveFromList(db, key, value));

    public override void TrimList(string key, int keepStartingFrom, int keepEndingAt) =>
        _operations.Add((db, _) => KeyValueWrites.TrimList(db, key, keepStartingFrom, keepEndingAt));

    public override void ExpireList(string key, TimeSpan expireIn) => Expire(Collections.Lists, key, expireIn);

    public override void PersistList(string key) => Persist(Collections.Lists, key);

    public override void SetRangeInHash(string key, IEnumerable<KeyValuePair<string, string>> keyValuePairs)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(keyValuePairs);
        var snapshot = keyValuePairs.ToArray();
        _operations.Add((db, _) => KeyValueWrites.SetRangeInHash(db, key, snapshot));
    }

    public override void RemoveHash(string key) =>
        _operations.Add((db, _) => KeyValueWrites.RemoveKey(db, Collections.Hashes, key));

    public override void ExpireHash(string key, TimeSpan expireIn) => Expire(Collections.Hashes, key, expireIn);

    public override void PersistHash(string key) => Persist(Collections.Hashes, key);

    private void Counter(string key, long delta, TimeSpan? expireIn)
    {
        ArgumentNullException.ThrowIfNull(key);
        _operations.Add((db, now) => KeyValueWrites.AddToCounter(db, key, delta, now + expireIn));
    }

    private void Expire(string collection, string key, TimeSpan expireIn)
    {
        ArgumentNullException.ThrowIfNull(key);
        _operations.Add((db, now) => KeyValueWrites.SetKeyExpiry(db, collection, key, now + expireIn));
    }

    private void Persist(string collection, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _operations.Add((db, _) => KeyValueWrites.SetKeyExpiry(db, collection, key, null));
    }
}
