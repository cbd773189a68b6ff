using System.Collections.Concurrent;

namespace ScimGateway.Jobs.Tests.Storage;

public abstract partial class JobStorageFacts
{
    [Fact]
    public async Task FetchNextJob_EightThreads_EachOf2000JobsFetchedExactlyOnce()
    {
        const int jobs = 2_000;
        using (var connection = Connect())
        {
            Commit(connection, t =>
            {
                for (var i = 1; i <= jobs; i++)
                {
                    t.AddToQueue("bulk", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            });
        }

        var fetched = new ConcurrentBag<string>();
        var remaining = jobs;
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
        {
            using var connection = Connect();
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                using var job = connection.FetchNextJob(["bulk"], new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
                fetched.Add(job.JobId);
                job.RemoveFromQueue();
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(jobs, fetched.Count);
        Assert.Equal(jobs, fetched.Distinct().Count());
        Assert.Equal(0, Storage.GetMonitoringApi().EnqueuedCount("bulk"));
    }

    [Fact]
    public void FetchNextJob_FromSeveralQueues_TakesFromAnyListedQueue()
    {
        using var connection = Connect();
        Commit(connection, t => t.AddToQueue("second", "42"));

        using var job = connection.FetchNextJob(["first", "second"], Soon());

        Assert.Equal("42", job.JobId);
        job.RemoveFromQueue();
    }

    [Fact]
    public void Requeue_MakesTheJobFetchableAgain()
    {
        using var connection = Connect();
        Commit(connection, t => t.AddToQueue("requeue", "7"));
        Commit(connection, t => t.AddToQueue("requeue", "8"));

        using (var first = connection.FetchNextJob(["requeue"], Soon()))
        {
            Assert.Equal("7", first.JobId);
            first.Requeue();
        }

        var fetched = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var again = connection.FetchNextJob(["requeue"], Soon());
            fetched.Add(again.JobId);
            again.RemoveFromQueue();
        }

        Assert.Equal(["7", "8"], fetched.Order());
        Assert.Equal(0, Storage.GetMonitoringApi().EnqueuedCount("requeue"));
    }

    [Fact]
    public void FetchNextJob_OnEmptyQueue_StopsWhenCancelled()
    {
        using var connection = Connect();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.ThrowsAny<OperationCanceledException>(() => connection.FetchNextJob(["empty"], cancellation.Token));
        Assert.True(cancellation.IsCancellationRequested);
    }

    [Fact]
    public async Task FetchNextJob_WaitingWorker_WakesWhenAJobIsEnqueued()
    {
        using var connection = Connect();
        using var producer = Connect();
        var fetch = Task.Run(() => connection.FetchNextJob(["wake"], new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));
        await Task.Delay(100);

        Commit(producer, t => t.AddToQueue("wake", "9"));

        using var job = await fetch.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("9", job.JobId);
        job.RemoveFromQueue();
    }
}
