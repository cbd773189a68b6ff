namespace ScimGateway.Jobs;

/// <summary>
/// The recurring jobs' schedules, section <c>Jobs:Schedules</c>: cron expressions in UTC, five fields, or six with
/// seconds first (Hangfire's own rule). Checked at start, so a bad expression stops the start naming the setting.
/// </summary>
public sealed class JobSchedulesOptions
{
    /// <summary>When <c>token-expiration</c> runs; every 5 minutes by default.</summary>
    public string TokenExpiration { get; set; } = "*/5 * * * *";

    /// <summary>When <c>usage-rollup</c> runs; every minute by default.</summary>
    public string UsageRollup { get; set; } = "* * * * *";

    /// <summary>When <c>storage-maintenance</c> runs; hourly, on the hour, by default.</summary>
    public string StorageMaintenance { get; set; } = "0 * * * *";

    /// <summary>Each recurring job's id with its schedule and the name of its setting.</summary>
    public IReadOnlyList<(string JobId, string Setting, string Cron)> All =>
    [
        (JobIds.TokenExpiration, nameof(TokenExpiration), TokenExpiration),
        (JobIds.UsageRollup, nameof(UsageRollup), UsageRollup),
        (JobIds.StorageMaintenance, nameof(StorageMaintenance), StorageMaintenance),
    ];
}
