using Hangfire.States;
using Hangfire.Storage;

namespace ScimGateway.Jobs.Tests.Storage;

public abstract partial class JobStorageFacts
{
    [Fact]
    public void Commit_FailingInTheMiddle_AppliesNothing()
    {
        using var connection = Connect();
        var id = CreateJob(connection);

        Assert.ThrowsAny<Exception>(() => Commit(connection, t =>
        {
            t.AddToSet("atomic", "before");
            t.IncrementCounter("atomic-counter");
            t.SetJobState(id, new BrokenState());
            t.AddToSet("atomic", "after");
            t.AddToQueue("atomic-queue", id);
        }));

        Assert.Empty(connection.GetAllItemsFromSet("atomic"));
        Assert.Equal(0, connection.GetCounter("atomic-counter"));
        Assert.Null(connection.GetStateData(id));
        Assert.Equal(0, Storage.GetMonitoringApi().EnqueuedCount("atomic-queue"));
    }

    [Fact]
    public void Transaction_IsInvisibleBeforeCommit_AndVisibleAfter()
    {
        using var connection = Connect();
        using var reader = Connect();
        var id = CreateJob(connection);
        using var transaction = (JobStorageTransaction)connection.CreateWriteTransaction();

        transaction.AddToSet("pending", "a");
        transaction.SetRangeInHash("pending-hash", [new("f", "v")]);
        transaction.SetJobState(id, new ScheduledState(TimeSpan.FromHours(1)));
        transaction.InsertToList("pending-list", "a");
        var created = transaction.CreateJob(EmptyJob(), new Dictionary<string, string>(), DateTime.UtcNow, TimeSpan.FromHours(1));
        transaction.SetJobParameter(id, "p", "v");

        Assert.Empty(reader.GetAllItemsFromSet("pending"));
        Assert.Null(reader.GetAllEntriesFromHash("pending-hash"));
        Assert.Null(reader.GetStateData(id));
        Assert.Empty(reader.GetAllItemsFromList("pending-list"));
        Assert.Null(reader.GetJobData(created));
        Assert.Null(reader.GetJobParameter(id, "p"));

        transaction.Commit();

        Assert.Single(reader.GetAllItemsFromSet("pending"));
        Assert.Single(reader.GetAllEntriesFromHash("pending-hash"));
        Assert.Equal(ScheduledState.StateName, reader.GetStateData(id).Name);
        Assert.Single(reader.GetAllItemsFromList("pending-list"));
        Assert.NotNull(reader.GetJobData(created));
        Assert.Equal("v", reader.GetJobParameter(id, "p"));
    }

    [Fact]
    public void Transaction_DisposedWithoutCommit_AppliesNothing()
    {
        using var connection = Connect();
        var id = CreateJob(connection);

        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.AddToSet("discarded", "a");
            transaction.IncrementCounter("discarded");
            transaction.SetJobState(id, new EnqueuedState());
            transaction.AddToQueue("discarded", id);
        }

        Assert.Empty(connection.GetAllItemsFromSet("discarded"));
        Assert.Equal(0, connection.GetCounter("discarded"));
        Assert.Null(connection.GetStateData(id));
        Assert.Equal(0, Storage.GetMonitoringApi().EnqueuedCount("discarded"));
    }

    [Fact]
    public void Features_ExtendedApiAndTransactionFeaturesAreAdvertised()
    {
        foreach (var feature in new[] { "Storage.ExtendedApi", "Job.Queue", "Connection.GetUtcDateTime", "Connection.GetSetContains", "Connection.GetSetCount.Limited", "Connection.BatchedGetFirstByLowestScoreFromSet", "Monitoring.AwaitingJobs", "Monitoring.DeletedStateGraphs", "Transaction.AcquireDistributedLock", "Transaction.CreateJob", "Transaction.SetJobParameter" })
        {
            Assert.True(Storage.HasFeature(feature), feature);
        }

        Assert.False(Storage.HasFeature("Some.Unknown.Feature"));
        Assert.True(Storage.LinearizableReads);
    }
}
