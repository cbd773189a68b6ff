using Hangfire;
using ScimGateway.Jobs.Storage;

// Usage: ScimGateway.Jobs.Host <storage-file> <status-file>
// Runs a Hangfire server (2 workers) over the LiteDB job storage file until killed, and rewrites <status-file> every
// 100 ms with the default queue's counts, so a test can tell when finished jobs have left the queue (which happens
// after the job's own "finished" marker is written).
if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: ScimGateway.Jobs.Host <storage-file> <status-file>");
    return 2;
}

var (storageFile, statusFile) = (args[0], args[1]);
using var storage = new LiteDbJobStorage(storageFile, new LiteDbStorageOptions());
using var server = new BackgroundJobServer(
    new BackgroundJobServerOptions { WorkerCount = 2, SchedulePollingInterval = TimeSpan.FromMilliseconds(200) },
    storage);

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var monitoring = storage.GetMonitoringApi();
while (!stop.IsCancellationRequested)
{
    var status = $"enqueued={monitoring.EnqueuedCount("default")} fetched={monitoring.FetchedCount("default")} succeeded={monitoring.SucceededListCount()}";
    var temporary = statusFile + ".tmp";
    File.WriteAllText(temporary, status);
    File.Move(temporary, statusFile, overwrite: true);
    stop.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
}

return 0;
