using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Jobs;

/// <summary>Every dashboard page over the LiteDB job storage, with jobs in each state, for an admin browser session.</summary>
public sealed partial class LiteDbDashboardTests : IDisposable
{
    private readonly GatewayFactory _gateway = new GatewayFactory().WithLiteDbJobStorage();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task Dashboard_OverLiteDb_EveryPageAnswers200_WithTheSeededJobs()
    {
        var jobs = Seed();
        var admin = _gateway.AddUser("root@example.com", Role.Admin);
        var browser = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(admin, "laptop"));

        var home = await PageAsync(browser, "/hangfire");
        Assert.Contains("historyGraph", home, StringComparison.Ordinal);
        Assert.Contains("realtimeGraph", home, StringComparison.Ordinal);

        foreach (var (path, jobId) in new[]
        {
            ("/hangfire/jobs/enqueued/default", jobs.Enqueued),
            ("/hangfire/jobs/processing", jobs.Processing),
            ("/hangfire/jobs/scheduled", jobs.Scheduled),
            ("/hangfire/jobs/succeeded", jobs.Succeeded),
            ("/hangfire/jobs/failed", jobs.Failed),
            ("/hangfire/jobs/deleted", jobs.Deleted),
            ("/hangfire/jobs/awaiting", jobs.Awaiting),
        })
        {
            Assert.Contains($"jobs/details/{jobId}\"", await PageAsync(browser, path), StringComparison.Ordinal);
        }

        // Hangfire 1.8's Queues page is /jobs/enqueued (it has no /queues route): one row per queue with its first jobs.
        var queues = await PageAsync(browser, "/hangfire/jobs/enqueued");
        Assert.Contains("jobs/enqueued/default", queues, StringComparison.Ordinal);
        Assert.Contains($"jobs/details/{jobs.Enqueued}\"", queues, StringComparison.Ordinal);
        await PageAsync(browser, "/hangfire/jobs/enqueued/fetched/default");
        await PageAsync(browser, "/hangfire/retries");
        Assert.Contains("token-expiration", await PageAsync(browser, "/hangfire/recurring"), StringComparison.Ordinal);
        Assert.Contains("dashboard-test-server", await PageAsync(browser, "/hangfire/servers"), StringComparison.Ordinal);
        Assert.Contains("The job failed on purpose.", await PageAsync(browser, $"/hangfire/jobs/details/{jobs.Failed}"), StringComparison.Ordinal);

        using var stats = System.Text.Json.JsonDocument.Parse(await PostStatsAsync(browser, home));
        Assert.Equal(1, stats.RootElement.GetProperty("succeeded:count").GetProperty("intValue").GetInt32());
        Assert.Equal(1, stats.RootElement.GetProperty("failed:count").GetProperty("intValue").GetInt32());
    }

    private SeededJobs Seed()
    {
        var client = _gateway.Service<IBackgroundJobClient>();
        using var connection = _gateway.Service<JobStorage>().GetConnection();
        // Created straight into their states, so the queue holds only the enqueued job.
        var succeeded = client.Create(() => TestJobs.Noop(), new SucceededState(null, 5, 7));
        var failed = client.Create(() => TestJobs.NoRetry(), new FailedState(new InvalidOperationException("The job failed on purpose.")));
        var deleted = client.Create(() => TestJobs.Noop(), new DeletedState());
        var processing = client.Create(() => TestJobs.Noop(), new WorkerProcessingState("dashboard-test-server"));
        var scheduled = client.Schedule(() => TestJobs.Noop(), TimeSpan.FromDays(1));
        var awaiting = client.ContinueJobWith(scheduled, () => TestJobs.Noop());
        var enqueued = client.Enqueue(() => TestJobs.Noop());
        Assert.Equal(
            ["Succeeded", "Failed", "Deleted", "Processing", "Scheduled", "Awaiting", "Enqueued"],
            new[] { succeeded, failed, deleted, processing, scheduled, awaiting, enqueued }.Select(id => connection.GetStateData(id)?.Name));
        connection.AnnounceServer("dashboard-test-server", new ServerContext { WorkerCount = 1, Queues = ["default"] });
        return new SeededJobs(succeeded, failed, deleted, scheduled, awaiting, processing, enqueued);
    }

    private static async Task<string> PageAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>The polling request the dashboard's script sends, with the antiforgery header the page carries.</summary>
    private static async Task<string> PostStatsAsync(HttpClient browser, string page)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/stats")
        {
            Content = new FormUrlEncodedContent([new("metrics[]", "succeeded:count"), new("metrics[]", "failed:count")]),
        };
        var header = CsrfHeader().Match(page);
        var token = CsrfToken().Match(page);
        Assert.True(header.Success && token.Success, "The dashboard page carries no antiforgery header name and token for its script.");
        request.Headers.Add(WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));

        var response = await browser.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /hangfire/stats: {(int)response.StatusCode} {body}");
        return body;
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();

    /// <summary>What a worker records when it starts a job (Hangfire's own ProcessingState cannot be built outside a worker).</summary>
    private sealed class WorkerProcessingState(string serverId) : IState
    {
        public string Name => ProcessingState.StateName;

        public string? Reason => null;

        public bool IsFinal => false;

        public bool IgnoreJobLoadException => false;

        public Dictionary<string, string> SerializeData() => new()
        {
            ["StartedAt"] = Hangfire.Common.JobHelper.SerializeDateTime(DateTime.UtcNow),
            ["ServerId"] = serverId,
            ["WorkerId"] = "worker-1",
        };
    }

    private sealed record SeededJobs(string Succeeded, string Failed, string Deleted, string Scheduled, string Awaiting, string Processing, string Enqueued);
}
