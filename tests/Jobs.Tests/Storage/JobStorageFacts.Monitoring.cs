using System.Globalization;
using Hangfire.States;

namespace ScimGateway.Jobs.Tests.Storage;

public abstract partial class JobStorageFacts
{
    /// <summary>Seeds jobs in every state the dashboard lists, plus counters, sets and queues.</summary>
    private Dictionary<string, string[]> SeedMonitoringData()
    {
        using var connection = Connect();
        var byState = new Dictionary<string, string[]>
        {
            [EnqueuedState.StateName] = [CreateJobInState(connection, new EnqueuedState("alpha"), "alpha"), CreateJobInState(connection, new EnqueuedState("alpha"), "alpha"), CreateJobInState(connection, new EnqueuedState("beta"), "beta")],
            [ScheduledState.StateName] = [CreateJobInState(connection, new ScheduledState(TimeSpan.FromHours(1)))],
            [ProcessingState.StateName] = [CreateJobInState(connection, Processing("server-1", "worker-1")), CreateJobInState(connection, Processing("server-1", "worker-2"))],
            [SucceededState.StateName] = [.. Enumerable.Range(0, 3).Select(_ => CreateJobInState(connection, new SucceededState("result", 10, 20)))],
            [FailedState.StateName] = [CreateJobInState(connection, new FailedState(new InvalidOperationException("boom")) { Reason = "broken" })],
            [DeletedState.StateName] = [CreateJobInState(connection, new DeletedState())],
        };
        var parent = byState[SucceededState.StateName][0];
        byState[AwaitingState.StateName] = [CreateJobInState(connection, new AwaitingState(parent))];

        var now = connection.GetUtcDateTime();
        Commit(connection, t =>
        {
            t.IncrementCounter("stats:succeeded");
            t.IncrementCounter("stats:succeeded");
            t.IncrementCounter("stats:deleted");
            foreach (var type in new[] { "succeeded", "failed", "deleted" })
            {
                t.IncrementCounter($"stats:{type}:{now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", TimeSpan.FromDays(1));
                t.IncrementCounter($"stats:{type}:{now.ToString("yyyy-MM-dd-HH", CultureInfo.InvariantCulture)}", TimeSpan.FromDays(1));
            }

            t.IncrementCounter($"stats:succeeded:{now.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", TimeSpan.FromDays(3));
            t.AddToSet("recurring-jobs", "nightly");
            t.AddToSet("retries", byState[ScheduledState.StateName][0]);
        });
        return byState;
    }

    [Fact]
    public void Monitoring_CountsAndStatistics_MatchSeededStates()
    {
        SeedMonitoringData();
        var monitor = Monitor();

        var stats = monitor.GetStatistics();

        Assert.Equal(3, stats.Enqueued);
        Assert.Equal(1, stats.Scheduled);
        Assert.Equal(2, stats.Processing);
        Assert.Equal(1, stats.Failed);
        Assert.Equal(2, stats.Succeeded);
        Assert.Equal(1, stats.Deleted);
        Assert.Equal(1, stats.Awaiting);
        Assert.Equal(1, stats.Recurring);
        Assert.Equal(1, stats.Retries);
        Assert.Equal(2, stats.Queues);
        Assert.Equal(1, monitor.ScheduledCount());
        Assert.Equal(2, monitor.EnqueuedCount("alpha"));
        Assert.Equal(1, monitor.EnqueuedCount("beta"));
        Assert.Equal(0, monitor.FetchedCount("alpha"));
        Assert.Equal(1, monitor.FailedCount());
        Assert.Equal(2, monitor.ProcessingCount());
        Assert.Equal(3, monitor.SucceededListCount());
        Assert.Equal(1, monitor.DeletedListCount());
        Assert.Equal(1, monitor.AwaitingCount());
    }

