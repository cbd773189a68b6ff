namespace ScimGateway.Jobs;

/// <summary>The recurring jobs' ids, as the dashboard shows them.</summary>
public static class JobIds
{
    /// <summary>Marks expired tokens and sends expiry warnings, every 5 minutes.</summary>
    public const string TokenExpiration = "token-expiration";

    /// <summary>Folds minute buckets into hourly and daily usage, every minute.</summary>
    public const string UsageRollup = "usage-rollup";

    /// <summary>Checkpoint and retention, hourly.</summary>
    public const string StorageMaintenance = "storage-maintenance";
}
