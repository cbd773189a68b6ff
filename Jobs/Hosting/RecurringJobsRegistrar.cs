using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ScimGateway.Jobs.Expiration;
using ScimGateway.Jobs.Maintenance;
using ScimGateway.Jobs.Usage;

namespace ScimGateway.Jobs.Hosting;

/// <summary>
/// Registers (or updates) the recurring jobs when the host starts, on the schedules of <c>Jobs:Schedules</c> (UTC).
/// Every node of a cluster registers the same ids in the shared storage, so each job exists once and Hangfire's
/// scheduler, under its storage lock, enqueues one run per occurrence for the whole cluster.
/// </summary>
internal sealed class RecurringJobsRegistrar(IRecurringJobManager manager, IOptions<JobsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var schedules = options.Value.Schedules;
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        manager.AddOrUpdate<TokenExpirationJob>(JobIds.TokenExpiration, job => job.RunAsync(CancellationToken.None), schedules.TokenExpiration, utc);
        manager.AddOrUpdate<UsageRollupJob>(JobIds.UsageRollup, job => job.RunAsync(CancellationToken.None), schedules.UsageRollup, utc);
        manager.AddOrUpdate<StorageMaintenanceJob>(JobIds.StorageMaintenance, job => job.RunAsync(CancellationToken.None), schedules.StorageMaintenance, utc);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
