namespace ScimGateway.Tokens.Usage;

/// <summary>Usage figures at rest: per-node minute buckets and the hourly and daily rollups folded from them.</summary>
public interface IUsageStore
{
    /// <summary>Writes one flush's deltas as new minute buckets, all or none.</summary>
    void AddBuckets(string nodeId, IReadOnlyList<UsageDelta> deltas);

    /// <summary>
    /// Folds every minute bucket into the hourly and daily rollups, moves tokens' last use forward, and deletes the
    /// folded buckets, all in one transaction: a crash either folds a bucket and deletes it, or does neither.
    /// </summary>
    UsageFoldResult Fold();

    /// <summary>Daily rollups of one token from <paramref name="firstDay"/> to <paramref name="lastDay"/> (UTC dates, inclusive).</summary>
    IReadOnlyList<UsageRollup> ReadDaily(string tokenId, DateTime firstDay, DateTime lastDay);

    /// <summary>Deletes rollups of periods that started before <paramref name="before"/>; returns how many.</summary>
    int PruneBefore(DateTime before);

    /// <summary>Deletes buckets and rollups of tokens for which <paramref name="exists"/> is false; returns how many.</summary>
    int PruneTokens(Func<string, bool> exists);
}
