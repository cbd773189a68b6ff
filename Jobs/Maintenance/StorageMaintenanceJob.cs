using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScimGateway.Jobs.Watermarks;
using ScimGateway.Tokens.Retention;

namespace ScimGateway.Jobs.Maintenance;

/// <summary>
/// <c>storage-maintenance</c>: has Tokens apply its retention (<see cref="TokenRetention"/>), then has the host
/// checkpoint its database (<see cref="IStorageMaintenance"/>). Both are safe to repeat.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed partial class StorageMaintenanceJob(
    TokenRetention retention,
    IStorageMaintenance storage,
    IJobWatermarkStore watermarks,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<StorageMaintenanceJob> logger)
{
    /// <summary>Runs once; Hangfire passes its shutdown token.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var pruned = retention.Prune(now, settings.UsageRetentionDays, settings.AuditRetentionDays, cancellationToken);
        storage.Checkpoint();
        watermarks.Advance(JobIds.StorageMaintenance, now, time.GetUtcNow().UtcDateTime,
            $"{pruned.UsageRollups} usage rollups, {pruned.AuditRecords} audit records, {pruned.OrphanRecords} records of deleted tokens pruned");
        LogCompleted(logger, pruned.UsageRollups, pruned.AuditRecords, pruned.OrphanRecords);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "Storage maintenance: pruned {UsageRollups} usage rollups, {AuditRecords} audit records and {Orphans} records of deleted tokens; checkpointed the database.")]
    private static partial void LogCompleted(ILogger logger, int usageRollups, int auditRecords, int orphans);
}
