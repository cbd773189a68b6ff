using System.Globalization;
using ScimGateway.Gateway.Tests.Operations;
using ScimGateway.Jobs;
using ScimGateway.TestSupport.PostgreSql;
using Xunit.Abstractions;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>
/// A cluster whose recurring jobs run every 6 seconds (six-field cron, seconds first), staggered by a second, with
/// schedules polled every second. The nodes share a node id with capitals, as nodes on one machine share its name.
/// </summary>
public sealed class ShortScheduleGatewayCluster() : GatewayCluster(new Dictionary<string, string>
{
    ["Jobs__Schedules__TokenExpiration"] = "0/6 * * * * *",
    ["Jobs__Schedules__UsageRollup"] = "1/6 * * * * *",
    ["Jobs__Schedules__StorageMaintenance"] = "2/6 * * * * *",
    ["Jobs__SchedulePollingSeconds"] = "1",
    ["Tokens__NodeId"] = NodeId,
})
{
    /// <summary>The node id every node has.</summary>
    public const string NodeId = "Cluster-Node";

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
[Collection(ClusterJobsCollection.Name)]
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

    [PostgreSqlFact]
    public async Task Every_node_reports_its_own_job_server_ready_and_names_its_job_connections()
    {
        // Hangfire lower-cases server ids ("cluster-node:{pid}:{guid}"): the check must still find its own server.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var node = 0; node < GatewayCluster.NodeCount; node++)
        {
            using var client = cluster.Client(node, token: null);
            while (true)
            {
                using var response = await client.GetAsync("/healthz/ready");
                var jobs = HealthTests.Checks(await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>())["jobs"];
                if (jobs.GetProperty("status").GetString() == "Healthy")
                {
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"node {node}: {jobs}");
                await Task.Delay(200);
            }
        }

        await using var servers = cluster.Database.DataSource.CreateCommand("SELECT id FROM hangfire.server ORDER BY id");
        var serverIds = new List<string>();
        await using (var reader = await servers.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                serverIds.Add(reader.GetString(0));
            }
        }

        Assert.Equal(
            cluster.Nodes.Select(n => $"cluster-node:{n.ProcessId.ToString(CultureInfo.InvariantCulture)}:").Order(StringComparer.Ordinal),
            serverIds.Select(id => id[..(id.LastIndexOf(':') + 1)]).Order(StringComparer.Ordinal));

        await using var named = cluster.Database.DataSource.CreateCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'scimgateway-jobs@Cluster-Node'");
        Assert.True(Convert.ToInt64(await named.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0, "no job storage connection carries the node's name");
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
