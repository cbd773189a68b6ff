using System.Globalization;
using LiteDB;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Tokens.Usage;

/// <summary>Usage in the application's LiteDB database: <c>usage_minutes</c>, <c>usage_hourly</c>, <c>usage_daily</c>.</summary>
public sealed class LiteDbUsageStore : IUsageStore
{
    private readonly ILiteDatabase _database;
    private readonly ITokenStore _tokens;
    private readonly ILiteCollection<UsageBucket> _buckets;
    private readonly ILiteCollection<UsageRollup> _hourly;
    private readonly ILiteCollection<UsageRollup> _daily;

    /// <summary>Opens the collections. <paramref name="tokens"/> must live in the same database, so that folding and last use commit together.</summary>
    public LiteDbUsageStore(ILiteDatabase database, ITokenStore tokens)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _tokens = tokens;
        _buckets = database.GetCollection<UsageBucket>("usage_minutes");
        _hourly = database.GetCollection<UsageRollup>("usage_hourly");
        _daily = database.GetCollection<UsageRollup>("usage_daily");
        _buckets.EnsureIndex(b => b.TokenId);
        _hourly.EnsureIndex(r => r.TokenId);
        _hourly.EnsureIndex(r => r.Period);
        _daily.EnsureIndex(r => r.TokenId);
        _daily.EnsureIndex(r => r.Period);
    }

    /// <inheritdoc />
    public void AddBuckets(string nodeId, IReadOnlyList<UsageDelta> deltas)
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
        });

        // InsertBulk runs in one transaction of its own.
        _buckets.InsertBulk(buckets);

        // Last use is a maximum, so writing it now as well as at the fold is idempotent; it keeps "Last Used" current
        // across a restart without waiting for the next rollup.
        _tokens.UpdateLastUsed([.. deltas.GroupBy(d => d.TokenId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(d => d.LastUsedAt)!)
            .Select(d => new LastUseUpdate(d.TokenId, d.LastUsedAt, d.LastUsedAddress))]);
    }

    /// <inheritdoc />
    public UsageFoldResult Fold()
    {
        // LiteDB transactions belong to the calling thread: everything below stays synchronous on purpose.
        _database.BeginTrans();
        try
        {
            var buckets = _buckets.FindAll().ToList();
            if (buckets.Count == 0)
            {
                _database.Rollback();
                return new UsageFoldResult(0, 0, 0, null);
            }

            Add(_hourly, buckets, b => new DateTime(b.Minute.Year, b.Minute.Month, b.Minute.Day, b.Minute.Hour, 0, 0, DateTimeKind.Utc), "yyyyMMddHH");
            Add(_daily, buckets, b => b.Minute.Date, "yyyyMMdd");
            var lastUses = buckets.GroupBy(b => b.TokenId, StringComparer.Ordinal)
                .Select(g => g.MaxBy(b => b.LastUsedAt)!)
                .Select(b => new LastUseUpdate(b.TokenId, b.LastUsedAt, b.LastUsedAddress))
                .ToList();
            _tokens.UpdateLastUsed(lastUses);
            foreach (var bucket in buckets)
            {
                _buckets.Delete(bucket.Id);
            }

            _database.Commit();
            return new UsageFoldResult(buckets.Count, buckets.Sum(b => b.Success + b.ClientError + b.ServerError), lastUses.Count,
                buckets.Max(b => b.Minute));
        }
        catch
        {
            _database.Rollback();
            throw;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<UsageRollup> ReadDaily(string tokenId, DateTime firstDay, DateTime lastDay) =>
        [.. _daily.Find(r => r.TokenId == tokenId && r.Period >= firstDay && r.Period <= lastDay).OrderBy(r => r.Period)];

    /// <inheritdoc />
    public int PruneBefore(DateTime before) =>
        _hourly.DeleteMany(r => r.Period < before) + _daily.DeleteMany(r => r.Period < before);

    /// <inheritdoc />
    public int PruneTokens(Func<string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(exists);
        var gone = _daily.FindAll().Select(r => r.TokenId)
            .Concat(_hourly.FindAll().Select(r => r.TokenId))
            .Concat(_buckets.FindAll().Select(b => b.TokenId))
            .Distinct(StringComparer.Ordinal)
            .Where(id => !exists(id))
            .ToList();
        var deleted = 0;
        foreach (var tokenId in gone)
        {
            deleted += _buckets.DeleteMany(b => b.TokenId == tokenId)
                + _hourly.DeleteMany(r => r.TokenId == tokenId)
                + _daily.DeleteMany(r => r.TokenId == tokenId);
        }

        return deleted;
    }

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
