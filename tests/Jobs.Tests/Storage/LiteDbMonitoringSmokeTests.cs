using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using ScimGateway.Jobs.Storage;

namespace ScimGateway.Jobs.Tests.Storage;

/// <summary>Every storage read the dashboard pages make, on a seeded LiteDB file, including a job whose type no longer loads.</summary>
public sealed class LiteDbMonitoringSmokeTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly LiteDbJobStorage _storage;

    public LiteDbMonitoringSmokeTests() => _storage = new LiteDbJobStorage(_directory.File("jobs.db"), new LiteDbStorageOptions());

    public void Dispose()
    {
        _storage.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void DashboardReads_OnSeededStorage_AllAnswer()
    {
        var client = new BackgroundJobClient(_storage);
        var enqueued = client.Enqueue(() => TestJobs.Empty());
        var scheduled = client.Schedule(() => TestJobs.Empty(), TimeSpan.FromHours(1));
        var parent = client.Enqueue(() => TestJobs.Empty());
        var awaiting = client.ContinueJobWith(parent, () => TestJobs.Empty());
        client.ChangeState(client.Enqueue(() => TestJobs.Empty()), new SucceededState(null, 5, 5));
        var failed = client.Enqueue(() => TestJobs.Empty());
        client.Delete(client.Enqueue(() => TestJobs.Empty()));
        new RecurringJobManager(_storage).AddOrUpdate("smoke", Job.FromExpression(() => TestJobs.Empty()), Cron.Daily(), new RecurringJobOptions());
        using var connection = (JobStorageConnection)_storage.GetConnection();
        using (var transaction = connection.CreateWriteTransaction())
        {
            // Written directly: through the client, the global AutomaticRetry filter would turn Failed into a retry.
            transaction.SetJobState(failed, new FailedState(new InvalidOperationException("x")));
            transaction.Commit();
        }

        connection.AnnounceServer("smoke-server", new ServerContext { WorkerCount = 2, Queues = ["default"] });
        var broken = connection.CreateExpiredJob(Job.FromExpression(() => TestJobs.Empty()), new Dictionary<string, string>(), DateTime.UtcNow, TimeSpan.FromHours(1));
        using (var fetched = connection.FetchNextJob(["default"], JobStorageFacts.Soon()))
        {
            var monitor = (JobStorageMonitor)_storage.GetMonitoringApi();

            Assert.Equal(1, monitor.FetchedCount("default"));
            Assert.Single(monitor.FetchedJobs("default", 0, 20));
            Assert.NotEmpty(monitor.Queues());
            Assert.Single(monitor.Servers());
            var stats = monitor.GetStatistics();
            Assert.Equal(1, stats.Recurring);
            Assert.Equal(1, stats.Scheduled);
            Assert.Equal(1, stats.Awaiting);
            Assert.NotEmpty(monitor.EnqueuedJobs("default", 0, 20));
            Assert.Single(monitor.ScheduledJobs(0, 20));
            Assert.Empty(monitor.ProcessingJobs(0, 20));
            Assert.Single(monitor.SucceededJobs(0, 20));
            Assert.Single(monitor.FailedJobs(0, 20));
            Assert.Single(monitor.DeletedJobs(0, 20));
            Assert.Equal(awaiting, Assert.Single(monitor.AwaitingJobs(0, 20)).Key);
            Assert.Equal(7, monitor.SucceededByDatesCount().Count);
            Assert.Equal(7, monitor.FailedByDatesCount().Count);
            Assert.Equal(7, monitor.DeletedByDatesCount().Count);
            Assert.Equal(24, monitor.HourlySucceededJobs().Count);
            Assert.Equal(24, monitor.HourlyFailedJobs().Count);
            Assert.Equal(24, monitor.HourlyDeletedJobs().Count);
            Assert.NotNull(monitor.JobDetails(enqueued));
            Assert.NotNull(monitor.JobDetails(scheduled));
            Assert.Equal(1, monitor.ScheduledCount());
            Assert.True(monitor.EnqueuedCount("default") >= 0);
            Assert.Equal(1, monitor.FailedCount());
            Assert.Equal(0, monitor.ProcessingCount());
            Assert.Equal(1, monitor.SucceededListCount());
            Assert.Equal(1, monitor.DeletedListCount());
            Assert.Equal(1, monitor.AwaitingCount());
            fetched.Requeue();
        }

        // The dashboard's Recurring Jobs and Retries pages read through the connection.
        Assert.Equal("smoke", Assert.Single(connection.GetRecurringJobs()).Id);
        Assert.Equal("smoke", Assert.Single(connection.GetRecurringJobs(0, 10)).Id);
        Assert.Empty(connection.GetRangeFromSet("retries", 0, 10));
        Assert.Equal(0, connection.GetSetCount("retries"));
        Assert.NotNull(_storage.GetMonitoringApi().JobDetails(broken));
    }

    [Fact]
    public void DashboardReads_JobWhoseTypeNoLongerLoads_ReportLoadException()
    {
        using var connection = (JobStorageConnection)_storage.GetConnection();
        var id = connection.CreateExpiredJob(Job.FromExpression(() => TestJobs.Empty()), new Dictionary<string, string>(), DateTime.UtcNow, TimeSpan.FromHours(1));
        _storage.Store.Write(db =>
        {
            var jobs = db.GetCollection("hf_jobs");
            var doc = jobs.FindById(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
            doc["Inv"] = new InvocationData("Gone.Type, Gone.Assembly", "Run", "[]", "[]").SerializePayload();
            jobs.Update(doc);
        });
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.SetJobState(id, new FailedState(new InvalidOperationException("x")));
            transaction.Commit();
        }

        var failed = Assert.Single(_storage.GetMonitoringApi().FailedJobs(0, 10));

        Assert.Null(failed.Value.Job);
        Assert.NotNull(failed.Value.LoadException);
        Assert.NotNull(_storage.GetMonitoringApi().JobDetails(id).LoadException);
        Assert.NotNull(connection.GetJobData(id).LoadException);
    }
}
