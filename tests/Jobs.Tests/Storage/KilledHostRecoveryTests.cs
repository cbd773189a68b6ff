using System.Diagnostics;
using System.Text;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Time.Testing;
using ScimGateway.Jobs.Host;
using ScimGateway.Jobs.Storage;

namespace ScimGateway.Jobs.Tests.Storage;

/// <summary>
/// A real process (ScimGateway.Jobs.Host) runs a Hangfire server over a LiteDB file and is killed mid-job; this process
/// then reopens the file, as a restarted gateway would, and recovers. Never two processes on the file at once.
/// </summary>
[Collection(HangfireServerCollection.Name)]
public sealed class KilledHostRecoveryTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _directory = new();
    private readonly string _markers;

    public KilledHostRecoveryTests() => _markers = Directory.CreateDirectory(_directory.File("markers")).FullName;

    private string StorageFile => _directory.File("hangfire.db");

    private string StatusFile => _directory.File("host-status");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task KilledHost_ItsProcessingJobRunsAgainAfterTheInvisibilityTimeout_FinishedJobsDoNot()
    {
        var markers = _markers;
        string slow;
        string[] fast;
        using (var storage = new LiteDbJobStorage(StorageFile, new LiteDbStorageOptions()))
        {
            var client = new BackgroundJobClient(storage);
            slow = client.Enqueue(() => MarkerJobs.Slow(markers, null, CancellationToken.None));
            fast = [.. Enumerable.Range(0, 3).Select(_ => client.Enqueue(() => MarkerJobs.Fast(markers, null)))];
        }

        await RunHostUntilKilledAsync(() =>
            Started(slow) == 1 && fast.All(id => Finished(id) == 1)
            // Finished jobs have left the queue (their removal commits after the marker is written); the slow one is held.
            && ReadStatus() == $"enqueued=0 fetched=1 succeeded={fast.Length}");
        Assert.Equal(0, Finished(slow));

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new LiteDbStorageOptions();
        using var restarted = new LiteDbJobStorage(StorageFile, options, clock);
        var monitoring = restarted.GetMonitoringApi();
        Assert.Equal(1, monitoring.FetchedCount("default"));
        Assert.Equal(0, monitoring.EnqueuedCount("default"));
        clock.Advance(options.InvisibilityTimeout + TimeSpan.FromMinutes(1));

        using (new BackgroundJobServer(
            new BackgroundJobServerOptions { WorkerCount = 2, SchedulePollingInterval = TimeSpan.FromMilliseconds(200), ShutdownTimeout = TimeSpan.FromSeconds(5) },
            restarted))
        {
            await WaitUntilAsync(() => Started(slow) == 2, "The job the killed process was running did not run again.");
            await File.WriteAllTextAsync(Path.Combine(markers, MarkerJobs.ReleaseFileName), "go");
            await WaitUntilAsync(
                () => StateOf(restarted, slow) == SucceededState.StateName && monitoring.EnqueuedCount("default") == 0 && monitoring.FetchedCount("default") == 0,
                "The recovered job did not succeed and empty the queue.");
        }

        Assert.Equal(1, Finished(slow));
        Assert.All(fast, id =>
        {
            Assert.Equal(1, Started(id));
            Assert.Equal(1, Finished(id));
            Assert.Equal(SucceededState.StateName, StateOf(restarted, id));
        });
        Assert.Equal(fast.Length + 1, monitoring.SucceededListCount());
    }

    private int Started(string jobId) => MarkerJobs.Count(_markers, jobId, "started");

    private int Finished(string jobId) => MarkerJobs.Count(_markers, jobId, "finished");

    private string? ReadStatus()
    {
        try
        {
            return File.Exists(StatusFile) ? File.ReadAllText(StatusFile) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? StateOf(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    /// <summary>Starts the host on the storage file, waits for <paramref name="ready"/>, then kills it with its whole tree.</summary>
    private async Task RunHostUntilKilledAsync(Func<bool> ready)
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "ScimGateway.Jobs.Host.dll");
        Assert.True(File.Exists(hostDll), $"The host is not built next to the tests: {hostDll}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { hostDll, StorageFile, StatusFile })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var host = new Process { StartInfo = start };
        host.OutputDataReceived += (_, e) => Append(output, e.Data);
        host.ErrorDataReceived += (_, e) => Append(output, e.Data);
        Assert.True(host.Start());
        try
        {
            host.BeginOutputReadLine();
            host.BeginErrorReadLine();
            await WaitUntilAsync(() => ready() || host.HasExited, "The host did not get the jobs to the expected point.");
            Assert.False(host.HasExited, $"The host exited early with {(host.HasExited ? host.ExitCode : 0)}: {Snapshot(output)}");
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(new CancellationTokenSource(Patience).Token);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < Patience, $"{failure} (waited {Patience}).");
            await Task.Delay(50);
        }
    }
}
