using System.ComponentModel.DataAnnotations;

namespace ScimGateway.Jobs;

/// <summary>Settings of the background jobs, section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Jobs";

    /// <summary>The section of the LiteDB job storage's settings (<see cref="Storage.LiteDbStorageOptions"/>).</summary>
    public const string LiteDbSection = "Jobs:LiteDb";

    /// <summary>Where Hangfire keeps jobs.</summary>
    public JobStorageKind Storage { get; set; } = JobStorageKind.LiteDb;

    /// <summary>
    /// The LiteDB job storage file, used when <see cref="Storage"/> is <see cref="JobStorageKind.LiteDb"/>. Set by the
    /// host, not by configuration: the file must sit in a directory the host owns exclusively, because two processes on
    /// one LiteDB file can silently lose writes (the gateway puts <c>hangfire.db</c> in its locked data directory).
    /// </summary>
    public string? LiteDbFilePath { get; set; }

    /// <summary>
    /// The Npgsql connection string of the PostgreSQL job storage, used when <see cref="Storage"/> is
    /// <see cref="JobStorageKind.PostgreSql"/>. Set by the host (the gateway copies <c>ConnectionStrings:Postgres</c>).
    /// </summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>The schema Hangfire.PostgreSql creates and keeps its tables in, apart from the application's.</summary>
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$")]
    public string PostgreSqlSchema { get; set; } = "hangfire";

    /// <summary>Hangfire.PostgreSql's hand-over settings, section <c>Jobs:PostgreSql</c> (cluster mode).</summary>
    public JobsPostgreSqlOptions PostgreSql { get; set; } = new();

    /// <summary>The recurring jobs' schedules, section <c>Jobs:Schedules</c>.</summary>
    public JobSchedulesOptions Schedules { get; set; } = new();

    /// <summary>Whether this process runs a Hangfire server (executes jobs). The dashboard works either way.</summary>
    public bool ServerEnabled { get; set; } = true;

    /// <summary>Hangfire workers of this process.</summary>
    [Range(1, 20)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often the server looks for scheduled jobs, such as retries, that have come due.</summary>
    [Range(1, 300)]
    public int SchedulePollingSeconds { get; set; } = 15;

    /// <summary>Automatic retries of a failed job run before it stays Failed.</summary>
    [Range(0, 10)]
    public int RetryAttempts { get; set; } = 3;

    /// <summary>Delay before each automatic retry.</summary>
    [Range(1, 86_400)]
    public int RetryDelaySeconds { get; set; } = 60;

    /// <summary>Days before expiry at which owners are warned; default 30 and 7. Each 1 to 365, distinct.</summary>
    public int[]? ExpiryWarningDays { get; set; }

    /// <summary>Days hourly and daily usage figures are kept.</summary>
    [Range(1, 3650)]
    public int UsageRetentionDays { get; set; } = 90;

    /// <summary>Days audit records are kept.</summary>
    [Range(1, 36_500)]
    public int AuditRetentionDays { get; set; } = 365;

    /// <summary>Expiry-warning delivery.</summary>
    public NotificationOptions Notifications { get; set; } = new();

    /// <summary>The warning thresholds in effect, largest first.</summary>
    public IReadOnlyList<int> EffectiveWarningDays =>
        [.. (ExpiryWarningDays is { Length: > 0 } days ? days : [30, 7]).Distinct().OrderDescending()];
}
