using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using ScimGateway.Jobs.Storage;

namespace ScimGateway.Jobs.Tests.Storage;

/// <summary>A real <see cref="BackgroundJobServer"/> with two workers over a LiteDB file.</summary>
[Collection(HangfireServerCollection.Name)]
public sealed class LiteDbServerEndToEndTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _directory = new();
    private readonly LiteDbJobStorage _storage;
    private readonly BackgroundJobClient _client;
    private readonly string _run = Guid.NewGuid().ToString("N");

    public LiteDbServerEndToEndTests()
    {
        _storage = new LiteDbJobStorage(_directory.File("jobs.db"), new LiteDbStorageOptions());
        _client = new BackgroundJobClient(_storage);
    }

    public void Dispose()
    {
        _storage.Dispose();
        _directory.Dispose();
    }

    private BackgroundJobServer StartServer() => new(
        new BackgroundJobServerOptions
        {
            WorkerCount = 2,
            SchedulePollingInterval = TimeSpan.FromMilliseconds(200),
            ShutdownTimeout = TimeSpan.FromSeconds(5),
            StopTimeout = TimeSpan.FromSeconds(5),
        },
        _storage);

    private string? StateOf(string jobId)
    {
        using var connection = _storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private void WaitForState(string jobId, string state)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (StateOf(jobId) != state)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Job {jobId} did not reach {state} in time; it is {StateOf(jobId)}.");
            Thread.Sleep(50);
        }
    }

    [Fact]
    public void Enqueue_RunsOnceToSucceeded()
    {
        using var server = StartServer();
        var run = _run;

        var id = _client.Enqueue(() => TestJobs.Record(run));

        WaitForState(id, SucceededState.StateName);
        Assert.Equal(1, TestJobs.RunCount(run));
        Assert.Equal(1, _storage.GetMonitoringApi().SucceededListCount());
        Assert.Equal(0, _storage.GetMonitoringApi().EnqueuedCount("default"));
        Assert.Equal(0, _storage.GetMonitoringApi().FetchedCount("default"));
    }

    [Fact]
    public void Schedule_IsEnqueuedWhenDueAndSucceeds()
    {
        var run = _run;
        var id = _client.Schedule(() => TestJobs.Record(run), TimeSpan.FromMilliseconds(300));
        Assert.Equal(ScheduledState.StateName, StateOf(id));

        using var server = StartServer();

        WaitForState(id, SucceededState.StateName);
        var history = _storage.GetMonitoringApi().JobDetails(id).History.Select(h => h.StateName).Reverse();
        Assert.Equal([ScheduledState.StateName, EnqueuedState.StateName, ProcessingState.StateName, SucceededState.StateName], history);
    }

    [Fact]
    public void RecurringJob_Trigger_CreatesAndRunsAJob()
    {
        var run = _run;
        var manager = new RecurringJobManager(_storage);
        manager.AddOrUpdate("e2e-" + run, Job.FromExpression(() => TestJobs.Record(run)), Cron.Yearly(), new RecurringJobOptions());
        using var server = StartServer();

        manager.Trigger("e2e-" + run);

        var deadline = DateTime.UtcNow + Patience;
        while (TestJobs.RunCount(run) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The triggered recurring job did not run in time.");
            Thread.Sleep(50);
        }

        using var connection = _storage.GetConnection();
        var recurring = Assert.Single(connection.GetRecurringJobs(), r => r.Id == "e2e-" + run);
        Assert.NotNull(recurring.LastJobId);
        WaitForState(recurring.LastJobId, SucceededState.StateName);
    }

    [Fact]
    public void FailingJob_IsRetriedThenFailed()
    {
        var run = _run;
        using var server = StartServer();

        var id = _client.Enqueue(() => TestJobs.FailAlways(run));

        WaitForState(id, FailedState.StateName);
        Assert.Equal(2, TestJobs.RunCount(run));
        Assert.Equal(1, _storage.GetMonitoringApi().FailedCount());
        // Ran twice: one retry, then failed for good.
        Assert.Equal(2, _storage.GetMonitoringApi().JobDetails(id).History.Count(h => h.StateName == ProcessingState.StateName));
    }

    [Fact]
    public void DisableConcurrentExecution_HoldsTheLockForTheWholeRun()
    {
        var run = _run;
        using var server = StartServer();

        var first = _client.Enqueue(() => TestJobs.Exclusive(run));
        var second = _client.Enqueue(() => TestJobs.Exclusive(run));

        WaitForState(first, SucceededState.StateName);
        WaitForState(second, SucceededState.StateName);
        Assert.Equal(2, TestJobs.RunCount(run));
        Assert.Equal(1, TestJobs.MaxConcurrency(run));
    }
}
