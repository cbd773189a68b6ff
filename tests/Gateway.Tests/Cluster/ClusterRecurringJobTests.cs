using ScimGateway.Jobs;
using ScimGateway.TestSupport.PostgreSql;
using Xunit.Abstractions;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>
/// A cluster whose recurring jobs run every 6 seconds (six-field cron, seconds first), staggered by a second, with
/// schedules polled every second.
/// </summary>
public sealed class ShortScheduleGatewayCluster() : GatewayCluster(new Dictionary<string, string>
{
    ["Jobs__Schedules__TokenExpiration"] = "0/6 * * * * *",
    ["Jobs__Schedules__UsageRollup"] = "1/6 * * * * *",
    ["Jobs__Schedules__StorageMaintenance"] = "2/6 * * * * *",
    ["Jobs__SchedulePollingSeconds"] = "1",
})
{
    /// <summary>The schedules' period.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(6);

    /// <summary>Each job's first second in the period.</summary>
    public static readonly IReadOnlyDictionary<string, int> Offsets = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [JobIds.TokenExpiration] = 0,
        [JobIds.UsageRollup] = 1,
        [JobIds.StorageMaintenance] = 2,
    };
}

/// <summary>Issue #13: each recurring job runs once per schedule across the cluster.</summary>
public sealed class ClusterRecurringJobTests(ShortScheduleGatewayCluster cluster, ITestOutputHelper output) : IClassFixture<ShortScheduleGatewayCluster>
{
    private const int Occurrences = 5;

    [PostgreSqlFact]
    public async Task Each_recurring_job_runs_exactly_once_per_occurrence_on_three_nodes_and_misses_none()
    {
        // Several occurrences of every job, bounded generously: two cores run three nodes here.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        foreach (var jobId in ShortScheduleGatewayCluster.Offsets.Keys)
        {
            while ((await HangfireRuns.OfAsync(cluster.Database.DataSource, jobId)).Count(r => r.State == "Succeeded") < Occurrences)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{jobId} did not run {Occurrences} times within 120 s: "
                    + HangfireRuns.Describe(await HangfireRuns.OfAsync(cluster.Database.DataSource, jobId)));
                await Task.Delay(500);
            }
        }

        foreach (var (jobId, offset) in ShortScheduleGatewayCluster.Offsets)
        {
            var runs = await FinishedRunsAsync(jobId, deadline);
            var described = HangfireRuns.Describe(runs);
            output.WriteLine($"{jobId}: {described}");

            // Hangfire creates a run for each occurrence; a scheduler that polls late (never by a whole period here)
            // stamps the run with the time it ran, so each run belongs to the latest occurrence at or before its time.
            var occurrences = runs.GroupBy(r => Occurrence(r.Time, offset)).OrderBy(g => g.Key).ToList();
            Assert.True(occurrences.All(o => o.Count() == 1), $"{jobId}: an occurrence got more than one run: {described}");
            Assert.True(runs.All(r => r.State == "Succeeded"), $"{jobId}: a run did not succeed: {described}");
            Assert.True(runs.All(r => r.StartedBy.Count == 1), $"{jobId}: a run was executed more than once: {described}");

            var first = occurrences[0].Key;
            var expected = Enumerable.Range(0, occurrences.Count).Select(i => first + i * ShortScheduleGatewayCluster.Period);
            Assert.True(expected.SequenceEqual(occurrences.Select(o => o.Key)), $"{jobId}: an occurrence was missed: {described}");
        }
    }

    // Runs whose occurrence lies a period in the past, once Hangfire is done with every one of them.
    private async Task<IReadOnlyList<JobRun>> FinishedRunsAsync(string jobId, DateTime deadline)
    {
        var cutoff = DateTime.UtcNow - ShortScheduleGatewayCluster.Period;
        while (true)
        {
            var runs = (await HangfireRuns.OfAsync(cluster.Database.DataSource, jobId)).Where(r => r.Time < cutoff).ToList();
            if (runs.All(r => r.IsFinal) || DateTime.UtcNow > deadline)
            {
                return runs;
            }

            await Task.Delay(500);
        }
    }

    private static DateTime Occurrence(DateTime time, int offsetSeconds)
    {
        var period = (long)ShortScheduleGatewayCluster.Period.TotalSeconds;
        var seconds = new DateTimeOffset(time, TimeSpan.Zero).ToUnixTimeSeconds() - offsetSeconds;
        return DateTimeOffset.FromUnixTimeSeconds(seconds - (seconds % period) + offsetSeconds).UtcDateTime;
    }
}
