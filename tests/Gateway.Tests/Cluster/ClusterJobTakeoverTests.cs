using ScimGateway.Jobs;
using ScimGateway.TestSupport.PostgreSql;
using Xunit.Abstractions;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>
/// A cluster with short hand-over settings (a dead node's job is fetched again 10 s after its last keep-alive, its
/// lock broken 15 s after it was taken), usage flushed every second, and a usage rollup that only runs when triggered
/// (its schedule is once a year), so the test knows which run it kills.
/// </summary>
public sealed class TakeoverGatewayCluster() : GatewayCluster(new Dictionary<string, string>
{
    ["Jobs__PostgreSql__InvisibilityTimeout"] = InvisibilityTimeout.ToString(),
    ["Jobs__PostgreSql__DistributedLockTimeout"] = DistributedLockTimeout.ToString(),
    ["Jobs__Schedules__UsageRollup"] = "0 0 1 1 *",
    ["Jobs__SchedulePollingSeconds"] = "1",
    ["Jobs__RetryDelaySeconds"] = "1",
    ["Tokens__UsageFlushSeconds"] = "1",
})
{
    /// <summary><c>Jobs:PostgreSql:InvisibilityTimeout</c> of the nodes.</summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(10);

    /// <summary><c>Jobs:PostgreSql:DistributedLockTimeout</c> of the nodes.</summary>
    public static readonly TimeSpan DistributedLockTimeout = TimeSpan.FromSeconds(15);
}

/// <summary>Issue #13: a node killed mid-job loses nothing.</summary>
[Collection(ClusterJobsCollection.Name)]
public sealed class ClusterJobTakeoverTests(TakeoverGatewayCluster cluster, ITestOutputHelper output) : IClassFixture<TakeoverGatewayCluster>
{
    private const int Requests = 60;

    // Minute buckets of other tokens, as a busy cluster leaves them between two rollups: enough that folding them takes
    // seconds, so the node can be killed in the middle of it.
    private const int SeededTokens = 2_000;
    private const int SeededBuckets = 600_000;

