using Hangfire;
using Microsoft.Extensions.Hosting;
using ScimGateway.Jobs.Expiration;
using ScimGateway.Jobs.Maintenance;
using ScimGateway.Jobs.Usage;

namespace ScimGateway.Jobs.Hosting;

/// <summary>Registers (or updates) the recurring jobs when the host starts. Schedules are in UTC.</summary>
internal sealed class RecurringJobsRegistrar(IRecurringJobManager manager) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        manager.AddOrUpdate<TokenExpirationJob>(JobIds.TokenExpiration, job => job.RunAsync(CancellationToken.None), "*/5 * * * *", utc);
        manager.AddOrUpdate<UsageRollupJob>(JobIds.UsageRollup, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), utc);
        manager.AddOrUpdate<StorageMaintenanceJob>(JobIds.StorageMaintenance, job => job.RunAsync(CancellationToken.None), Cron.Hourly(), utc);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
