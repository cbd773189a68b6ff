using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
/// <remarks>
/// Registering takes the job's distributed lock. A node killed while it held one (mid-schedule, mid-run) leaves the
/// lock in the shared storage until <c>Jobs:PostgreSql:DistributedLockTimeout</c> breaks it, so a registration that
/// cannot get it must not stop the restarted node from serving: the jobs already exist (the dead node registered
/// them), and the registration is retried in the background until it lands.
/// </remarks>
internal sealed partial class RecurringJobsRegistrar(
    IRecurringJobManager manager, IOptions<JobsOptions> options, TimeProvider time, ILogger<RecurringJobsRegistrar> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    // On .NET 10 the host runs ExecuteAsync apart from its start, so registration never delays the node's start.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = Registrations().ToList();
        while (true)
        {
            pending.RemoveAll(TryRegister);
            if (pending.Count == 0)
            {
                return;
            }

            await Task.Delay(RetryDelay, time, stoppingToken);
        }
    }

    private IEnumerable<(string Id, Action<RecurringJobOptions> Register)> Registrations()
    {
        var schedules = options.Value.Schedules;
        yield return (JobIds.TokenExpiration, utc => manager.AddOrUpdate<TokenExpirationJob>(JobIds.TokenExpiration, job => job.RunAsync(CancellationToken.None), schedules.TokenExpiration, utc));
        yield return (JobIds.UsageRollup, utc => manager.AddOrUpdate<UsageRollupJob>(JobIds.UsageRollup, job => job.RunAsync(CancellationToken.None), schedules.UsageRollup, utc));
        yield return (JobIds.StorageMaintenance, utc => manager.AddOrUpdate<StorageMaintenanceJob>(JobIds.StorageMaintenance, job => job.RunAsync(CancellationToken.None), schedules.StorageMaintenance, utc));
    }

    private bool TryRegister((string Id, Action<RecurringJobOptions> Register) registration)
    {
        try
        {
            registration.Register(new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            return true;
        }
#pragma warning disable CA1031 // A held lock or a storage away for a moment: retried; the schedules were validated at start.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRegistrationDeferred(logger, registration.Id, ex.GetType().Name, ex.Message);
            return false;
        }
    }

    [LoggerMessage(EventId = 3050, Level = LogLevel.Warning,
        Message = "Recurring job {JobId} could not be registered yet ({ExceptionType}: {Reason}); retrying in the background (a node killed while holding its lock leaves it until Jobs:PostgreSql:DistributedLockTimeout)")]
    private static partial void LogRegistrationDeferred(ILogger logger, string jobId, string exceptionType, string reason);
}