    [PostgreSqlFact]
    public async Task A_node_killed_during_a_usage_rollup_loses_nothing_and_another_node_completes_the_run_exactly()
    {
        var tokenId = await SendRequestsAsync();
        await ExecuteAsync(
            $"INSERT INTO usage_minutes (node_id, flush_id, token_id, minute, success, client_error, server_error, last_used_at, last_used_address) "
            + $"SELECT 'seed', 'seed-' || g, 'seed-' || (g % {SeededTokens}), date_trunc('minute', now()) - (g / {SeededTokens}) * interval '1 minute', "
            + $"1, 0, 0, now(), '192.0.2.1' FROM generate_series(0, {SeededBuckets - 1}) g");

        // As an admin's "Trigger now" on the dashboard does.
        var jobId = HangfireRuns.Trigger(cluster.Database.ConnectionString, JobIds.UsageRollup);
        var (victim, backends) = await NodeFoldingAsync(jobId);
        await victim.KillAsync();
        var killedAt = DateTime.UtcNow;

        // Once the dead node's backends are gone, its fold is rolled back: every bucket is still there, none counted.
        await BackendsGoneAsync(backends);
        Assert.Equal((long)(Requests + SeededBuckets), await ScalarAsync("SELECT coalesce(sum(success + client_error + server_error), 0)::bigint FROM usage_minutes"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM usage_daily"));

        // Bounded by the settings: fetched again within the invisibility timeout, the lock free after its timeout.
        var bound = TakeoverGatewayCluster.InvisibilityTimeout + TakeoverGatewayCluster.DistributedLockTimeout + TimeSpan.FromSeconds(60);
        var run = await RunAsync(jobId);
        while (run.State != "Succeeded")
        {
            Assert.True(DateTime.UtcNow - killedAt < bound, $"the run was not completed within {bound.TotalSeconds} s of the kill: {HangfireRuns.Describe([run])}");
            await Task.Delay(250);
            run = await RunAsync(jobId);
        }

        var takeover = DateTime.UtcNow - killedAt;
        Assert.True(run.StartedBy.Count >= 2, $"the killed node's run was not taken over: {HangfireRuns.Describe([run])}");
        Assert.Equal(victim.ProcessId, JobRun.ProcessOf(run.StartedBy[0]));
        Assert.NotEqual(victim.ProcessId, JobRun.ProcessOf(run.StartedBy[^1]));
        Assert.Contains(cluster.Nodes, n => n != victim && n.ProcessId == JobRun.ProcessOf(run.StartedBy[^1]));

        // Exact: every request and every seeded bucket counted once, nothing left unfolded.
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM usage_minutes"));
        foreach (var table in new[] { "usage_hourly", "usage_daily" })
        {
            Assert.Equal((long)Requests, await ScalarAsync($"SELECT coalesce(sum(success + client_error + server_error), 0)::bigint FROM {table} WHERE token_id = '{tokenId}'"));
            Assert.Equal((long)SeededBuckets, await ScalarAsync($"SELECT coalesce(sum(success + client_error + server_error), 0)::bigint FROM {table} WHERE token_id LIKE 'seed-%'"));
        }

        output.WriteLine($"usage-rollup job {jobId}: node (pid {victim.ProcessId}) killed mid-fold, completed by another node {takeover.TotalSeconds:0.0} s later");
    }

    // N real requests over the three nodes, flushed into minute buckets (not folded: the rollup only runs when triggered).
    private async Task<string> SendRequestsAsync()
    {
        var token = await cluster.IssueServiceTokenAsync("Takeover Usage", "takeover", role: "Member");
        var tokenId = (string)(await ScalarAsync("SELECT id FROM tokens WHERE name = 'takeover'"))!;
        for (var i = 0; i < Requests; i++)
        {
            using var client = cluster.Client(i % GatewayCluster.NodeCount, token);
            using var response = await client.GetAsync($"/api/datastores?i={i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Convert.ToInt64(await ScalarAsync($"SELECT coalesce(sum(success + client_error + server_error), 0)::bigint FROM usage_minutes WHERE token_id = '{tokenId}'"), System.Globalization.CultureInfo.InvariantCulture) < Requests)
        {
            Assert.True(DateTime.UtcNow < deadline, "the nodes did not flush every request within 30 s");
            await Task.Delay(200);
        }

        return tokenId;
    }

    // The node whose worker runs the job, once its fold's transaction is open in the database, and that transaction's backends.
    private async Task<(GatewayProcess Node, IReadOnlyList<int> Backends)> NodeFoldingAsync(string jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await RunAsync(jobId);
            var backends = await FoldBackendsAsync();
            if (run.State == "Processing" && run.StartedBy.Count == 1 && backends.Count > 0)
            {
                return (cluster.Nodes.Single(n => n.ProcessId == JobRun.ProcessOf(run.StartedBy[0])), backends);
            }

            Assert.True(run.State is "Enqueued" or "Processing" && DateTime.UtcNow < deadline,
                $"the rollup was not seen folding (it may have finished first): {HangfireRuns.Describe([run])}");
            await Task.Delay(50);
        }
    }

    private async Task<IReadOnlyList<int>> FoldBackendsAsync()
    {
        await using var command = cluster.Database.DataSource.CreateCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL "
            + "AND (query LIKE 'DELETE FROM usage_minutes%' OR query LIKE 'INSERT INTO usage_hourly%' OR query LIKE 'INSERT INTO usage_daily%')");
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    // PostgreSQL ends a backend (rolling its transaction back) when it finds its client gone.
    private async Task BackendsGoneAsync(IReadOnlyList<int> backends)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await FoldBackendsAsync()).Intersect(backends).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, "the killed node's fold still runs in the database 10 s after the kill");
            await Task.Delay(50);
        }
    }

    private async Task<JobRun> RunAsync(string jobId) =>
        (await HangfireRuns.OfAsync(cluster.Database.DataSource, JobIds.UsageRollup)).Single(r => r.JobId == jobId);

    private async Task ExecuteAsync(string sql)
    {
        await using var command = cluster.Database.DataSource.CreateCommand(sql);
        command.CommandTimeout = 120;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var command = cluster.Database.DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }
}
