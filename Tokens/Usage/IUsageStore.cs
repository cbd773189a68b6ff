namespace ScimGateway.Tokens.Usage;

/// <summary>
/// Usage figures at rest: per-node minute buckets and the hourly and daily rollups folded from them. Lives in the same
/// database as the tokens (<see cref="Storage.ITokenStore"/>), since folding moves tokens' last use in the same commit.
/// </summary>
public interface IUsageStore
{
    /// <summary>
    /// Writes one flush's deltas as new minute buckets, all or none, and moves the tokens' last use forward. Buckets
    /// are only ever added: flushes running at once, on one node or several, never lose or merge each other's counts.
    /// </summary>
    void AddBuckets(string nodeId, IReadOnlyList<UsageDelta> deltas) => AddBuckets(nodeId, Guid.NewGuid().ToString("N"), deltas);

    /// <summary>
    /// Writes one flush's deltas as new minute buckets, all or none, and moves the tokens' last use forward, at most once
    /// per <paramref name="nodeId"/> and <paramref name="flushId"/>: a flush retried with the same id and deltas (its
    /// first write committed but the acknowledgement was lost) writes nothing, also after a fold has counted the first.
    /// The store remembers flush ids for at least a week.
    /// </summary>
    void AddBuckets(string nodeId, string flushId, IReadOnlyList<UsageDelta> deltas);

    /// <summary>
    /// Folds every minute bucket into the hourly and daily rollups, moves tokens' last use forward, and deletes the
    /// folded buckets, all in one commit: a crash either folds a bucket and deletes it, or does neither.
    /// </summary>
    UsageFoldResult Fold();

    /// <summary>
    /// Daily rollups of one token from <paramref name="firstDay"/> to <paramref name="lastDay"/> (UTC dates, inclusive),
    /// oldest first; empty for an unknown token.
    /// </summary>
    IReadOnlyList<UsageRollup> ReadDaily(string tokenId, DateTime firstDay, DateTime lastDay);

    /// <summary>Deletes hourly and daily rollups of periods that started before <paramref name="before"/>; returns how many.</summary>
    int PruneBefore(DateTime before);

    /// <summary>Deletes buckets and rollups of tokens that no longer exist; returns how many.</summary>
    int PruneDeletedTokens();
}
