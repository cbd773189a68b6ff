using System.Diagnostics;
using Hangfire.Server;
using ScimGateway.Jobs.Expiration;
using ScimGateway.Jobs.Maintenance;
using ScimGateway.Jobs.Usage;

namespace ScimGateway.Jobs.Hosting;

/// <summary>Times every run of this module's jobs into <see cref="JobsMetrics"/> (a Hangfire server filter).</summary>
internal sealed class JobMetricsFilter(JobsMetrics metrics) : IServerFilter
{
    private const string StartedKey = "scimgateway.metrics.started";

    public void OnPerforming(PerformingContext context) => context.Items[StartedKey] = Stopwatch.GetTimestamp();

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(StartedKey, out var value) && value is long started)
        {
            var succeeded = context.Exception is null || context.ExceptionHandled;
            metrics.RunCompleted(JobName(context.BackgroundJob.Job.Type), succeeded, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private static string JobName(Type type) =>
        type == typeof(TokenExpirationJob) ? JobIds.TokenExpiration
        : type == typeof(UsageRollupJob) ? JobIds.UsageRollup
        : type == typeof(StorageMaintenanceJob) ? JobIds.StorageMaintenance
        : "other";
}
