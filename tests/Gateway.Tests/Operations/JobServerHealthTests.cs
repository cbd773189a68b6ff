using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ScimGateway.Gateway.Tests.Jobs;
using ScimGateway.Gateway.Tests.Proxy;
using ScimGateway.Jobs;

namespace ScimGateway.Gateway.Tests.Operations;

[Collection(HangfireServerCollection.Name)]
public sealed class JobServerHealthTests
{
    [Fact]
    public async Task Ready_WithTheJobServerRunning_ReportsJobsHealthy_AndJobRunsAreCounted()
    {
        await using var upstream = await EchoUpstream.StartAsync();
        using var gateway = ProxyFixture.CreateGateway(upstream.Address).WithJobServer().WithMetricsCredential();
        var client = gateway.CreateClient();

        // The server announces itself to the job storage shortly after start.
        var watch = Stopwatch.StartNew();
        string? status;
        do
        {
            var body = await (await client.GetAsync("/healthz/ready")).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            status = HealthTests.Checks(body)["jobs"].GetProperty("status").GetString();
            if (status != "Healthy")
            {
                await Task.Delay(100);
            }
        }
        while (status != "Healthy" && watch.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Equal("Healthy", status);

        await gateway.RunJobAsync(JobIds.UsageRollup);

        var metrics = await gateway.ScrapeAsync();
        Assert.True(metrics.Sum("gateway_job_runs_total", ("job", JobIds.UsageRollup), ("outcome", "succeeded")) >= 1);
        Assert.True(metrics.Sum("gateway_job_duration_seconds_count", ("job", JobIds.UsageRollup)) >= 1);
    }

    [Fact]
    public async Task Ready_WhenTheJobServerIsStopped_Is503WithTheReason()
    {
        await using var upstream = await EchoUpstream.StartAsync();
        using var gateway = ProxyFixture.CreateGateway(upstream.Address).WithJobServer();
        var client = gateway.CreateClient();
        var server = gateway.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Single(s => s.GetType().Name == "JobsServer");

        await server.StopAsync(CancellationToken.None);

        var ready = await (await client.GetAsync("/healthz/ready")).ExpectJsonAsync(HttpStatusCode.ServiceUnavailable);
        var jobs = HealthTests.Checks(ready)["jobs"];
        Assert.Equal("Unhealthy", jobs.GetProperty("status").GetString());
        Assert.Contains("not running", jobs.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
