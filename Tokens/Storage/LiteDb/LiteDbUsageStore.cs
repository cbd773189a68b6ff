using System.Globalization;
using LiteDB;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Storage.LiteDb;

/// <summary>
/// Usage in the application's LiteDB database: <c>usage_minutes</c>, <c>usage_hourly</c>, <c>usage_daily</c>; last use
/// goes to <c>tokens</c> in the same database, so that a fold and its last-use writes commit together.
/// </summary>
public sealed class LiteDbUsageStore : IUsageStore
{
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<TokenRecord> _tokens;
    private readonly ILiteCollection<UsageBucket> _buckets;
    private readonly ILiteCollection<UsageRollup> _hourly;
    private readonly ILiteCollection<UsageRollup> _daily;
    private readonly ILiteCollection<BsonDocument> _flushes;
    private readonly TimeProvider _time;

    /// <summary>Opens the collections; <paramref name="time"/> dates the remembered flush ids (default: the system clock).</summary>
    public LiteDbUsageStore(ILiteDatabase database, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _time = time ?? TimeProvider.System;
        _flushes = database.GetCollection(LiteDbCollections.UsageFlushes);
        _flushes.EnsureIndex("AppliedAt");
        _tokens = database.GetCollection<TokenRecord>(LiteDbCollections.Tokens);
        _buckets = database.GetCollection<UsageBucket>(LiteDbCollections.UsageMinutes);
        _hourly = database.GetCollection<UsageRollup>(LiteDbCollections.UsageHourly);
        _daily = database.GetCollection<UsageRollup>(LiteDbCollections.UsageDaily);
        _buckets.EnsureIndex(b => b.TokenId);
        _hourly.EnsureIndex(r => r.TokenId);
        _hourly.EnsureIndex(r => r.Period);
        _daily.EnsureIndex(r => r.TokenId);
        _daily.EnsureIndex(r => r.Period);
    }

    /// <inheritdoc />
    public void AddBuckets(string nodeId, string flushId, IReadOnlyList<UsageDelta> deltas)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var buckets = deltas.Select(d => new UsageBucket
        {
            Id = string.Join('|', nodeId, d.TokenId, d.Minute.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture), ObjectId.NewObjectId()),
            NodeId = nodeId,
            TokenId = d.TokenId,
            Minute = d.Minute,
            Success = d.Success,
            ClientError = d.ClientError,
            ServerError = d.ServerError,
            LastUsedAt = d.LastUsedAt,
            LastUsedAddress = d.LastUsedAddress,
        }).ToList();

        // The flush's id and its buckets in one transaction: a retry of a flush that committed finds the id and writes
        // nothing, also after a fold has counted and deleted its buckets.
        var written = LiteDbTransaction.Run(_database, () =>
        {
            var key = nodeId + "|" + flushId;
            if (_flushes.Exists(Query.EQ("_id", key)))
            {
                return false;
            }

            _flushes.Insert(new BsonDocument { ["_id"] = key, ["AppliedAt"] = _time.GetUtcNow().UtcDateTime });
            _buckets.InsertBulk(buckets);
            return true;
        });
        if (!written)
        {
            return;
        }

        // Last use is a maximum, so writing it now as well as at the fold is idempotent; it keeps "Last Used" current
        // across a restart without waiting for the next rollup.
        LiteDbCollections.UpdateLastUsed(_tokens, LatestUses(deltas, d => d.TokenId, d => d.LastUsedAt, d => d.LastUsedAddress));
    }

    /// <inheritdoc />
    public UsageFoldResult Fold() => LiteDbTransaction.Run(_database, () =>
    {
        // Flush ids are needed only until their flush's retry, which comes at the node's next flush.
        _flushes.DeleteMany(Query.LT("AppliedAt", _time.GetUtcNow().UtcDateTime.AddDays(-7)));
        var buckets = _buckets.FindAll().ToList();
        if (buckets.Count == 0)
        {
            return new UsageFoldResult(0, 0, 0, null);
        }

        Add(_hourly, buckets, b => new DateTime(b.Minute.Year, b.Minute.Month, b.Minute.Day, b.Minute.Hour, 0, 0, DateTimeKind.Utc), "yyyyMMddHH");
        Add(_daily, buckets, b => b.Minute.Date, "yyyyMMdd");
        var lastUses = LatestUses(buckets, b => b.TokenId, b => b.LastUsedAt, b => b.LastUsedAddress);
        LiteDbCollections.UpdateLastUsed(_tokens, lastUses);
        foreach (var bucket in buckets)
        {
            _buckets.Delete(bucket.Id);
        }

        return new UsageFoldResult(buckets.Count, buckets.Sum(b => b.Success + b.ClientError + b.ServerError), lastUses.Count,
            buckets.Max(b => b.Minute));
    });

    /// <inheritdoc />
    public IReadOnlyList<UsageRollup> ReadDaily(string tokenId, DateTime firstDay, DateTime lastDay) =>
        [.. _daily.Find(r => r.TokenId == tokenId && r.Period >= firstDay && r.Period <= lastDay).OrderBy(r => r.Period)];

    /// <inheritdoc />
    public int PruneBefore(DateTime before) => LiteDbTransaction.Run(_database, () =>
        _hourly.DeleteMany(r => r.Period < before) + _daily.DeleteMany(r => r.Period < before));

    /// <inheritdoc />
    public int PruneDeletedTokens() => LiteDbTransaction.Run(_database, () =>
    {
        var gone = _daily.FindAll().Select(r => r.TokenId)
            .Concat(_hourly.FindAll().Select(r => r.TokenId))
            .Concat(_buckets.FindAll().Select(b => b.TokenId))
            .Distinct(StringComparer.Ordinal)
            .Where(id => !LiteDbCollections.TokenExists(_database, id))
            .ToList();
        var deleted = 0;
        foreach (var tokenId in gone)
        {
            deleted += _buckets.DeleteMany(b => b.TokenId == tokenId)
                + _hourly.DeleteMany(r => r.TokenId == tokenId)
                + _daily.DeleteMany(r => r.TokenId == tokenId);
        }

        return deleted;
    });

    private static List<LastUseUpdate> LatestUses<T>(IEnumerable<T> items, Func<T, string> tokenId, Func<T, DateTime> usedAt, Func<T, string?> address) =>
        [.. items.GroupBy(tokenId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(usedAt)!)
            .Select(i => new LastUseUpdate(tokenId(i), usedAt(i), address(i)))];

    private static void Add(ILiteCollection<UsageRollup> rollups, List<UsageBucket> buckets, Func<UsageBucket, DateTime> period, string format)
    {
        foreach (var group in buckets.GroupBy(b => (b.TokenId, Period: period(b))))
        {
            var id = group.Key.TokenId + "|" + group.Key.Period.ToString(format, CultureInfo.InvariantCulture);
            var rollup = rollups.FindById(id) ?? new UsageRollup { Id = id, TokenId = group.Key.TokenId, Period = group.Key.Period };
            rollup.Success += group.Sum(b => b.Success);
            rollup.ClientError += group.Sum(b => b.ClientError);
            rollup.ServerError += group.Sum(b => b.ServerError);
            var latest = group.MaxBy(b => b.LastUsedAt)!;
            if (latest.LastUsedAt >= rollup.LastUsedAt)
            {
                rollup.LastUsedAt = latest.LastUsedAt;
                rollup.LastUsedAddress = latest.LastUsedAddress;
            }

            rollups.Upsert(rollup);
        }
    }
}