    [Fact]
    public void Monitoring_Pages_ListTheSeededJobsNewestFirst()
    {
        var seeded = SeedMonitoringData();
        var monitor = Monitor();

        var succeeded = monitor.SucceededJobs(0, 10);
        Assert.Equal(seeded[SucceededState.StateName].Reverse(), succeeded.Select(j => j.Key));
        Assert.All(succeeded, j => Assert.True(j.Value.InSucceededState));
        Assert.Equal(30, succeeded[0].Value.TotalDuration);
        Assert.Equal(seeded[SucceededState.StateName].Reverse().Skip(1).Take(1), monitor.SucceededJobs(1, 1).Select(j => j.Key));

        var failed = Assert.Single(monitor.FailedJobs(0, 10));
        Assert.Equal("broken", failed.Value.Reason);
        Assert.Equal("boom", failed.Value.ExceptionMessage);
        Assert.Equal(typeof(InvalidOperationException).FullName, failed.Value.ExceptionType);

        var processing = monitor.ProcessingJobs(0, 10);
        Assert.Equal(seeded[ProcessingState.StateName].Order(), processing.Select(j => j.Key).Order());
        Assert.Equal("server-1", processing[0].Value.ServerId);
        Assert.NotNull(processing[0].Value.StartedAt);

        var scheduled = Assert.Single(monitor.ScheduledJobs(0, 10));
        Assert.True(scheduled.Value.EnqueueAt > DateTime.UtcNow.AddMinutes(30));
        Assert.Equal(seeded[DeletedState.StateName], monitor.DeletedJobs(0, 10).Select(j => j.Key));
        var awaiting = Assert.Single(monitor.AwaitingJobs(0, 10));
        Assert.Equal(SucceededState.StateName, awaiting.Value.ParentStateName);

        var alpha = monitor.EnqueuedJobs("alpha", 0, 10);
        Assert.Equal(seeded[EnqueuedState.StateName].Take(2), alpha.Select(j => j.Key));
        Assert.All(alpha, j => Assert.True(j.Value.InEnqueuedState));
        Assert.NotNull(alpha[0].Value.EnqueuedAt);
        Assert.Empty(monitor.FetchedJobs("alpha", 0, 10));

        var queues = monitor.Queues().OrderBy(q => q.Name).ToList();
        Assert.Equal(["alpha", "beta"], queues.Select(q => q.Name));
        Assert.Equal(2, queues[0].Length);
        Assert.Equal(2, queues[0].FirstJobs.Count);
    }

    [Fact]
    public void Monitoring_JobDetails_HasJobPropertiesAndFullHistory()
    {
        using var connection = Connect();
        var id = connection.CreateExpiredJob(EmptyJob(), new Dictionary<string, string> { ["CurrentCulture"] = "en-US" }, DateTime.UtcNow, TimeSpan.FromHours(1));
        Commit(connection, t => t.SetJobState(id, new EnqueuedState()));
        Commit(connection, t => t.SetJobState(id, Processing("s", "w")));
        Commit(connection, t => t.SetJobState(id, new SucceededState(null, 1, 2)));

        var details = Monitor().JobDetails(id);

        Assert.Equal(nameof(TestJobs.Empty), details.Job.Method.Name);
        Assert.Equal("en-US", details.Properties["CurrentCulture"]);
        Assert.NotNull(details.CreatedAt);
        Assert.Equal([SucceededState.StateName, ProcessingState.StateName, EnqueuedState.StateName], details.History.Select(h => h.StateName));
        Assert.Null(Monitor().JobDetails("987654321"));
    }

    [Fact]
    public void Monitoring_Graphs_ReadDailyAndHourlyCounters()
    {
        SeedMonitoringData();
        var monitor = Monitor();
        using var connection = Connect();
        var now = connection.GetUtcDateTime();
        // Storages differ in whether hourly keys are truncated to the hour (SQL Server's are not): match by the hour.
        var hour = now.ToString("yyyy-MM-dd-HH", CultureInfo.InvariantCulture);

        var daily = monitor.SucceededByDatesCount();
        Assert.Equal(7, daily.Count);
        Assert.Equal(1, daily[now.Date]);
        Assert.Equal(1, daily[now.Date.AddDays(-2)]);
        Assert.Equal(0, daily[now.Date.AddDays(-1)]);
        Assert.Equal(1, monitor.FailedByDatesCount()[now.Date]);
        Assert.Equal(1, monitor.DeletedByDatesCount()[now.Date]);

        var hourly = monitor.HourlySucceededJobs();
        Assert.Equal(24, hourly.Count);
        Assert.Equal(1, hourly.Single(p => p.Key.ToString("yyyy-MM-dd-HH", CultureInfo.InvariantCulture) == hour).Value);
        Assert.Equal(1, monitor.HourlyFailedJobs().Single(p => p.Key.ToString("yyyy-MM-dd-HH", CultureInfo.InvariantCulture) == hour).Value);
        Assert.Equal(1, monitor.HourlyDeletedJobs().Single(p => p.Key.ToString("yyyy-MM-dd-HH", CultureInfo.InvariantCulture) == hour).Value);
        Assert.Equal(1, hourly.Values.Sum());
    }
}
