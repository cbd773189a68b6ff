using System.Collections.Concurrent;
using Hangfire;

namespace ScimGateway.Jobs.Tests.Storage;

/// <summary>Job methods the tests enqueue; runs are recorded per test run id so tests never see each other's jobs.</summary>
public static class TestJobs
{
    private static readonly ConcurrentDictionary<string, int> Runs = new();
    private static readonly ConcurrentDictionary<string, int> Running = new();
    private static readonly ConcurrentDictionary<string, int> MaxRunning = new();

    public static void Empty()
    {
    }

    public static void Record(string runId) => Runs.AddOrUpdate(runId, 1, (_, n) => n + 1);

    public static int RunCount(string runId) => Runs.GetValueOrDefault(runId);

    public static int MaxConcurrency(string runId) => MaxRunning.GetValueOrDefault(runId);

    [AutomaticRetry(Attempts = 1, DelaysInSeconds = [0])]
    public static void FailAlways(string runId)
    {
        Record(runId);
        throw new InvalidOperationException("Fails on purpose.");
    }

    [DisableConcurrentExecution(timeoutInSeconds: 30)]
    public static void Exclusive(string runId)
    {
        var now = Running.AddOrUpdate(runId, 1, (_, n) => n + 1);
        MaxRunning.AddOrUpdate(runId, now, (_, max) => Math.Max(max, now));
        Thread.Sleep(300);
        Running.AddOrUpdate(runId, 0, (_, n) => n - 1);
        Record(runId);
    }
}
