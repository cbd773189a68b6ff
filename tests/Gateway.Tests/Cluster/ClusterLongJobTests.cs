using ScimGateway.Jobs;
using ScimGateway.TestSupport.PostgreSql;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>
/// A cluster with the shortest accepted invisibility timeout (5 s) whose expiry warnings go to a webhook receiver that
/// takes 8 s to answer, so a <c>token-expiration</c> run lasts longer than the timeout. Its schedule is once a year: the
/// test triggers the one run it watches.
/// </summary>
public sealed class SlowWebhookGatewayCluster : GatewayCluster, IAsyncLifetime
{
    /// <summary><c>Jobs:PostgreSql:InvisibilityTimeout</c> of the nodes.</summary>
    public static readonly TimeSpan InvisibilityTimeout = JobsPostgreSqlOptions.MinimumTimeout;

    /// <summary>How long the receiver takes to answer each warning.</summary>
    public static readonly TimeSpan ReceiverDelay = TimeSpan.FromSeconds(8);

    /// <summary>A cluster with those settings.</summary>
    public SlowWebhookGatewayCluster()
        : base(new Dictionary<string, string>
        {
            ["Jobs__PostgreSql__InvisibilityTimeout"] = InvisibilityTimeout.ToString(),
            ["Jobs__Schedules__TokenExpiration"] = "0 0 1 1 *",
            ["Jobs__Notifications__TimeoutSeconds"] = "30",
        })
    {
    }

    /// <summary>The expiry-warning receiver every node posts to.</summary>
    public WebhookReceiver Receiver { get; private set; } = null!;

    /// <summary>Starts the receiver, then the nodes pointed at it.</summary>
    public new async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        Receiver.Delay = ReceiverDelay;
        Settings["Jobs__Notifications__WebhookUrl"] = Receiver.Url;
        await base.InitializeAsync();
    }

    /// <summary>Stops the nodes, then the receiver.</summary>
    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }
    }
}

/// <summary>Issue #13: a job that outlives the invisibility timeout on a live node is not run a second time.</summary>
[Collection(ClusterJobsCollection.Name)]
public sealed class ClusterLongJobTests(SlowWebhookGatewayCluster cluster) : IClassFixture<SlowWebhookGatewayCluster>
{
    [PostgreSqlFact]
    public async Task A_run_longer_than_the_invisibility_timeout_on_a_live_node_is_executed_once_and_warns_once()
    {
        // A real token 5 days from expiry: the run sends its 7-day warning to the slow receiver.
        await cluster.CliAsync("tokens", "issue", "--service-user", "Long Job", "--role", "Member", "--name", "expiring", "--expires-in-days", "5");

        var jobId = HangfireRuns.Trigger(cluster.Database.ConnectionString, JobIds.TokenExpiration);

        var deadline = DateTime.UtcNow.AddSeconds(90);
        var run = await RunAsync(jobId);
        while (!run.IsFinal)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the run did not finish within 90 s: {HangfireRuns.Describe([run])}");
            await Task.Delay(250);
            run = await RunAsync(jobId);
        }

        // Its node refreshed the claim every second, so no other node fetched it although it ran past the 5 s timeout.
        Assert.Equal("Succeeded", run.State);
        Assert.True(run.StartedBy.Count == 1, $"the run was executed more than once: {HangfireRuns.Describe([run])}");
        Assert.Equal(1, cluster.Receiver.Attempts);
        var warning = Assert.Single(cluster.Receiver.Delivered);
        Assert.Equal("expiring", warning.GetProperty("token_name").GetString());
    }

    private async Task<JobRun> RunAsync(string jobId) =>
        (await HangfireRuns.OfAsync(cluster.Database.DataSource, JobIds.TokenExpiration)).Single(r => r.JobId == jobId);
}
