using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using ScimGateway.Jobs;

namespace ScimGateway.Gateway.Tests.Jobs;

/// <summary>The gateway with its default LiteDB job storage, stopped and started again on the same data directory.</summary>
[Collection(HangfireServerCollection.Name)]
public sealed class LiteDbJobDurabilityTests : IDisposable
{
    private const string ProbeId = "durability-probe";
    private static readonly string[] RecurringIds = [JobIds.TokenExpiration, JobIds.UsageRollup, JobIds.StorageMaintenance];
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private GatewayFactory Start() => new GatewayFactory(_data.Path).WithJobServer().WithLiteDbJobStorage();

    [Fact]
    public async Task Restart_KeepsSucceededHistoryAndRecurringSchedules_AndAPendingRetryRunsAfterIt()
    {
        var attemptsFile = Path.Combine(_data.Path, "fail-once-attempts");
        string[] runs;
        string retried;
        await using (var first = Start())
        {
            runs = [await first.RunJobAsync(JobIds.TokenExpiration), await first.RunJobAsync(JobIds.UsageRollup), await first.RunJobAsync(JobIds.StorageMaintenance)];

            // A schedule only this host registers: after the restart it can only come from hangfire.db.
            first.Service<IRecurringJobManager>().AddOrUpdate(ProbeId, Job.FromExpression(() => TestJobs.Noop()), Cron.Yearly(), new RecurringJobOptions());
            retried = first.Service<IBackgroundJobClient>().Enqueue(() => TestJobs.FailOnce(attemptsFile));
            await first.WaitForStateAsync(retried, "Scheduled");
        }

        var stoppedAt = DateTime.UtcNow;
        await using var second = Start();
        var monitoring = second.Service<JobStorage>().GetMonitoringApi();

        // Succeeded runs and their history.
        var succeeded = monitoring.SucceededJobs(0, 100).Select(j => j.Key).ToList();
        Assert.All(runs, id =>
        {
            Assert.Contains(id, succeeded);
            var history = monitoring.JobDetails(id).History.Select(h => h.StateName).Reverse();
            Assert.Equal(["Enqueued", "Processing", "Succeeded"], history);
        });
        Assert.True(monitoring.GetStatistics().Succeeded >= runs.Length);

        // Recurring schedules, created before the stop.
        using (var connection = second.Service<JobStorage>().GetConnection())
        {
            var recurring = connection.GetRecurringJobs().ToDictionary(r => r.Id);
            Assert.Equal(Cron.Yearly(), Assert.Contains(ProbeId, recurring).Cron);
            Assert.All(RecurringIds, id => Assert.True(recurring[id].CreatedAt < stoppedAt, $"{id} was created anew at {recurring[id].CreatedAt:O}."));
        }

        // The retry was pending at the stop and ran after the start.
        var details = await second.WaitForStateAsync(retried, "Succeeded", "Failed");
        var states = details.History.AsEnumerable().Reverse().ToList();
        Assert.Equal(["Enqueued", "Processing", "Failed", "Scheduled", "Enqueued", "Processing", "Succeeded"], states.Select(s => s.StateName));
        Assert.Contains("Retry attempt 1 of 2", states[3].Reason, StringComparison.Ordinal);
        Assert.True(states[4].CreatedAt >= stoppedAt, $"The retry was enqueued at {states[4].CreatedAt:O}, before the stop at {stoppedAt:O}.");
        Assert.Equal(2, File.ReadAllLines(attemptsFile).Length);
    }
}
