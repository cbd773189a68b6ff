using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Time.Testing;
using ScimGateway.Jobs.Storage;

namespace ScimGateway.Jobs.Tests.Storage;

/// <summary>What must survive a restart (dispose and reopen on the same file) and what a killed process leaves behind.</summary>
public sealed class LiteDbDurabilityTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private LiteDbJobStorage Open() => new(_directory.File("jobs.db"), new LiteDbStorageOptions(), _clock);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Reopen_KeepsSucceededHistoryRecurringSchedulesAndPendingRetries()
    {
        string succeeded, retry;
        using (var storage = Open())
        using (var connection = (JobStorageConnection)storage.GetConnection())
        {
            succeeded = connection.CreateExpiredJob(Hangfire.Common.Job.FromExpression(() => TestJobs.Empty()), new Dictionary<string, string>(), DateTime.UtcNow, TimeSpan.FromHours(1));
            retry = connection.CreateExpiredJob(Hangfire.Common.Job.FromExpression(() => TestJobs.Empty()), new Dictionary<string, string>(), DateTime.UtcNow, TimeSpan.FromHours(1));
            using var transaction = connection.CreateWriteTransaction();
            transaction.SetJobState(succeeded, new EnqueuedState());
            transaction.SetJobState(succeeded, new SucceededState(null, 1, 1));
            transaction.IncrementCounter("stats:succeeded");
            transaction.SetRangeInHash("recurring-job:nightly", [new("Cron", "0 3 * * *"), new("Queue", "default")]);
            transaction.AddToSet("recurring-jobs", "nightly", 1234);
            transaction.SetJobState(retry, new ScheduledState(TimeSpan.FromMinutes(5)) { Reason = "Retry attempt 1 of 3" });
            transaction.AddToSet("schedule", retry, 5678);
            transaction.AddToSet("retries", retry);
            transaction.Commit();
        }

        using var reopened = Open();
        using var again = (JobStorageConnection)reopened.GetConnection();
        var monitor = reopened.GetMonitoringApi();

        Assert.Equal(1, monitor.SucceededListCount());
        Assert.Equal(1, monitor.GetStatistics().Succeeded);
        Assert.Equal([SucceededState.StateName, EnqueuedState.StateName], monitor.JobDetails(succeeded).History.Select(h => h.StateName));
        Assert.Equal("0 3 * * *", again.GetValueFromHash("recurring-job:nightly", "Cron"));
        Assert.Equal(["nightly"], again.GetRangeFromSet("recurring-jobs", 0, 10));
        Assert.Equal(ScheduledState.StateName, again.GetStateData(retry).Name);
        Assert.Equal(retry, again.GetFirstByLowestScoreFromSet("schedule", 0, 10_000));
        Assert.True(again.GetSetContains("retries", retry));
        // Ids keep growing after a reopen: a new job never takes an old one's id.
        Assert.True(long.Parse(again.CreateExpiredJob(Hangfire.Common.Job.FromExpression(() => TestJobs.Empty()), new Dictionary<string, string>(), DateTime.UtcNow, TimeSpan.FromHours(1)), System.Globalization.CultureInfo.InvariantCulture) > long.Parse(retry, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void KilledWorker_ItsJobIsFetchableAfterTheInvisibilityTimeout_AndFinishedJobsNeverRunAgain()
    {
        var killed = Open();
        var connection = killed.GetConnection();
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.AddToQueue("default", "finished");
            transaction.AddToQueue("default", "running");
            transaction.Commit();
        }

        var finished = connection.FetchNextJob(["default"], JobStorageFacts.Soon());
        Assert.Equal("finished", finished.JobId);
        finished.RemoveFromQueue();
        finished.Dispose();
        var running = connection.FetchNextJob(["default"], JobStorageFacts.Soon());
        Assert.Equal("running", running.JobId);
        killed.Dispose(); // a kill: the fetched job is neither removed, requeued nor disposed

        using var restarted = Open();
        using var worker = restarted.GetConnection();
        Assert.Equal(1, restarted.GetMonitoringApi().FetchedCount("default"));
        Assert.ThrowsAny<OperationCanceledException>(() => worker.FetchNextJob(["default"], new CancellationTokenSource(TimeSpan.FromMilliseconds(200)).Token));

        _clock.Advance(new LiteDbStorageOptions().InvisibilityTimeout + TimeSpan.FromSeconds(1));

        using var recovered = worker.FetchNextJob(["default"], new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.Equal("running", recovered.JobId);
        recovered.RemoveFromQueue();
        Assert.ThrowsAny<OperationCanceledException>(() => worker.FetchNextJob(["default"], new CancellationTokenSource(TimeSpan.FromMilliseconds(200)).Token));
    }
}
