using Hangfire;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScimGateway.Jobs.Expiration;
using ScimGateway.Jobs.Watermarks;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Jobs.Maintenance;

/// <summary>
/// <c>storage-maintenance</c>: prunes usage rollups and audit records past their retention and the usage and warnings
/// of deleted tokens, then checkpoints LiteDB's log into the data file. Every step is a deletion by age or by absence,
/// so repeating it changes nothing.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed partial class StorageMaintenanceJob(
    ILiteDatabase database,
    IUsageStore usage,
    ITokenStore tokens,
    AuditTrail audit,
    ExpiryWarningLedger warnings,
    JobWatermarks watermarks,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<StorageMaintenanceJob> logger)
{
    /// <summary>Runs once; Hangfire passes its shutdown token.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var today = now.Date;
        var usagePruned = usage.PruneBefore(today.AddDays(-settings.UsageRetentionDays));
        cancellationToken.ThrowIfCancellationRequested();
        var auditPruned = audit.PruneBefore(now.AddDays(-settings.AuditRetentionDays));
        cancellationToken.ThrowIfCancellationRequested();
        bool Exists(string id) => tokens.FindById(id) is not null;
        var orphansPruned = usage.PruneTokens(Exists) + warnings.PruneTokens(Exists);
        database.Checkpoint();
        watermarks.Advance(JobIds.StorageMaintenance, now, time.GetUtcNow().UtcDateTime,
            $"{usagePruned} usage rollups, {auditPruned} audit records, {orphansPruned} records of deleted tokens pruned");
        LogCompleted(logger, usagePruned, auditPruned, orphansPruned);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "Storage maintenance: pruned {UsageRollups} usage rollups, {AuditRecords} audit records and {Orphans} records of deleted tokens; checkpointed the database.")]
    private static partial void LogCompleted(ILogger logger, int usageRollups, int auditRecords, int orphans);
}
