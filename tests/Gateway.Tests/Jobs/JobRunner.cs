using System.Diagnostics;
using Hangfire;
using Hangfire.Storage.Monitoring;

namespace ScimGateway.Gateway.Tests.Jobs;

/// <summary>Triggers recurring jobs in a test host and waits for their outcome through Hangfire's monitoring API.</summary>
public static class JobRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Triggers the recurring job and waits until that run succeeded; fails the test if it failed or timed out.</summary>
    public static async Task<string> RunJobAsync(this GatewayFactory gateway, string recurringJobId)
    {
        var jobId = gateway.Trigger(recurringJobId);
        var details = await gateway.WaitForStateAsync(jobId, "Succeeded", "Failed");
        var state = details.History[0];
        Assert.True(state.StateName == "Succeeded", $"Job {recurringJobId} ended {state.StateName}: {state.Reason} {string.Join(";", state.Data ?? new Dictionary<string, string>())}");
        return jobId;
    }

    public static string Trigger(this GatewayFactory gateway, string recurringJobId)
    {
        var jobId = gateway.Service<IRecurringJobManagerV2>().TriggerJob(recurringJobId);
        Assert.False(string.IsNullOrEmpty(jobId), $"Recurring job {recurringJobId} is not registered.");
        return jobId;
    }

    /// <summary>Polls the job until its current state is one of <paramref name="states"/>.</summary>
    public static async Task<JobDetailsDto> WaitForStateAsync(this GatewayFactory gateway, string jobId, params string[] states)
    {
        var monitoring = gateway.Service<JobStorage>().GetMonitoringApi();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var details = monitoring.JobDetails(jobId);
            if (details?.History is { Count: > 0 } history && states.Contains(history[0].StateName))
            {
                return details;
            }

            Assert.True(watch.Elapsed < Timeout, $"Job {jobId} did not reach {string.Join("/", states)} in {Timeout}; now {details?.History?.FirstOrDefault()?.StateName}.");
            await Task.Delay(50);
        }
    }
}
